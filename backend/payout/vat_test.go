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
