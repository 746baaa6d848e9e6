package importer

import (
	"testing"
	"time"
)

func TestWooCommerceExport(t *testing.T) {
	rd, format := openFile(t, "woo-order-export.csv", Options{Currency: "EUR"})
	items := drain(t, rd)
	if format != "woocommerce-export" || len(items) != 3 {
		t.Fatalf("format %s, items %d", format, len(items))
	}
	a := items[0].Order
	if a.ID != "3001" || a.Row != 2 || a.CustomerEmail != "mara@example.org" || a.CustomerName != "Mara Schulz" || a.Total != 5935 ||
		a.Net != 5935-719-490 || a.Discount != 500 || len(a.Lines) != 2 || a.Lines[0].Quantity != 2 || a.Lines[0].UnitPrice != 2000 ||
		a.DiscountCodes[0] != "kira10" || a.Time.Format(time.RFC3339) != "2025-03-04T10:15:00Z" {
		t.Errorf("3001 = %+v", *a)
	}
	if b := items[1].Order; b == nil || b.Refunded != 2380 || b.RefundedAt == nil || b.Row != 4 {
		t.Errorf("3002 = %+v", items[1])
	}
	if items[2].Skip == nil || items[2].Skip.Row != 5 {
		t.Errorf("pending 3003 = %+v", items[2])
	}
}

func TestGumroad(t *testing.T) {
	rd, format := openFile(t, "gumroad_sales.csv", Options{})
	items := drain(t, rd)
	if format != "gumroad" || len(items) != 4 || items[3].Skip == nil || items[3].Skip.Reason != "the Totals row" {
		t.Fatalf("format %s, items %+v", format, items)
	}
	a, b, c := items[0].Order, items[1].Order, items[2].Order
	if a.ID != "gPq1x==" || a.Currency != "USD" || a.Total != 900 || a.Net != 900 || a.CustomerEmail != "mara@example.org" ||
		a.Time.Format(time.RFC3339) != "2025-03-14T08:12:45Z" || a.DiscountCodes[0] != "KIRA10" || a.Recurring || a.Lines[0].SKU != "PAT-01" {
		t.Errorf("first = %+v", *a)
	}
	if !b.Recurring || b.Total != 595 || b.Net != 500 || b.Refunded != 250 {
		t.Errorf("renewal with a partial refund = %+v", *b)
	}
	if c.Refunded != c.Total || c.RefundedAt == nil {
		t.Errorf("fully refunded = %+v", *c)
	}
}
