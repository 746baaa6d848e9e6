package sqlite

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerbook/backend/domain"
)

// moveProgram pays 20% a sale, 10% a repeat purchase, 5% second tier and 2.00 a lead. lena
// (LENA) is kira's (KIRA10) parent; max (MAX) has none. ana is kira's lead.
func moveProgram(t *testing.T, s *Store) domain.Program {
	t.Helper()
	p := domain.DefaultProgram("Shop")
	twenty, ten, five, two := decimal.NewFromInt(20), decimal.NewFromInt(10), decimal.NewFromInt(5), decimal.NewFromInt(2)
	p.Rules = domain.Plan{Sale: &domain.Rate{Percent: &twenty}, Recurring: &domain.Recurring{Rate: domain.Rate{Percent: &ten}},
		SecondTier: &domain.Rate{Percent: &five}, Lead: &domain.Rate{Fixed: &two}}
	prog, err := s.CreateProgram(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	issuer(t, s)
	mustAdd(t, s, prog.ID, partner("Lena", "lena@example.com", "lena", "LENA"))
	kp := partner("Kira", "kira@example.com", "kira", "KIRA10")
	kp.Parent = str("lena")
	mustAdd(t, s, prog.ID, kp)
	mustAdd(t, s, prog.ID, partner("Max", "max@example.com", "max", "MAX"))
	if _, err := s.AddLead(ctx, prog.ID, domain.Lead{Partner: "kira", Email: "ana@example.org"}); err != nil {
		t.Fatal(err)
	}
	return prog
}

// fillers are n customers' orders (in April, with no partner), imported between the parties
// of a test so that they fall into different chunks.
func fillers(n int) []domain.OrderItem {
	var out []domain.OrderItem
	for i := range n {
		it := sale(fmt.Sprintf("#f%d", i), 9, 1000, fmt.Sprintf("f%d@example.org", i), "")
		it.Order.Time = it.Order.Time.AddDate(0, 1, 0)
		out = append(out, it)
	}
	return out
}

// moneyByKey sums the amounts of the lines that count (not reversed, not rejected) by key, and
// counts the open (unpaid) adjustments of each key.
func moneyByKey(t *testing.T, tx *Tx, pid int64) (map[string]int64, map[string]int) {
	t.Helper()
	rows, err := tx.QueryContext(ctx, `SELECT line_key, kind, status, amount, payout_id IS NOT NULL FROM commission_lines WHERE program_id = ?
		AND line_key NOT LIKE 'manual:%'`, pid)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	money, adj := map[string]int64{}, map[string]int{}
	for rows.Next() {
		var key, kind, status string
		var amount int64
		var paid bool
		if err := rows.Scan(&key, &kind, &status, &amount, &paid); err != nil {
			t.Fatal(err)
		}
		if kind == "adjustment" && !paid {
			adj[key]++
		}
		if status != "reversed" && status != "rejected" {
			money[key] += amount
		}
	}
	return money, adj
}

// earnedAsFromNothing compares each key's money with what a recompute from nothing (no lines,
// no payouts, in a transaction rolled back) says each key earns: paid lines and their
// adjustments must add up to it. It fails on a key with more than one open adjustment.
func earnedAsFromNothing(t *testing.T, s *Store, pid int64) {
	t.Helper()
	var have, want map[string]int64
	var adj map[string]int
	err := s.write(ctx, func(tx *Tx) error {
		have, adj = moneyByKey(t, tx, pid)
		for _, q := range []string{`DELETE FROM commission_lines WHERE line_key NOT LIKE 'manual:%'`, `DELETE FROM order_sigs`} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		if err := tx.recompute(pid, recomputeScope{all: true}); err != nil {
			return err
		}
		want, _ = moneyByKey(t, tx, pid)
		return errRollBack
	})
	if !errors.Is(err, errRollBack) {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	for k := range have {
		keys[k] = true
	}
	for k := range want {
		keys[k] = true
	}
	var bad []string
	for k := range keys {
		if have[k] != want[k] {
			bad = append(bad, fmt.Sprintf("%s: %d, earns %d", k, have[k], want[k]))
		}
	}
	for k, n := range adj {
		if n > 1 {
			bad = append(bad, fmt.Sprintf("%s: %d adjustments", k, n))
		}
	}
	sort.Strings(bad)
	if len(bad) > 0 {
		t.Errorf("money by key differs from what a recompute from nothing earns:\n%s\nlines:\n%s", strings.Join(bad, "\n"), lines(t, s, pid, ""))
	}
}

// checkAll runs the checks every scenario ends with: those of sameAfterFullRecomputes, and
// every key's money is what it earns.
func checkAll(t *testing.T, s *Store, pid int64) {
	t.Helper()
	sameAfterFullRecomputes(t, s, pid)
	earnedAsFromNothing(t, s, pid)
}

// splitScenario runs f with ana and zed in one chunk, and in different ones.
func splitScenario(t *testing.T, f func(t *testing.T, s *Store, prog domain.Program, filler []domain.OrderItem)) {
	for _, split := range []bool{false, true} {
		t.Run(map[bool]string{false: "one chunk", true: "two chunks"}[split], func(t *testing.T) {
			s := open(t)
			payday(s)
			prog := moveProgram(t, s)
			var filler []domain.OrderItem
			if split {
				filler = fillers(chunk)
			}
			f(t, s, prog, filler)
			if split {
				apartInChunks(t, s, "ana@example.org", "zed@example.org")
			}
			checkAll(t, s, prog.ID)
		})
	}
}

// apartInChunks fails unless the customers of the two e-mails both exist and fall into
// different chunks of a whole recompute (the test would prove nothing).
func apartInChunks(t *testing.T, s *Store, a, b string) {
	t.Helper()
	var ida, idb int64
	if err := s.db.QueryRow(`SELECT (SELECT id FROM customers WHERE email = ?), (SELECT id FROM customers WHERE email = ?)`,
		a, b).Scan(&ida, &idb); err != nil || ida == 0 || idb == 0 || (ida-1)/chunk == (idb-1)/chunk {
		t.Fatalf("%s (%d) and %s (%d) not in different chunks (%v)", a, ida, b, idb, err)
	}
}

func pay(t *testing.T, s *Store, pid int64, asOf string) {
	t.Helper()
	if _, err := s.RunPayouts(ctx, pid, asOf, false); err != nil {
		t.Fatal(err)
	}
}

func imp(t *testing.T, s *Store, pid int64, file string, items ...domain.OrderItem) domain.OrderImportResult {
	t.Helper()
	res, err := importItems(t, s, pid, domain.OrderImport{File: file}, items...)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// A paid order with kira's coupon moves from ana to zed: it still earns the same, nothing is
// adjusted; ana's other order becomes her first (a sale by her lead instead of a repeat).
func TestChunkCouponOrderMoves(t *testing.T) {
	splitScenario(t, func(t *testing.T, s *Store, prog domain.Program, filler []domain.OrderItem) {
		imp(t, s, prog.ID, "a.csv", append([]domain.OrderItem{sale("#1", 1, 10000, "ana@example.org", "KIRA10"),
			sale("#2", 3, 5000, "ana@example.org", "")}, filler...)...)
		pay(t, s, prog.ID, "2025-04-04")
		imp(t, s, prog.ID, "b.csv", sale("#1", 1, 10000, "zed@example.org", "KIRA10"))
		got := lines(t, s, prog.ID, "")
		if strings.Contains(got, "#1 kira adjustment") || strings.Contains(got, "#1 lena adjustment") {
			t.Errorf("#1 still earns the same, but:\n%s", got)
		}
	})
}

// ana's first order, credited to kira by her lead, is paid, and moves to zed, who nobody
// referred: its sale and second tier are charged back once; ana's next order becomes her first.
func TestChunkLeadOrderMoves(t *testing.T) {
	splitScenario(t, func(t *testing.T, s *Store, prog domain.Program, filler []domain.OrderItem) {
		imp(t, s, prog.ID, "a.csv", append([]domain.OrderItem{sale("#1", 1, 10000, "ana@example.org", ""),
			sale("#2", 3, 5000, "ana@example.org", "")}, filler...)...)
		pay(t, s, prog.ID, "2025-04-04")
		imp(t, s, prog.ID, "b.csv", sale("#1", 1, 10000, "zed@example.org", ""))
		got := lines(t, s, prog.ID, "")
		for _, want := range []string{"#1 kira adjustment approved -20.00", "#1 lena adjustment approved -5.00"} {
			if strings.Count(got, want) != 1 {
				t.Errorf("want one %q:\n%s", want, got)
			}
		}
		if strings.Contains(got, "-2.00") {
			t.Errorf("the bounty was charged back:\n%s", got)
		}
	})
}

// zed is assigned to max by a person; then ana's paid first order moves to zed: max earns it
// (a sale, zed's first), kira's paid sale and lena's second tier are charged back once.
func TestChunkOrderMovesToAManuallyLinkedCustomer(t *testing.T) {
	splitScenario(t, func(t *testing.T, s *Store, prog domain.Program, filler []domain.OrderItem) {
		imp(t, s, prog.ID, "a.csv", append([]domain.OrderItem{sale("#1", 1, 10000, "ana@example.org", ""),
			sale("#2", 3, 5000, "ana@example.org", "")}, append(filler, sale("#3", 20, 3000, "zed@example.org", ""))...)...)
		pay(t, s, prog.ID, "2025-04-04")
		var zed int64
		s.db.QueryRow(`SELECT id FROM customers WHERE email = 'zed@example.org'`).Scan(&zed)
		if _, err := s.AssignCustomerSince(ctx, prog.ID, zed, "max", "", time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
		imp(t, s, prog.ID, "b.csv", sale("#1", 1, 10000, "zed@example.org", ""))
		got := lines(t, s, prog.ID, "")
		if !strings.Contains(got, "#1 max sale") || strings.Count(got, "#1 kira adjustment approved -20.00") != 1 {
			t.Errorf("after #1 moved to zed:\n%s", got)
		}
	})
}
