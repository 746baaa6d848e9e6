package sqlite

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerbook/backend/domain"
)

// BenchmarkReport is the dashboard of a program with a million orders (budget: under 300 ms):
// the orders of BenchmarkOrdersPage (one every 90 seconds from 2025 to November 2027, every
// fifth credited to one of 200 partners) with their commission lines, in Berlin, so that the
// edges of every day cut UTC days. Each view is the whole report: totals, top partners, the
// chart, the period before, balances and the funnel.
//
//	go test -run '^$' -bench Report -benchtime 20x -timeout 30m ./backend/sqlite/
func BenchmarkReport(b *testing.B) {
	s := benchStore(b)
	s.Now = func() time.Time { return time.Date(2027, 11, 1, 9, 0, 0, 0, time.UTC) }
	p := domain.DefaultProgram("Shop")
	p.Timezone = "Europe/Berlin"
	twenty := decimal.NewFromInt(20)
	p.Rules = domain.Plan{Sale: &domain.Rate{Percent: &twenty}}
	prog, err := s.CreateProgram(ctx, p)
	if err != nil {
		b.Fatal(err)
	}
	orders := benchOrders(b)
	fillOrders(b, s, prog.ID, orders)
	if orders != 1_000_000 { // a quick run: "now" a few days after its last order, as for a million
		last := time.Unix(1735689600+int64(orders)*90, 0).UTC()
		s.Now = func() time.Time { return last.Add(-6 * 24 * time.Hour) }
	}
	// as BenchmarkRecompute: the fifth orders use a partner's coupon, so that the recompute credits them
	for _, q := range []string{
		`INSERT INTO coupons (program_id, partner_id, code) SELECT program_id, id, 'P' || id FROM partners`,
		`UPDATE orders SET discount_codes = 'P' || partner_id, partner_id = NULL WHERE partner_id IS NOT NULL`,
	} {
		if _, err := s.db.Exec(q); err != nil {
			b.Fatal(err)
		}
	}
	rebuildSums(b, s)
	if err := s.write(ctx, func(tx *Tx) error { return tx.recompute(prog.ID, recomputeScope{all: true, fresh: true}) }); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		q    domain.ReportQuery
	}{
		{"last-30-days", domain.ReportQuery{Preset: "last_30_days"}},
		{"this-year-by-month", domain.ReportQuery{Preset: "this_year"}},
		{"this-year-by-day", domain.ReportQuery{Preset: "this_year", By: "day"}},
		{"all-time", domain.ReportQuery{From: "2025-01-01", To: "2027-11-30"}},
		{"one-partner-all-time", domain.ReportQuery{From: "2025-01-01", To: "2027-11-30", Partner: "p6"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			c.q.ProgramID = prog.ID
			var r domain.Report
			for i := 0; i < b.N; i++ {
				if r, err = s.Report(ctx, c.q); err != nil {
					b.Fatal(err)
				}
			}
			if r.Totals.Orders == 0 || r.Totals.Commissions == "0.00" {
				b.Fatalf("an empty report: %+v", r.Totals)
			}
			b.ReportMetric(float64(r.Totals.Orders), "orders")
		})
	}
}
