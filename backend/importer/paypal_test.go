package importer

import (
	"testing"
	"time"
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
