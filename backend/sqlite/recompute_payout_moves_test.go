package sqlite

import (
	"strings"
	"testing"
	"time"

	"partnerbook/backend/domain"
)

// An import brings ana's earlier order with max's coupon: her paid first order (kira's sale by
// the lead) becomes a repeat purchase; a payout runs (kira's balance is negative, carried); the
// import is undone: the paid sale stands again (the charge-back, paid in a credit note, is
// undone by one adjustment), the repeat purchase's line goes.
func TestUndoAfterPayout(t *testing.T) {
	splitScenario(t, func(t *testing.T, s *Store, prog domain.Program, filler []domain.OrderItem) {
		imp(t, s, prog.ID, "a.csv", append([]domain.OrderItem{sale("#1", 5, 10000, "ana@example.org", "")},
			append(filler, sale("#3", 20, 3000, "zed@example.org", ""))...)...)
		pay(t, s, prog.ID, "2025-04-04")
		res := imp(t, s, prog.ID, "b.csv", sale("#0", 1, 4000, "ana@example.org", "MAX"))
		if got := lines(t, s, prog.ID, ""); !strings.Contains(got, "#1 kira adjustment approved -20.00") {
			t.Fatalf("after #0:\n%s", got)
		}
		pay(t, s, prog.ID, "2025-03-30")
		if _, err := s.UndoImport(ctx, res.Batch); err != nil {
			t.Fatal(err)
		}
		if got := lines(t, s, prog.ID, ""); strings.Count(got, "#1 kira adjustment approved 20.00") != 1 || strings.Contains(got, "recurring") {
			t.Errorf("after the undo:\n%s", got)
		}
	})
}

// kira's parent changes from lena to max after a payout, then #1 is half refunded: lena's paid
// second tier is charged back, max's is half, kira's sale is adjusted by half.
func TestParentChangesAfterPayoutThenRefund(t *testing.T) {
	splitScenario(t, func(t *testing.T, s *Store, prog domain.Program, filler []domain.OrderItem) {
		imp(t, s, prog.ID, "a.csv", append([]domain.OrderItem{sale("#1", 1, 10000, "ana@example.org", "KIRA10")},
			append(filler, sale("#3", 2, 3000, "zed@example.org", "KIRA10"))...)...)
		pay(t, s, prog.ID, "2025-04-04")
		if _, err := s.UpdatePartner(ctx, prog.ID, "kira", domain.PartnerPatch{Parent: str("max")}); err != nil {
			t.Fatal(err)
		}
		refunded := sale("#1", 1, 10000, "ana@example.org", "KIRA10")
		refunded.Order.Refunded = 5000
		imp(t, s, prog.ID, "b.csv", refunded)
		got := lines(t, s, prog.ID, "")
		for _, want := range []string{"#1 kira adjustment approved -10.00", "#1 lena adjustment approved -5.00", "#1 max second_tier approved 2.50"} {
			if strings.Count(got, want) != 1 {
				t.Errorf("want one %q:\n%s", want, got)
			}
		}
	})
}

// ana's paid order loses its e-mail (no customer: computed alone, nobody referred it) and gets
// it back: the charge-back comes and goes, the bounty is charged back and restored.
func TestOrderGoesAloneAndBack(t *testing.T) {
	splitScenario(t, func(t *testing.T, s *Store, prog domain.Program, filler []domain.OrderItem) {
		imp(t, s, prog.ID, "a.csv", append([]domain.OrderItem{sale("#1", 1, 10000, "ana@example.org", "")},
			append(filler, sale("#3", 2, 3000, "zed@example.org", "KIRA10"))...)...)
		pay(t, s, prog.ID, "2025-04-04")
		imp(t, s, prog.ID, "b.csv", sale("#1", 1, 10000, "", ""))
		got := lines(t, s, prog.ID, "")
		if strings.Count(got, "#1 kira adjustment approved -20.00") != 1 {
			t.Errorf("after #1 lost its customer:\n%s", got)
		}
		checkAll(t, s, prog.ID)
		imp(t, s, prog.ID, "c.csv", sale("#1", 1, 10000, "ana@example.org", ""))
		if got := lines(t, s, prog.ID, ""); strings.Contains(got, "adjustment") {
			t.Errorf("after #1 came back to ana:\n%s", got)
		}
	})
}

// kira's lead ana is lost after the payout: the paid bounty and the sale it credited are
// charged back once each.
func TestLeadLostAfterPayout(t *testing.T) {
	splitScenario(t, func(t *testing.T, s *Store, prog domain.Program, filler []domain.OrderItem) {
		imp(t, s, prog.ID, "a.csv", append([]domain.OrderItem{sale("#1", 1, 10000, "ana@example.org", "")},
			append(filler, sale("#3", 2, 3000, "zed@example.org", "KIRA10"))...)...)
		pay(t, s, prog.ID, "2025-04-04")
		var lead int64
		s.db.QueryRow(`SELECT id FROM leads`).Scan(&lead)
		if _, err := s.SetLeadStatus(ctx, prog.ID, lead, "lost", time.Time{}); err != nil {
			t.Fatal(err)
		}
		got := lines(t, s, prog.ID, "")
		for _, want := range []string{"#1 kira adjustment approved -20.00", "#1 kira adjustment approved -2.00", "#1 lena adjustment approved -5.00"} {
			if strings.Count(got, want) != 1 {
				t.Errorf("want one %q:\n%s", want, got)
			}
		}
	})
}
