package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"partnerbook/backend/commission"
	"partnerbook/backend/domain"
)

// merger writes what the engine computed over what is stored, by line key: an unpaid line is
// changed in place (reversed at zero, deleted when its key is gone); a paid line keeps its
// amount and the difference goes to one open adjustment line of the same key, approved at
// once. What people decided (approved early, rejected with a reason) stays.
type merger struct {
	tx      *Tx
	prog    domain.Program
	loc     *time.Location
	status  map[string]lineRow // final state of the lines merged in this call, for their second tiers
	links   batch              // customers' links
	orders  batch              // orders' attributions
	insert  *sql.Stmt
	insertN *sql.Stmt // insertBatch rows at once
	pending []any     // rows to insert, insertCols values each
	update  *sql.Stmt
	del     *sql.Stmt
}

// lineRow is a stored commission line.
type lineRow struct {
	id                                            int64
	key, kind, status, note, rule, reason, sku    string
	partner, amount, base, order, lead            int64
	paid                                          bool
	approvedBy, rejectedBy, due, currency, timeAt string
}

func (tx *Tx) newMerger(prog domain.Program, loc *time.Location) (*merger, error) {
	var err error
	m := &merger{tx: tx, prog: prog, loc: loc, status: map[string]lineRow{}}
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = tx.PrepareContext(tx.ctx, q)
		return st
	}
	m.links = batch{what: "customer links", st: prep(`UPDATE customers SET partner_id = j.value->>1, link_reason = j.value->>2,
		linked_at = j.value->>3 FROM json_each(?) j WHERE customers.id = j.value->>0`)}
	m.orders = batch{what: "attribute orders", st: prep(`UPDATE orders SET partner_id = j.value->>1, reason = j.value->>2,
		sale_base = j.value->>3 FROM json_each(?) j WHERE orders.id = j.value->>0`)}
	m.insert = prep(insertLines + lineValues)
	m.insertN = prep(insertLines + lineValues + strings.Repeat(", "+lineValues, insertBatch-1))
	// Changed lines are bound one by one: as JSON rows, like the attributions, they were no
	// faster (a plan change of a million orders: 12.4 s either way).
	m.update = prep(`UPDATE commission_lines SET partner_id=?, order_id=?, lead_id=?, kind=?, reason=?, rule=?, sku=?, status=?, base=?,
		amount=?, currency=?, order_time=?, note=?, due=?, updated_at=? WHERE id=?`)
	m.del = prep(`DELETE FROM commission_lines WHERE id = ?`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: prepare commission writes: %w", err)
	}
	return m, nil
}

// New lines are bound as values: reading twenty columns a row out of JSON, as the updates do,
// was slower than binding them.
const (
	insertLines = `INSERT INTO commission_lines (program_id, partner_id, order_id, lead_id, kind, reason, rule, sku, status, base,
		amount, currency, order_time, note, approved_by, rejected_by, line_key, due, created_at, updated_at) VALUES `
	lineValues  = `(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`
	insertCols  = 20
	insertBatch = 25 // rows per INSERT: fewer round trips through cgo
)

// flush writes what waits: links, attributions and new lines.
func (m *merger) flush() error {
	for _, b := range []*batch{&m.links, &m.orders} {
		if err := b.flush(m.tx); err != nil {
			return err
		}
	}
	return m.flushLines()
}

// flushLines inserts the new lines that wait.
func (m *merger) flushLines() error {
	for len(m.pending) > 0 {
		st, n := m.insert, 1
		if len(m.pending) >= insertBatch*insertCols {
			st, n = m.insertN, insertBatch
		}
		if _, err := st.ExecContext(m.tx.ctx, m.pending[:n*insertCols]...); err != nil {
			return fmt.Errorf("sqlite: add commission lines: %w", err)
		}
		m.pending = m.pending[n*insertCols:]
	}
	m.pending = m.pending[:0]
	return nil
}

func (m *merger) close() {
	for _, st := range []*sql.Stmt{m.links.st, m.orders.st, m.insert, m.insertN, m.update, m.del} {
		if st != nil {
			st.Close()
		}
	}
}

const lineCols = `id, line_key, kind, partner_id, status, amount, base, payout_id IS NOT NULL, approved_by, rejected_by, note,
	rule, reason, sku, COALESCE(due, ''), currency, COALESCE(order_time, ''), COALESCE(order_id, 0), COALESCE(lead_id, 0)`

