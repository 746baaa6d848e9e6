package sqlite

import (
	"cmp"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"partnerbook/backend/commission"
	"partnerbook/backend/report"
)

// sumsDelta is a change to the report's sums (report_hours, report_balances and the partner of
// report_firsts, migration 010; report_months, 020, the hours by month), gathered in memory from
// rows a writer holds before and after its write, and written with one grouped statement a
// table (see write; a recompute's months wait for its end, see sumsStmts). A recompute knows
// what each order and line was and becomes: reading them back to sum them in SQL
// (report_keep.go) cost more than the writes themselves (a million orders from nothing: 9 s of
// 27).
//
// It says what the SQL of report_keep.go says, row for row: an order counts for its partner and
// for all partners (0) when it has a partner and is not cancelled; a line counts its amount in
// its order's hour unless reversed or rejected, and in the balances by status (a pending line
// by its due day, 9999-12-31 when it has none), where a sale or renewal line also counts apart
// with its base.
type sumsDelta struct {
	program  int64
	hours    map[hourKey]*hourSums
	balances map[balanceKey]*balanceSums
	firsts   batch // customers whose first order's partner moved: [customer, partner or null]
}

type hourKey struct {
	partner  int64 // 0: all partners
	hour     string
	currency string
}

// hourSums are the sums of one partner, hour (or month) and currency: the report's own Sums.
type hourSums = report.Sums

type balanceKey struct {
	partner               int64
	currency, status, due string
}

type balanceSums struct{ amount, lines, sales, salesBase int64 }

func newSumsDelta(program int64) *sumsDelta {
	return &sumsDelta{program: program, hours: map[hourKey]*hourSums{}, balances: map[balanceKey]*balanceSums{}}
}

// storedHour is the UTC hour of a stored time, as substr(time, 1, 13) reads it.
func storedHour(stored string) string { return stored[:min(13, len(stored))] }

// hour changes the sums of partner's hour and of all partners' by f.
func (d *sumsDelta) hour(partner int64, hour, currency string, f func(*hourSums)) {
	for _, p := range [2]int64{partner, 0} {
		k := hourKey{p, hour, currency}
		s := d.hours[k]
		if s == nil {
			s = &hourSums{}
			d.hours[k] = s
		}
		f(s)
	}
}

// order adds an order (sign +1) to the sums or takes it out (-1), as credited to partner (0:
// to none, which counts nowhere).
func (d *sumsDelta) order(o *commission.Order, hour string, partner, sign int64) {
	if partner == 0 || o.Cancelled {
		return
	}
	refunded := int64(0)
	if o.Refunded > 0 {
		refunded = 1
	}
	d.hour(partner, hour, o.Currency, func(s *hourSums) {
		s.Orders += sign
		s.Net += sign * o.Net
		s.Total += sign * o.Total
		s.Refunded += sign * o.Refunded
		s.RefundedOrders += sign * refunded
	})
}

// moveOrder moves an order's sums from the partner it was credited to to the one it is now.
func (d *sumsDelta) moveOrder(o *commission.Order, hour string, from, to int64) {
	if from != to {
		d.order(o, hour, from, -1)
		d.order(o, hour, to, +1)
	}
}

// moveFirst moves a customer's first order (its hour and currency) from the partner it was
// counted for as a new customer to the one it is credited to now.
func (d *sumsDelta) moveFirst(customer int64, hour, currency string, from, to int64) {
	if from == to {
		return
	}
	for _, m := range [2]struct{ partner, sign int64 }{{from, -1}, {to, +1}} {
		if m.partner != 0 {
			d.hour(m.partner, hour, currency, func(s *hourSums) { s.NewCustomers += m.sign })
		}
	}
	d.firsts.row().int(customer).id(to).done()
}

// line adds a commission line to the sums (sign +1) or takes it out (-1).
func (d *sumsDelta) line(l *lineRow, sign int64) {
	if l.Status != "reversed" && l.Status != "rejected" {
		d.hour(l.Partner, storedHour(l.TimeAt), l.Currency, func(s *hourSums) { s.Commissions += sign * l.Amount })
	}
	due := ""
	if l.Status == "pending" {
		if due = l.Due; due == "" {
			due = "9999-12-31"
		}
	}
	k := balanceKey{l.Partner, l.Currency, l.Status, due}
	s := d.balances[k]
	if s == nil {
		s = &balanceSums{}
		d.balances[k] = s
	}
	s.amount += sign * l.Amount
	s.lines += sign
	if l.Kind == "sale" || l.Kind == "recurring" {
		s.sales += sign
		s.salesBase += sign * l.Base
	}
}

