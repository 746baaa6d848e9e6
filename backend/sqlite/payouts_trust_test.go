package sqlite

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"partnerbook/backend/domain"
)

// bonus gives a partner an approved adjustment, a payable balance.
func bonus(t *testing.T, s *Store, pid int64, key, amount string) {
	t.Helper()
	if _, err := s.AddAdjustment(ctx, pid, domain.Adjustment{Partner: key, Amount: amount, Comment: "bonus"}); err != nil {
		t.Fatal(err)
	}
}

func numbersOf(r domain.PayoutRun) string {
	var out []string
	for _, p := range r.Payouts {
		out = append(out, p.Number)
	}
	return strings.Join(out, " ")
}

// Renaming the company (or naming it where it had no name) goes on with the same series.
func TestNumbersSurviveARename(t *testing.T) {
	s := open(t)
	prog, _, _ := commissionProgram(t, s, "0")
	payday(s)
	bonus(t, s, prog.ID, "kira", "10.00")
	bonus(t, s, prog.ID, "lena", "10.00")
	run, err := s.RunPayouts(ctx, prog.ID, "2025-05-01", false)
	if err != nil || numbersOf(run) != "2025-0001 2025-0002" {
		t.Fatalf("run = %+v, %v", run, err)
	}
	for i, name := range []string{"Kaffee Shop Berlin GmbH", "Rösterei Nord"} {
		if err := s.SetSetting(ctx, "company.name", name); err != nil {
			t.Fatal(err)
		}
		bonus(t, s, prog.ID, "kira", "10.00")
		dry, err := s.RunPayouts(ctx, prog.ID, "2025-06-01", true)
		want := []string{"2025-0003", "2025-0004"}[i]
		if err != nil || numbersOf(dry) != want {
			t.Fatalf("dry run after renaming to %s = %+v, %v", name, dry, err)
		}
		real, err := s.RunPayouts(ctx, prog.ID, "2025-06-01", false)
		if err != nil || numbersOf(real) != want {
			t.Fatalf("run after renaming to %s = %+v, %v", name, real, err)
		}
	}
}

// A database whose series were keyed by the company's names goes on after the greatest
// number any of them issued; its payouts are frozen when first read.
func TestNumberSeriesMigration(t *testing.T) {
	// As version 6 left it: two numbers taken under the name "default", and a later name that
	// started a series of its own (whose first run then failed, rolled back).
	s := migratedFrom(t, 6,
		`INSERT INTO programs (id, name, created_at, updated_at) VALUES (1, 'Shop', 'x', 'x')`,
		`INSERT INTO partners (id, program_id, name, email, key, created_at, updated_at) VALUES (1, 1, 'Kira', 'kira@example.com', 'kira', 'x', 'x')`,
		`INSERT INTO payout_runs (id, program_id, as_of, created_at) VALUES (1, 1, '2025-05-01', '2025-05-01T10:00:00Z')`,
		`INSERT INTO payouts (run_id, program_id, partner_id, number, currency, amount, lines, method, created_at)
			VALUES (1, 1, 1, '2025-0001', 'EUR', 1000, 0, 'other', 'x'), (1, 1, 1, '2025-0002', 'EUR', 1000, 0, 'other', 'x')`,
		`INSERT INTO number_series VALUES ('default', 2025, 3), ('Kaffee GmbH', 2025, 1), ('default', 2024, 8)`,
		`INSERT INTO settings (key, value) VALUES ('company.name', 'Kaffee GmbH'), ('company.address', 'Hauptstraße 1, Berlin')`,
	)
	payday(s)
	var series string
	s.db.QueryRow(`SELECT group_concat(issuer || ' ' || year || ' ' || next, '; ') FROM (SELECT * FROM number_series ORDER BY year)`).Scan(&series)
	if series != "company 2024 8; company 2025 3" {
		t.Fatalf("series after the migration: %s", series)
	}
	bonus(t, s, 1, "kira", "10.00")
	run, err := s.RunPayouts(ctx, 1, "2025-06-01", false)
	if err != nil || numbersOf(run) != "2025-0003" {
		t.Fatalf("run after the migration = %+v, %v", run, err)
	}
	st, err := s.Statement(ctx, 1, "2025-0001")
	if err != nil || st.Issuer.Name != "Kaffee GmbH" || st.Partner.Name != "Kira" {
		t.Fatalf("an old payout's statement = %+v, %v", st, err)
	}
}

