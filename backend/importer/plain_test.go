package importer

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"partnerbook/backend/domain"
)

// longMinor is what money gives for a cell without the fast path: number, then ToMinor.
func longMinor(s, currency string) (int64, bool) {
	d, ok := number(s)
	if !ok {
		return 0, false
	}
	m, err := domain.ToMinor(d, currency)
	return m, err == nil
}

// The fast path reads what it takes exactly as the long way does, and leaves the rest to it.
func TestPlainMinorAgreesWithNumber(t *testing.T) {
	cases := []struct {
		in, currency string
		fast         bool
	}{
		{"12.50", "EUR", true}, {"12.5", "EUR", true}, {"12", "EUR", true}, {"-3.10", "EUR", true}, {"0.00", "EUR", true},
		{"-0", "EUR", true}, {"1200", "JPY", true}, {"1.234", "KWD", true}, {"999999999999999", "JPY", true}, {"999999999999999", "EUR", true},
		{"12.505", "EUR", false},                                                // more decimals than the currency has: refused the long way, with its message
		{"12.500", "EUR", false},                                                // the long way reads it (the zeros say nothing)
		{"1.5", "JPY", false},                                                   // no minor units
		{"1,250.00", "EUR", false},                                              // grouped
		{"12,50", "EUR", false},                                                 // decimal comma
		{"'12.50", "EUR", false},                                                // spreadsheet guard
		{"1 250,00", "EUR", false},                                              // space groups
		{"99999999999999.99", "EUR", false}, {"9999999999999999", "JPY", false}, // past 15 digits
		{"1e5", "EUR", false}, {"+12", "EUR", false}, {".5", "EUR", false}, {"5.", "EUR", false}, {"-", "EUR", false},
		{"", "EUR", false}, {"12.50", "XXX", false}, {"١٢", "EUR", false},
	}
	for _, c := range cases {
		m, ok := plainMinor(c.in, c.currency)
		if ok != c.fast {
			t.Errorf("plainMinor(%q, %s) took it: %v, want %v", c.in, c.currency, ok, c.fast)
		}
		if want, wok := longMinor(c.in, c.currency); ok && (!wok || m != want) {
			t.Errorf("plainMinor(%q, %s) = %d, the long way %d (%v)", c.in, c.currency, m, want, wok)
		}
	}
	rnd := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		s := fmt.Sprintf("%d", rnd.Int63n(1e12)-5e11)
		if d := rnd.Intn(5); d > 0 {
			s += "." + fmt.Sprintf("%0*d", d, rnd.Intn(10000))[:d]
		}
		cur := []string{"EUR", "JPY", "KWD", "USD"}[rnd.Intn(4)]
		m, ok := plainMinor(s, cur)
		want, wok := longMinor(s, cur)
		if ok && (!wok || m != want) {
			t.Fatalf("plainMinor(%q, %s) = %d, the long way %d (%v)", s, cur, m, want, wok)
		}
	}
}

// A quantity reads as before: whole numbers, the long way for the rest.
func TestQuantityFastPath(t *testing.T) {
	for in, want := range map[string]int64{"1": 1, "12": 12, "007": 7, "2.0": 2, "1,000": 1000} {
		c := &cells{t: tableOf(t, "q\n"+quote(in)+"\n")}
		if got := c.quantity("q"); got != want || len(c.problems) > 0 {
			t.Errorf("quantity(%q) = %d %v, want %d", in, got, c.problems, want)
		}
	}
	for _, in := range []string{"-1", "1.5", "x"} {
		c := &cells{t: tableOf(t, "q\n"+in+"\n")}
		if c.quantity("q"); len(c.problems) != 1 {
			t.Errorf("quantity(%q) refused with %v, want one problem", in, c.problems)
		}
	}
}

func quote(s string) string { return `"` + s + `"` }

func tableOf(t *testing.T, csv string) *Table {
	t.Helper()
	tb, err := NewTable("t.csv", strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := tb.Next(); !ok || err != nil {
		t.Fatal(ok, err)
	}
	return tb
}
