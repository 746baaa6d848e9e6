package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"partnerbook/backend/payfile/sepacheck"
)

// A payout run's files: a statement per payout in the partner's language, the summary, the
// bookkeeping CSV and the payment files; a statement made again is the same bytes.
func TestStatementCommands(t *testing.T) {
	p := newPB(t)
	p.withProgram()
	p.ok(nil, "import", "partners", "--program", "1", testdata("partners.csv"))
	p.ok(nil, "import", "orders", "--program", "1", fixture("orders_export_1.csv"))
	for k, v := range map[string]string{"company.name": "Rösterei Łódź GmbH", "company.address": "Hauptstraße 1\n10115 Berlin",
		"company.country": "DE", "company.vat_id": "DE111111111", "company.iban": "DE02 1203 0000 0000 2020 51",
		"company.bic": "byladem1"} {
		p.ok(nil, "settings", "set", k, v)
	}
	if code, _, errs := p.run("settings", "set", "company.iban", "DE03120300000000202051"); code == 0 || !strings.Contains(errs, "IBAN") {
		t.Fatalf("a bad shop IBAN: %d %s", code, errs)
	}
	if code, _, errs := p.run("settings", "set", "company.bic", "BYLADEM"); code != 1 || !strings.Contains(errs, "not a BIC") {
		t.Errorf("a bad BIC: %d %s", code, errs)
	}
	p.ok(nil, "commissions", "adjust", "--program", "1", "--partner", "kira", "--amount", "45.00", "--comment", "spring campaign bonus")
	p.ok(nil, "commissions", "adjust", "--program", "1", "--partner", "lena", "--amount", "45.00", "--comment", "Frühjahrsbonus")
	var r struct {
		Run     int64
		Payouts []struct{ Number, Partner, Amount, Method string }
	}
	p.ok(&r, "payouts", "run", "--program", "1", "--json", "--as-of", "2025-05-10")
	if len(r.Payouts) != 2 || r.Payouts[0].Partner != "kira" || r.Payouts[1].Partner != "lena" || r.Payouts[1].Amount != "59.76" {
		t.Fatalf("run = %+v", r)
	}
	dir := t.TempDir()
	var res struct {
		Files    []string
		Warnings []string
	}
	p.ok(&res, "statements", "--program", "1", "--run", "1", "--out", dir, "--json")
	sort.Strings(res.Files)
	want := "2025-0001-kira.pdf 2025-0002-lena.pdf run-1-bookkeeping.csv run-1-paypal-eur.csv run-1-sepa.xml run-1-summary.pdf run-1-wise.csv"
	if strings.Join(res.Files, " ") != want || len(res.Warnings) != 0 {
		t.Fatalf("files = %v %v", res.Files, res.Warnings)
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	lena := pdfText(t, filepath.Join(dir, "2025-0002-lena.pdf"))
	for _, w := range []string{"Gutschrift", "2025-0002", "Lena Fischer", "Rösterei Łódź GmbH", "Frühjahrsbonus", "5,22", "50,22 EUR",
		"Umsatzsteuer 19 %", "9,54 EUR", "Bruttobetrag", "59,76 EUR",
		"Überweisung auf DE89370400440532013000", "Seite 1 von 1"} {
		if !strings.Contains(lena, w) {
			t.Errorf("lena's statement lacks %q:\n%s", w, lena)
		}
	}
	kira := pdfText(t, filepath.Join(dir, "2025-0001-kira.pdf"))
	for _, w := range []string{"Self-billing invoice 2025-0001", "Kira Nowak", "#1001", "7.30", "54.61 EUR", "PayPal to kira.pay@example.org"} {
		if !strings.Contains(kira, w) {
			t.Errorf("kira's statement lacks %q:\n%s", w, kira)
		}
	}
	if got := read("run-1-paypal-eur.csv"); got != "kira.pay@example.org,54.61,EUR,2025-0001,Partner commission 2025-0001\n" {
		t.Errorf("paypal = %q", got)
	}
	if got := read("run-1-bookkeeping.csv"); !strings.Contains(got, "2025-0002,2025-05-10,Lena Fischer,lena,DE,DE123456789,50.22,EUR,iban,invoice,domestic,19,9.54,59.76") {
		t.Errorf("bookkeeping = %q", got)
	}
	if got := read("run-1-sepa.xml"); !strings.Contains(got, "<CtrlSum>59.76</CtrlSum>") || !strings.Contains(got, "<IBAN>DE89370400440532013000</IBAN>") {
		t.Errorf("sepa = %s", got)
	}
	// With the shop's BIC (the file without one is in the payfile tests) the bank is named by
	// it, with no empty Othr, and the file validates against the schema.
	if got := read("run-1-sepa.xml"); !strings.Contains(got, "<BIC>BYLADEM1</BIC>") || strings.Contains(got, "Othr") {
		t.Errorf("sepa with a BIC = %s", got)
	}
	t.Run("sepa schema", func(t *testing.T) { sepacheck.Validate(t, "run-1-sepa.xml", []byte(read("run-1-sepa.xml"))) })
	// Wise writes to the partner about the transfer: the e-mail is there for IBAN partners too.
	if got := read("run-1-wise.csv"); !strings.Contains(got, "Lena Fischer,lena@example.net,2025-0002,,INSTITUTION,target,59.76,EUR,EUR,DE89370400440532013000\n") {
		t.Errorf("wise = %q", got)
	}
	// One payout again, into another folder: the same bytes.
	again := t.TempDir()
	p.ok(nil, "statements", "--program", "1", "--payout", "2025-0002", "--out", again)
	a, _ := os.ReadFile(filepath.Join(dir, "2025-0002-lena.pdf"))
	b, _ := os.ReadFile(filepath.Join(again, "2025-0002-lena.pdf"))
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Fatal("the statement made again differs")
	}
	if code, _, errs := p.run("statements", "--program", "1", "--payout", "2025-0009", "--out", again); code == 0 || !strings.Contains(errs, "2025-0009") {
		t.Fatalf("an unknown payout: %d %s", code, errs)
	}
	if code, _, errs := p.run("statements", "--program", "1", "--run", "1"); code != 2 || !strings.Contains(errs, "--out") {
		t.Fatalf("without --out: %d %s", code, errs)
	}
}

func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}
