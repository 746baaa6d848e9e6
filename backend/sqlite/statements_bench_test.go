package sqlite

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"partnerbook/backend/domain"
)

// BenchmarkStatementsOfARun makes the statements of a run of 1,000 payouts of 50 lines each,
// from the database to the files, as `partnerbook statements --run` does (budget: under 4 s
// on 2 cores).
//
//	go test -run '^$' -bench StatementsOfARun -benchtime 1x ./backend/sqlite/
func BenchmarkStatementsOfARun(b *testing.B) {
	s := benchStore(b)
	prog, err := s.CreateProgram(ctx, domain.DefaultProgram("Shop"))
	if err != nil {
		b.Fatal(err)
	}
	s.SetSetting(ctx, "company.name", "Kaffeerösterei Łódź GmbH")
	s.SetSetting(ctx, "company.address", "Piotrkowska 1, 90-001 Łódź")
	s.Now = func() time.Time { return time.Date(2025, 12, 31, 12, 0, 0, 0, time.UTC) }
	for _, q := range []string{`
		WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 1000)
		INSERT INTO partners (program_id, name, email, key, address, country, language, created_at, updated_at)
			SELECT ?1, 'Partnerin Øster ' || i, 'p' || i || '@example.org', 'p' || i, 'Nørregade ' || i, 'DK',
				CASE WHEN i % 2 = 0 THEN 'de' ELSE 'en' END, '2025-01-01', '2025-01-01' FROM k`, `
		WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 50000)
		INSERT INTO orders (program_id, source, order_key, time, customer_email, customer_name, currency, total, net, partner_id,
			created_at, updated_at)
			SELECT ?1, 'shopify', '#' || (10000 + i), strftime('%Y-%m-%dT%H:%M:%SZ', 1740787200 + i * 40, 'unixepoch'),
				'c' || i || '@example.org', 'Jürgen Müller', 'EUR', 5000 + i % 3000, 4000 + i % 3000, 1 + i % 1000, '2025-01-01', '2025-01-01' FROM k`, `
		INSERT INTO commission_lines (program_id, partner_id, order_id, kind, reason, rule, status, base, amount, currency, order_time,
			line_key, due, created_at, updated_at)
			SELECT ?1, partner_id, id, 'sale', 'coupon', 'sale 20%', 'approved', net, net / 5, 'EUR', time,
				'o' || id || ':p' || partner_id || ':sale', '2025-03-01', '2025-03-01', '2025-03-01' FROM orders`} {
		if _, err := s.db.Exec(q, prog.ID); err != nil {
			b.Fatal(err)
		}
	}
	run, err := s.RunPayouts(ctx, prog.ID, "2025-04-30", false)
	if err != nil || len(run.Payouts) != 1000 {
		b.Fatalf("run: %d payouts, %v", len(run.Payouts), err)
	}
	numbers := make([]string, len(run.Payouts))
	for i, p := range run.Payouts {
		numbers[i] = p.Number
	}
	dir := b.TempDir()
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		// Each time from the frozen records: the filed PDFs are forgotten first.
		b.StopTimer()
		if _, err := s.db.Exec(`UPDATE statements SET pdf = NULL`); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		filed, err := s.StatementPDFs(ctx, prog.ID, numbers)
		if err != nil {
			b.Fatal(err)
		}
		for _, f := range filed {
			if err := os.WriteFile(filepath.Join(dir, f.Number+".pdf"), f.PDF, 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(numbers)), "statements")
}
