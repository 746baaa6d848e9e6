package sample_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"partnerbook/backend/domain"
	"partnerbook/backend/payout"
	"partnerbook/backend/sample"
	"partnerbook/backend/sqlite"
)

// The sample is a living shop: orders from two shops, refunds, a converted lead, lines rejected
// for their reasons, a payout run, and a refund after it taken back from the partner. It lives
// on a fresh start, before the shop has given its company details: its run is issued by the
// invented sample company, in a series of its own, and writes none of the shop's settings.
func TestSampleIsALivingShop(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "pb.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := time.Date(2026, 3, 20, 10, 0, 0, 0, time.UTC)
	st.Now = func() time.Time { return now }
	p, err := sample.Create(ctx, st, now)
	if err != nil {
		t.Fatal(err)
	}
	if again, err := sample.Create(ctx, st, now); err != nil || again.ID != p.ID || !again.Sample {
		t.Fatalf("a second Create: %+v, %v", again, err)
	}
	sources, _ := st.OrderSources(ctx, p.ID)
	if strings.Join(sources, ",") != "shopify,woocommerce" {
		t.Errorf("sources = %v", sources)
	}
	runs, err := st.ListPayoutRuns(ctx, p.ID)
	if err != nil || len(runs) != 1 || len(runs[0].Payouts) == 0 || runs[0].AsOf != "2026-03-01" {
		t.Fatalf("payout runs = %+v, %v", runs, err)
	}
	sampleStatements(t, st, p.ID, runs[0])
	settings, err := st.ListSettings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range settings {
		if strings.HasPrefix(s.Key, "company.") && s.Set {
			t.Errorf("the sample wrote the shop's setting %s = %q", s.Key, s.Value)
		}
	}
	realSeriesUntouched(t, st)
	page, err := st.ListCommissions(ctx, domain.CommissionFilter{ProgramID: p.ID, Limit: 500, AsOf: "2026-03-20"})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, l := range page.Lines {
		seen[l.Kind+"/"+l.Status] = true
		if l.Note != "" {
			seen["note "+l.Note] = true
		}
		if l.Kind == "adjustment" && strings.HasPrefix(l.Amount, "-") && l.Partner == "lena" {
			seen["refund after payout"] = true
		}
	}
	for _, want := range []string{"sale/paid", "sale/pending", "recurring/paid", "lead/paid", "second_tier/paid", "product/reversed",
		"note self_referral", "note partner_inactive", "refund after payout"} {
		if !seen[want] {
			t.Errorf("no %s line; lines: %v", want, seen)
		}
	}
}

// sampleStatements checks the sample run's statements: numbered in the sample series, one after
// another, issued by the sample company, and their PDF says it is a sample and no invoice.
func sampleStatements(t *testing.T, st *sqlite.Store, programID int64, run domain.PayoutRun) {
	t.Helper()
	ctx := context.Background()
	var numbers []string
	for _, py := range run.Payouts {
		numbers = append(numbers, py.Number)
	}
	sort.Strings(numbers)
	says := map[string]string{"en": "Sample: not an invoice", "de": "Muster: keine Rechnung"}
	for i, n := range numbers {
		if want := fmt.Sprintf("SAMPLE-2026-%04d", i+1); n != want {
			t.Errorf("the sample run's numbers are %v, want SAMPLE-2026-0001 and on", numbers)
		}
		s, err := st.Statement(ctx, programID, n)
		if err != nil || !s.Sample || s.Issuer.Name != payout.SampleCompany.Name || s.Issuer.VATID != payout.SampleCompany.VATID {
			t.Fatalf("statement %s = %+v, %v", n, s, err)
		}
		pdf, err := st.StatementPDF(ctx, programID, n)
		if err != nil {
			t.Fatal(err)
		}
		text := pdftotext(t, pdf)
		for _, want := range []string{says[s.Lang], "Sample Coffee Roasters (sample)", n} {
			if !strings.Contains(text, want) {
				t.Errorf("the sample statement %s (%s) lacks %q:\n%s", n, s.Lang, want, text)
			}
		}
		delete(says, s.Lang)
	}
	if len(says) != 0 {
		t.Errorf("no sample statement in %v", says)
	}
	docs, err := st.RunDocuments(ctx, programID, run.Run)
	if err != nil || !docs.Run.Sample || docs.Debtor.IBAN != payout.SampleCompany.IBAN {
		t.Fatalf("the sample run's documents = %+v, %v", docs.Run, err)
	}
}

// realSeriesUntouched makes a real program's first run after the sample: refused without the
// shop's company details, as before; with them, numbered from the first of the shop's series.
func realSeriesUntouched(t *testing.T, st *sqlite.Store) {
	t.Helper()
	ctx := context.Background()
	prog, err := st.CreateProgram(ctx, domain.DefaultProgram("Kaffee Shop"))
	if err != nil || prog.Sample {
		t.Fatalf("a real program = %+v, %v", prog, err)
	}
	name := "Jan Kowalski"
	if _, err := st.AddPartner(ctx, prog.ID, domain.PartnerPatch{Name: &name, Email: ptr("jan@example.com"), Key: ptr("jan")}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddAdjustment(ctx, prog.ID, domain.Adjustment{Partner: "jan", Amount: "40.00", Comment: "bonus"}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.RunPayouts(ctx, prog.ID, "2026-03-20", false); domain.ErrorCode(err) != domain.EInvalid ||
		!strings.Contains(err.Error(), "company.name") {
		t.Fatalf("a real run without company details: %v", err)
	}
	for k, v := range map[string]string{"company.name": "Kaffee Shop GmbH", "company.address": "Hauptstraße 1\n10115 Berlin"} {
		if err := st.SetSetting(ctx, k, v); err != nil {
			t.Fatal(err)
		}
	}
	run, err := st.RunPayouts(ctx, prog.ID, "2026-03-20", false)
	if err != nil || len(run.Payouts) != 1 || run.Payouts[0].Number != "2026-0001" {
		t.Fatalf("the real program's first run = %+v, %v", run, err)
	}
	s, err := st.Statement(ctx, prog.ID, "2026-0001")
	if err != nil || s.Sample || s.Issuer.Name != "Kaffee Shop GmbH" {
		t.Fatalf("the real statement = %+v, %v", s, err)
	}
	pdf, err := st.StatementPDF(ctx, prog.ID, "2026-0001")
	if err != nil {
		t.Fatal(err)
	}
	if text := pdftotext(t, pdf); strings.Contains(text, "Sample") || !strings.Contains(text, "Self-billing invoice 2026-0001") {
		t.Errorf("the real statement's text:\n%s", text)
	}
}

func ptr(s string) *string { return &s }

func pdftotext(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext is needed (Debian: poppler-utils; scripts/setup.sh installs it)")
	}
	f := filepath.Join(t.TempDir(), "s.pdf")
	if err := os.WriteFile(f, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", f, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
