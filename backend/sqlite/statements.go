package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"partnerbook/backend/domain"
	"partnerbook/backend/payfile"
	"partnerbook/backend/statement"
)

// Statement is the statement of a payout (by its number) as its run froze it: the same payout
// always gives the same statement, whatever was edited since.
func (s *Store) Statement(ctx context.Context, programID int64, number string) (statement.Statement, error) {
	f, err := s.frozen(ctx, programID, number)
	return f.st, err
}

// frozenStatement is a payout's frozen record and, once made, its filed PDF.
type frozenStatement struct {
	payout int64
	st     statement.Statement
	pdf    []byte
}

func (s *Store) frozen(ctx context.Context, programID int64, number string) (frozenStatement, error) {
	f, err := s.readFrozen(ctx, programID, number)
	if errors.Is(err, sql.ErrNoRows) {
		// Made before statements were frozen, or no such payout.
		if err := s.freezeOld(ctx); err != nil {
			return f, err
		}
		f, err = s.readFrozen(ctx, programID, number)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return f, domain.Errorf(domain.ENotFound, "there is no payout %q in this program", number)
	}
	return f, err
}

func (s *Store) readFrozen(ctx context.Context, programID int64, number string) (frozenStatement, error) {
	var f frozenStatement
	var record string
	err := s.db.QueryRowContext(ctx, `SELECT py.id, s.record, s.pdf, COALESCE(l.data, x'') FROM payouts py
		JOIN statements s ON s.payout_id = py.id LEFT JOIN statement_logos l ON l.sha256 = s.logo_sha256
		WHERE py.program_id = ? AND py.number = ? AND s.record <> ''`, programID, strings.TrimSpace(number)).Scan(&f.payout, &record, &f.pdf, &f.st.Logo)
	if errors.Is(err, sql.ErrNoRows) {
		return f, err
	}
	if err != nil {
		return f, fmt.Errorf("sqlite: statement %s: %w", number, err)
	}
	logo := f.st.Logo
	if err := json.Unmarshal([]byte(record), &f.st); err != nil {
		return f, fmt.Errorf("sqlite: statement %s: its record: %w", number, err)
	}
	if len(logo) > 0 {
		f.st.Logo = logo
	} else {
		f.st.Logo = nil
	}
	return f, nil
}

// Filed is a payout's statement as filed: its number, partner key and PDF bytes.
type Filed struct {
	Number, PartnerKey string
	PDF                []byte
}

// StatementPDF is the PDF of a payout's statement as filed: made from the frozen record the
// first time it is asked for and kept, so it is the same bytes every time after (for the
// shop, the mail and the partner portal).
func (s *Store) StatementPDF(ctx context.Context, programID int64, number string) ([]byte, error) {
	out, err := s.StatementPDFs(ctx, programID, []string{number})
	if err != nil {
		return nil, err
	}
	return out[0].PDF, nil
}

