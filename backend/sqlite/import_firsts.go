package sqlite

import "fmt"

// A block's new orders can only make a customer's first order earlier: report_firsts keeps
// each customer's first order that is not cancelled, and an order the block creates replaces
// it where it is earlier (a new order's id is above every stored one, so a tie in time keeps
// the stored order). New orders are not credited yet (the recompute attributes them and moves
// their sums), so a first order they replace leaves the sums' new customers and they add
// nothing there. Three statements a block instead of counting the customers' first orders again
// (six, one of them a search of each customer's orders).

// firstsOutSQL takes the first orders that a block's earlier new order (JSON rows of customer,
// order id, time, currency) replaces out of the sums by hour and month.
func firstsOutSQL() []string {
	return eachPeriod(func(p sumsPeriod) string {
		return `INSERT INTO ` + p.table + ` (program_id, ` + p.column + `, partner_id, currency, new_customers)
	SELECT f.program_id, ` + p.of("f.time") + `, k.k * f.partner_id, f.currency, -count(*)
	FROM jsonb_each(?1) j CROSS JOIN report_firsts f ON f.customer_id = j.value->>0
	CROSS JOIN (SELECT 0 AS k UNION ALL SELECT 1) k
	WHERE f.partner_id IS NOT NULL AND (j.value->>2 < f.time OR (j.value->>2 = f.time AND j.value->>1 < f.order_id))
	GROUP BY 1, 2, 3, 4
	ON CONFLICT DO UPDATE SET new_customers = new_customers + excluded.new_customers`
	})
}

// firstsInSQL makes the block's new orders first orders where they are earlier.
const firstsInSQL = `INSERT INTO report_firsts (customer_id, program_id, order_id, time, partner_id, currency)
	SELECT value->>0, ?1, value->>1, value->>2, NULL, value->>3 FROM jsonb_each(?2) WHERE true
	ON CONFLICT DO UPDATE SET program_id = excluded.program_id, order_id = excluded.order_id, time = excluded.time,
		partner_id = NULL, currency = excluded.currency
	WHERE excluded.time < time OR (excluded.time = time AND excluded.order_id < order_id)`

// blockFirsts collects each customer's earliest new order of a block that is not cancelled.
type blockFirsts struct {
	at   map[int64]int // customer → index in rows
	rows []blockFirst
}

type blockFirst struct {
	customer, order int64
	time, currency  string
}

// add notes a new order (in the order of its id).
func (f *blockFirsts) add(customer, order int64, time, currency string, cancelled bool) {
	if customer == 0 || cancelled {
		return
	}
	if f.at == nil {
		f.at = map[int64]int{}
	}
	i, ok := f.at[customer]
	if !ok {
		f.at[customer] = len(f.rows)
		f.rows = append(f.rows, blockFirst{customer, order, time, currency})
		return
	}
	if time < f.rows[i].time { // an equal time keeps the earlier id
		f.rows[i] = blockFirst{customer, order, time, currency}
	}
}

// write puts the block's first orders in the report's sums; the collection starts over.
func (b *orderBlock) writeFirsts(f *blockFirsts) error {
	if len(f.rows) == 0 {
		return nil
	}
	rows := &b.firstRows
	for _, r := range f.rows {
		rows.row().int(r.customer).int(r.order).str(r.time).str(r.currency).done()
	}
	clear(f.at)
	f.rows = f.rows[:0]
	j := rows.json()
	for _, st := range b.firstsOutSt {
		if _, err := st.ExecContext(b.w.tx.ctx, j); err != nil {
			return fmt.Errorf("sqlite: report sums of first orders: %w", err)
		}
	}
	if _, err := b.firstsInSt.ExecContext(b.w.tx.ctx, b.w.programID, j); err != nil {
		return fmt.Errorf("sqlite: report sums of first orders: %w", err)
	}
	return nil
}
