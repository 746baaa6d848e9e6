package sqlite

import (
	"fmt"
	"testing"

	"partnerbook/backend/domain"
)

// A file longer than a block: an order twice in one block and across two blocks, a customer's
// orders in several blocks, a refund row between them. What becomes of each is what writing
// them one by one gave: one customer per e-mail, ids in the order of the file, the second
// reading of an order with other values refused with its row, the same values unchanged.
func TestImportAcrossBlocks(t *testing.T) {
	s := open(t)
	pid := program(t, s, "Shop").ID
	var file []domain.OrderItem
	for i := 1; i <= 2*blockSize+10; i++ {
		file = append(file, ord(fmt.Sprintf("#%d", i), int64(1000+i), fmt.Sprintf("c%d@example.org", i%7)))
	}
	file[10] = ord("#3", 1003, "c3@example.org")              // #3 again in the same block, the same values
	file[blockSize+5] = ord("#4", 9999, "c4@example.org")     // #4 again in the next block, other values
	file[blockSize+6] = ord("#900", 1900, " C5@Example.org ") // c5 with the e-mail written otherwise
	refund := domain.OrderItem{Refund: &domain.Refund{Source: "shopify", OrderID: "#20", Key: "r1", Amount: 100, Row: 99}}
	file = append(file[:30], append([]domain.OrderItem{refund}, file[30:]...)...)
	res, err := importItems(t, s, pid, domain.OrderImport{SkipInvalid: true}, file...)
	if err != nil {
		t.Fatal(err)
	}
	unique := 2*blockSize + 10 - 2
	if res.Created != unique || res.Unchanged != 1 || res.Refunds != 1 || len(res.Errors) != 1 {
		t.Fatalf("result = created %d, unchanged %d, refunds %d, errors %+v", res.Created, res.Unchanged, res.Refunds, res.Errors)
	}
	if e := res.Errors[0]; e.Value != "#4" {
		t.Errorf("problem = %+v, want order #4 twice", e)
	}
	if n := count(t, s, "customers"); n != 7 {
		t.Errorf("customers = %d, want 7 (one per e-mail)", n)
	}
	var bad int
	s.db.QueryRow(`SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id
		WHERE c.email <> lower(trim(o.customer_email))`).Scan(&bad)
	if bad != 0 {
		t.Errorf("%d orders point at another customer than their e-mail's", bad)
	}
	last, seen := int64(0), map[string]bool{}
	for _, it := range file {
		if it.Order == nil || seen[it.Order.ID] {
			continue
		}
		seen[it.Order.ID] = true
		var id int64
		s.db.QueryRow(`SELECT id FROM orders WHERE order_key = ? AND batch_id = ?`, it.Order.ID, res.Batch).Scan(&id)
		if id != 0 && id <= last {
			t.Fatalf("order %s got id %d after %d: not in the order of the file", it.Order.ID, id, last)
		}
		last = max(last, id)
	}
	var refunded int64
	s.db.QueryRow(`SELECT refunded FROM orders WHERE order_key = '#20'`).Scan(&refunded)
	if refunded != 100 {
		t.Errorf("#20 refunded %d, want the refund row's 100", refunded)
	}
	if n := count(t, s, "order_lines"); n != unique {
		t.Errorf("order lines = %d, want %d", n, unique)
	}
}

// TestImportCreditsOrdersWithAndWithoutCustomer: the orders an import creates are computed
// with their customers' histories, whether they have a customer or not (a guest order with no
// e-mail).
func TestImportCreditsOrdersWithAndWithoutCustomer(t *testing.T) {
	s := open(t)
	prog, _, _ := commissionProgram(t, s, "10.00")
	if _, err := importItems(t, s, prog.ID, domain.OrderImport{File: "a.csv"}, sale("#1", 1, 5000, "ana@example.org", "")); err != nil {
		t.Fatal(err)
	}
	if _, err := importItems(t, s, prog.ID, domain.OrderImport{File: "b.csv"},
		sale("#2", 2, 3000, "", "LENA"), sale("#3", 3, 2000, "ana@example.org", "KIRA10")); err != nil {
		t.Fatal(err)
	}
	want := "#2 lena sale pending 6.00 \n#3 kira sale pending 4.00 \n#3 lena second_tier pending 1.00 "
	if got := lines(t, s, prog.ID, "2025-03-04"); got != want {
		t.Errorf("lines:\n%s\nwant\n%s", got, want)
	}
}
