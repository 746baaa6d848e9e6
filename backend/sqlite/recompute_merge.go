package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math/bits"
	"strconv"
	"strings"
	"time"

	"partnerbook/backend/commission"
	"partnerbook/backend/domain"
)

// merger writes what the engine computed over what is stored: its planner says what to write
// (see planner), it writes it, with the customers' links and the orders' attributions.
type merger struct {
	tx      *Tx
	plan    *commission.Planner
	hold    int                   // the program's hold days, for the planners of a pipelined recompute
	loc     *time.Location        // the program's zone
	links   *sql.Stmt             // customers' links, from a batch's JSON rows
	orders  *sql.Stmt             // orders' attributions, from a batch's JSON rows
	sigs    *sql.Stmt             // orders' fingerprints (see commission.Signer), from a batch's JSON rows
	insert  batchStmts            // new lines
	pending []any                 // rows to insert, insertCols values each
	updates map[uint16]batchStmts // lines changed in place, by the fields they set (see changedFields)
	changed map[uint16][]any      // the values of the changes that wait, by the fields they set
	del     *sql.Stmt
	counts  *domain.LineCounts // when set, counts the lines written
	sums    *sumsStmts         // the report's sums
	program int64
}

func (tx *Tx) newMerger(prog domain.Program, loc *time.Location) (*merger, error) {
	var err error
	m := &merger{tx: tx, plan: commission.NewPlanner(prog.HoldDays, loc), hold: prog.HoldDays, loc: loc, program: prog.ID}
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = tx.PrepareContext(tx.ctx, q)
		return st
	}
	m.links = prep(`UPDATE customers SET partner_id = j.value->>1, link_reason = j.value->>2,
		linked_at = j.value->>3 FROM json_each(?) j WHERE customers.id = j.value->>0`)
	m.orders = prep(`UPDATE orders SET partner_id = j.value->>1, reason = j.value->>2,
		sale_base = j.value->>3 FROM json_each(?) j WHERE orders.id = j.value->>0`)
	m.sigs = prep(`INSERT INTO order_sigs (order_id, sig) SELECT j.value->>0, j.value->>1 FROM json_each(?) j WHERE true
		ON CONFLICT (order_id) DO UPDATE SET sig = excluded.sig`)
	// What every new line of this recompute shares is written into the statement, not bound:
	// its program, its times, and no person's decision (a new line has none). Fewer values
	// cross into SQLite (15 a row instead of 20); both are ours, never a person's text.
	values := strings.NewReplacer("PROGRAM", strconv.FormatInt(prog.ID, 10), "NOW", tx.now).Replace(lineValues)
	if err == nil {
		m.insert, err = tx.prepareRows(insertLines, values, "", insertCols)
	}
	// Changed lines are bound as values too (see update): as JSON rows, like the attributions,
	// they were no faster than one a statement.
	m.updates, m.changed = map[uint16]batchStmts{}, map[uint16][]any{}
	m.del = prep(`DELETE FROM commission_lines WHERE id = ?`)
	if err != nil {
		m.close()
		return nil, fmt.Errorf("sqlite: prepare commission writes: %w", err)
	}
	if m.sums, err = tx.prepareSums(prog.ID); err != nil {
		m.close()
		return nil, err
	}
	return m, nil
}

// New lines are bound as values: reading twenty columns a row out of JSON, as the updates do,
// was slower than binding them.
const (
	insertLines = `INSERT INTO commission_lines (program_id, partner_id, order_id, lead_id, kind, reason, rule, sku, status, base,
		amount, currency, order_time, note, approved_by, rejected_by, line_key, due, created_at, updated_at) VALUES `
	lineValues = `(PROGRAM,?,?,?,?,?,?,?,?,?,?,?,?,?,'','',?,?,'NOW','NOW')`
	insertCols = 15
)

// writeRows writes a batch's JSON rows (see batch) with st, a statement over json_each.
func (m *merger) writeRows(st *sql.Stmt, what, rows string) error {
	if rows == "" {
		return nil
	}
	if _, err := st.ExecContext(m.tx.ctx, rows); err != nil {
		return fmt.Errorf("sqlite: %s: %w", what, err)
	}
	return nil
}

// flushLines inserts the new lines that wait.
func (m *merger) flushLines() error {
	err := m.insert.exec(m.tx.ctx, m.pending)
	m.pending = m.pending[:0]
	if err != nil {
		return fmt.Errorf("sqlite: add commission lines: %w", err)
	}
	return nil
}

func (m *merger) close() {
	for _, st := range []*sql.Stmt{m.links, m.orders, m.sigs, m.del} {
		if st != nil {
			st.Close()
		}
	}
	m.insert.close()
	for _, b := range m.updates {
		b.close()
	}
	if m.sums != nil {
		m.sums.close()
	}
}

const lineCols = `id, line_key, kind, partner_id, status, amount, base, payout_id IS NOT NULL, approved_by, rejected_by, note,
	rule, reason, sku, COALESCE(due, ''), currency, COALESCE(order_time, ''), COALESCE(order_id, 0), COALESCE(lead_id, 0)`

// existing reads the machine's lines (not people's adjustments) of the orders and leads.
func (m *merger) existing(orderIDs, leadIDs []int64) (map[string][]lineRow, error) {
	return existingLines(m.tx.ctx, m.tx, orderIDs, leadIDs)
}

