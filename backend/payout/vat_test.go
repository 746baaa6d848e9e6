package payout

import (
	"testing"
)

func TestDeriveTreatment(t *testing.T) {
	cases := []struct {
		shop, country, vatID, want string
	}{
		{"DE", "DE", "DE123456789", Domestic},
		{"DE", "de", "DE123456789", Domestic},
		{"DE", "PL", "PL1234567890", ReverseCharge},
		{"AT", "DE", "DE123456789", ReverseCharge},
		{"GR", "GR", "EL123456789", Domestic},
		{"DE", "", "FR12345678901", ReverseCharge}, // the id names the country
		{"DE", "DE", "", NoVAT},                    // a private person
		{"DE", "US", "US123", NoVAT},               // outside the EU
		{"DE", "CH", "CHE123456789", NoVAT},
		{"", "DE", "DE123456789", NoVAT}, // a shop outside the EU (or no country set)
		{"US", "DE", "DE123456789", NoVAT},
	}
	for _, c := range cases {
		if got := DeriveTreatment(c.shop, c.country, c.vatID); got != c.want {
			t.Errorf("shop %s, partner %s %s: %s, want %s", c.shop, c.country, c.vatID, got, c.want)
		}
	}
}

func TestVAT(t *testing.T) {
	cases := []struct {
		name                string
		net                 int64
		currency, treatment string
		rate                string
		vat, gross          int64
	}{
		{"domestic, Germany 19%", 10000, "EUR", Domestic, "19", 1900, 11900},
		{"rounded once, half up: 0.125 → 0.13", 125, "EUR", Domestic, "10", 13, 138}, // 1.25 × 10% = 0.125
		{"half away from zero for a credit note", -125, "EUR", Domestic, "10", -13, -138},
		{"a credit note reverses the VAT", -5200, "EUR", Domestic, "19", -988, -6188},
		{"Finland 25.5%", 4321, "EUR", Domestic, "25.5", 1102, 5423},    // 43.21 × 25.5% = 11.01855
		{"yen: no minor units", 1235, "JPY", Domestic, "10", 124, 1359}, // 123.5 → 124
		{"reverse charge: no VAT", 10000, "EUR", ReverseCharge, "19", 0, 10000},
		{"exempt: no VAT", 10000, "EUR", Exempt, "19", 0, 10000},
		{"none: no VAT", 10000, "EUR", NoVAT, "19", 0, 10000},
		{"no rate set", 10000, "EUR", Domestic, "0", 0, 10000},
	}
	for _, c := range cases {
		a := VAT(c.net, c.currency, c.treatment, dec(c.rate))
		if a.Net != c.net || a.VAT != c.vat || a.Gross != c.gross {
			t.Errorf("%s: %+v, want VAT %d gross %d", c.name, a, c.vat, c.gross)
		}
	}
	for country, rate := range StandardRates {
		if d := dec(rate); !d.IsPositive() || d.GreaterThan(dec("30")) || !euMembers[country] {
			t.Errorf("%s: rate %s", country, rate)
		}
	}
	if StandardRates["DE"] != "19" || StandardRates["FI"] != "25.5" || len(StandardRates) != 28 {
		t.Fatalf("the table: DE %s FI %s, %d entries", StandardRates["DE"], StandardRates["FI"], len(StandardRates))
	}
}

func TestRunRate(t *testing.T) {
	cases := []struct{ setting, country, want string }{
		{"", "DE", "19"},
		{"", "fi", "25.5"},
		{"7", "DE", "7"}, // a person's rate wins
		{"", "US", ""},
		{"", "", ""},
	}
	for _, c := range cases {
		if got := RunRate(c.setting, c.country); got != c.want {
			t.Errorf("RunRate(%q, %q) = %q, want %q", c.setting, c.country, got, c.want)
		}
	}
}

// The worked example of docs/statements.md: an invoice, a credit note after a clawback, and the
// next invoice netting the credit note at its gross (its VAT reversed once, not twice).
func TestChargeNetting(t *testing.T) {
	de := dec("19")
	first := Charge(4321, 0, 0, "EUR", Domestic, de)
	if first.VAT != 821 || first.Gross != 5142 || first.Paid() != 5142 {
		t.Errorf("first invoice: %+v paid %d", first, first.Paid())
	}
	credit := Charge(-1000, 0, 0, "EUR", Domestic, de)
	if credit.VAT != -190 || credit.Gross != -1190 {
		t.Errorf("credit note: %+v", credit)
	}
	next := Charge(4000, -1000, credit.VAT, "EUR", Domestic, de) // lines 50.00, the credit note -10.00 netted
	if next.Net != 5000 || next.VAT != 950 || next.Paid() != 4760 {
		t.Errorf("netting invoice: %+v paid %d", next, next.Paid())
	}
	// Everything paid is the gross of everything earned: (43.21 − 10 + 50) × 1.19 = 99.0199.
	if total := first.Paid() + next.Paid(); total != 9902 {
		t.Errorf("paid in all %d, want 9902", total)
	}
	rc := Charge(4000, -1000, 0, "EUR", ReverseCharge, de)
	if rc.VAT != 0 || rc.Paid() != 4000 {
		t.Errorf("reverse charge netting: %+v paid %d", rc, rc.Paid())
	}
	if issuer := (Issuer{Name: "Shop", Address: "Street"}); len(issuer.Missing(false, true)) != 1 || len(issuer.Missing(false, false)) != 0 {
		t.Errorf("a domestic partner needs a rate: %v", issuer.Missing(false, true))
	}
}