// existing reads the machine's lines (not people's adjustments) of the orders and leads.
func (m *merger) existing(orderIDs, leadIDs []int64) (map[string][]lineRow, error) {
	return existingLines(m.tx.ctx, m.tx, orderIDs, leadIDs)
}

func existingLines(ctx context.Context, q querier, orderIDs, leadIDs []int64) (map[string][]lineRow, error) {
	out := map[string][]lineRow{}
	if len(orderIDs) == 0 && len(leadIDs) == 0 {
		return out, nil
	}
	rows, err := q.QueryContext(ctx, `SELECT `+lineCols+` FROM commission_lines WHERE order_id IN (SELECT value FROM json_each(?))
		UNION SELECT `+lineCols+` FROM commission_lines WHERE lead_id IN (SELECT value FROM json_each(?))`, jsonIDs(orderIDs), jsonIDs(leadIDs))
	if err != nil {
		return nil, fmt.Errorf("sqlite: commission lines: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r lineRow
		if err := rows.Scan(&r.id, &r.key, &r.kind, &r.partner, &r.status, &r.amount, &r.base, &r.paid, &r.approvedBy, &r.rejectedBy,
			&r.note, &r.rule, &r.reason, &r.sku, &r.due, &r.currency, &r.timeAt, &r.order, &r.lead); err != nil {
			return nil, err
		}
		if r.key == "" || strings.HasPrefix(r.key, "manual:") {
			continue
		}
		out[r.key] = append(out[r.key], r)
	}
	return out, rows.Err()
}

// apply merges the lines of a customer chunk. keep names sale keys that wait for their tier:
// their lines (and second tiers) are left to applySales.
func (m *merger) apply(orderIDs, leadIDs []int64, lines []commission.Line, keep map[string]bool) error {
	ex, err := m.existing(orderIDs, leadIDs)
	if err != nil {
		return err
	}
	return m.applyTo(ex, lines, keep)
}

// applyTo merges lines over ex, the stored lines of their orders and leads.
func (m *merger) applyTo(ex map[string][]lineRow, lines []commission.Line, keep map[string]bool) error {
	return m.mergeAll(ex, lines, func(key string) bool {
		base, _, _ := strings.Cut(key, ":t2:")
		return keep[base]
	})
}

// applySales merges the sale lines (and their second tiers) of the orders.
func (m *merger) applySales(orderIDs []int64, lines []commission.Line) error {
	ex, err := m.existing(orderIDs, nil)
	if err != nil {
		return err
	}
	for k := range ex {
		if base, _, _ := strings.Cut(k, ":t2:"); !strings.HasSuffix(base, ":sale") {
			delete(ex, k)
		}
	}
	return m.mergeAll(ex, lines, func(string) bool { return false })
}

func (m *merger) mergeAll(ex map[string][]lineRow, lines []commission.Line, kept func(string) bool) error {
	clear(m.status)                                                               // a second tier's child is always merged in the same call: memory stays flat
	sort.Slice(lines, func(i, j int) bool { return lines[i].Key < lines[j].Key }) // a child before its second tier
	for i := range lines {
		if err := m.mergeKey(lines[i].Key, &lines[i], ex[lines[i].Key]); err != nil {
			return err
		}
		delete(ex, lines[i].Key)
	}
	gone := make([]string, 0, len(ex))
	for k := range ex {
		if !kept(k) {
			gone = append(gone, k)
		}
	}
	sort.Strings(gone)
	for _, k := range gone {
		if err := m.mergeKey(k, nil, ex[k]); err != nil {
			return err
		}
	}
	return m.flush()
}

// mergeKey makes the rows of one key say what want says (nil: the line is gone).
func (m *merger) mergeKey(key string, want *commission.Line, rows []lineRow) error {
	var paid int64
	var paidRow, open *lineRow
	var extra []lineRow
	for i := range rows {
		switch {
		case rows[i].paid:
			paid += rows[i].amount
			paidRow = &rows[i]
		case open == nil:
			open = &rows[i]
		default:
			extra = append(extra, rows[i])
		}
	}
	for _, r := range extra {
		if _, err := m.del.ExecContext(m.tx.ctx, r.id); err != nil {
			return fmt.Errorf("sqlite: commission line: %w", err)
		}
	}
	if paidRow == nil {
		if want == nil {
			if open != nil {
				_, err := m.del.ExecContext(m.tx.ctx, open.id)
				return err
			}
			return nil
		}
		return m.put(open, m.row(want, open))
	}
	// Paid: the amount stays; the difference is one open adjustment, approved at once.
	var target, base int64
	cur := paidRow.currency
	if want != nil {
		target, base = minorOf(want.Amount, want.Currency), minorOf(want.Base, want.Currency)
	}
	diff := target - paid
	if diff == 0 {
		if open != nil {
			_, err := m.del.ExecContext(m.tx.ctx, open.id)
			return err
		}
		return nil
	}
	adj := lineRow{key: key, kind: "adjustment", status: "approved", partner: paidRow.partner, amount: diff, base: base - paidRow.base,
		order: paidRow.order, lead: paidRow.lead, reason: paidRow.reason, sku: paidRow.sku, currency: cur, timeAt: paidRow.timeAt,
		rule: "correction of a paid line", note: "changed after payout (refund or correction)"}
	if want == nil {
		adj.note = "no longer earned after payout"
	}
	return m.put(open, adj)
}

// row is the stored form of a computed line, keeping what people decided on the open row.
func (m *merger) row(l *commission.Line, open *lineRow) lineRow {
	r := lineRow{key: l.Key, kind: l.Kind, partner: l.Partner, order: l.Order, lead: l.Lead, reason: l.Reason, rule: l.Rule,
		sku: l.SKU, currency: l.Currency, amount: minorOf(l.Amount, l.Currency), base: minorOf(l.Base, l.Currency),
		timeAt: l.Time.UTC().Format(TimeLayout), note: l.Note, status: "pending"}
	r.due = l.Time.In(m.loc).AddDate(0, 0, m.prog.HoldDays).Format("2006-01-02")
	if open != nil {
		r.approvedBy, r.rejectedBy = open.approvedBy, open.rejectedBy
	}
	child, hasChild := m.status[l.ParentKey]
	switch {
	case r.rejectedBy != "":
		r.status, r.note = "rejected", open.note
	case l.Rejected:
		r.status = "rejected"
	case r.amount == 0:
		r.status = "reversed"
	case hasChild && child.status == "rejected":
		r.status, r.note = "rejected", child.note
	case hasChild && child.status == "approved":
		r.status = "approved"
	case r.approvedBy != "":
		r.status = "approved"
	}
	m.status[l.Key] = r
	return r
}

// put writes r over open (nil: inserts it), when anything differs.
func (m *merger) put(open *lineRow, r lineRow) error {
	nullable := func(id int64) any {
		if id == 0 {
			return nil
		}
		return id
	}
	var due any
	if r.due != "" {
		due = r.due
	}
	if open == nil {
		m.pending = append(m.pending, m.prog.ID, r.partner, nullable(r.order), nullable(r.lead), r.kind, r.reason, r.rule, r.sku,
			r.status, r.base, r.amount, r.currency, r.timeAt, r.note, r.approvedBy, r.rejectedBy, r.key, due, m.tx.now, m.tx.now)
		if len(m.pending) >= 4*insertBatch*insertCols {
			return m.flushLines() // the other batches fill up at their own pace
		}
		return nil
	}
	if open.partner == r.partner && open.order == r.order && open.lead == r.lead && open.kind == r.kind && open.reason == r.reason &&
		open.rule == r.rule && open.sku == r.sku && open.status == r.status && open.base == r.base && open.amount == r.amount &&
		open.currency == r.currency && open.timeAt == r.timeAt && open.note == r.note && open.due == r.due {
		return nil
	}
	_, err := m.update.ExecContext(m.tx.ctx, r.partner, nullable(r.order), nullable(r.lead), r.kind, r.reason, r.rule, r.sku, r.status,
		r.base, r.amount, r.currency, r.timeAt, r.note, due, m.tx.now, open.id)
	if err != nil {
		return fmt.Errorf("sqlite: update commission line %s: %w", r.key, err)
	}
	return nil
}

// minorOf is an amount, rounded once to the currency, in minor units.
func minorOf(d decimal.Decimal, cur string) int64 {
	m, _ := domain.ToMinor(domain.Round(d, cur), cur)
	return m
}
