package importer

import (
	"testing"
	"time"
)

func TestStripe(t *testing.T) {
	orders, skips, problems, format := readAll(t, "unified_payments.csv", "auto", Options{})
	if format != "stripe" || len(problems) > 0 {
		t.Fatalf("format %s, problems %v", format, problems)
	}
	if len(orders) != 5 || len(skips) != 2 || skips[0].Row != 6 || skips[1].Row != 7 {
		t.Fatalf("%d orders, skips %+v", len(orders), skips)
	}
	o := byID(orders)
	first, renewal, partial, refunded, yen := o["ch_3PaA1"], o["ch_3PaA2"], o["ch_3PaA3"], o["ch_3PaA4"], o["ch_3PaA7"]
	if first.Time.Format(time.RFC3339) != "2025-04-02T08:15:09Z" || first.Total != 4900 || first.Net != 4900 || first.Currency != "EUR" ||
		first.CustomerEmail != "mara@example.org" || first.CustomerRef != "cus_Q1" || first.RefKey != "kira" || first.Recurring {
		t.Errorf("first = %+v", *first)
	}
	if !renewal.Recurring || renewal.RefKey != "" {
		t.Errorf("renewal = %+v", *renewal)
	}
	if partial.Currency != "USD" || partial.Refunded != 3000 || partial.RefundedAt.Format(time.RFC3339) != "2025-04-10T12:00:00Z" || partial.RefKey != "lena" {
		t.Errorf("partial refund = %+v", *partial)
	}
	if refunded.Refunded != 1500 || refunded.Total != 1500 {
		t.Errorf("refunded = %+v", *refunded)
	}
	if yen.Currency != "JPY" || yen.Total != 1500 {
		t.Errorf("yen = %+v", *yen)
	}
}

func TestStripe2023(t *testing.T) {
	orders, _, problems, format := readAll(t, "stripe_2023.csv", "auto", Options{})
	if format != "stripe" || len(problems) > 0 || len(orders) != 1 {
		t.Fatalf("format %s, orders %d, problems %v", format, len(orders), problems)
	}
	if got := orders[0].Time.Format(time.RFC3339); got != "2023-06-01T09:30:00Z" || orders[0].RefKey != "kira" {
		t.Errorf("time %s, order %+v", got, *orders[0])
	}
}