// linesByID are the stored lines a plan is made from, by id: taken before planning, which
// consumes its map.
func linesByID(ex map[string][]lineRow) map[int64]*lineRow {
	byID := make(map[int64]*lineRow, len(ex))
	for _, rows := range ex {
		for i := range rows {
			byID[rows[i].ID] = &rows[i]
		}
	}
	return byID
}

// ops adds what the planned writes change: a changed or deleted line out as it was (in byID,
// the stored lines the plan was made from), a changed or new line in as it will be.
func (d *sumsDelta) ops(byID map[int64]*lineRow, ops []commission.Op) error {
	for _, op := range ops {
		if op.ID != 0 {
			old := byID[op.ID]
			if old == nil {
				return fmt.Errorf("sqlite: report sums: commission line %d was not read", op.ID)
			}
			d.line(old, -1)
		}
		if !op.Delete {
			d.line(&op.Row, +1)
		}
	}
	return nil
}

// The statements that write a delta. The hours and balances are bound as values, batchRows
// rows a statement (see batchStmts): a recompute of a million orders after a plan change writes some 225,000
// rows of hours, and reading them out of one JSON array a chunk, ten values a row, took 0.84 s
// against 0.49 s bound (a benchmark of those rows alone).
const (
	hoursValues = `(?,?,?,?,?,?,?,?,?,?,?)`
	hoursCols   = 11
	hoursUpsert = ` ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, net = net + excluded.net,
		total = total + excluded.total, refunded = refunded + excluded.refunded,
		refunded_orders = refunded_orders + excluded.refunded_orders, new_customers = new_customers + excluded.new_customers,
		commissions = commissions + excluded.commissions`
	balancesInsert = `INSERT INTO report_balances (program_id, partner_id, currency, status, due, amount, lines, sales,
		sales_base) VALUES `
	balancesValues = `(?,?,?,?,?,?,?,?,?)`
	balancesCols   = 9
	balancesUpsert = ` ON CONFLICT DO UPDATE SET amount = amount + excluded.amount, lines = lines + excluded.lines,
		sales = sales + excluded.sales, sales_base = sales_base + excluded.sales_base`
	firstsDeltaSQL = `UPDATE report_firsts SET partner_id = j.value->>1 FROM json_each(?1) j
		WHERE report_firsts.customer_id = j.value->>0`
)

// hoursInsert is the head of an insert of rows into the sums by hour or month.
func hoursInsert(p sumsPeriod) string {
	return `INSERT INTO ` + p.table + ` (program_id, partner_id, ` + p.column + `, currency, orders, net, total, refunded,
		refunded_orders, new_customers, commissions) VALUES `
}

// sumsStmts are the delta's statements, prepared once for the many chunks of a recompute, and
// the months of the deltas written so far. The months are written once, by flush, before the
// recompute's transaction commits: each chunk of customers has orders in most months of most
// partners, so a write of its months a chunk would write as many rows as its hours. (The hours
// waiting the same way, written 65,536 rows at a time in the table's order, were no faster: a
// plan change's profile, 1.50 s of the writer against 1.23 s a chunk at a time.)
type sumsStmts struct {
	program                 int64
	hours, months, balances batchStmts
	firsts                  *sql.Stmt
	monthSums               map[hourKey]*hourSums
}

func (tx *Tx) prepareSums(program int64) (*sumsStmts, error) {
	s := &sumsStmts{program: program, monthSums: map[hourKey]*hourSums{}}
	var err error
	if s.hours, err = tx.prepareRows(hoursInsert(sumsPeriods[0]), hoursValues, hoursUpsert, hoursCols); err == nil {
		s.months, err = tx.prepareRows(hoursInsert(sumsPeriods[1]), hoursValues, hoursUpsert, hoursCols)
	}
	if err == nil {
		if s.balances, err = tx.prepareRows(balancesInsert, balancesValues, balancesUpsert, balancesCols); err == nil {
			s.firsts, err = tx.PrepareContext(tx.ctx, firstsDeltaSQL)
		}
	}
	if err != nil {
		s.close()
		return nil, fmt.Errorf("sqlite: prepare report sums: %w", err)
	}
	return s, nil
}

