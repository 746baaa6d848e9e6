package sqlite

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"partnerbook/backend/domain"
)

// dump is every row of the tables an order import touches, to compare states.
func dump(t *testing.T, s *Store) string {
	t.Helper()
	var b strings.Builder
	for _, table := range []string{"orders", "order_lines", "refunds", "customers", "commission_lines"} {
		rows, err := s.db.Query(`SELECT * FROM ` + table + ` ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		if err := scanMap(rows, func(m map[string]any) { fmt.Fprintf(&b, "%s %v\n", table, m) }); err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}

func refundItem(order, key string, amount int64) domain.OrderItem {
	return domain.OrderItem{Refund: &domain.Refund{Source: "shopify", OrderID: order, Key: key, Amount: amount, Currency: "EUR",
		Time: time.Date(2025, 3, 20, 0, 0, 0, 0, time.UTC), Row: 9}}
}

func TestUndoPutsEverythingBack(t *testing.T) {
	s := open(t)
	pid := program(t, s, "Shop").ID
	a, err := importItems(t, s, pid, domain.OrderImport{File: "march.csv"}, ord("#1", 1000, "a@example.org"), ord("#2", 2000, "b@example.org"))
	if err != nil {
		t.Fatal(err)
	}
	before := dump(t, s)
	changed := ord("#2", 2000, "b@example.org")
	changed.Order.Refunded, changed.Order.Lines = 500, []domain.OrderLine{{SKU: "MUG", Quantity: 2, UnitPrice: 1000}}
	b, err := importItems(t, s, pid, domain.OrderImport{File: "april.csv"}, changed, ord("#3", 3000, "c@example.org"), refundItem("#1", "re_1", 100))
	// Two refunds: #2's own row now says 5.00 refunded, and a refund row of #1.
	if err != nil || b.Created != 1 || b.Updated != 1 || b.Refunds != 2 {
		t.Fatalf("second import: %+v, %v", b, err)
	}
	if dump(t, s) == before {
		t.Fatal("the second import changed nothing; the test proves nothing")
	}
	// The first batch cannot go while the second one changed its orders.
	_, err = s.UndoImport(ctx, a.Batch)
	if e := domain.AsError(err); e.Code != domain.EConflict || !strings.Contains(e.Message, fmt.Sprintf("undo batch %d first", b.Batch)) {
		t.Fatalf("undo of an earlier batch: %v", err)
	}
	res, err := s.UndoImport(ctx, b.Batch)
	if err != nil || res.OrdersRemoved != 1 || res.OrdersRestored != 2 || res.RefundsRemoved != 1 || res.CustomersRemoved != 1 {
		t.Fatalf("undo = %+v, %v", res, err)
	}
	if got := dump(t, s); got != before {
		t.Errorf("undo did not restore the state before the batch:\nwant\n%s\ngot\n%s", before, got)
	}
	if _, err := s.UndoImport(ctx, b.Batch); domain.AsError(err).Code != domain.EConflict {
		t.Errorf("undo twice: %v", err)
	}
	batches, _ := s.ListBatches(ctx, pid)
	if len(batches) != 2 || batches[0].UndoneAt == "" || batches[0].Undoable || !batches[1].Undoable {
		t.Errorf("history = %+v", batches)
	}
	// Now the first one can go too, and the same file imports again as new.
	if _, err := s.UndoImport(ctx, a.Batch); err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, "orders") + count(t, s, "customers") + count(t, s, "order_lines"); n != 0 {
		t.Errorf("%d rows left after undoing every batch", n)
	}
	if again, err := importItems(t, s, pid, domain.OrderImport{}, ord("#1", 1000, "a@example.org")); err != nil || again.Created != 1 {
		t.Errorf("import after undo = %+v, %v", again, err)
	}
	if n := count(t, s, "audit_log WHERE action = 'import.undo'"); n != 2 {
		t.Errorf("%d undo entries in the audit log", n)
	}
}

func TestUndoKeepsCustomersOthersUse(t *testing.T) {
	s := open(t)
	pid := program(t, s, "Shop").ID
	a, _ := importItems(t, s, pid, domain.OrderImport{}, ord("#1", 1000, "a@example.org"))
	if _, err := importItems(t, s, pid, domain.OrderImport{}, ord("#5", 500, "A@Example.org ")); err != nil {
		t.Fatal(err)
	}
	res, err := s.UndoImport(ctx, a.Batch)
	if err != nil || res.OrdersRemoved != 1 || res.CustomersRemoved != 0 {
		t.Fatalf("undo = %+v, %v", res, err)
	}
	var cust int
	s.db.QueryRow(`SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.order_key = '#5'`).Scan(&cust)
	if cust != 1 {
		t.Error("the customer of another batch's order went with the undo")
	}
}

func TestUndoRefusesWhatWasPaid(t *testing.T) {
	s := open(t)
	pid := program(t, s, "Shop").ID
	p := mustAdd(t, s, pid, partner("Ada", "ada@example.org", "ada"))
	a, _ := importItems(t, s, pid, domain.OrderImport{}, ord("#1", 1000, "a@example.org"))
	_, err := s.db.Exec(`INSERT INTO payout_runs (id, program_id, as_of, created_at) VALUES (1, ?, '2025-04-01', '2025-04-01');
		INSERT INTO payouts (id, run_id, program_id, partner_id, number, currency, amount, lines, created_at)
			VALUES (1, 1, ?, ?, 'PB-2025-0007', 'EUR', 100, 1, '2025-04-01');
		INSERT INTO commission_lines (program_id, partner_id, order_id, kind, status, base, amount, currency, payout_id, created_at, updated_at)
			SELECT ?, ?, id, 'sale', 'paid', 1000, 100, 'EUR', 1, '2025-04-01', '2025-04-01' FROM orders WHERE order_key = '#1'`, pid, pid, p.ID, pid, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	rebuildSums(t, s)
	before := dump(t, s)
	_, err = s.UndoImport(ctx, a.Batch)
	if e := domain.AsError(err); e.Code != domain.EConflict || !strings.Contains(e.Message, "PB-2025-0007") || !strings.Contains(e.Message, "#1") {
		t.Fatalf("undo of a paid order: %v", err)
	}
	if dump(t, s) != before {
		t.Error("a refused undo changed something")
	}
}

func TestUndoOnlyOrderImports(t *testing.T) {
	s := open(t)
	pid := program(t, s, "Shop").ID
	res, err := s.ImportPartners(ctx, pid, "partners.csv", []domain.PartnerRow{{Row: 2, Patch: partner("Ada", "ada@example.org", "ada")}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.UndoImport(ctx, res.Batch); domain.AsError(err).Code != domain.EInvalid {
		t.Errorf("undo of a partner import: %v", err)
	}
	if _, err := s.UndoImport(ctx, 99); domain.AsError(err).Code != domain.ENotFound {
		t.Errorf("undo of no batch: %v", err)
	}
}
