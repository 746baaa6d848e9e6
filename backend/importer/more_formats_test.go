package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"partnerbook/backend/domain"
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

// TestGumroadTimestamps: Gumroad's own exporter writes the whole UTC timestamp in the time
// column ("2024-01-02 10:00:00 UTC"); older files and tools write the time of day alone.
func TestGumroadTimestamps(t *testing.T) {
	rd, format := openFile(t, "gumroad_sales_2024.csv", Options{})
	items := drain(t, rd)
	if format != "gumroad" || len(items) != 3 || items[2].Skip == nil {
		t.Fatalf("format %s, items %+v", format, items)
	}
	if a := items[0].Order; a.Time.Format(time.RFC3339) != "2024-01-02T10:00:00Z" || a.Total != 900 || a.Recurring {
		t.Errorf("first = %+v", *a)
	}
	if b := items[1].Order; b.Time.Format(time.RFC3339) != "2024-01-31T23:59:59Z" || b.Total != 595 || b.Net != 500 || !b.Recurring {
		t.Errorf("renewal = %+v", *b)
	}
	c := &cells{t: &Table{File: "g.csv"}}
	for clock, want := range map[string]string{"2024-01-02 10:00:00 UTC": "2024-01-02T10:00:00Z", "10:00:00": "2024-01-02T10:00:00Z",
		"10:00": "2024-01-02T10:00:00Z", "2024-01-02 11:00:00 +0100": "2024-01-02T10:00:00Z", "": "2024-01-02T00:00:00Z"} {
		if got := gumroadTime(c, "2024-01-02", clock).Format(time.RFC3339); got != want {
			t.Errorf("%q: %s, want %s", clock, got, want)
		}
	}
	if gumroadTime(c, "2024-01-02", "2024-01-02 10:00:00 PST"); len(c.problems) != 1 {
		t.Errorf("a zone other than UTC by name is read: %v", c.problems)
	}
}

// TestHeaderNearAFormat: an export whose owner removed columns is refused naming the format
// and the columns it lacks, not by echoing its header.
func TestHeaderNearAFormat(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "orders_export_1.csv"))
	if err != nil {
		t.Fatal(err)
	}
	head, rest, _ := strings.Cut(string(src), "\n")
	head = strings.Replace(strings.Replace(head, ",Lineitem sku,", ",SKU,", 1), ",Taxes,", ",VAT,", 1)
	for _, format := range []string{"auto", "shopify"} {
		_, _, err = OpenOrders("orders.csv", strings.NewReader(head+"\n"+rest), format, Options{})
		ps := domain.AsError(err).Problems
		want := `this looks like Shopify's orders export without the column(s) "Taxes", "Lineitem sku"`
		if err == nil || len(ps) != 1 || !strings.HasPrefix(ps[0].Message, want) || strings.Contains(ps[0].Message, "Billing Name") {
			t.Errorf("%s: %v", format, ps)
		}
	}
}