func (s *sumsStmts) close() {
	s.hours.close()
	s.months.close()
	s.balances.close()
	if s.firsts != nil {
		s.firsts.Close()
	}
}

// write adds the delta to the report's sums with st, leaves out what nets to nothing, and
// starts the delta over. Its months wait in st (see sumsStmts).
func (d *sumsDelta) write(tx *Tx, st *sumsStmts) error {
	hours, balances := hoursArgs(d.program, d.hours), d.balancesArgs()
	addSums(st.monthSums, d.hours, sumsPeriods[1].width)
	firsts := d.firsts.json()
	clear(d.hours)
	clear(d.balances)
	if err := st.hours.exec(tx.ctx, hours); err != nil {
		return fmt.Errorf("sqlite: report sums: %w", err)
	}
	if err := st.balances.exec(tx.ctx, balances); err != nil {
		return fmt.Errorf("sqlite: report sums: %w", err)
	}
	if firsts == "" {
		return nil
	}
	if _, err := st.firsts.ExecContext(tx.ctx, firsts); err != nil {
		return fmt.Errorf("sqlite: report sums of first orders: %w", err)
	}
	return nil
}

// changedKeys are the keys of sums whose sums are not all zero (what nets to nothing is left
// out), in order: the table's, so that a write touches its pages in turn.
func changedKeys[K comparable, V comparable](sums map[K]*V, order func(a, b K) int) []K {
	var none V
	keys := make([]K, 0, len(sums))
	for k, s := range sums {
		if *s != none {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, order)
	return keys
}

// flush writes the months of the deltas written so far (see sumsStmts) and starts them over.
func (st *sumsStmts) flush(tx *Tx) error {
	args := hoursArgs(st.program, st.monthSums)
	clear(st.monthSums)
	if err := st.months.exec(tx.ctx, args); err != nil {
		return fmt.Errorf("sqlite: report sums by month: %w", err)
	}
	return nil
}

// addSums adds hours to sums by the period that the first width bytes of an hour name (7: its
// month, 2025-03). A new key's texts are copied: an hour read from a chunk's orders is a part
// of the whole text they were read as, which must not stay for the recompute's length.
func addSums(sums, hours map[hourKey]*hourSums, width int) {
	for k, h := range hours {
		k.hour = k.hour[:min(width, len(k.hour))]
		m := sums[k]
		if m == nil {
			k.hour, k.currency = strings.Clone(k.hour), strings.Clone(k.currency)
			m = &hourSums{}
			sums[k] = m
		}
		m.Add(*h)
	}
}

// hoursArgs is the rows of sums (by hour or month) that change, in the table's order, hoursCols
// values a row.
func hoursArgs(program int64, sums map[hourKey]*hourSums) []any {
	keys := changedKeys(sums, func(a, b hourKey) int {
		return cmp.Or(cmp.Compare(a.partner, b.partner), strings.Compare(a.hour, b.hour), strings.Compare(a.currency, b.currency))
	})
	args := make([]any, 0, hoursCols*len(keys))
	for _, k := range keys {
		s := sums[k]
		args = append(args, program, k.partner, k.hour, k.currency, s.Orders, s.Net, s.Total, s.Refunded, s.RefundedOrders,
			s.NewCustomers, s.Commissions)
	}
	return args
}

// balancesArgs is the balances' rows that change, in the table's order, balancesCols values a
// row.
func (d *sumsDelta) balancesArgs() []any {
	keys := changedKeys(d.balances, func(a, b balanceKey) int {
		return cmp.Or(cmp.Compare(a.partner, b.partner), strings.Compare(a.currency, b.currency),
			strings.Compare(a.status, b.status), strings.Compare(a.due, b.due))
	})
	args := make([]any, 0, balancesCols*len(keys))
	for _, k := range keys {
		s := d.balances[k]
		args = append(args, d.program, k.partner, k.currency, k.status, k.due, s.amount, s.lines, s.sales, s.salesBase)
	}
	return args
}
