package sqlite

import (
	"testing"
	"time"
)

// BenchmarkRecomputeFloor is what SQLite alone takes to write what BenchmarkRecompute's
// recompute from nothing writes: the lower bound of that figure on a machine, whatever Go does.
// The real recompute runs once, outside the timing, and its results are copied into plain
// tables; then, as many times as asked, everything is taken back as in from-nothing and one
// transaction writes the same results set-wise (INSERT … SELECT, UPDATE … FROM, no value bound
// per row): the lines without their indexes, the attributions, links, fingerprints and the
// report's sums, the lines' indexes made again, the commit. -test.v logs each step's time.
//
//	go test -run '^$' -bench RecomputeFloor -benchtime 1x -timeout 30m -v ./backend/sqlite/
func BenchmarkRecomputeFloor(b *testing.B) {
	s, prog := recomputeBenchProgram(b)
	if err := s.write(ctx, func(tx *Tx) error { return tx.recompute(prog.ID, recomputeScope{all: true, fresh: true}) }); err != nil {
		b.Fatal(err)
	}
	execAll(b, s, `CREATE TABLE st_lines AS SELECT * FROM commission_lines ORDER BY id`,
		`CREATE TABLE st_attr AS SELECT id, partner_id, reason, sale_base FROM orders
			WHERE partner_id IS NOT NULL OR sale_base IS NOT NULL OR reason <> '' ORDER BY id`,
		`CREATE TABLE st_links AS SELECT id, partner_id, link_reason, linked_at FROM customers WHERE partner_id IS NOT NULL ORDER BY id`,
		`CREATE TABLE st_sigs AS SELECT * FROM order_sigs ORDER BY order_id`,
		`CREATE TABLE st_hours AS SELECT * FROM report_hours`,
		`CREATE TABLE st_months AS SELECT * FROM report_months`,
		`CREATE TABLE st_balances AS SELECT * FROM report_balances`,
		`CREATE TABLE st_firsts AS SELECT customer_id, partner_id FROM report_firsts WHERE partner_id IS NOT NULL`)
	var idx [][2]string
	if err := s.write(ctx, func(tx *Tx) (err error) {
		idx, err = tx.lineIndexes() // those withoutLineIndexes drops and makes again
		return err
	}); err != nil {
		b.Fatal(err)
	}
	var steps []string
	for _, ix := range idx {
		steps = append(steps, `DROP INDEX "`+ix[0]+`"`)
	}
	sums := `orders = excluded.orders, net = excluded.net, total = excluded.total, refunded = excluded.refunded,
		refunded_orders = excluded.refunded_orders, new_customers = excluded.new_customers, commissions = excluded.commissions`
	steps = append(steps, `INSERT INTO commission_lines SELECT * FROM st_lines`,
		`UPDATE orders SET partner_id = a.partner_id, reason = a.reason, sale_base = a.sale_base FROM st_attr a WHERE orders.id = a.id`,
		`UPDATE customers SET partner_id = l.partner_id, link_reason = l.link_reason, linked_at = l.linked_at
			FROM st_links l WHERE customers.id = l.id`,
		`INSERT INTO order_sigs (order_id, sig) SELECT order_id, sig FROM st_sigs WHERE true
			ON CONFLICT (order_id) DO UPDATE SET sig = excluded.sig`,
		`INSERT INTO report_hours SELECT * FROM st_hours WHERE true ON CONFLICT DO UPDATE SET `+sums,
		`INSERT INTO report_months SELECT * FROM st_months WHERE true ON CONFLICT DO UPDATE SET `+sums,
		`INSERT INTO report_balances SELECT * FROM st_balances WHERE true ON CONFLICT DO UPDATE SET amount = excluded.amount,
			lines = excluded.lines, sales = excluded.sales, sales_base = excluded.sales_base`,
		`UPDATE report_firsts SET partner_id = f.partner_id FROM st_firsts f WHERE report_firsts.customer_id = f.customer_id`)
	for _, ix := range idx {
		steps = append(steps, ix[1])
	}
	b.Run("from-nothing", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			clearRecompute(b, s)
			b.StartTimer()
			floorWrite(b, s, steps)
		}
		var n int
		if err := s.db.QueryRow(`SELECT count(*) FROM commission_lines`).Scan(&n); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(n), "lines")
	})
}

// floorWrite runs steps in one write transaction on one connection with the recompute's page
// cache (roomy), logging each one's time.
func floorWrite(b *testing.B, s *Store, steps []string) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	restore, err := roomy(ctx, conn)
	if err != nil {
		b.Fatal(err)
	}
	defer func() {
		if err := restore(); err != nil {
			b.Error(err)
		}
	}()
	t0 := time.Now()
	if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		b.Fatal(err)
	}
	for _, q := range append(steps, `COMMIT`) {
		t := time.Now()
		if _, err := conn.ExecContext(ctx, q); err != nil {
			conn.ExecContext(ctx, `ROLLBACK`)
			b.Fatalf("%s: %v", q, err)
		}
		b.Logf("%6.2f s  %.70s", time.Since(t).Seconds(), q)
	}
	b.Logf("whole: %.2f s", time.Since(t0).Seconds())
}
