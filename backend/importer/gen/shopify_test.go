package gen

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"partnerbook/backend/domain"
	"partnerbook/backend/importer"
)

// The generated file reads back through the real Shopify reader: every order, its lines, the
// pending ones skipped, the refunds and the referral keys where the generator put them.
func TestShopifyReadsBack(t *testing.T) {
	var buf bytes.Buffer
	if err := Shopify(&buf, 1, 200, 3, time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(buf.String(), "\n#"); n != 600 {
		t.Fatalf("%d rows, want 600", n)
	}
	rd, format, err := importer.OpenOrders("gen.csv", &buf, "auto", importer.Options{Zone: time.UTC, Today: time.Now()})
	if err != nil || format != "shopify" {
		t.Fatalf("%s %v", format, err)
	}
	var orders, skipped, refunded, refs int
	for {
		it, ok, err := rd.Next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		if len(it.Problems) > 0 {
			t.Fatalf("problems: %v", domain.Problems(it.Problems))
		}
		if it.Skip != nil {
			skipped++
		}
		if o := it.Order; o != nil {
			orders++
			if len(o.Lines) != 3 {
				t.Fatalf("order %s has %d lines", o.ID, len(o.Lines))
			}
			if o.Refunded > 0 {
				refunded++
			}
			if o.RefKey == "lena" {
				refs++
			}
		}
	}
	if orders != 196 || skipped != 4 || refunded != 8 || refs != 28 {
		t.Errorf("orders %d, skipped %d, refunded %d, refs %d", orders, skipped, refunded, refs)
	}
}
