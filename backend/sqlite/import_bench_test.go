package sqlite

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerbook/backend/domain"
	"partnerbook/backend/importer/gen"
	"partnerbook/backend/orderimport"
)

var importOrders = flag.Int("import-orders", 20000, "orders (of 3 rows) in BenchmarkImportOrders's export")

// BenchmarkImportOrders imports a generated Shopify export (-import-orders orders of 3 rows,
// default 20,000) the way `partnerbook import orders` does, commissions computed, into a new
// database each run (the program and its partners as bench/import-orders.sh makes them): the
// store's side of that script, for CPU profiles and allocation counts.
//
//	go test -run '^$' -bench ImportOrders -benchtime 1x -import-orders 100000 -cpuprofile cpu.out ./backend/sqlite/
func BenchmarkImportOrders(b *testing.B) {
	file := filepath.Join(b.TempDir(), "orders_export.csv")
	f, err := os.Create(file)
	if err != nil {
		b.Fatal(err)
	}
	if err := gen.Shopify(f, 1, *importOrders, 3, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := benchStore(b)
		prog := importBenchProgram(b, s)
		b.StartTimer()
		res, err := orderimport.Run(context.Background(), s, orderimport.Request{Program: prog, Path: file})
		if err != nil {
			b.Fatal(err)
		}
		if res.Created == 0 || res.Lines.Created == 0 {
			b.Fatalf("nothing imported: %+v", res)
		}
		b.ReportMetric(float64(res.Lines.Created), "lines")
	}
}

// importBenchProgram is bench/import-orders.sh's program: KIRA10 is kira's coupon, lena is
// under kira, sale 20%, recurring 10% (11 times), second tier 5%.
func importBenchProgram(b testing.TB, s *Store) domain.Program {
	p := domain.DefaultProgram("Bench shop")
	p.Currency, p.Timezone = "EUR", "Europe/Berlin"
	twenty, ten, five, eleven := decimal.NewFromInt(20), decimal.NewFromInt(10), decimal.NewFromInt(5), 11
	p.Rules = domain.Plan{Sale: &domain.Rate{Percent: &twenty},
		Recurring: &domain.Recurring{Rate: domain.Rate{Percent: &ten}, MaxCount: &eleven}, SecondTier: &domain.Rate{Percent: &five}}
	prog, err := s.CreateProgram(ctx, p)
	if err != nil {
		b.Fatal(err)
	}
	kira := partner("Kira", "kira@example.org", "kira", "KIRA10")
	lena := partner("Lena", "lena@example.org", "lena")
	lena.Parent = str("kira")
	for _, pp := range []domain.PartnerPatch{kira, lena} {
		if _, err := s.AddPartner(ctx, prog.ID, pp); err != nil {
			b.Fatal(err)
		}
	}
	return prog
}
