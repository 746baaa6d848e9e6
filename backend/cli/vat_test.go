package cli

import (
	"context"
	"os"
	"partnerbook/backend/payfile/sepacheck"
	"partnerbook/backend/sqlite"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

type vatPartner struct {
	Key             string
	VATTreatment    string `json:"vat_treatment"`
	VATTreatmentSet bool   `json:"vat_treatment_set"`
}

// The treatment is derived when a partner is saved (and when the company's country changes),
// unless a person chose it; auto derives it again.
func TestPartnerVATTreatment(t *testing.T) {
	p := newPB(t)
	p.withProgram()
	add := func(key, country, vatID string, more ...string) vatPartner {
		t.Helper()
		var out struct{ Partner vatPartner }
		args := append([]string{"partner", "add", "--program", "1", "--name", key, "--email", key + "@example.org", "--key", key,
			"--country", country, "--vat-id", vatID, "--json"}, more...)
		p.ok(&out, args...)
		return out.Partner
	}
	// No company country yet: nobody is domestic.
	if got := add("jonas", "DE", "DE123456789"); got.VATTreatment != "none" || got.VATTreatmentSet {
		t.Errorf("before the company's country: %+v", got)
	}
	p.withCompany() // DE
	list := func() map[string]vatPartner {
		var l struct{ Partners []vatPartner }
		p.ok(&l, "partner", "list", "--program", "1", "--json")
		m := map[string]vatPartner{}
		for _, x := range l.Partners {
			m[x.Key] = x
		}
		return m
	}
	if got := list()["jonas"]; got.VATTreatment != "domestic" {
		t.Errorf("the company's country set: jonas is %+v", got)
	}
	cases := []struct{ key, country, vatID, want string }{
		{"kira", "PL", "PL1234567890", "reverse_charge"},
		{"lena", "DE", "", "none"},
		{"sam", "US", "", "none"},
		{"eva", "", "FR12345678901", "reverse_charge"},
	}
	for _, c := range cases {
		if got := add(c.key, c.country, c.vatID); got.VATTreatment != c.want {
			t.Errorf("%s %s %q: %s, want %s", c.key, c.country, c.vatID, got.VATTreatment, c.want)
		}
	}
	if got := add("mia", "DE", "", "--vat", "exempt"); got.VATTreatment != "exempt" || !got.VATTreatmentSet {
		t.Errorf("chosen exempt: %+v", got)
	}
	human := p.ok(nil, "partner", "list", "--program", "1")
	if !regexp.MustCompile(`(?m)^mia .*\bexempt$`).MatchString(human) || !regexp.MustCompile(`(?m)^kira .*\breverse_charge \(auto\)$`).MatchString(human) {
		t.Errorf("the list names each treatment, derived ones marked:\n%s", human)
	}
	// A chosen treatment stays when the partner changes; a derived one follows the partner.
	var upd struct{ Partner vatPartner }
	p.ok(&upd, "partner", "update", "--program", "1", "--key", "mia", "--vat-id", "DE987654321", "--json")
	if upd.Partner.VATTreatment != "exempt" {
		t.Errorf("mia after a VAT id: %+v", upd.Partner)
	}
	p.ok(&upd, "partner", "update", "--program", "1", "--key", "mia", "--vat", "auto", "--json")
	if upd.Partner.VATTreatment != "domestic" || upd.Partner.VATTreatmentSet {
		t.Errorf("mia derived again: %+v", upd.Partner)
	}
	p.ok(&upd, "partner", "update", "--program", "1", "--key", "kira", "--country", "DE", "--vat-id", "DE111222333", "--json")
	if upd.Partner.VATTreatment != "domestic" {
		t.Errorf("kira moved to Germany: %+v", upd.Partner)
	}
	code, _, errs := p.run("partner", "update", "--program", "1", "--key", "kira", "--vat", "zero")
	if code != 1 || !strings.Contains(errs, `vat_treatment`) || !strings.Contains(errs, `"zero" is not one of domestic, reverse_charge, exempt, none`) {
		t.Errorf("a bad treatment: exit %d, %s", code, errs)
	}
	p.ok(nil, "settings", "set", "company.country", "PL")
	m := list()
	if m["jonas"].VATTreatment != "reverse_charge" || m["kira"].VATTreatment != "reverse_charge" || m["eva"].VATTreatment != "reverse_charge" {
		t.Errorf("after the company moved to Poland: %+v", m)
	}

	// The partners file's column: a word chooses, auto derives, an empty cell leaves it.
	file := filepath.Join(t.TempDir(), "partners.csv")
	csv := "name,email,key,country,vat_id,vat_treatment\n" +
		"Jonas,jonas@example.org,jonas,DE,DE123456789,exempt\n" +
		"Kira,kira@example.org,kira,PL,PL1234567890,\n" +
		"Olek,olek@example.org,olek,PL,PL5555555555,auto\n" +
		"Bad,bad@example.org,bad,PL,,vat\n"
	if err := os.WriteFile(file, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errs = p.run("import", "partners", "--program", "1", file)
	if code != 1 || !strings.Contains(errs, `partners.csv:5: column "vat_treatment"`) {
		t.Fatalf("a bad cell: exit %d, %s", code, errs)
	}
	if err := os.WriteFile(file, []byte(strings.TrimSuffix(csv, "Bad,bad@example.org,bad,PL,,vat\n")), 0o600); err != nil {
		t.Fatal(err)
	}
	p.ok(nil, "import", "partners", "--program", "1", file)
	m = list()
	if m["jonas"].VATTreatment != "exempt" || !m["jonas"].VATTreatmentSet || m["kira"].VATTreatment != "domestic" || m["olek"].VATTreatment != "domestic" {
		t.Errorf("imported: %+v", m)
	}
}

type vatPayout struct {
	Number, Partner, Net, Amount, Kind string
	VATRate                            string `json:"vat_rate"`
	VAT                                string `json:"vat"`
}

// A domestic partner's payout charges VAT on the net and is paid the gross in the SEPA and
// PayPal files; thresholds compare the net; a credit note after a clawback reverses the VAT,
// and the payout netting it pays it back at its gross.
func TestPayoutVAT(t *testing.T) {
	p := newPB(t)
	p.withProgram()
	p.withCompany() // Germany, no rate set: the standard rate, 19 %
	p.ok(nil, "settings", "set", "company.iban", "DE02 1203 0000 0000 2020 51")
	for _, args := range [][]string{
		{"--key", "anna", "--name", "Anna Agentur GmbH", "--country", "DE", "--vat-id", "DE987654321", "--iban", "DE89 3704 0044 0532 0130 00"},
		{"--key", "jonas", "--name", "Jonas Media", "--country", "DE", "--vat-id", "DE123456789", "--paypal-email", "jonas.pay@example.org"},
		{"--key", "kira", "--name", "Kira Nowak", "--country", "PL", "--vat-id", "PL5260250995", "--paypal-email", "kira.pay@example.org"},
	} {
		p.ok(nil, append([]string{"partner", "add", "--program", "1", "--email", args[1] + "@example.org"}, args...)...)
	}
	adjust := func(key, amount string) {
		p.ok(nil, "commissions", "adjust", "--program", "1", "--partner", key, "--amount", amount, "--comment", "campaign")
	}
	run := func(day string) map[string]vatPayout {
		var r struct{ Payouts []vatPayout }
		p.ok(&r, "payouts", "run", "--program", "1", "--as-of", day, "--json")
		m := map[string]vatPayout{}
		for _, x := range r.Payouts {
			m[x.Partner] = x
		}
		return m
	}
	want := func(got vatPayout, net, rate, vat, amount string) {
		t.Helper()
		if got.Net != net || got.VATRate != rate || got.VAT != vat || got.Amount != amount {
			t.Errorf("%s %s: net %s rate %s VAT %s amount %s; want %s %s %s %s", got.Partner, got.Number, got.Net, got.VATRate, got.VAT,
				got.Amount, net, rate, vat, amount)
		}
	}
	files := func(run string) func(string) string {
		dir := t.TempDir()
		p.ok(nil, "statements", "--program", "1", "--run", run, "--out", dir)
		return func(name string) string {
			b, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}

	adjust("anna", "100.00")
	adjust("kira", "60.00")
	adjust("jonas", "45.00") // 53.55 gross, but the threshold of 50 compares the net
	r1 := run("2025-05-10")
	if _, paid := r1["jonas"]; paid || len(r1) != 2 {
		t.Fatalf("run 1: %+v", r1)
	}
	want(r1["anna"], "100.00", "19", "19.00", "119.00")
	want(r1["kira"], "60.00", "0", "0.00", "60.00")
	f1 := files("1")
	sepa := f1("run-1-sepa.xml")
	if !strings.Contains(sepa, "<CtrlSum>119.00</CtrlSum>") || !strings.Contains(sepa, `<InstdAmt Ccy="EUR">119.00</InstdAmt>`) {
		t.Errorf("the SEPA file pays the net:\n%s", sepa)
	}
	t.Run("sepa schema", func(t *testing.T) { sepacheck.Validate(t, "run-1-sepa.xml", []byte(sepa)) })
	if got := f1("run-1-paypal-eur.csv"); got != "kira.pay@example.org,60.00,EUR,2025-0002,Partner commission 2025-0002\n" {
		t.Errorf("paypal run 1 = %q", got)
	}
	if got := f1("run-1-bookkeeping.csv"); !strings.Contains(got, ",100.00,EUR,iban,invoice,domestic,19,19.00,119.00\n") ||
		!strings.Contains(got, ",60.00,EUR,paypal,invoice,reverse_charge,0,0.00,60.00\n") {
		t.Errorf("bookkeeping run 1:\n%s", got)
	}

	// The run's bookings for DATEV: a Buchungsstapel in Windows-1252, each payout at its gross.
	datevDir := t.TempDir()
	p.ok(nil, "bookings", "datev", "--program", "1", "--run", "1", "--out", datevDir)
	raw, err := os.ReadFile(filepath.Join(datevDir, "EXTF_Buchungsstapel_run-1.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(raw), "\r\n"), "\r\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], `"EXTF";700;21;"Buchungsstapel";9;`) ||
		!strings.Contains(lines[1], "\"Gegenkonto (ohne BU-Schl\xfcssel)\"") {
		t.Fatalf("DATEV file:\n%q", raw)
	}
	cols := strings.Count(lines[1], ";")
	if !strings.HasPrefix(lines[2], `119,00;"S";"EUR";;;;4760;70000;"9";1005;"2025-0001";`) ||
		!strings.HasPrefix(lines[3], `60,00;"S";"EUR";;;;4760;70000;"";1005;"2025-0002";`) || !strings.Contains(lines[3], `"PL5260250995"`) ||
		strings.Count(lines[2], ";") != cols || strings.Count(lines[3], ";") != cols || cols != 115 {
		t.Errorf("DATEV bookings (%d columns):\n%s\n%s", cols+1, lines[2], lines[3])
	}

	adjust("jonas", "15.00")
	adjust("anna", "-10.00") // a clawback after the payout
	r2 := run("2025-06-10")
	want(r2["jonas"], "60.00", "19", "11.40", "71.40")
	want(r2["anna"], "-10.00", "19", "-1.90", "-11.90")
	if r2["anna"].Kind != "credit_note" {
		t.Errorf("anna in run 2: %+v", r2["anna"])
	}
	f2 := files("2")
	if got := f2("run-2-paypal-eur.csv"); got != "jonas.pay@example.org,71.40,EUR,2025-0004,Partner commission 2025-0004\n" {
		t.Errorf("paypal run 2 = %q", got)
	}

	adjust("anna", "80.00")
	r3 := run("2025-07-10")
	// 80.00 net + 15.20 VAT, less the credit note's 11.90 gross: 83.30 (VAT 15.20 − 1.90).
	want(r3["anna"], "70.00", "19", "13.30", "83.30")
	sepa = files("3")("run-3-sepa.xml")
	if !strings.Contains(sepa, "<CtrlSum>83.30</CtrlSum>") {
		t.Errorf("run 3 SEPA:\n%s", sepa)
	}
	t.Run("sepa schema run 3", func(t *testing.T) { sepacheck.Validate(t, "run-3-sepa.xml", []byte(sepa)) })

	var list struct{ Payouts []vatPayout }
	p.ok(&list, "payouts", "list", "--program", "1", "--json")
	byNumber := map[string]vatPayout{}
	for _, x := range list.Payouts {
		byNumber[x.Number] = x
	}
	for _, x := range []vatPayout{r1["anna"], r1["kira"], r2["jonas"], r2["anna"], r3["anna"]} {
		if got := byNumber[x.Number]; got != x {
			t.Errorf("payouts list %s = %+v, the run said %+v", x.Number, got, x)
		}
	}
	portalPaysGross(t, p, byNumber)
	if code, _, errs := p.run("settings", "set", "company.vat_rate", "119"); code != 1 || !strings.Contains(errs, "not a VAT rate") {
		t.Errorf("a rate of 119: exit %d %s", code, errs)
	}
	// The run froze its rate: a new rate changes no issued statement and no listed payout.
	p.ok(nil, "settings", "set", "company.vat_rate", "7.00")
	dir := t.TempDir()
	p.ok(nil, "statements", "--program", "1", "--payout", r3["anna"].Number, "--out", dir)
	text := strings.Join(strings.Fields(pdfText(t, filepath.Join(dir, r3["anna"].Number+"-anna.pdf"))), " ")
	for _, w := range []string{"Net amount 80.00 EUR", "VAT 19 % 15.20 EUR", "Gross amount 95.20 EUR",
		"Credit notes netted (with their VAT) -11.90 EUR", "Total 83.30 EUR"} {
		if !strings.Contains(text, w) {
			t.Errorf("anna's third statement lacks %q:\n%s", w, text)
		}
	}
	p.ok(&list, "payouts", "list", "--program", "1", "--json")
	if list.Payouts[0] != r3["anna"] {
		t.Errorf("after a new rate the list says %+v", list.Payouts[0])
	}
	var rate struct{ Setting struct{ Value string } }
	p.ok(&rate, "settings", "get", "company.vat_rate", "--json")
	if rate.Setting.Value != "7" {
		t.Errorf("the rate is stored as %q", rate.Setting.Value)
	}
}

// portalPaysGross checks that the partner portal shows each of anna's payouts as payouts list
// does: what was paid (the gross), its net and its VAT.
func portalPaysGross(t *testing.T, p *pb, listed map[string]vatPayout) {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(p.data, "partnerbook.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var id int64
	if err := st.DB().QueryRow(`SELECT id FROM partners WHERE key = 'anna'`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	pays, err := st.PortalPayouts(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if len(pays) != 3 {
		t.Fatalf("anna's portal lists %d payouts, want 3", len(pays))
	}
	for _, py := range pays {
		want := listed[py.Number]
		if py.Amount != want.Amount || py.Net != want.Net || py.VAT != want.VAT {
			t.Errorf("portal %s: amount %s net %s VAT %s; payouts list says %s %s %s", py.Number, py.Amount, py.Net, py.VAT,
				want.Amount, want.Net, want.VAT)
		}
	}
}
