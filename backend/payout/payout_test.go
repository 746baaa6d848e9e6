package payout

import (
	"reflect"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestDecide(t *testing.T) {
	rules := Rules{Currency: "EUR", Threshold: dec("50"), AsOf: "2025-05-01", Rates: Rates{"USD": dec("1.10"), "JPY": dec("160")}}
	cases := []struct {
		name   string
		b      Balance
		kind   string
		amount int64
		nets   bool
		reason string
		warn   string
	}{
		{"at the threshold", Balance{Key: "kira", Currency: "EUR", Amount: 5000, Lines: 3}, Invoice, 5000, false, "", ""},
		{"a cent below", Balance{Key: "kira", Currency: "EUR", Amount: 4999, Lines: 3}, Carry, 4999, false, "below the threshold of 50.00 EUR", ""},
		{"lines below zero: a credit note", Balance{Key: "kira", Currency: "EUR", Amount: -1200, Lines: 1}, CreditNote, -1200, false, "", ""},
		{"a credit note nets", Balance{Key: "kira", Currency: "EUR", Amount: 8000, Lines: 2, Credit: -1200}, Invoice, 6800, true, "", ""},
		{"netting drops it below", Balance{Key: "kira", Currency: "EUR", Amount: 6000, Lines: 2, Credit: -1200}, Carry, 4800, false, "below the threshold of 50.00 EUR", ""},
		{"netting leaves nothing", Balance{Key: "kira", Currency: "EUR", Amount: 1000, Lines: 1, Credit: -1200}, Carry, -200, false, "not positive", ""},
		{"zero", Balance{Key: "kira", Currency: "EUR", Amount: 0, Lines: 2}, Carry, 0, false, "not positive", ""},
		// 55.00 USD at 1.10 USD per EUR is 50.00 EUR: paid; 54.99 USD is 49.99 EUR: carried.
		{"converted, at the threshold", Balance{Key: "bo", Currency: "USD", Amount: 5500, Lines: 1}, Invoice, 5500, false, "", ""},
		{"converted, below", Balance{Key: "bo", Currency: "USD", Amount: 5499, Lines: 1}, Carry, 5499, false, "below the threshold of 50.00 EUR", ""},
		{"yen, no minor units", Balance{Key: "yu", Currency: "JPY", Amount: 8000, Lines: 1}, Invoice, 8000, false, "", ""},
		{"no rate", Balance{Key: "li", Currency: "CHF", Amount: 9000, Lines: 1}, Carry, 9000, false, "no exchange rate",
			"li: 90.00 CHF not paid: no exchange rate from CHF to EUR on or before 2025-05-01"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Decide(c.b, rules)
			if d.Kind != c.kind || d.Amount != c.amount || d.Nets != c.nets || d.Reason != c.reason || !strings.HasPrefix(d.Warning, c.warn) ||
				(c.warn == "" && d.Warning != "") {
				t.Fatalf("Decide = %+v", d)
			}
		})
	}
}

func TestConvert(t *testing.T) {
	r := Rates{"USD": dec("1.0812"), "GBP": dec("0.8543"), "BAD": dec("0")}
	cases := []struct {
		from, to, amount, want string
		ok                     bool
	}{
		{"EUR", "EUR", "10", "10", true},
		{"USD", "EUR", "108.12", "100", true},
		{"EUR", "GBP", "100", "85.43", true},
		{"USD", "GBP", "1.0812", "0.8543", true}, // through the euro
		{"CHF", "EUR", "1", "0", false},
		{"BAD", "EUR", "1", "0", false}, // a rate that is not positive is no rate
	}
	for _, c := range cases {
		got, ok := r.Convert(dec(c.amount), c.from, c.to)
		if ok != c.ok || !got.Equal(dec(c.want)) {
			t.Errorf("%s %s→%s = %s %v, want %s %v", c.amount, c.from, c.to, got, ok, c.want, c.ok)
		}
	}
}

