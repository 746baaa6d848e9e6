package sqlite

import "fmt"

// The report's sums (report_hours, report_firsts and report_balances, migration 010, and
// report_months, 020) are kept by the writers of orders and commission lines, set-wise and in
// the transaction of the write (migration 016 dropped the triggers that kept them a row at a
// time): a writer takes the rows it is about to change or delete out of the sums, writes, and
// puts the rows it changed or created in. A block of an import or a chunk of a recompute costs
// a few statements, grouped by hour (or month) and partner, instead of a trigger's three or four
// for each row.
//
// Each helper takes a condition on its table's rows (orders o, commission lines l, customers
// by id) and its arguments; the condition must name the same rows before and after the write.

// inJSON names rows whose id is in a JSON array bound as the condition's one argument.
const inJSON = ` IN (SELECT value FROM json_each(?))`

// sumsPeriod is a table of the report's sums by period: report_hours by UTC hour (migration
// 010) and report_months by UTC month (020). Both sum the same rows, and every writer keeps both.
type sumsPeriod struct {
	table, column string
	width         int // of a stored time's start that names the period: 13 for 2025-03-14T08
}

var sumsPeriods = [2]sumsPeriod{{"report_hours", "hour", 13}, {"report_months", "month", 7}}

// of is the period of a stored time (a column's SQL).
func (p sumsPeriod) of(stored string) string {
	return fmt.Sprintf("substr(%s, 1, %d)", stored, p.width)
}

// eachPeriod is f's statement for each table of sums.
func eachPeriod(f func(p sumsPeriod) string) []string {
	out := make([]string, len(sumsPeriods))
	for i, p := range sumsPeriods {
		out[i] = f(p)
	}
	return out
}

// ordersSumsSQL adds the orders where says to the sums by hour and month (sign "+1") or takes
// them out ("-1"): credited orders that are not cancelled, for their partner and for all
// partners (0).
func ordersSumsSQL(sign, where string) []string {
	return eachPeriod(func(p sumsPeriod) string {
		return `INSERT INTO ` + p.table + ` (program_id, ` + p.column + `, partner_id, currency, orders, net, total, refunded, refunded_orders)
		SELECT o.program_id, ` + p.of("o.time") + `, k.k * o.partner_id, o.currency, ` + sign + ` * count(*), ` + sign + ` * sum(o.net),
			` + sign + ` * sum(o.total), ` + sign + ` * sum(o.refunded), ` + sign + ` * sum(o.refunded > 0)
		FROM orders o, (SELECT 0 AS k UNION ALL SELECT 1) k
		WHERE o.partner_id IS NOT NULL AND o.cancelled = 0 AND (` + where + `)
		GROUP BY 1, 2, 3, 4
		ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, net = net + excluded.net, total = total + excluded.total,
			refunded = refunded + excluded.refunded, refunded_orders = refunded_orders + excluded.refunded_orders`
	})
}

// linesSumsSQL adds the lines where says to the sums by hour and month (earned by order time,
// reversed and rejected left out) and report_balances (by status, a pending line by its due day;
// the sale and renewal lines also counted apart, with their bases), or takes them out.
func linesSumsSQL(sign, where string) []string {
	return append(eachPeriod(func(p sumsPeriod) string {
		return `INSERT INTO ` + p.table + ` (program_id, ` + p.column + `, partner_id, currency, commissions)
		SELECT l.program_id, ` + p.of("l.order_time") + `, k.k * l.partner_id, l.currency, ` + sign + ` * sum(l.amount)
		FROM commission_lines l, (SELECT 0 AS k UNION ALL SELECT 1) k
		WHERE l.order_time IS NOT NULL AND l.status NOT IN ('reversed', 'rejected') AND (` + where + `)
		GROUP BY 1, 2, 3, 4
		ON CONFLICT DO UPDATE SET commissions = commissions + excluded.commissions`
	}), `
		INSERT INTO report_balances (program_id, partner_id, currency, status, due, amount, lines, sales, sales_base)
		SELECT l.program_id, l.partner_id, l.currency, l.status, CASE WHEN l.status = 'pending' THEN COALESCE(l.due, '9999-12-31') ELSE '' END,
			`+sign+` * sum(l.amount), `+sign+` * count(*), `+sign+` * sum(l.kind IN ('sale', 'recurring')),
			`+sign+` * sum(CASE WHEN l.kind IN ('sale', 'recurring') THEN l.base ELSE 0 END)
		FROM commission_lines l WHERE (`+where+`)
		GROUP BY 1, 2, 3, 4, 5
		ON CONFLICT DO UPDATE SET amount = amount + excluded.amount, lines = lines + excluded.lines, sales = sales + excluded.sales,
			sales_base = sales_base + excluded.sales_base`)
}

