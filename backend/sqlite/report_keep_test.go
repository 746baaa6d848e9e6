package sqlite

import (
	"fmt"
	"strings"
	"testing"
)

// reportSumPairs are the kept sums and the same sums from scratch, each as a query.
var reportSumPairs = [][2]string{{`
		SELECT program_id, hour, partner_id, currency, orders, net, total, refunded, refunded_orders, new_customers, commissions
		FROM report_hours WHERE orders <> 0 OR net <> 0 OR total <> 0 OR refunded <> 0 OR refunded_orders <> 0 OR new_customers <> 0 OR commissions <> 0`, `
		SELECT program_id, hour, p, currency, sum(n), sum(net), sum(total), sum(refunded), sum(ro), sum(nc), sum(c) FROM (
			SELECT o.program_id, substr(o.time, 1, 13) AS hour, k.p * o.partner_id AS p, o.currency, 1 AS n, o.net, o.total, o.refunded,
				o.refunded > 0 AS ro, o.id = (SELECT x.id FROM orders x WHERE x.customer_id = o.customer_id AND x.cancelled = 0
				ORDER BY x.time, x.id LIMIT 1) AS nc, 0 AS c
			FROM orders o, (SELECT 0 AS p UNION ALL SELECT 1) k WHERE o.partner_id IS NOT NULL AND o.cancelled = 0
			UNION ALL SELECT l.program_id, substr(l.order_time, 1, 13), k.p * l.partner_id, l.currency, 0, 0, 0, 0, 0, 0, l.amount
			FROM commission_lines l, (SELECT 0 AS p UNION ALL SELECT 1) k WHERE l.status NOT IN ('reversed', 'rejected'))
		GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 OR sum(net) <> 0 OR sum(total) <> 0 OR sum(refunded) <> 0 OR sum(nc) <> 0 OR sum(c) <> 0`}, {`
		SELECT program_id, partner_id, currency, status, due, amount, lines, sales, sales_base FROM report_balances
		WHERE lines <> 0 OR amount <> 0 OR sales <> 0 OR sales_base <> 0`, `
		SELECT program_id, partner_id, currency, status, CASE WHEN status = 'pending' THEN COALESCE(due, '9999-12-31') ELSE '' END,
			sum(amount), count(*), sum(kind IN ('sale', 'recurring')), sum(CASE WHEN kind IN ('sale', 'recurring') THEN base ELSE 0 END)
		FROM commission_lines GROUP BY 1, 2, 3, 4, 5`}, {`
		SELECT customer_id, program_id, order_id, time, partner_id, currency FROM report_firsts`, `
		SELECT o.customer_id, o.program_id, o.id, o.time, o.partner_id, o.currency FROM orders o
		WHERE o.customer_id IS NOT NULL
			AND o.id = (SELECT x.id FROM orders x WHERE x.customer_id = o.customer_id AND x.cancelled = 0 ORDER BY x.time, x.id LIMIT 1)`}, {`
		-- report_months is report_hours summed by month
		SELECT program_id, month, partner_id, currency, orders, net, total, refunded, refunded_orders, new_customers, commissions
		FROM report_months WHERE orders <> 0 OR net <> 0 OR total <> 0 OR refunded <> 0 OR refunded_orders <> 0
			OR new_customers <> 0 OR commissions <> 0`, `
		SELECT program_id, substr(hour, 1, 7), partner_id, currency, sum(orders), sum(net), sum(total), sum(refunded),
			sum(refunded_orders), sum(new_customers), sum(commissions)
		FROM report_hours GROUP BY 1, 2, 3, 4
		HAVING sum(orders) <> 0 OR sum(net) <> 0 OR sum(total) <> 0 OR sum(refunded) <> 0 OR sum(refunded_orders) <> 0
			OR sum(new_customers) <> 0 OR sum(commissions) <> 0`}, {`
		-- and a month has a row, even one of zeros, where an hour of it has one (a ranking lists a
		-- partner's currency where it finds a row)
		SELECT program_id, month, partner_id, currency FROM report_months`, `
		SELECT DISTINCT program_id, substr(hour, 1, 7), partner_id, currency FROM report_hours`}}

// sumsAgree says where the kept sums and the sums from scratch differ (nil: nowhere).
func sumsAgree(q querier) error {
	var diffs []string
	for _, pair := range reportSumPairs {
		for _, sql := range []string{pair[0] + " EXCEPT " + pair[1], pair[1] + " EXCEPT " + pair[0]} {
			rows, err := q.QueryContext(ctx, sql+" LIMIT 5")
			if err != nil {
				return err
			}
			cols, _ := rows.Columns()
			for rows.Next() {
				v := make([]any, len(cols))
				ptrs := make([]any, len(cols))
				for i := range v {
					ptrs[i] = &v[i]
				}
				if err := rows.Scan(ptrs...); err != nil {
					rows.Close()
					return err
				}
				diffs = append(diffs, fmt.Sprint(v...))
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
		}
	}
	if len(diffs) > 0 {
		return fmt.Errorf("a kept sum of the report and the rows differ: %s", strings.Join(diffs, "; "))
	}
	return nil
}

// rebuildSums counts the report's sums again from the rows, after a test or benchmark wrote
// orders or lines with SQL of its own (outside the store's writers, which keep them).
func rebuildSums(t testing.TB, s *Store) {
	t.Helper()
	qs := []string{`DELETE FROM report_hours`, `DELETE FROM report_months`, `DELETE FROM report_firsts`, `DELETE FROM report_balances`,
		`INSERT INTO report_firsts (customer_id, program_id, order_id, time, partner_id, currency)
			SELECT o.customer_id, o.program_id, o.id, o.time, o.partner_id, o.currency FROM orders o
			WHERE o.customer_id IS NOT NULL
				AND o.id = (SELECT x.id FROM orders x WHERE x.customer_id = o.customer_id AND x.cancelled = 0 ORDER BY x.time, x.id LIMIT 1)`}
	qs = append(append(append(qs, ordersSumsSQL("+1", "true")...), linesSumsSQL("+1", "true")...), firstsNewSQL("+1", "true")...)
	for _, q := range qs {
		if _, err := s.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
}

// TestReportTriggersGone: the sums are kept by the writers; no trigger keeps them a row at a time.
func TestReportTriggersGone(t *testing.T) {
	s := open(t)
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'report%'`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("%d report triggers (%v)", n, err)
	}
}
