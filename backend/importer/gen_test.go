package importer

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"partnerbook/backend/importer/gen"
)

// The generated export (benchmarks, crash tests) reads back through the real Shopify reader:
// every order, its lines, the pending ones skipped, the refunds and the referral keys where the
// generator put them.
func TestGeneratedShopifyReadsBack(t *testing.T) {
	var buf bytes.Buffer
	if err := gen.Shopify(&buf, 1, 200, 3, time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(buf.String(), "\n#"); n != 600 {
		t.Fatalf("%d rows, want 600", n)
	}
	orders, skips, problems, format := readFrom(t, "gen.csv", &buf, "auto", Options{Zone: time.UTC})
	if format != "shopify" || len(problems) > 0 {
		t.Fatalf("%s %v", format, problems)
	}
	var refunded, refs int
	for _, o := range orders {
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
	if len(orders) != 196 || len(skips) != 4 || refunded != 8 || refs != 28 {
		t.Errorf("orders %d, skipped %d, refunded %d, refs %d", len(orders), len(skips), refunded, refs)
	}
}
