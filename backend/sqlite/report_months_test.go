package sqlite

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"partnerbook/backend/domain"
)

// TestMonthsAndHours: a range of whole hours reads its whole UTC months from report_months and
// only the hours around them from report_hours.
func TestMonthsAndHours(t *testing.T) {
	for _, c := range []struct{ lo, hi, want string }{
		{"2025-03-14T08", "2025-03-20T00", "hour 2025-03-14T08..2025-03-20T00"},
		{"2025-03-14T08", "2025-04-02T00", "hour 2025-03-14T08..2025-04-02T00"}, // no whole month inside
		{"2025-03-01T00", "2025-04-01T00", "month 2025-03..2025-04"},
		{"2024-12-31T23", "2027-11-30T23", "hour 2024-12-31T23..2025-01-01T00 month 2025-01..2027-11 hour 2027-11-01T00..2027-11-30T23"},
		{"2025-01-31T23", "2025-03-01T00", "hour 2025-01-31T23..2025-02-01T00 month 2025-02..2025-03"},
		{"2025-02-01T00", "2025-03-31T22", "month 2025-02..2025-03 hour 2025-03-01T00..2025-03-31T22"},
		{"2025-11-30T23", "2026-01-01T00", "hour 2025-11-30T23..2025-12-01T00 month 2025-12..2026-01"}, // over a year's end
		{"2025-03-01T00", "2025-03-01T00", ""},
		{"2025-03-02T00", "2025-03-01T00", ""},
	} {
		got := ""
		for _, r := range monthsAndHours(c.lo, c.hi) {
			if got != "" {
				got += " "
			}
			got += fmt.Sprintf("%s %s..%s", r.period.column, r.lo, r.hi)
		}
		if got != c.want {
			t.Errorf("%s..%s:\n got %s\nwant %s", c.lo, c.hi, got, c.want)
		}
	}
}

// TestReportRankingOverWholeMonths: a ranking over periods with whole months inside (read from
// report_months) equals the commission lines and orders of each partner, in a zone whose days
// start on a whole UTC hour and in one whose days do not (seed 2, Kolkata).
func TestReportRankingOverWholeMonths(t *testing.T) {
	onRandomPrograms(t, 1200, func(t *testing.T, s *Store, prog domain.Program, _ int64) {
		for _, p := range [][2]string{{"2024-12-15", "2025-04-20"}, {"2025-01-01", "2025-03-31"}, {"2025-02-01", "2025-02-28"},
			{"2024-11-01", "2025-05-31"}} {
			agree(t, s, prog, domain.ReportQuery{ProgramID: prog.ID, From: p[0], To: p[1], By: "month", AsOf: "2025-04-03"})
			agreeOnePartner(t, s, prog, domain.ReportQuery{ProgramID: prog.ID, From: p[0], To: p[1], AsOf: "2025-04-03"})
		}
	})
}

// agreeOnePartner: each partner's figures of the ranking equal their orders counted from the
// orders table, and a report of that partner alone (read with the partner's key ranges) says
// the same.
func agreeOnePartner(t *testing.T, s *Store, prog domain.Program, q domain.ReportQuery) {
	t.Helper()
	loc := prog.Location()
	f, _ := time.ParseInLocation("2006-01-02", q.From, loc)
	e, _ := time.ParseInLocation("2006-01-02", q.To, loc)
	from, to := f.UTC().Format(TimeLayout), e.AddDate(0, 0, 1).UTC().Format(TimeLayout)
	all := mustReport(t, s, q)
	if len(all.Partners) < 8 {
		t.Fatalf("%s..%s: %d partners ranked", q.From, q.To, len(all.Partners))
	}
	for _, p := range all.Partners {
		var orders, revenue, firsts int64
		err := s.db.QueryRow(`SELECT count(*), COALESCE(sum(net), 0), COALESCE(sum(o.id = (SELECT x.id FROM orders x
			WHERE x.customer_id = o.customer_id AND x.cancelled = 0 ORDER BY x.time, x.id LIMIT 1)), 0)
			FROM orders o JOIN partners p ON p.id = o.partner_id AND p.key = ?
			WHERE o.program_id = ? AND o.cancelled = 0 AND o.currency = ? AND o.time >= ? AND o.time < ?`,
			p.Partner, prog.ID, prog.Currency, from, to).Scan(&orders, &revenue, &firsts)
		if err != nil {
			t.Fatal(err)
		}
		if p.Orders != orders || minor(t, p.Revenue) != revenue || p.NewCustomers != firsts {
			t.Errorf("%s..%s: %s has %d orders, %s, %d new; the orders say %d, %d, %d", q.From, q.To, p.Partner,
				p.Orders, p.Revenue, p.NewCustomers, orders, revenue, firsts)
		}
		one := q
		one.Partner = p.Partner
		if r := mustReport(t, s, one); len(r.Partners) != 1 || r.Partners[0] != p {
			t.Errorf("%s..%s: %s alone is %+v, in the ranking %+v", q.From, q.To, p.Partner, r.Partners, p)
		}
	}
}

