package importer

import (
	"bytes"
	"testing"
	"time"

	"partnerbook/backend/importer/gen"
)

// BenchmarkReadShopify reads a generated Shopify export of 20,000 orders of 3 rows through
// the Shopify reader (no store): the cost of reading, checking every cell and grouping rows.
func BenchmarkReadShopify(b *testing.B) {
	var file bytes.Buffer
	if err := gen.Shopify(&file, 1, 20000, 3, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(file.Len()))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rd, _, err := OpenOrders("orders_export.csv", bytes.NewReader(file.Bytes()), "shopify", Options{Today: time.Now()})
		if err != nil {
			b.Fatal(err)
		}
		for {
			it, ok, err := rd.Next()
			if err != nil {
				b.Fatal(err)
			}
			if !ok {
				break
			}
			if len(it.Problems) > 0 {
				b.Fatal(it.Problems)
			}
		}
	}
}