// An issued statement never changes: editing the company, the partner, their payment details,
// language or the logo afterwards changes neither the statement nor its PDF's bytes.
func TestStatementNeverChanges(t *testing.T) {
	s, path := openPath(t)
	prog, _, _ := commissionProgram(t, s, "0")
	logo := filepath.Join(t.TempDir(), "logo.png")
	if err := os.WriteFile(logo, tinyPNG, 0o644); err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]string{"company.country": "DE", "company.logo": logo} {
		if err := s.SetSetting(ctx, k, v); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.UpdatePartner(ctx, prog.ID, "kira", domain.PartnerPatch{Address: str("Ulica 1, Kraków"), Country: str("PL"),
		IBAN: str("PL61 1090 1014 0000 0712 1981 2874")}); err != nil {
		t.Fatal(err)
	}
	payday(s)
	bonus(t, s, prog.ID, "kira", "60.00")
	run, err := s.RunPayouts(ctx, prog.ID, "2025-05-01", false)
	if err != nil || len(run.Payouts) != 1 {
		t.Fatalf("run = %+v, %v", run, err)
	}
	number := run.Payouts[0].Number
	before, err := s.Statement(ctx, prog.ID, number)
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := s.StatementPDF(ctx, prog.ID, number)
	if err != nil {
		t.Fatal(err)
	}
	if before.Issuer.Address != "Hauptstraße 1, 10115 Berlin" || before.Partner.Address != "Ulica 1, Kraków" || !bytes.Equal(before.Logo, tinyPNG) ||
		before.MethodDetail != "PL61109010140000071219812874" {
		t.Fatalf("frozen statement = %+v", before)
	}
	// Everything the statement prints is edited.
	for k, v := range map[string]string{"company.name": "Other GmbH", "company.address": "Neue Straße 9", "company.vat_id": "DE123456789"} {
		if err := s.SetSetting(ctx, k, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(logo, append(append([]byte(nil), tinyPNG...), 0), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdatePartner(ctx, prog.ID, "kira", domain.PartnerPatch{Name: str("Kira Nowak-Schmidt"), Address: str("Other 2"),
		Language: str("de"), IBAN: str("DE89 3704 0044 0532 0130 00"), VATID: str("PL1234567890")}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = reopen(t, path)
	after, err := s.Statement(ctx, prog.ID, number)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(jsonOf(t, before), jsonOf(t, after)) || !bytes.Equal(before.Logo, after.Logo) {
		t.Fatalf("the statement changed:\n%s\n%s", jsonOf(t, before), jsonOf(t, after))
	}
	again, err := s.StatementPDF(ctx, prog.ID, number)
	if err != nil || !bytes.Equal(pdf, again) {
		t.Fatalf("the filed PDF changed (%v)", err)
	}
	docs, err := s.RunDocuments(ctx, prog.ID, run.Run)
	if err != nil || docs.Run.Issuer.Name != "Kaffee Shop GmbH" || docs.Payments[0].IBAN != "PL61109010140000071219812874" {
		t.Fatalf("run documents = %+v, %v", docs, err)
	}
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A 1x1 PNG.
var tinyPNG = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82")

// Payouts made before statements were frozen are frozen when first read.
func TestOldPayoutsAreFrozenWhenRead(t *testing.T) {
	s, path := openPath(t)
	prog, _, _ := commissionProgram(t, s, "0")
	payday(s)
	bonus(t, s, prog.ID, "kira", "10.00")
	run, err := s.RunPayouts(ctx, prog.ID, "2025-05-01", false)
	if err != nil {
		t.Fatal(err)
	}
	want, err := s.Statement(ctx, prog.ID, run.Payouts[0].Number)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`DELETE FROM statements; UPDATE payout_runs SET record = ''`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = reopen(t, path)
	got, err := s.Statement(ctx, prog.ID, run.Payouts[0].Number)
	if err != nil || jsonOf(t, got) != jsonOf(t, want) {
		t.Fatalf("frozen on open: %+v, %v", got, err)
	}
}

// No invoice without an issuer: a real run is refused, naming the missing settings, and writes
// nothing; a dry run says what is missing. A partner with a VAT id needs the shop's.
func TestNoInvoiceWithoutAnIssuer(t *testing.T) {
	s := open(t)
	prog, _, _ := commissionProgram(t, s, "0")
	payday(s)
	s.SetSetting(ctx, "company.name", "")
	s.SetSetting(ctx, "company.address", "")
	bonus(t, s, prog.ID, "kira", "10.00")
	_, err := s.RunPayouts(ctx, prog.ID, "2025-05-01", false)
	if err == nil || !strings.Contains(err.Error(), "company.name, company.address") {
		t.Fatalf("a run without an issuer: %v", err)
	}
	if count(t, s, "payout_runs") != 0 || count(t, s, "payouts") != 0 {
		t.Fatal("a refused run wrote something")
	}
	dry, err := s.RunPayouts(ctx, prog.ID, "2025-05-01", true)
	if err != nil || !reflect.DeepEqual(dry.Missing, []string{"company.name", "company.address"}) {
		t.Fatalf("dry run = %+v, %v", dry, err)
	}
	s.SetSetting(ctx, "company.name", "Kaffee GmbH")
	s.SetSetting(ctx, "company.address", "Hauptstraße 1, Berlin")
	if _, err := s.UpdatePartner(ctx, prog.ID, "kira", domain.PartnerPatch{VATID: str("PL1234567890"), Country: str("PL")}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RunPayouts(ctx, prog.ID, "2025-05-01", false); err == nil || !strings.Contains(err.Error(), "company.vat_id") {
		t.Fatalf("a run to a partner with a VAT id, the shop without: %v", err)
	}
	s.SetSetting(ctx, "company.vat_id", "DE123456789")
	if run, err := s.RunPayouts(ctx, prog.ID, "2025-05-01", false); err != nil || len(run.Payouts) != 1 {
		t.Fatalf("run = %+v, %v", run, err)
	}
}

// No run into the future: today is the program's day (a zone ahead of UTC may already be
// tomorrow); a dry run may look ahead.
func TestNoRunIntoTheFuture(t *testing.T) {
	s := open(t)
	prog, _, _ := commissionProgram(t, s, "0")
	prog.Timezone = "Pacific/Auckland"
	if _, err := s.UpdateProgram(ctx, prog); err != nil {
		t.Fatal(err)
	}
	bonus(t, s, prog.ID, "kira", "10.00")
	// 13:00 UTC on 1 May is 01:00 on 2 May in Auckland.
	s.Now = func() time.Time { return time.Date(2025, 5, 1, 13, 0, 0, 0, time.UTC) }
	if _, err := s.RunPayouts(ctx, prog.ID, "2025-05-03", false); err == nil || !strings.Contains(err.Error(), "after today (2025-05-02)") {
		t.Fatalf("a run into the future: %v", err)
	}
	if dry, err := s.RunPayouts(ctx, prog.ID, "2025-05-03", true); err != nil || len(dry.Payouts) != 1 {
		t.Fatalf("a dry run into the future = %+v, %v", dry, err)
	}
	if run, err := s.RunPayouts(ctx, prog.ID, "2025-05-02", false); err != nil || len(run.Payouts) != 1 {
		t.Fatalf("a run as of today = %+v, %v", run, err)
	}
}

// Confirm makes exactly the previewed run; after an approval, an import, another run, or a
// change to a partner it is refused and writes nothing.
func TestConfirmWhatWasPreviewed(t *testing.T) {
	s := open(t)
	prog, _, _ := commissionProgram(t, s, "0")
	payday(s)
	bonus(t, s, prog.ID, "kira", "10.00")
	changes := []struct {
		name   string
		change func()
	}{
		{"an adjustment", func() { bonus(t, s, prog.ID, "lena", "5.00") }},
		{"an import", func() {
			if _, err := importItems(t, s, prog.ID, domain.OrderImport{}, sale("#1", 1, 5200, "ana@example.org", "KIRA10")); err != nil {
				t.Fatal(err)
			}
		}},
		{"a partner's payment details", func() {
			if _, err := s.UpdatePartner(ctx, prog.ID, "kira", domain.PartnerPatch{PaypalEmail: str("kira@paypal.example")}); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, c := range changes {
		preview, err := s.RunPayouts(ctx, prog.ID, "2025-05-01", true)
		if err != nil || preview.Fingerprint == "" {
			t.Fatalf("preview = %+v, %v", preview, err)
		}
		c.change()
		_, err = s.ConfirmPayouts(ctx, prog.ID, "2025-05-01", preview.Fingerprint)
		if e, ok := err.(*domain.Error); !ok || e.Code != domain.EConflict || e.Message != "the run changed since the preview: preview again" {
			t.Fatalf("%s: confirm = %v", c.name, err)
		}
		if count(t, s, "payout_runs") != 0 {
			t.Fatalf("%s: a refused confirm wrote a run", c.name)
		}
	}
	preview, err := s.RunPayouts(ctx, prog.ID, "2025-05-01", true)
	if err != nil {
		t.Fatal(err)
	}
	run, err := s.ConfirmPayouts(ctx, prog.ID, "2025-05-01", preview.Fingerprint)
	if err != nil || numbersOf(run) != numbersOf(preview) || run.Fingerprint != preview.Fingerprint || jsonOf(t, run.Payouts) != jsonOf(t, preview.Payouts) {
		t.Fatalf("confirmed %+v, previewed %+v, %v", run, preview, err)
	}
}
