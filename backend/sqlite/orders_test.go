package sqlite

import (
	"strings"
	"testing"
	"time"

	"partnerbook/backend/domain"
)

// items is an in-memory order reader for store tests.
type items struct {
	list []domain.OrderItem
	i    int
}

func (r *items) Next() (domain.OrderItem, bool, error) {
	if r.i >= len(r.list) {
		return domain.OrderItem{}, false, nil
	}
	r.i++
	return r.list[r.i-1], true, nil
}

func (r *items) Rows() int { return r.i }

func ord(id string, total int64, email string) domain.OrderItem {
	return domain.OrderItem{Order: &domain.Order{Source: "shopify", ID: id, Time: time.Date(2025, 3, 14, 8, 0, 0, 0, time.UTC),
		CustomerEmail: email, Currency: "EUR", Total: total, Net: total, Lines: []domain.OrderLine{{SKU: "TOTE-01", Quantity: 1, UnitPrice: total}}}}
}

func importItems(t *testing.T, s *Store, pid int64, in domain.OrderImport, list ...domain.OrderItem) (domain.OrderImportResult, error) {
	t.Helper()
	if in.File == "" {
		in.File = "orders.csv"
	}
	return s.ImportOrders(ctx, pid, in, &items{list: list})
}

func TestImportOrdersIdempotent(t *testing.T) {
	s := open(t)
	pid := program(t, s, "Shop").ID
	file := []domain.OrderItem{ord("#1", 1000, "a@example.org"), ord("#2", 2000, "b@example.org"), ord("#3", 3000, "a@example.org"),
		{Skip: &domain.Skip{Row: 5, Reason: "pending"}}}
	res, err := importItems(t, s, pid, domain.OrderImport{}, file...)
	if err != nil || res.Created != 3 || res.Skipped != 1 || res.Orders != 3 || res.Batch == 0 {
		t.Fatalf("first import = %+v, %v", res, err)
	}
	if count(t, s, "customers") != 2 || count(t, s, "order_lines") != 3 {
		t.Errorf("customers %d, lines %d", count(t, s, "customers"), count(t, s, "order_lines"))
	}
	res, err = importItems(t, s, pid, domain.OrderImport{}, file...)
	if err != nil || res.Unchanged != 3 || res.Created+res.Updated != 0 {
		t.Fatalf("the same file again = %+v, %v", res, err)
	}
	// A later, overlapping export: #2 now partly refunded, #4 new.
	later := ord("#2", 2000, "b@example.org")
	later.Order.Refunded = 500
	firstDay := time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)
	later.Order.RefundedAt = &firstDay
	res, err = importItems(t, s, pid, domain.OrderImport{}, file[0], later, ord("#4", 4000, "c@example.org"))
	if err != nil || res.Created != 1 || res.Updated != 1 || res.Unchanged != 1 {
		t.Fatalf("overlapping export = %+v, %v", res, err)
	}
	// The same export read on a later day: Shopify has no refund dates, so the reader dates the
	// refund that day; the order is still unchanged and keeps its first refund date.
	again := ord("#2", 2000, "b@example.org")
	again.Order.Refunded = 500
	laterDay := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	again.Order.RefundedAt = &laterDay
	if res, err := importItems(t, s, pid, domain.OrderImport{}, again); err != nil || res.Unchanged != 1 {
		t.Fatalf("the same refund read another day = %+v, %v", res, err)
	}
	var refunded int64
	s.db.QueryRow(`SELECT refunded FROM orders WHERE order_key = '#2'`).Scan(&refunded)
	var refundedAt string
	s.db.QueryRow(`SELECT refunded_at FROM orders WHERE order_key = '#2'`).Scan(&refundedAt)
	if refundedAt != "2025-05-01T00:00:00Z" {
		t.Errorf("refunded_at = %s, want the first day it was seen", refundedAt)
	}
	if refunded != 500 || count(t, s, "orders") != 4 || count(t, s, "order_lines") != 4 {
		t.Errorf("refunded %d, orders %d, lines %d", refunded, count(t, s, "orders"), count(t, s, "order_lines"))
	}
}

