// Package payoutdocs writes a payout run's files into a folder: a statement PDF per payout
// (NUMBER-partnerkey.pdf), and for a whole run the summary PDF, the bookkeeping CSV and the
// payment files. The command line and the window both call it; the rules live in statement,
// payfile and the store.
package payoutdocs

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"partnerbook/backend/payfile"
	"partnerbook/backend/sqlite"
	"partnerbook/backend/statement"
)

// Result names the files written, and what could not be made.
type Result struct {
	Dir      string   `json:"dir"`
	Files    []string `json:"files"`
	Warnings []string `json:"warnings"`
}

// Reference is the text of the payment reference, before the payout's number.
const Reference = "Partner commission"

// FileName is a statement's file name.
func FileName(number, key string) string {
	return safe(number) + "-" + safe(key) + ".pdf"
}

func safe(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == ':' || r < 32 {
			return '_'
		}
		return r
	}, s)
}

// Statements writes the statements of the numbered payouts into dir, as filed (see
// sqlite.Store.StatementPDFs).
func Statements(ctx context.Context, st *sqlite.Store, programID int64, numbers []string, dir string) (Result, error) {
	res := Result{Dir: dir, Files: []string{}, Warnings: []string{}}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return res, fmt.Errorf("statements: %w", err)
	}
	filed, err := st.StatementPDFs(ctx, programID, numbers)
	if err != nil {
		return res, err
	}
	names := make([]string, len(filed))
	pdfs := make([][]byte, len(filed))
	for i, f := range filed {
		names[i], pdfs[i] = FileName(f.Number, f.PartnerKey), f.PDF
	}
	if err := writeFiles(dir, names, pdfs); err != nil {
		return res, err
	}
	res.Files = append(res.Files, names...)
	return res, nil
}

// writeFiles writes each of data to its name in dir, on every core (a file is mostly system
// calls: a temporary file, its write, close and rename), and says the first error.
func writeFiles(dir string, names []string, data [][]byte) error {
	next := make(chan int)
	errs := make(chan error, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for w := 0; w < cap(errs); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := writeFile(filepath.Join(dir, names[i]), data[i]); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	var first error
feed:
	for i := range names {
		select {
		case next <- i:
		case first = <-errs:
			break feed
		}
	}
	close(next)
	wg.Wait()
	close(errs)
	if first == nil {
		first = <-errs
	}
	return first
}

// Run writes everything of a run into dir: its statements, run-N-summary.pdf,
// run-N-bookkeeping.csv, and the payment files: run-N-paypal-CUR.csv (PayPal partners, one
// file a currency), run-N-wise.csv and run-N-sepa.xml (IBAN partners; SEPA for EUR, and only
// with the setting company.iban).
func Run(ctx context.Context, st *sqlite.Store, programID, runID int64, programCurrency, dir string) (Result, error) {
	d, err := st.RunDocuments(ctx, programID, runID)
	if err != nil {
		return Result{}, err
	}
	res, err := Statements(ctx, st, programID, d.Numbers, dir)
	if err != nil {
		return res, err
	}
	prefix := fmt.Sprintf("run-%d-", runID)
	add := func(name string, b []byte) error {
		if err := writeFile(filepath.Join(dir, name), b); err != nil {
			return err
		}
		res.Files = append(res.Files, name)
		return nil
	}
	summary, err := statement.SummaryPDF(d.Run)
	if err != nil {
		return res, err
	}
	if err := add(prefix+"summary.pdf", summary); err != nil {
		return res, err
	}
	var buf bytes.Buffer
	if err := statement.BookkeepingCSV(&buf, d.Run); err != nil {
		return res, err
	}
	if err := add(prefix+"bookkeeping.csv", buf.Bytes()); err != nil {
		return res, err
	}
	paypal := map[string][]payfile.Payment{}
	var iban, sepa []payfile.Payment
	for i, p := range d.Payments {
		switch d.Methods[i] {
		case "paypal":
			paypal[p.Currency] = append(paypal[p.Currency], p)
		case "iban":
			iban = append(iban, p)
			if p.Currency == "EUR" {
				sepa = append(sepa, p)
			}
		}
	}
	currencies := make([]string, 0, len(paypal))
	for c := range paypal {
		currencies = append(currencies, c)
	}
	sort.Strings(currencies)
	for _, c := range currencies {
		buf.Reset()
		if err := payfile.PayPalCSV(&buf, paypal[c], Reference); err != nil {
			return res, err
		}
		if err := add(prefix+"paypal-"+strings.ToLower(c)+".csv", buf.Bytes()); err != nil {
			return res, err
		}
	}
	if len(iban) > 0 {
		buf.Reset()
		if err := payfile.WiseCSV(&buf, iban, programCurrency); err != nil {
			return res, err
		}
		if err := add(prefix+"wise.csv", buf.Bytes()); err != nil {
			return res, err
		}
	}
	if len(sepa) > 0 {
		buf.Reset()
		day := d.Run.Created.Format("2006-01-02")
		msg := fmt.Sprintf("PB-%s-RUN-%d", d.Run.AsOf, runID)
		if d.Debtor.IBAN == "" {
			res.Warnings = append(res.Warnings, "no SEPA file: set the shop's IBAN first (partnerbook settings set company.iban …)")
		} else if err := payfile.SEPA(&buf, d.Debtor, msg, d.Run.Created, day, sepa, Reference); err != nil {
			res.Warnings = append(res.Warnings, "no SEPA file: "+err.Error())
		} else if err := add(prefix+"sepa.xml", buf.Bytes()); err != nil {
			return res, err
		}
	}
	return res, nil
}

// writeFile writes through a temporary file and a rename: a crash leaves the old file or the
// new one, never half of one.
func writeFile(path string, b []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".pb-*")
	if err != nil {
		return fmt.Errorf("statements: %w", err)
	}
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("statements: %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("statements: %s: %w", path, err)
	}
	os.Chmod(tmp.Name(), 0o644)
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("statements: %s: %w", path, err)
	}
	return nil
}

// DATEV writes a run's bookings as a DATEV Buchungsstapel, EXTF_Buchungsstapel_run-N.csv, into
// dir (docs/statements.md, "For the books"): each payout at its gross on SKR03's commission
// account 4760 against the collective creditor 70000, from the run's frozen records.
func DATEV(ctx context.Context, st *sqlite.Store, programID, runID int64, dir string) (Result, error) {
	res := Result{Dir: dir, Files: []string{}, Warnings: []string{}}
	d, err := st.RunDocuments(ctx, programID, runID)
	if err != nil {
		return res, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return res, fmt.Errorf("statements: %w", err)
	}
	var buf bytes.Buffer
	if err := statement.DATEV(&buf, d.Run, statement.DATEVAccounts{}, d.Run.Created); err != nil {
		return res, err
	}
	name := fmt.Sprintf("EXTF_Buchungsstapel_run-%d.csv", runID)
	if err := writeFile(filepath.Join(dir, name), buf.Bytes()); err != nil {
		return res, err
	}
	res.Files = append(res.Files, name)
	return res, nil
}
