package commission

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

func signLine() Line {
	return Line{Key: "o7:p3:sale", Partner: 3, Order: 7, Kind: "sale", Reason: "coupon", Rule: "sale 20%",
		Base: decimal.RequireFromString("36.50"), Amount: decimal.RequireFromString("7.30"), Currency: "EUR",
		Time: time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)}
}

// Every field the planner reads changes the order's fingerprint; the same lines in another
// order, or another order's lines, do not.
func TestSignerOrders(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	s := NewSigner(30, berlin)
	sig := func(s Signer, lines []Line, sales []Sale) int64 {
		return s.Orders([]int64{7, 8}, []Result{{Lines: lines, Sales: sales}})[7]
	}
	second := Line{Key: "o7:p3:sale/p1:second_tier", ParentKey: "o7:p3:sale", Partner: 1, Order: 7, Kind: "second_tier",
		Amount: decimal.RequireFromString("1.83"), Currency: "EUR", Time: signLine().Time}
	base := sig(s, []Line{signLine(), second}, nil)
	if base == 0 {
		t.Fatal("a fingerprint is never 0")
	}
	if got := sig(s, []Line{second, signLine()}, nil); got != base {
		t.Errorf("the same lines in another order: %d, want %d", got, base)
	}
	other := signLine()
	other.Order, other.Key = 8, "o8:p3:sale"
	if got := sig(s, []Line{signLine(), second, other}, nil); got != base {
		t.Errorf("another order's line changed this order's fingerprint")
	}
	changed := []struct {
		name   string
		change func(*Line)
	}{
		{"key", func(l *Line) { l.Key = "o7:p4:sale" }},
		{"parent key", func(l *Line) { l.ParentKey = "x" }},
		{"partner", func(l *Line) { l.Partner = 4 }},
		{"lead", func(l *Line) { l.Lead = 2 }},
		{"kind", func(l *Line) { l.Kind = "recurring" }},
		{"reason", func(l *Line) { l.Reason = "ref" }},
		{"rule", func(l *Line) { l.Rule = "sale 25%" }},
		{"sku", func(l *Line) { l.SKU = "A-1" }},
		{"base", func(l *Line) { l.Base = decimal.RequireFromString("36.51") }},
		{"amount", func(l *Line) { l.Amount = decimal.RequireFromString("7.31") }},
		{"amount of 20 digits", func(l *Line) { l.Amount = decimal.RequireFromString("12345678901234567890.30") }},
		{"currency", func(l *Line) { l.Currency = "USD" }},
		{"time", func(l *Line) { l.Time = l.Time.Add(time.Second) }},
		{"rejected", func(l *Line) { l.Rejected = true }},
		{"note", func(l *Line) { l.Note = "self_referral" }},
		{"fields run together", func(l *Line) { l.Reason, l.Rule = "couponsale", " 20%" }},
	}
	for _, c := range changed {
		l := signLine()
		c.change(&l)
		if got := sig(s, []Line{l, second}, nil); got == base {
			t.Errorf("%s changed, the fingerprint did not", c.name)
		}
	}
	// A zone of the same name whose clocks do not move (other time zone data).
	frozen := time.FixedZone("Europe/Berlin", 2*3600)
	if got := NewSigner(30, berlin); got != s {
		t.Error("the same zone and hold days signed twice differ")
	}
	for name, s2 := range map[string]Signer{"hold days": NewSigner(14, berlin), "zone": NewSigner(30, time.UTC),
		"zone of the same name, other rules": NewSigner(30, frozen)} {
		if got := sig(s2, []Line{signLine(), second}, nil); got == base {
			t.Errorf("%s changed, the fingerprint did not", name)
		}
	}
	waits := []Sale{{Order: Order{ID: 7}, Partner: 3}}
	if got := sig(s, []Line{signLine(), second}, waits); got == base {
		t.Error("a sale that waits for its tier did not change the fingerprint")
	}
	if got := sig(s, []Line{signLine(), second}, []Sale{{Order: Order{ID: 7}, Partner: 4}}); got == sig(s, []Line{signLine(), second}, waits) {
		t.Error("the partner of a waiting sale did not change the fingerprint")
	}
	none := s.Orders([]int64{7, 8}, nil)
	if none[7] == 0 || none[7] != none[8] || none[7] == base {
		t.Errorf("orders without lines: %v; want one fingerprint, not 0, not that of lines", none)
	}
	if got := s.Orders([]int64{8}, []Result{{Lines: []Line{signLine()}}}); len(got) != 1 {
		t.Errorf("lines of an order not named were signed: %v", got)
	}
}