func TestNumbersAndCorrections(t *testing.T) {
	if y, err := Year("2025-12-31"); y != 2025 || err != nil {
		t.Fatalf("Year = %d, %v", y, err)
	}
	if _, err := Year("soon"); err == nil {
		t.Fatal("a day that is none was taken")
	}
	if n := Number(2025, 7); n != "2025-0007" {
		t.Fatalf("Number = %s", n)
	}
	cases := []struct {
		adjusted []string
		latest   string
		want     []string
	}{
		{nil, "", []string{}},
		{nil, "2025-0004", []string{"2025-0004"}},
		{[]string{"2025-0002", "2025-0001", "2025-0002"}, "2025-0004", []string{"2025-0001", "2025-0002", "2025-0004"}},
		{[]string{"2025-0003"}, "2025-0003", []string{"2025-0003"}},
	}
	for _, c := range cases {
		if got := Corrects(c.adjusted, c.latest); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Corrects(%v, %q) = %v, want %v", c.adjusted, c.latest, got, c.want)
		}
	}
}

func TestChecks(t *testing.T) {
	days := []struct {
		asOf, today string
		dry, ok     bool
	}{
		{"2025-05-01", "2025-05-01", false, true},
		{"2025-04-30", "2025-05-01", false, true},
		{"2025-05-02", "2025-05-01", false, false},
		{"2025-05-02", "2025-05-01", true, true},
	}
	for _, c := range days {
		if err := CheckDay(c.asOf, c.today, c.dry); (err == nil) != c.ok {
			t.Errorf("CheckDay(%s, %s, %v) = %v", c.asOf, c.today, c.dry, err)
		}
	}
	issuers := []struct {
		name    string
		i       Issuer
		needVAT bool
		want    []string
	}{
		{"nothing set", Issuer{}, false, []string{"company.name", "company.address"}},
		{"blank name", Issuer{Name: " ", Address: "Main St 1"}, false, []string{"company.name"}},
		{"complete", Issuer{Name: "Shop", Address: "Main St 1"}, false, nil},
		{"a VAT id needed", Issuer{Name: "Shop", Address: "Main St 1"}, true, []string{"company.vat_id"}},
		{"a VAT id given", Issuer{Name: "Shop", Address: "Main St 1", VATID: "DE123456789"}, true, nil},
	}
	for _, c := range issuers {
		if got := c.i.Missing(c.needVAT, false); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: Missing = %v, want %v", c.name, got, c.want)
		}
	}
	err := CheckIssuer(Issuer{Name: "Shop"}, false, false, false)
	if err == nil || !strings.Contains(err.Error(), "company.address") {
		t.Fatalf("CheckIssuer = %v", err)
	}
	if err := CheckIssuer(Issuer{}, true, true, true); err != nil {
		t.Fatalf("a dry run was refused: %v", err)
	}
}

func TestFingerprint(t *testing.T) {
	rules := Rules{Currency: "EUR", Threshold: dec("0")}
	ds := Plan([]Balance{{Partner: 1, Currency: "EUR", Amount: 1000, Lines: 2}, {Partner: 2, Currency: "EUR", Amount: 500, Lines: 1}}, rules)
	base := Fingerprint("2025-05-01", ds, []string{"2025-0001", "2025-0002"}, []string{"a", "b"})
	if again := Fingerprint("2025-05-01", Plan([]Balance{ds[0].Balance, ds[1].Balance}, rules), []string{"2025-0001", "2025-0002"}, []string{"a", "b"}); again != base {
		t.Fatal("the same run has two fingerprints")
	}
	changed := []struct {
		name string
		fp   string
	}{
		{"another day", Fingerprint("2025-05-02", ds, []string{"2025-0001", "2025-0002"}, []string{"a", "b"})},
		{"other numbers", Fingerprint("2025-05-01", ds, []string{"2025-0002", "2025-0003"}, []string{"a", "b"})},
		{"a line changed", Fingerprint("2025-05-01", ds, []string{"2025-0001", "2025-0002"}, []string{"a", "c"})},
		{"another amount", Fingerprint("2025-05-01", Plan([]Balance{{Partner: 1, Currency: "EUR", Amount: 1001, Lines: 2}, ds[1].Balance}, rules),
			[]string{"2025-0001", "2025-0002"}, []string{"a", "b"})},
		{"a payout fewer", Fingerprint("2025-05-01", ds[:1], []string{"2025-0001"}, []string{"a"})},
	}
	for _, c := range changed {
		if c.fp == base {
			t.Errorf("%s: same fingerprint", c.name)
		}
	}
}
