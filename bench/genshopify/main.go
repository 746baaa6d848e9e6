// Command genshopify writes a large Shopify orders export for the benchmarks:
//
//	go run ./bench/genshopify -orders 100000 -lines 3 -out orders.csv
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"partnerbook/backend/importer/gen"
)

func main() {
	orders := flag.Int("orders", 100000, "how many orders")
	lines := flag.Int("lines", 3, "line items (rows) per order")
	first := flag.Int("first", 1, "the number of the first order")
	out := flag.String("out", "orders_export.csv", "the file to write")
	flag.Parse()
	f, err := os.Create(*out)
	if err == nil {
		err = gen.Shopify(f, *first, *orders, *lines, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "genshopify:", err)
		os.Exit(1)
	}
}