// existingLines reads the machine's lines of the orders, and the leads' bounties wherever they
// are. A bounty is read by its lead alone, never by its order: its key is the lead's, so it is
// planned where the lead's customer is (or with the leads no customer took up), and a paid
// bounty stays at the order it was paid at while that order may belong to another customer
// since. Read by that order too, the other customer's chunk did not compute it and charged
// it back.
func existingLines(ctx context.Context, q querier, orderIDs, leadIDs []int64) (map[string][]lineRow, error) {
	out := map[string][]lineRow{}
	if err := scanLines(ctx, q, out, `FROM commission_lines WHERE order_id IN (SELECT value FROM json_each(?))
		AND lead_id IS NULL`, orderIDs, jsonIDs(orderIDs)); err != nil {
		return nil, err
	}
	err := scanLines(ctx, q, out, `FROM commission_lines WHERE lead_id IN (SELECT value FROM json_each(?))`,
		leadIDs, jsonIDs(leadIDs))
	return out, err
}

// scanLines adds the machine's lines the query reads to out, by key; none when ids is empty.
// query is the FROM and WHERE of the lines, whose columns lineCols names (see queryJSONRows).
func scanLines(ctx context.Context, q querier, out map[string][]lineRow, query string, ids []int64, args ...any) error {
	if len(ids) == 0 {
		return nil
	}
	rd, err := queryJSONRows(ctx, q, lineCols, query, args...)
	if err != nil {
		return fmt.Errorf("sqlite: commission lines: %w", err)
	}
	for rd.next() {
		var r lineRow
		r.ID, r.Key, r.Kind, r.Partner, r.Status, r.Amount, r.Base = rd.int(), rd.str(), rd.str(), rd.int(), rd.str(), rd.int(), rd.int()
		r.Paid = rd.int() != 0
		r.ApprovedBy, r.RejectedBy, r.Note, r.Rule, r.Reason, r.SKU = rd.str(), rd.str(), rd.str(), rd.str(), rd.str(), rd.str()
		r.Due, r.Currency, r.TimeAt, r.Order, r.Lead = rd.str(), rd.str(), rd.str(), rd.int(), rd.int()
		rd.end()
		if r.Key == "" || commission.IsManual(r.Key) {
			continue
		}
		out[r.Key] = append(out[r.Key], r)
	}
	if rd.err != nil {
		return fmt.Errorf("sqlite: commission lines: %w", rd.err)
	}
	return nil
}

// applyLeads merges the lines of leads no customer's history took up.
func (m *merger) applyLeads(leadIDs []int64, lines []commission.Line) error {
	ex, err := m.existing(nil, leadIDs)
	if err != nil {
		return err
	}
	stored := linesByID(ex)
	return m.executeSummed(stored, m.plan.Plan(ex, lines, func(string) bool { return false }))
}

// applySales merges the sale lines (and their second tiers) of the orders.
func (m *merger) applySales(orderIDs []int64, lines []commission.Line) error {
	ex, err := m.existing(orderIDs, nil)
	if err != nil {
		return err
	}
	stored := linesByID(ex)
	return m.executeSummed(stored, m.plan.PlanSales(ex, lines))
}

// executeSummed makes the planned writes of lines planned over the stored ones, and keeps the
// report's sums.
func (m *merger) executeSummed(stored map[int64]*lineRow, ops []commission.Op) error {
	sums := newSumsDelta(m.program)
	if err := sums.ops(stored, ops); err != nil {
		return err
	}
	if err := m.execute(stored, ops); err != nil {
		return err
	}
	return sums.write(m.tx, m.sums)
}

// count adds a planned write to counts: a new line is created, an update or a delete changes.
func (m *merger) count(op commission.Op) {
	switch {
	case m.counts == nil:
	case op.ID == 0 && !op.Delete:
		m.counts.Created++
	default:
		m.counts.Changed++
	}
}

// update changes a stored line to say r: only the fields that differ (see changedFields). The
// change waits with the others of the same fields; flushUpdates makes them, batchRows lines a
// statement. (A plan change of a million orders changes 200,000 lines in place: one statement a
// line took a fifth of its writing.)
func (m *merger) update(old *lineRow, r *lineRow) {
	mask := changedFields(old, r)
	m.changed[mask] = append(m.changed[mask], updateValues(mask, r, old.ID, m.tx.now)...)
}

// flushUpdates makes the changes that wait, with the statements of their fields (made when
// first needed).
func (m *merger) flushUpdates() error {
	for mask, rows := range m.changed {
		if len(rows) == 0 {
			continue
		}
		b, ok := m.updates[mask]
		if !ok {
			var err error
			if b, err = m.tx.prepareBatch(updateSQL(mask), updateBatchSQL(mask), bits.OnesCount16(mask)+2); err != nil {
				return fmt.Errorf("sqlite: update commission lines: %w", err)
			}
			m.updates[mask] = b
		}
		m.changed[mask] = rows[:0]
		if err := b.exec(m.tx.ctx, rows); err != nil {
			return fmt.Errorf("sqlite: update commission lines: %w", err)
		}
	}
	return nil
}

// execute makes the planned writes over the stored lines they were planned from, the new lines
// last. The report's sums are the caller's (see sumsDelta.ops).
func (m *merger) execute(stored map[int64]*lineRow, ops []commission.Op) error {
	for _, op := range ops {
		m.count(op)
		switch {
		case op.Delete:
			if _, err := m.del.ExecContext(m.tx.ctx, op.ID); err != nil {
				return fmt.Errorf("sqlite: delete commission line: %w", err)
			}
		case op.ID == 0:
			m.pending = append(m.pending, insertArgs(op.Row)...)
		default:
			old := stored[op.ID]
			if old == nil {
				return fmt.Errorf("sqlite: update commission line %s: line %d was not read", op.Row.Key, op.ID)
			}
			m.update(old, &op.Row)
		}
	}
	if err := m.flushUpdates(); err != nil {
		return err
	}
	return m.flushLines()
}
