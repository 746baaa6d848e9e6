package payfile

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
	"time"

	"partnerbook/backend/payfile/sepacheck"
)

func TestSEPAText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Łukasz Żółć & Söhne", "Lukasz Zolc Soehne"},
		{"Bjørn Øster", "Bjorn Oster"},
		{"Inês Conceição", "Ines Conceicao"},
		{"王小明", "Wang Xiao Ming"},
		{"Иван Петров", "Ivan Petrov"},
		{"Ἀθηνᾶ", "Athena"},
		{"Þórður Ægisson", "Thordur AEgisson"},
		{"O'Brien (Ltd.), 50% +1", "O'Brien (Ltd.), 50 +1"},
		{"<Tag> \"quoted\" \t tab", "Tag quoted tab"},
		{"🙂", ""},
	} {
		if got := sepaText(c.in, 70); got != c.want {
			t.Errorf("sepaText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := sepaText(strings.Repeat("王", 40), 70); len(got) > 70 || strings.HasSuffix(got, " ") {
		t.Errorf("cut to %d characters: %q", len(got), got)
	}
}

// Every configuration of the SEPA file validates against the pain.001.001.03 schema: with and
// without the shop's BIC, names in any script, long names, one payment and many.
func TestSEPAValidInEveryConfiguration(t *testing.T) {
	created := time.Date(2025, 4, 1, 9, 30, 0, 0, time.UTC)
	many := make([]Payment, 0, 60)
	for i := 0; i < 60; i++ {
		p := ps[i%len(ps)]
		p.Number = "2025-" + strings.Repeat("9", i%5+1)
		many = append(many, p)
	}
	long := Payment{Number: "2025-0042", Key: "long", Name: strings.Repeat("Ærøskøbing Handelsgesellschaft ", 5), IBAN: "DE89370400440532013000", Currency: "EUR", Amount: "999999.99"}
	cjk := Payment{Number: "2025-0043", Key: "wang", Name: "王小明", IBAN: "DE89370400440532013000", Currency: "EUR", Amount: "12.00"}
	cyr := Payment{Number: "2025-0044", Key: "ivan", Name: "Иван Петров <ivan@example.org>", IBAN: "FR1420041010050500013M02606", Currency: "EUR", Amount: "3"}
	for _, c := range []struct {
		name string
		d    Debtor
		ps   []Payment
		ref  string
	}{
		{"no BIC", Debtor{Name: "Kaffeerösterei GmbH", IBAN: "DE02120300000000202051"}, ps, "Partner commission"},
		{"BIC of 8", Debtor{Name: "Kaffeerösterei GmbH", IBAN: "DE02120300000000202051", BIC: "BYLADEM1"}, ps, "Partner commission"},
		{"BIC of 11 written loosely", Debtor{Name: "Shop", IBAN: "DE02120300000000202051", BIC: " byla dem1 001"}, ps[:1], ""},
		{"names in other scripts", Debtor{Name: "北京商店", IBAN: "DE02120300000000202051", BIC: "BYLADEM1001"}, []Payment{cjk, cyr}, "Provision"},
		{"long names and references", Debtor{Name: strings.Repeat("Ω", 100), IBAN: "DE02120300000000202051"}, []Payment{long}, strings.Repeat("Commission & bonus ", 10)},
		{"many payments", Debtor{Name: "Shop", IBAN: "DE02120300000000202051", BIC: "BYLADEM1"}, many, "Partner commission"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := SEPA(&b, c.d, "PB-2025-04-01-RUN-7", created, "2025-04-02", c.ps, c.ref); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(b.String(), "<Othr></Othr>") || (c.d.BIC != "") == strings.Contains(b.String(), "NOTPROVIDED") {
				t.Errorf("the debtor's bank:\n%s", b.String())
			}
			if strings.Contains(strings.TrimPrefix(b.String(), xml.Header), "?") {
				t.Errorf("a character became '?':\n%s", b.String())
			}
			sepacheck.Validate(t, c.name+".xml", b.Bytes())
		})
	}
}

// What would make an invalid file is refused, naming the setting or the partner.
func TestSEPARefusesInvalidFiles(t *testing.T) {
	d := Debtor{Name: "Shop", IBAN: "DE02120300000000202051"}
	now := time.Date(2025, 4, 1, 9, 30, 0, 0, time.UTC)
	for name, c := range map[string]struct {
		d    Debtor
		p    Payment
		want string
	}{
		"bad BIC":          {Debtor{Name: "Shop", IBAN: d.IBAN, BIC: "BYLADEM"}, ps[0], "company.bic"},
		"no shop name":     {Debtor{Name: " ", IBAN: d.IBAN}, ps[0], "company.name"},
		"name of emoji":    {d, Payment{Number: "2025-1", Key: "smile", Name: "🙂", Currency: "EUR", Amount: "1", IBAN: ps[0].IBAN}, "smile"},
		"three decimals":   {d, Payment{Number: "2025-1", Key: "x", Name: "X", Currency: "EUR", Amount: "1.005", IBAN: ps[0].IBAN}, "two decimals"},
		"no payout number": {d, Payment{Key: "nonum", Name: "X", Currency: "EUR", Amount: "1", IBAN: ps[0].IBAN}, "nonum"},
	} {
		err := SEPA(&bytes.Buffer{}, c.d, "M", now, "2025-04-02", []Payment{c.p}, "")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", name, err, c.want)
		}
	}
}