// statementLines reads a payout's lines into its statement, and the period's first day.
func statementLines(ctx context.Context, q querier, id int64, loc *time.Location, st *statement.Statement) error {
	rows, err := q.QueryContext(ctx, `SELECT l.kind, l.rule, l.note, l.base, l.amount, COALESCE(l.order_time, l.created_at),
		COALESCE(o.order_key, ''), COALESCE(o.customer_name, le.name, ''), COALESCE(o.customer_email, le.email, '')
		FROM commission_lines l LEFT JOIN orders o ON o.id = l.order_id LEFT JOIN leads le ON le.id = l.lead_id
		WHERE l.payout_id = ? ORDER BY COALESCE(l.order_time, l.created_at), l.id`, id)
	if err != nil {
		return fmt.Errorf("sqlite: statement lines: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var l statement.Line
		var base, amount int64
		var at, name, email string
		if err := rows.Scan(&l.Kind, &l.Rule, &l.Note, &base, &amount, &at, &l.Order, &name, &email); err != nil {
			return fmt.Errorf("sqlite: statement lines: %w", err)
		}
		l.Date = parseTime(at).In(loc).Format("2006-01-02")
		l.Base, l.Amount = domain.FormatMinor(base, st.Currency), domain.FormatMinor(amount, st.Currency)
		l.Customer = statement.Private(name, email)
		if st.PeriodFrom == "" || l.Date < st.PeriodFrom {
			st.PeriodFrom = l.Date
		}
		if l.Kind == "adjustment" {
			st.Adjustments = append(st.Adjustments, l)
		} else {
			st.Lines = append(st.Lines, l)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: statement lines: %w", err)
	}
	return nil
}

// statementNetted reads the credit notes a payout nets.
func statementNetted(ctx context.Context, q querier, id int64, st *statement.Statement) error {
	rows, err := q.QueryContext(ctx, `SELECT number, amount, vat FROM payouts WHERE netted_by = ? ORDER BY id`, id)
	if err != nil {
		return fmt.Errorf("sqlite: netted credit notes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var n statement.Netted
		var a, vat int64
		if err := rows.Scan(&n.Number, &a, &vat); err != nil {
			return fmt.Errorf("sqlite: netted credit notes: %w", err)
		}
		n.Amount = domain.FormatMinor(a, st.Currency)
		if vat != 0 {
			n.VAT = domain.FormatMinor(vat, st.Currency)
		}
		st.Netted = append(st.Netted, n)
	}
	return rows.Err()
}

// statementCarried reads what the run carried forward for the partner.
func statementCarried(ctx context.Context, q querier, runID, partnerID int64, st *statement.Statement) error {
	rows, err := q.QueryContext(ctx, `SELECT currency, amount, reason FROM carried_balances WHERE run_id = ? AND partner_id = ? ORDER BY currency`, runID, partnerID)
	if err != nil {
		return fmt.Errorf("sqlite: carried balances: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var c statement.Carried
		var a int64
		if err := rows.Scan(&c.Currency, &a, &c.Reason); err != nil {
			return fmt.Errorf("sqlite: carried balances: %w", err)
		}
		c.Amount = domain.FormatMinor(a, c.Currency)
		st.Carried = append(st.Carried, c)
	}
	return rows.Err()
}

// RunDocuments is what a payout run gives the books and the bank.
type RunDocuments struct {
	Run      statement.Run
	Numbers  []string          // the payouts' numbers, for their statements
	Payments []payfile.Payment // the invoices (not credit notes), with each partner's method
	Methods  []string          // the method of each payment
	Debtor   payfile.Debtor
}

// RunDocuments reads a run for its summary, bookkeeping export and payment files, from what the
// run froze: the issuer and bank account then, each payout's statement record.
func (s *Store) RunDocuments(ctx context.Context, programID, runID int64) (RunDocuments, error) {
	var d RunDocuments
	var created, record string
	if err := s.freezeOld(ctx); err != nil {
		return d, err
	}
	err := s.db.QueryRowContext(ctx, `SELECT as_of, created_at, record FROM payout_runs WHERE id = ? AND program_id = ?`, runID, programID).Scan(&d.Run.AsOf, &created, &record)
	if errors.Is(err, sql.ErrNoRows) {
		return d, domain.Errorf(domain.ENotFound, "there is no payout run %d in this program", runID)
	}
	if err != nil {
		return d, fmt.Errorf("sqlite: payout run: %w", err)
	}
	var rec runRecord
	if record != "" {
		if err := json.Unmarshal([]byte(record), &rec); err != nil {
			return d, fmt.Errorf("sqlite: payout run %d: its record: %w", runID, err)
		}
	}
	d.Run.ID, d.Run.Created, d.Run.Issuer, d.Run.Lang, d.Run.Sample = runID, parseTime(created), rec.Issuer, rec.Lang, rec.Sample
	d.Debtor = payfile.Debtor{Name: rec.Issuer.Name, IBAN: rec.IBAN, BIC: rec.BIC}
	if err := s.readRunPayouts(ctx, runID, &d); err != nil {
		return d, err
	}
	carried, err := s.db.QueryContext(ctx, `SELECT p.key, c.currency, c.amount, c.reason FROM carried_balances c JOIN partners p ON p.id = c.partner_id
		WHERE c.run_id = ? ORDER BY p.key COLLATE NOCASE, c.currency`, runID)
	if err != nil {
		return d, fmt.Errorf("sqlite: carried balances: %w", err)
	}
	defer carried.Close()
	for carried.Next() {
		var c statement.RunCarried
		var a int64
		if err := carried.Scan(&c.Key, &c.Currency, &a, &c.Reason); err != nil {
			return d, fmt.Errorf("sqlite: carried balances: %w", err)
		}
		c.Amount = domain.FormatMinor(a, c.Currency)
		d.Run.Carried = append(d.Run.Carried, c)
	}
	return d, carried.Err()
}

// readRunPayouts reads a run's payouts from their frozen statements.
func (s *Store) readRunPayouts(ctx context.Context, runID int64, d *RunDocuments) error {
	rows, err := s.db.QueryContext(ctx, `SELECT py.amount, py.vat_treatment, s.record FROM payouts py JOIN statements s ON s.payout_id = py.id
		WHERE py.run_id = ? ORDER BY py.number`, runID)
	if err != nil {
		return fmt.Errorf("sqlite: run payouts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var amount int64
		var record, treatment string
		var st statement.Statement
		if err := rows.Scan(&amount, &treatment, &record); err != nil {
			return fmt.Errorf("sqlite: run payouts: %w", err)
		}
		if err := json.Unmarshal([]byte(record), &st); err != nil {
			return fmt.Errorf("sqlite: run payouts: a record: %w", err)
		}
		rp := statement.RunPayout{Number: st.Number, Date: d.Run.AsOf, Credit: st.Credit, Currency: st.Currency, Method: st.Method,
			Key: st.PartnerKey, Partner: st.Partner.Name, Country: st.Partner.Country, VATID: st.Partner.VATID,
			Net: domain.FormatMinor(amount, st.Currency)}
		runPayoutVAT(&rp, st, treatment)
		d.Run.Payouts = append(d.Run.Payouts, rp)
		d.Numbers = append(d.Numbers, rp.Number)
		if rp.Credit {
			continue
		}
		p := payfile.Payment{Number: rp.Number, Key: rp.Key, Name: rp.Partner, Contact: st.Partner.Email, VATID: rp.VATID,
			Currency: rp.Currency, Amount: rp.Gross}
		switch st.Method {
		case "paypal":
			p.Email = st.MethodDetail
		case "iban":
			p.IBAN = st.MethodDetail
		}
		d.Payments = append(d.Payments, p)
		d.Methods = append(d.Methods, rp.Method)
	}
	return rows.Err()
}

// runPayoutVAT fills a run payout's VAT from its frozen statement: the treatment, the rate, the
// VAT (its own and that of the credit notes it nets) and the gross, what is paid. Statements
// issued before VAT was shown paid their net.
func runPayoutVAT(rp *statement.RunPayout, st statement.Statement, treatment string) {
	t := st.Totals()
	places := domain.MinorUnits(st.Currency)
	rp.VATTreatment, rp.VATRate = st.VATTreatment, st.VATRate
	if rp.VATTreatment == "" {
		rp.VATTreatment = treatment
	}
	if rp.VATRate == "" {
		rp.VATRate = "0"
	}
	vat := t.VAT.Add(t.NettedVAT)
	rp.VAT = vat.StringFixed(places)
	rp.Gross = domain.FromMinor(0, st.Currency).Add(t.Net).Add(t.Netted).Add(vat).StringFixed(places)
}

// RunOfPayout is the run a payout (by number) belongs to.
func (s *Store) RunOfPayout(ctx context.Context, programID int64, number string) (int64, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT run_id FROM payouts WHERE program_id = ? AND number = ?`, programID, strings.TrimSpace(number)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, domain.Errorf(domain.ENotFound, "there is no payout %q in this program", number)
	}
	if err != nil {
		return 0, fmt.Errorf("sqlite: payout %s: %w", number, err)
	}
	return id, nil
}
