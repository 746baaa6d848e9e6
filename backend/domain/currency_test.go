package domain

import "testing"

func TestCurrencies(t *testing.T) {
	cases := []struct {
		code  string
		ok    bool
		minor int32
	}{
		{"EUR", true, 2}, {"usd", true, 2}, {" JPY ", true, 0}, {"KWD", true, 3}, {"CLP", true, 0}, {"BHD", true, 3},
		{"CHF", true, 2}, {"XOF", true, 0}, {"DEM", true, 2}, // a former currency: old files and the ECB's history
		{"XXX", false, 2}, {"XTS", false, 2}, {"QQQ", false, 2}, {"XAU", false, 2}, {"EU", false, 2}, {"EURO", false, 2}, {"", false, 2},
	}
	for _, c := range cases {
		code, ok := NormalizeCurrency(c.code)
		if ok != c.ok {
			t.Errorf("%q: ok = %v, want %v", c.code, ok, c.ok)
		}
		if m := MinorUnits(code); m != c.minor {
			t.Errorf("%q: minor units %d, want %d", c.code, m, c.minor)
		}
	}
}
