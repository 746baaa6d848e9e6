package sqlite

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"testing"

	"github.com/shopspring/decimal"

	"partnerbook/backend/domain"
)

// state is every computed thing of the program, without ids and times: two equal states are
// two equal recomputes.
func state(t *testing.T, s *Store) (string, int) {
	t.Helper()
	h := sha256.New()
	n := 0
	for _, q := range []string{
		`SELECT line_key || '|' || partner_id || '|' || kind || '|' || status || '|' || amount || '|' || base || '|' || rule || '|' ||
			note || '|' || COALESCE(due, '') FROM commission_lines ORDER BY line_key, kind, amount`,
		`SELECT id || '|' || COALESCE(partner_id, '') || '|' || reason || '|' || COALESCE(sale_base, '') FROM orders ORDER BY id`,
		`SELECT id || '|' || COALESCE(partner_id, '') || '|' || link_reason || '|' || COALESCE(linked_at, '') FROM customers ORDER BY id`,
	} {
		rows, err := s.db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var line string
			rows.Scan(&line)
			fmt.Fprintln(h, line)
			n++
		}
		rows.Close()
	}
	return hex.EncodeToString(h.Sum(nil)), n
}

// pipelineFixture is a program of 7,000 orders in several chunks, with tiers, second tiers,
// recurring, leads and orders without a customer, and its lines not yet computed.
type pipelineFixture struct {
	t    *testing.T
	s    *Store
	prog int64
}

func newPipelineFixture(t *testing.T) pipelineFixture {
	s, _ := openPath(t)
	p := domain.DefaultProgram("Shop")
	ten, five, fifteen := decimal.NewFromInt(10), decimal.NewFromInt(5), decimal.NewFromInt(15)
	p.Rules = domain.Plan{Tiers: &domain.Tiers{Measure: "sales", Tiers: []domain.Tier{{From: decimal.Zero, Rate: domain.Rate{Percent: &ten}},
		{From: decimal.NewFromInt(20), Rate: domain.Rate{Percent: &fifteen}}}},
		Recurring: &domain.Recurring{Rate: domain.Rate{Percent: &five}}, SecondTier: &domain.Rate{Percent: &five}, Lead: &domain.Rate{Fixed: &five}}
	prog, err := s.CreateProgram(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	fillOrders(t, s, prog.ID, 7000) // 2,334 customers: two chunks of customers
	for _, q := range []string{
		`INSERT INTO coupons (program_id, partner_id, code) SELECT program_id, id, 'P' || id FROM partners`,
		`UPDATE partners SET parent_id = 1 + id % 10 WHERE id > 10`,
		`UPDATE orders SET discount_codes = 'P' || partner_id, partner_id = NULL WHERE partner_id IS NOT NULL`,
		`UPDATE orders SET customer_id = NULL WHERE id % 11 = 0`, // orders without a customer
		`INSERT INTO leads (program_id, partner_id, email, name, status, source, created_at)
			SELECT program_id, 1 + id % 200, email, name, 'new', 'manual', '2025-01-01' FROM customers WHERE id % 13 = 0`,
	} {
		if _, err := s.db.Exec(q, prog.ID); err != nil {
			t.Fatal(err)
		}
	}
	rebuildSums(t, s)
	var customers, alone int
	s.db.QueryRow(`SELECT count(DISTINCT customer_id), count(*) - count(customer_id) FROM orders`).Scan(&customers, &alone)
	if got := len(chunksOf(make([]int64, customers), make([]int64, alone))); got < 3 {
		t.Fatalf("%d chunks (%d customers, %d orders alone): the test must cover several", got, customers, alone)
	}
	return pipelineFixture{t, s, prog.ID}
}

// recompute recomputes the whole program; fresh: pipelined (see computer.chunks).
func (f pipelineFixture) recompute(fresh bool) {
	f.t.Helper()
	if err := f.s.write(ctx, func(tx *Tx) error { return tx.recompute(f.prog, recomputeScope{all: true, fresh: fresh}) }); err != nil {
		f.t.Fatal(err)
	}
}

// clear deletes every computed line, attribution and link.
func (f pipelineFixture) clear() {
	f.t.Helper()
	for _, q := range []string{`DELETE FROM commission_lines`, `UPDATE orders SET partner_id = NULL, reason = '', sale_base = NULL`,
		`UPDATE customers SET partner_id = NULL, link_reason = '', linked_at = NULL`} {
		if _, err := f.s.db.Exec(q); err != nil {
			f.t.Fatal(err)
		}
	}
	rebuildSums(f.t, f.s)
}

// The pipelined recompute (the next chunk read on a second connection while this one is
// written) writes exactly what the sequential one writes: from nothing, unchanged, and after
// a plan change; with tiers, second tiers, recurring, leads and orders without a customer.
func TestPipelinedRecomputeEqualsSequential(t *testing.T) {
	f := newPipelineFixture(t)
	s := f.s
	f.recompute(false)
	want, n := state(t, s)
	var lines int
	s.db.QueryRow(`SELECT count(*) FROM commission_lines`).Scan(&lines)
	if lines < 5000 || n < lines {
		t.Fatalf("only %d lines", lines)
	}
	f.clear()
	f.recompute(true)
	if got, _ := state(t, s); got != want {
		t.Fatal("from nothing: the pipelined recompute differs from the sequential one")
	}
	f.recompute(true)
	if got, _ := state(t, s); got != want {
		t.Fatal("unchanged: the pipelined recompute changed something")
	}
	// A plan change, pipelined over the lines there are, against the sequential from nothing.
	if _, err := s.db.Exec(`UPDATE programs SET rules = json_set(rules, '$.second_tier.percent', '7') WHERE id = ?`, f.prog); err != nil {
		t.Fatal(err)
	}
	f.recompute(true)
	changed, _ := state(t, s)
	if changed == want {
		t.Fatal("the plan change changed nothing")
	}
	if c := readingEverything(t, s, f.prog); c != (domain.LineCounts{}) {
		t.Fatalf("after the plan change, reading every line would write %+v", c)
	}
	f.clear()
	f.recompute(false)
	if got, _ := state(t, s); got != changed {
		t.Fatal("plan change: the pipelined recompute differs from the sequential one")
	}
}
