package domain

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestMinorUnits(t *testing.T) {
	tests := []struct {
		cur    string
		amount string
		minor  int64
		back   string
	}{
		{"EUR", "12.50", 1250, "12.50"},
		{"EUR", "-3.1", -310, "-3.10"},
		{"JPY", "1200", 1200, "1200"},
		{"KWD", "1.005", 1005, "1.005"},
		{"CLP", "990", 990, "990"},
	}
	for _, tt := range tests {
		t.Run(tt.cur+" "+tt.amount, func(t *testing.T) {
			d, err := ParseAmount(tt.amount)
			if err != nil {
				t.Fatal(err)
			}
			m, err := ToMinor(d, tt.cur)
			if err != nil || m != tt.minor {
				t.Fatalf("ToMinor = %d, %v; want %d", m, err, tt.minor)
			}
			if got := FormatMinor(m, tt.cur); got != tt.back {
				t.Errorf("FormatMinor = %s, want %s", got, tt.back)
			}
		})
	}
	if _, err := ToMinor(decimal.RequireFromString("1.5"), "JPY"); err == nil {
		t.Error("1.5 JPY must be refused, not rounded")
	}
}

func TestRoundHalfAwayFromZero(t *testing.T) {
	tests := []struct{ in, cur, want string }{
		{"0.125", "EUR", "0.13"},
		{"-0.125", "EUR", "-0.13"},
		{"0.124", "EUR", "0.12"},
		{"2.5", "JPY", "3"},
		{"-2.5", "JPY", "-3"},
		{"1.0005", "KWD", "1.001"},
	}
	for _, tt := range tests {
		if got := Round(decimal.RequireFromString(tt.in), tt.cur); got.String() != decimal.RequireFromString(tt.want).String() {
			t.Errorf("Round(%s %s) = %s, want %s", tt.in, tt.cur, got, tt.want)
		}
	}
	for _, bad := range []string{"1,5", "1.2.3", "", "1e3", " 12 x"} {
		if _, err := ParseAmount(bad); err == nil {
			t.Errorf("ParseAmount(%q) accepted", bad)
		}
	}
}
