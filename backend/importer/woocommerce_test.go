package importer

import (
	"testing"
	"time"
)

func TestWooCommerceAnalytics(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	opt := Options{Zone: berlin, Currency: "eur"}
	rd, format := openFile(t, "wc-analytics.csv", opt)
	if format != "woocommerce" {
		t.Fatalf("format %s", format)
	}
	items := drain(t, rd)
	if len(items) != 4 {
		t.Fatalf("items %d", len(items))
	}
	o := items[0].Order
	if o.ID != "1201" || o.Time.Format(time.RFC3339) != "2025-03-04T09:15:22Z" || o.Net != 5450 || o.Total != 5450 ||
		o.Currency != "EUR" || o.CustomerName != "Mara Schulz" || o.CustomerRef != "mara schulz" || o.CustomerEmail != "" ||
		len(o.DiscountCodes) != 2 || o.DiscountCodes[0] != "kira10" || len(o.Lines) != 2 || o.Lines[0].Quantity != 2 || o.Lines[0].Name != "Linen Tote" {
		t.Errorf("1201 = %+v", *o)
	}
	if items[1].Order == nil || items[1].Order.Net != 2500 {
		t.Errorf("1202 = %+v", items[1])
	}
	if items[2].Skip == nil || items[2].Skip.Row != 4 {
		t.Errorf("on-hold is not paid yet: %+v", items[2])
	}
	r := items[3].Refund
	if r == nil || r.OrderID != "1201" || r.Amount != 800 || r.Time.Format(time.RFC3339) != "2025-03-07T11:30:00Z" || r.Key == "" {
		t.Errorf("refund row = %+v", items[3])
	}
}

func TestWooCommerceOldAndEmailed(t *testing.T) {
	opt := Options{Currency: "EUR"}
	rd, format := openFile(t, "wc-analytics-old.csv", opt)
	items := drain(t, rd)
	if format != "woocommerce" || len(items) != 2 || items[0].Order.Net != 2950 || items[1].Refund == nil || items[1].Refund.Amount != 1250 {
		t.Fatalf("old layout (apostrophe before negatives): %s %+v", format, items)
	}
	rd, format = openFile(t, "wc-analytics-email.csv", opt)
	items = drain(t, rd)
	if format != "woocommerce" || len(items) != 1 || items[0].Order.Net != 5450 || items[0].Order.Total != 6485 {
		t.Fatalf("e-mailed layout with BOM: %s %+v", format, items[0].Order)
	}
	if _, _, err := OpenOrders("x.csv", stringsReader("Date,\"Order #\",Status,Customer,\"Net sales\"\n"), "auto", Options{}); err == nil {
		t.Error("a WooCommerce file without the program's currency must be refused")
	}
}