// firstsNewSQL adds the first orders of report_firsts where says (on report_firsts f, its
// arguments in ?1) to the sums' new customers (sign "+1"), or takes them out ("-1").
func firstsNewSQL(sign, where string) []string {
	return eachPeriod(func(p sumsPeriod) string {
		return `INSERT INTO ` + p.table + ` (program_id, ` + p.column + `, partner_id, currency, new_customers)
			SELECT f.program_id, ` + p.of("f.time") + `, k.k * f.partner_id, f.currency, ` + sign + ` * count(*)
			FROM report_firsts f, (SELECT 0 AS k UNION ALL SELECT 1) k
			WHERE f.partner_id IS NOT NULL AND (` + where + `)
			GROUP BY 1, 2, 3, 4
			ON CONFLICT DO UPDATE SET new_customers = new_customers + excluded.new_customers`
	})
}

// firstsSQL are the statements that count the first orders of the customers in a JSON array
// again: their new customers out of the sums, their report_firsts rows gone, each one's first
// order that is not cancelled found again, and counted where it was credited.
func firstsSQL() []string {
	in := `f.customer_id IN (SELECT value FROM json_each(?1))`
	q := append(firstsNewSQL("-1", in), `DELETE FROM report_firsts WHERE customer_id`+inJSON, `
		INSERT INTO report_firsts (customer_id, program_id, order_id, time, partner_id, currency)
		SELECT o.customer_id, o.program_id, o.id, o.time, o.partner_id, o.currency
		FROM (SELECT DISTINCT value AS id FROM json_each(?) WHERE value IS NOT NULL) c
		CROSS JOIN orders o ON o.id = (SELECT x.id FROM orders x WHERE x.customer_id = c.id AND x.cancelled = 0 ORDER BY x.time, x.id LIMIT 1)`)
	return append(q, firstsNewSQL("+1", in)...)
}

// ordersSums adds (in) or takes out the orders where says to the report's sums.
func (tx *Tx) ordersSums(in bool, where string, args ...any) error {
	for _, q := range ordersSumsSQL(sign(in), where) {
		if _, err := tx.ExecContext(tx.ctx, q, args...); err != nil {
			return fmt.Errorf("sqlite: report sums of orders: %w", err)
		}
	}
	return nil
}

// linesSums adds (in) or takes out the lines where says to the report's sums.
func (tx *Tx) linesSums(in bool, where string, args ...any) error {
	for _, q := range linesSumsSQL(sign(in), where) {
		if _, err := tx.ExecContext(tx.ctx, q, args...); err != nil {
			return fmt.Errorf("sqlite: report sums of lines: %w", err)
		}
	}
	return nil
}

// firsts counts the first orders of the customers again (ids; 0 and duplicates are left out),
// after their orders were written.
func (tx *Tx) firsts(customers []int64) error {
	var ids []int64
	for _, c := range customers {
		if c != 0 {
			ids = append(ids, c)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	j := jsonIDs(ids)
	for _, q := range firstsSQL() {
		if _, err := tx.ExecContext(tx.ctx, q, j); err != nil {
			return fmt.Errorf("sqlite: report sums of first orders: %w", err)
		}
	}
	return nil
}

// orderCustomers are the customers of the orders where says (on orders o).
func (tx *Tx) orderCustomers(where string, args ...any) ([]int64, error) {
	return tx.int64s(`SELECT DISTINCT o.customer_id FROM orders o WHERE o.customer_id IS NOT NULL AND (`+where+`)`, args...)
}

// keepOrderSums takes the orders where says out of the sums, runs write, puts them in again and
// counts their customers' first orders again (their customers before and after).
func (tx *Tx) keepOrderSums(write func() error, where string, args ...any) error {
	before, err := tx.orderCustomers(where, args...)
	if err != nil {
		return err
	}
	if err := tx.ordersSums(false, where, args...); err != nil {
		return err
	}
	if err := write(); err != nil {
		return err
	}
	if err := tx.ordersSums(true, where, args...); err != nil {
		return err
	}
	after, err := tx.orderCustomers(where, args...)
	if err != nil {
		return err
	}
	return tx.firsts(append(before, after...))
}

// keepLineSums takes the lines where says out of the sums, runs write, and puts them in again.
func (tx *Tx) keepLineSums(write func() error, where string, args ...any) error {
	if err := tx.linesSums(false, where, args...); err != nil {
		return err
	}
	if err := write(); err != nil {
		return err
	}
	return tx.linesSums(true, where, args...)
}

func sign(in bool) string {
	if in {
		return "+1"
	}
	return "-1"
}
