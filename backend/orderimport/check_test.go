package orderimport

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"partnerbook/backend/domain"
	"partnerbook/backend/sqlite"
)

// shop is a store with a program and two partners: kira (coupon KIRA10) and lena (key lena,
// coupon LENA15), the codes the Shopify fixture's orders carry.
func shop(t *testing.T) (*sqlite.Store, domain.Program) {
	t.Helper()
	dir := t.TempDir()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(dir, "pb.db"), sqlite.Options{BackupDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	b, err := os.ReadFile(filepath.Join("..", "cli", "testdata", "program.json"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := domain.ParseProgram("program.json", b)
	if err != nil {
		t.Fatal(err)
	}
	if p, err = st.CreateProgram(ctx, p); err != nil {
		t.Fatal(err)
	}
	for _, pp := range []struct{ key, name, coupon string }{{"kira", "Kira Bloom", "KIRA10"}, {"lena", "Lena Park", "LENA15"}} {
		key, name, email, coupons := pp.key, pp.name, pp.key+"@example.org", []string{pp.coupon}
		if _, err := st.AddPartner(ctx, p.ID, domain.PartnerPatch{Key: &key, Name: &name, Email: &email, Coupons: &coupons}); err != nil {
			t.Fatal(err)
		}
	}
	return st, p
}

func TestCheckNamesCreditsAndAnEarlierImport(t *testing.T) {
	st, p := shop(t)
	ctx := context.Background()
	r := Request{Program: p, Path: fixture("orders_export_1.csv")}
	pv, err := PreviewOf(r, 20)
	if err != nil {
		t.Fatal(err)
	}
	if err := Check(ctx, st, r, &pv); err != nil {
		t.Fatal(err)
	}
	if pv.Already != nil {
		t.Fatalf("a new file is said to be imported: %+v", pv.Already)
	}
	credits := map[string]*domain.OrderCredit{}
	for _, it := range pv.Items {
		if it.Kind == "order" {
			credits[it.ID] = it.Credit
		}
	}
	for _, tt := range []struct{ order, partner, name, reason, code string }{
		{"#1001", "kira", "Kira Bloom", "coupon", "KIRA10"},
		{"#1003", "lena", "Lena Park", "coupon", "LENA15"},
		{"#1002", "", "", "", ""},
	} {
		c := credits[tt.order]
		if c == nil || c.Partner != tt.partner || c.PartnerName != tt.name || c.Reason != tt.reason || c.Code != tt.code {
			t.Errorf("credit of %s = %+v, want %+v", tt.order, c, tt)
		}
	}
	if page, _ := st.ListOrders(ctx, domain.OrderQuery{ProgramID: p.ID}); len(page.Orders) != 0 {
		t.Fatalf("the preview stored %d orders", len(page.Orders))
	}

	res, err := Run(ctx, st, r)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := st.ListOrders(ctx, domain.OrderQuery{ProgramID: p.ID})
	refunded := 0
	for _, o := range page.Orders {
		if strings.Trim(o.Refunded, "0.") != "" {
			refunded++
		}
	}
	lines, _ := st.ListCommissions(ctx, domain.CommissionFilter{ProgramID: p.ID, Limit: 1000})
	if refunded < 2 || res.Refunds != refunded || res.Lines.Created != lines.Count || res.Lines.Created == 0 || res.Lines.Changed != 0 {
		t.Errorf("result = %+v: %d refunded orders, %d lines stored", res, refunded, lines.Count)
	}

	if err := Check(ctx, st, r, &pv); err != nil {
		t.Fatal(err)
	}
	if pv.Already == nil || pv.Already.Batch != res.Batch || pv.Already.File != "orders_export_1.csv" || pv.Already.Later {
		t.Errorf("already = %+v, want batch %d", pv.Already, res.Batch)
	}
	again, err := Run(ctx, st, r)
	if err != nil || again.Created+again.Updated != 0 || again.Refunds != 0 || again.Lines != (domain.LineCounts{}) {
		t.Errorf("the same file again = %+v, %v", again, err)
	}
	// Still named by its first import; a copy under another name is the same file.
	cp := filepath.Join(t.TempDir(), "copy.csv")
	b, _ := os.ReadFile(r.Path)
	os.WriteFile(cp, b, 0o600)
	pv2, _ := PreviewOf(Request{Program: p, Path: cp}, 5)
	if err := Check(ctx, st, Request{Program: p, Path: cp}, &pv2); err != nil || pv2.Already == nil || pv2.Already.Batch != res.Batch {
		t.Errorf("a copy: already = %+v, %v", pv2.Already, err)
	}
	// An undone import is not one.
	if _, err := st.UndoImport(ctx, again.Batch); err != nil {
		t.Fatal(err)
	}
	if _, err := st.UndoImport(ctx, res.Batch); err != nil {
		t.Fatal(err)
	}
	if err := Check(ctx, st, r, &pv); err != nil || pv.Already != nil {
		t.Errorf("after undo: already = %+v, %v", pv.Already, err)
	}
}

// TestRefundLaterChangesLines: a later export of the same orders with a new refund says one
// refund and the changed lines.
func TestRefundLaterChangesLines(t *testing.T) {
	st, p := shop(t)
	ctx := context.Background()
	if _, err := Run(ctx, st, Request{Program: p, Path: fixture("orders_export_1.csv")}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(fixture("orders_export_1.csv"))
	// #1001 (kira's) refunded in part: its own row now carries 10.00 refunded.
	later := strings.Replace(string(b), "#1001, Mara@Example.org ,paid,", "#1001, Mara@Example.org ,partially_refunded,", 1)
	later = strings.Replace(later, "Shopify Payments,,0.00,,0.00,", "Shopify Payments,,10.00,,0.00,", 1)
	if later == string(b) {
		t.Fatal("the fixture changed: the refund was not written")
	}
	path := filepath.Join(t.TempDir(), "orders_export_2.csv")
	os.WriteFile(path, []byte(later), 0o600)
	res, err := Run(ctx, st, Request{Program: p, Path: path})
	if err != nil {
		t.Fatal(err)
	}
	if res.Updated != 1 || res.Refunds != 1 || res.Lines.Changed == 0 || res.Lines.Created != 0 {
		t.Errorf("a later export with one refund = %+v", res)
	}
}