// TestReportMonthsMigration: a database with sums before migration 020 gets its months summed
// from its hours.
func TestReportMonthsMigration(t *testing.T) {
	st := []string{
		`INSERT INTO programs (id, name, created_at, updated_at) VALUES (1, 'Shop', 'x', 'x')`,
		`INSERT INTO partners (id, program_id, name, email, key, created_at, updated_at) VALUES
			(1, 1, 'Kira', 'kira@example.org', 'kira', 'x', 'x'), (2, 1, 'Lena', 'lena@example.org', 'lena', 'x', 'x')`,
		`INSERT INTO customers (id, program_id, email, name, created_at) VALUES (1, 1, 'ana@example.org', 'Ana', 'x'),
			(2, 1, 'bo@example.org', 'Bo', 'x')`,
		`INSERT INTO orders (program_id, source, order_key, time, customer_id, currency, total, net, refunded, cancelled,
			partner_id, created_at, updated_at) VALUES
			(1, 'csv', '#1', '2025-03-01T00:10:00Z', 1, 'EUR', 1200, 1000, 0, 0, 1, 'x', 'x'),
			(1, 'csv', '#2', '2025-03-31T23:59:59Z', 1, 'EUR', 600, 500, 100, 0, 1, 'x', 'x'),
			(1, 'csv', '#3', '2025-04-01T00:00:00Z', 2, 'EUR', 2400, 2000, 0, 0, 2, 'x', 'x'),
			(1, 'csv', '#4', '2025-04-02T08:00:00Z', 2, 'USD', 300, 250, 0, 0, 2, 'x', 'x'),
			(1, 'csv', '#5', '2025-04-03T08:00:00Z', 2, 'EUR', 300, 250, 0, 1, 2, 'x', 'x')`,
		`INSERT INTO commission_lines (program_id, partner_id, order_id, kind, status, base, amount, currency, order_time, created_at, updated_at)
			SELECT program_id, partner_id, id, 'sale', 'pending', net, net / 10, currency, time, 'x', 'x' FROM orders`,
		`INSERT INTO report_firsts (customer_id, program_id, order_id, time, partner_id, currency)
			SELECT o.customer_id, o.program_id, o.id, o.time, o.partner_id, o.currency FROM orders o
			WHERE o.id = (SELECT x.id FROM orders x WHERE x.customer_id = o.customer_id AND x.cancelled = 0 ORDER BY x.time, x.id LIMIT 1)`,
	}
	// the hours as 019 kept them (each helper writes the hours first, then the months), and the balances
	st = append(st, ordersSumsSQL("+1", "true")[0], linesSumsSQL("+1", "true")[0], linesSumsSQL("+1", "true")[2],
		firstsNewSQL("+1", "true")[0])
	s := migratedFrom(t, 19, st...)
	if err := sumsAgree(s.db); err != nil {
		t.Error(err)
	}
	var months int
	var net int64
	if err := s.db.QueryRow(`SELECT count(*), sum(net) FROM report_months WHERE partner_id > 0`).Scan(&months, &net); err != nil ||
		months != 3 || net != 3750 {
		t.Errorf("%d months of partners, net %d (%v); want 3 and 3750", months, net, err)
	}
}

// TestRankingReadsOneRangeAPartner: without statistics (a new shop's database), SQLite reads the
// ranking's sums one range of the primary key a partner, never every row of the program.
func TestRankingReadsOneRangeAPartner(t *testing.T) {
	s := open(t)
	pid := program(t, s, "Shop").ID
	for _, only := range []int64{0, 7} {
		q, args := partnerSumsSQL(monthsAndHours("2024-12-31T23", "2027-11-30T23"), pid, only)
		plan := queryPlan(t, s.db, q, args...)
		sums := 0
		for _, d := range plan {
			if strings.Contains(d, " h ") {
				sums++
				if !strings.Contains(d, "USING PRIMARY KEY (program_id=? AND partner_id=? AND") {
					t.Errorf("only %d: the sums are read as %q\n%s", only, d, strings.Join(plan, "\n"))
				}
			}
		}
		if sums != 3 {
			t.Errorf("only %d: %d reads of sums, want 3 (hours, months, hours)\n%s", only, sums, strings.Join(plan, "\n"))
		}
	}
}
