package payout

import "testing"

func TestReadReason(t *testing.T) {
	rules := Rules{Currency: "EUR", Threshold: dec("25"), AsOf: "2025-05-01", Rates: Rates{}}
	cases := []struct {
		name            string
		b               Balance
		code, threshold string
	}{
		{"below the threshold", Balance{Key: "kira", Currency: "EUR", Amount: 1200, Lines: 1}, BelowThreshold, "25.00"},
		{"no exchange rate", Balance{Key: "kira", Currency: "USD", Amount: 9900, Lines: 1}, NoRate, ""},
		{"credit notes take it all", Balance{Key: "kira", Currency: "EUR", Amount: 500, Lines: 1, Credit: -800}, NotPositive, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Decide(c.b, rules)
			if d.Kind != Carry {
				t.Fatalf("kind %s, want carried", d.Kind)
			}
			code, threshold := ReadReason(d.Reason)
			if code != c.code || threshold != c.threshold {
				t.Errorf("ReadReason(%q) = %q, %q; want %q, %q", d.Reason, code, threshold, c.code, c.threshold)
			}
		})
	}
	if code, _ := ReadReason("a reason a later version wrote"); code != "" {
		t.Errorf("an unknown reason gave %q", code)
	}
}
