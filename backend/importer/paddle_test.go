package importer

import (
	"testing"
	"time"
)

func TestPaddle(t *testing.T) {
	rd, format := openFile(t, "paddle-transactions.csv", Options{})
	items := drain(t, rd)
	if format != "paddle" || len(items) != 3 {
		t.Fatalf("format %s, items %d", format, len(items))
	}
	a, b := items[0].Order, items[1].Order
	if a.ID != "txn_01hv8xq1" || a.Total != 5355 || a.Net != 4500 || a.Discount != 500 || a.CustomerRef != "ctm_01hv1" ||
		a.CustomerEmail != "mara@example.org" || a.RefKey != "kira" || a.Recurring || a.Time.Format(time.RFC3339Nano) != "2025-03-14T08:12:45.123456Z" {
		t.Errorf("first = %+v", *a)
	}
	if !b.Recurring || b.Net != 5000 {
		t.Errorf("renewal = %+v", *b)
	}
	if items[2].Skip == nil {
		t.Errorf("past_due is not paid: %+v", items[2])
	}
}

// TestDetection: every fixture is recognised as its own format by its header alone.
func TestDetection(t *testing.T) {
	want := map[string]string{"orders_export_1.csv": "shopify", "unified_payments.csv": "stripe", "stripe_2023.csv": "stripe",
		"wc-analytics.csv": "woocommerce", "wc-analytics-old.csv": "woocommerce", "wc-analytics-email.csv": "woocommerce",
		"woo-order-export.csv": "woocommerce-export", "gumroad_sales.csv": "gumroad", "paypal-us.csv": "paypal",
		"paypal-de.csv": "paypal", "paddle-transactions.csv": "paddle", "paddle-adjustments.csv": "paddle-adjustments"}
	for file, format := range want {
		_, got := openFile(t, file, Options{Currency: "EUR"})
		if got != format {
			t.Errorf("%s read as %s, want %s", file, got, format)
		}
	}
}

func TestPaddleAdjustments(t *testing.T) {
	rd, format := openFile(t, "paddle-adjustments.csv", Options{})
	items := drain(t, rd)
	if format != "paddle-adjustments" || len(items) != 3 {
		t.Fatalf("format %s, items %d", format, len(items))
	}
	r := items[0].Refund
	if r == nil || r.Source != "paddle" || r.OrderID != "txn_01hv8xq1" || r.Key != "adj_01hw2a" || r.Amount != 1190 || r.Currency != "EUR" ||
		r.Time.Format(time.RFC3339) != "2025-03-20T10:00:00Z" || r.Row != 2 {
		t.Errorf("refund = %+v", items[0])
	}
	if items[1].Skip == nil || items[2].Skip == nil {
		t.Errorf("a pending credit and a chargeback warning are not money back: %+v %+v", items[1], items[2])
	}
}
