package sqlite

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"partnerbook/backend/domain"
)

// BenchmarkPortalOverview is a partner's portal overview (and their first page of referrals)
// in a program of a million orders (budget: under 100 ms). 200 partners share the 200,000
// orders with a partner; partner 1 has besides every tenth order of the program (100,000 more):
// a partner far above the rest, the worst case, since a partner's overview reads their own
// lines along the indexes on partner_id and never the program's.
//
//	go test -run '^$' -bench PortalOverview -benchtime 20x -timeout 30m ./backend/sqlite/
func BenchmarkPortalOverview(b *testing.B) {
	s := benchStore(b)
	prog, err := s.CreateProgram(ctx, domain.DefaultProgram("Shop"))
	if err != nil {
		b.Fatal(err)
	}
	orders := benchOrders(b)
	fillOrders(b, s, prog.ID, orders)
	for _, q := range []string{
		`UPDATE orders SET partner_id = 1 WHERE id % 10 = 3`,
		`UPDATE programs SET portal = 'on', hold_days = 30`,
		`INSERT INTO commission_lines (program_id, partner_id, order_id, kind, reason, rule, status, base, amount, currency,
			order_time, due, line_key, created_at, updated_at)
			SELECT program_id, partner_id, id, 'sale', 'coupon', 'sale 20%',
				CASE WHEN id % 7 = 0 THEN 'paid' WHEN id % 31 = 0 THEN 'reversed' ELSE 'pending' END,
				net, net / 5, currency, time, date(time, '+30 days'), 'sale:' || id, time, time
			FROM orders WHERE partner_id IS NOT NULL`,
		`INSERT INTO customers (program_id, email, name, partner_id, link_reason, created_at)
			SELECT 1, 'linked' || id || '@example.org', 'Linked ' || id, id, 'order', '2025-01-01' FROM partners`,
		`ANALYZE`,
	} {
		if _, err := s.db.Exec(q); err != nil {
			b.Fatal(err)
		}
	}
	rebuildSums(b, s)
	s.Now = func() time.Time { return time.Date(2027, 11, 20, 12, 0, 0, 0, time.UTC) }
	pub := publishedFor(b, s, prog.ID, 1, 6)
	for _, c := range []struct {
		name string
		data interface {
			PortalSummary(ctx context.Context, partnerID int64) (domain.PortalSummary, error)
			PortalLines(ctx context.Context, partnerID int64, offset, limit int) ([]domain.PortalLine, int, error)
		}
		partner int64
	}{{"partner-with-101k-lines", s, 1}, {"partner-with-1k-lines", s, 6},
		{"published/partner-with-101k-lines", pub, 1}, {"published/partner-with-1k-lines", pub, 6}} {
		b.Run(c.name, func(b *testing.B) {
			start := cpuTime()
			for i := 0; i < b.N; i++ {
				sum, err := c.data.PortalSummary(ctx, c.partner)
				if err != nil || len(sum.Months) != 12 {
					b.Fatalf("summary = %+v, %v", sum, err)
				}
				lines, total, err := c.data.PortalLines(ctx, c.partner, 0, 50)
				if err != nil || len(lines) != 50 || total < orders/1000 {
					b.Fatalf("lines = %d of %d, %v", len(lines), total, err)
				}
			}
			// The CPU this process spent a run, which a busy machine does not stretch as it
			// stretches the wall clock.
			b.ReportMetric(float64((cpuTime()-start).Milliseconds())/float64(b.N), "cpu-ms/op")
		})
	}
}

// publishedFor is a headless server's snapshot of some of the program's partners, as the
// desktop publishes it: the overview a headless portal reads.
func publishedFor(b *testing.B, s *Store, programID int64, partners ...int64) *Published {
	b.Helper()
	server := benchStore(b)
	if err := server.MakeServer(ctx, strings.Repeat("ab", 32)); err != nil {
		b.Fatal(err)
	}
	push, err := s.SyncPushOf(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := server.ApplyPush(ctx, push); err != nil {
		b.Fatal(err)
	}
	accounts, err := s.portalProgramAccounts(ctx, programID)
	if err != nil {
		b.Fatal(err)
	}
	snap := domain.PortalSnapshot{ProgramID: programID, AsOf: s.Now()}
	for _, a := range accounts {
		if slices.Contains(partners, a.PartnerID) {
			pp, err := s.portalPublishedPartner(ctx, a)
			if err != nil {
				b.Fatal(err)
			}
			snap.Partners = append(snap.Partners, pp)
		}
	}
	if res, err := server.ApplyPortalSnapshot(ctx, snap); err != nil || res.Partners != len(partners) {
		b.Fatalf("published %+v, %v", res, err)
	}
	return server.Published()
}
