package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"partnerbook/backend/domain"
)

func TestPaypalUS(t *testing.T) {
	rd, format := openFile(t, "paypal-us.csv", Options{})
	items := drain(t, rd)
	if format != "paypal" || len(items) != 4 {
		t.Fatalf("format %s, items %d", format, len(items))
	}
	o := items[0].Order
	if o == nil || o.ID != "1AB23456CD789012E" || o.Total != 125000 || o.Net != 125000 || o.Currency != "USD" || o.RefKey != "kira" ||
		o.CustomerEmail != "mara@example.org" || o.Time.Format(time.RFC3339) != "2025-03-14T16:12:45Z" {
		t.Fatalf("payment = %+v", items[0])
	}
	r := items[1].Refund
	if r == nil || r.OrderID != "1AB23456CD789012E" || r.Key != "9ZY87654XW321098V" || r.Amount != 25000 {
		t.Errorf("refund = %+v", items[1])
	}
	if items[2].Skip == nil || items[3].Skip == nil {
		t.Errorf("memo and withdrawal are not sales: %+v %+v", items[2], items[3])
	}
}

func TestPaypalGermanLocale(t *testing.T) {
	rd, _ := openFile(t, "paypal-de.csv", Options{})
	items := drain(t, rd)
	if len(items) != 1 || items[0].Order == nil {
		t.Fatalf("items = %+v", items)
	}
	o := items[0].Order
	if o.Total != 125000 || o.Net != 125000-490 || o.Time.Format(time.RFC3339) != "2025-03-14T08:12:45Z" || o.RefKey != "lena" {
		t.Errorf("order = %+v", *o)
	}
}

// TestPaypalSalesByType: only a payment received is a sale. A merchant paying the shop back
// ("Non Reference Credit Payment"), a currency conversion or a reversal credit the balance
// too, and are not sales, however they are worded.
func TestPaypalSalesByType(t *testing.T) {
	rd, _ := openFile(t, "paypal-credits.csv", Options{})
	items := drain(t, rd)
	if len(items) != 5 {
		t.Fatalf("items = %d", len(items))
	}
	want := []string{"sale", "Non Reference Credit Payment", "General Currency Conversion", "renewal", "Payment Reversal Credit"}
	for i, it := range items {
		switch want[i] {
		case "sale", "renewal":
			if it.Order == nil || it.Order.Recurring != (want[i] == "renewal") || it.Order.IDColumn != "Transaction ID" {
				t.Errorf("row %d: want a %s, got %+v", i+2, want[i], it)
			}
		default:
			if it.Skip == nil || !strings.Contains(it.Skip.Reason, want[i]+" ") || !strings.Contains(it.Skip.Reason, "not a payment received") {
				t.Errorf("row %d: want %s skipped, got %+v", i+2, want[i], it)
			}
		}
	}
}

// TestPaypalShortLayout: the short activity layout has no transaction ids; it is refused,
// naming PayPal and the download to use instead.
func TestPaypalShortLayout(t *testing.T) {
	for _, format := range []string{"auto", "paypal"} {
		f, err := os.Open(filepath.Join("testdata", "paypal-short.csv"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		_, _, err = OpenOrders("paypal-short.csv", f, format, Options{})
		msg := domain.AsError(err).Problems
		if err == nil || len(msg) != 1 || !strings.Contains(msg[0].Message, "PayPal's short activity layout") ||
			!strings.Contains(msg[0].Message, "Activity download") || !strings.Contains(msg[0].Message, "Transaction ID") {
			t.Errorf("%s: %v", format, err)
		}
	}
}