func TestImportOrdersAllOrNothing(t *testing.T) {
	s := open(t)
	pid := program(t, s, "Shop").ID
	bad := domain.OrderItem{Problems: domain.Problems{{File: "orders.csv", Row: 3, Column: "Total", Value: "12,3.0", Message: `"12,3.0" is not an amount`}}}
	_, err := importItems(t, s, pid, domain.OrderImport{}, ord("#1", 1000, "a@example.org"), bad)
	e := domain.AsError(err)
	if e.Code != domain.EInvalid || len(e.Problems) != 1 || !strings.HasPrefix(e.Problems[0].String(), `orders.csv:3: column "Total"`) {
		t.Fatalf("err = %v", err)
	}
	for _, table := range []string{"orders", "customers", "import_batches", "batch_changes", "audit_log WHERE action = 'import.orders'"} {
		if n := count(t, s, table); n != 0 {
			t.Errorf("a refused file left %d rows in %s", n, table)
		}
	}
	res, err := importItems(t, s, pid, domain.OrderImport{SkipInvalid: true}, ord("#1", 1000, "a@example.org"), bad)
	if err != nil || res.Created != 1 || len(res.Errors) != 1 || res.Errors[0].Row != 3 {
		t.Fatalf("--skip-invalid = %+v, %v", res, err)
	}
}

func TestImportOrdersDryRun(t *testing.T) {
	s := open(t)
	pid := program(t, s, "Shop").ID
	res, err := importItems(t, s, pid, domain.OrderImport{DryRun: true}, ord("#1", 1000, "a@example.org"))
	if err != nil || res.Created != 1 || !res.DryRun || res.Batch != 0 {
		t.Fatalf("dry run = %+v, %v", res, err)
	}
	if count(t, s, "orders")+count(t, s, "import_batches") != 0 {
		t.Error("a dry run wrote")
	}
}

func TestRefundRows(t *testing.T) {
	s := open(t)
	pid := program(t, s, "Shop").ID
	r := func(key string, amount int64, row int) domain.OrderItem {
		return domain.OrderItem{Refund: &domain.Refund{Source: "shopify", OrderID: "#1", Key: key, Amount: amount, Currency: "EUR",
			Time: time.Date(2025, 3, 20, 0, 0, 0, 0, time.UTC), Row: row}}
	}
	file := []domain.OrderItem{ord("#1", 1000, "a@example.org"), r("re_1", 300, 3)}
	if res, err := importItems(t, s, pid, domain.OrderImport{}, file...); err != nil || res.Refunds != 1 {
		t.Fatalf("first import: %+v, %v", res, err)
	}
	if res, err := importItems(t, s, pid, domain.OrderImport{}, file...); err != nil || res.Refunds != 0 {
		t.Fatalf("the same refund again: %+v, %v", res, err)
	}
	var refunded int64
	s.db.QueryRow(`SELECT refunded FROM orders WHERE order_key = '#1'`).Scan(&refunded)
	if refunded != 300 || count(t, s, "refunds") != 1 {
		t.Fatalf("a refund row imported twice: refunded %d, refunds %d", refunded, count(t, s, "refunds"))
	}
	// The source then changes the order itself: its refund rows still count.
	changed := ord("#1", 1000, "a@example.org")
	changed.Order.Status = "completed"
	if _, err := importItems(t, s, pid, domain.OrderImport{}, changed); err != nil {
		t.Fatal(err)
	}
	s.db.QueryRow(`SELECT refunded FROM orders WHERE order_key = '#1'`).Scan(&refunded)
	if refunded != 300 {
		t.Errorf("an updated order lost its refund rows: refunded %d", refunded)
	}
	_, err := importItems(t, s, pid, domain.OrderImport{}, r("re_2", 800, 2))
	if e := domain.AsError(err); len(e.Problems) != 1 || !strings.Contains(e.Problems[0].Message, "exceed") {
		t.Errorf("refunds beyond the total: %v", err)
	}
	ghost := r("re_3", 100, 7)
	ghost.Refund.OrderID = "#404"
	_, err = importItems(t, s, pid, domain.OrderImport{}, ghost)
	if e := domain.AsError(err); len(e.Problems) != 1 || e.Problems[0].Row != 7 {
		t.Errorf("a refund of an unknown order: %v", err)
	}
}
