package sqlite

import (
	"fmt"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerbook/backend/domain"
)

// An import's recompute computes an order without a customer once per time the scope names it:
// an order the file creates and refunds further down is in the scope's created orders and in
// its touched ones, and scopeCustomers does not make the orders alone unique. With more than a
// chunk of such orders the two fall in different chunks. Read, computed and written one after
// the other, the second sees what the first wrote and writes nothing. Read beside the writes of
// the first (an overlap on the transaction, tried in d83de22 and reverted), it planned over the
// order as it was before, and wrote its lines and its report sums a second time.
func TestImportOrderAloneTwiceInTwoChunks(t *testing.T) {
	s := open(t)
	ten := decimal.NewFromInt(10)
	p := domain.DefaultProgram("Shop")
	p.Rules = domain.Plan{Sale: &domain.Rate{Percent: &ten}}
	prog, err := s.CreateProgram(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	mustAdd(t, s, prog.ID, partner("Anna", "anna@example.org", "anna", "ANNA"))
	const n = chunk + 1 // two chunks of orders without a customer
	at := time.Date(2025, 3, 14, 8, 0, 0, 0, time.UTC)
	var file []domain.OrderItem
	for i := 1; i <= n; i++ {
		file = append(file, domain.OrderItem{Order: &domain.Order{Source: "shopify", ID: fmt.Sprintf("#%d", i), Time: at,
			Currency: "EUR", Total: 10000, Net: 10000, DiscountCodes: []string{"ANNA"}}})
	}
	// A refund of the first order, below the orders: it is created and touched.
	file = append(file, domain.OrderItem{Refund: &domain.Refund{Source: "shopify", OrderID: "#1", Key: "r1", Amount: 1000,
		Currency: "EUR", Time: at.Add(time.Hour), Row: n + 1}})
	if _, err := importItems(t, s, prog.ID, domain.OrderImport{}, file...); err != nil {
		t.Fatalf("import: %v", err)
	}
	var lines, keys int
	s.db.QueryRow(`SELECT count(*), count(DISTINCT line_key) FROM commission_lines`).Scan(&lines, &keys)
	if lines != n || keys != n {
		t.Errorf("%d commission lines with %d keys, want %d: one sale line an order", lines, keys, n)
	}
}

// A partner's change recomputes the orders credited to them and the orders their coupons name:
// an order without a customer that is both is named twice (recomputePartner appends the two
// lists), and scopeCustomers keeps both. With 1,500 such orders, 500 of them are
// computed in two chunks; beside the writes of the first (d83de22), the second plans over the
// lines as they were before and adds the new second tiers a second time.
func TestPartnerChangeOrderAloneTwiceInTwoChunks(t *testing.T) {
	s := open(t)
	ten, five := decimal.NewFromInt(10), decimal.NewFromInt(5)
	p := domain.DefaultProgram("Shop")
	p.Rules = domain.Plan{Sale: &domain.Rate{Percent: &ten}, SecondTier: &domain.Rate{Percent: &five}}
	prog, err := s.CreateProgram(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	mustAdd(t, s, prog.ID, partner("Anna", "anna@example.org", "anna", "ANNA"))
	mustAdd(t, s, prog.ID, partner("Bob", "bob@example.org", "bob"))
	const n = chunk * 3 / 4 // each named twice: the scope reads 2,000 ids at a time, and the second read adds more than a chunk
	at := time.Date(2025, 3, 14, 8, 0, 0, 0, time.UTC)
	var file []domain.OrderItem
	for i := 1; i <= n; i++ {
		file = append(file, domain.OrderItem{Order: &domain.Order{Source: "shopify", ID: fmt.Sprintf("#%d", i), Time: at,
			Currency: "EUR", Total: 10000, Net: 10000, DiscountCodes: []string{"ANNA"}}})
	}
	if _, err := importItems(t, s, prog.ID, domain.OrderImport{}, file...); err != nil {
		t.Fatalf("import: %v", err)
	}
	bob := "bob"
	if _, err := s.UpdatePartner(ctx, prog.ID, "anna", domain.PartnerPatch{Parent: &bob}); err != nil {
		t.Fatalf("anna under bob: %v", err)
	}
	var lines, keys int
	s.db.QueryRow(`SELECT count(*), count(DISTINCT line_key) FROM commission_lines`).Scan(&lines, &keys)
	if lines != 2*n || keys != 2*n {
		t.Errorf("%d lines with %d keys, want %d: a sale line and its second tier an order", lines, keys, 2*n)
	}
}
