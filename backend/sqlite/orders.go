package sqlite

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"partnerbook/backend/domain"
)

// orderWriter writes the orders of one import batch inside its transaction, with prepared
// statements, recording what each write replaced so that the batch can be undone: orders it
// creates carry its batch_id; changed orders, refunds and new customers get a batch_changes row.
type orderWriter struct {
	tx        *Tx
	programID int64
	batchID   int64
	find      *sql.Stmt
	insert    *sql.Stmt
	update    *sql.Stmt
	lineN     [lineChunk + 1]*sql.Stmt
	change    *sql.Stmt
	byEmail   *sql.Stmt
	byRef     *sql.Stmt
	addCust   *sql.Stmt
	touched   []int64        // orders changed or refunded: their commissions are computed again
	created   []createdOrder // orders created, whose customers are known: the same
	left      []int64        // customers an order changed left: their histories lost it
	sold      []partnerTime  // the sales that were in a partner's month before a rewrite: the month is tiered again
	// refundsGrew counts the orders put whose own refunded amount grew (a refund carried in the
	// order's row, as Shopify's are).
	refundsGrew int
	// fileOnce refuses an order this batch wrote already with other values (errTwice): in a
	// file the same order twice is a mistake; a stream of sync events may update an order.
	fileOnce bool
}

func (tx *Tx) newOrderWriter(programID, batchID int64) (*orderWriter, error) {
	w := &orderWriter{tx: tx, programID: programID, batchID: batchID}
	var err error
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = tx.PrepareContext(tx.ctx, q)
		return st
	}
	w.find = prep(`SELECT id, fingerprint, batch_id IS ?4 OR updated_batch IS ?4,
		refunded - (SELECT COALESCE(SUM(amount), 0) FROM refunds WHERE order_id = orders.id) FROM orders
		WHERE program_id = ?1 AND source = ?2 AND order_key = ?3`)
	w.insert = prep(`INSERT INTO orders (program_id, source, order_key, time, customer_id, customer_email, customer_ref,
		customer_name, currency, total, net, discount, discount_codes, ref_key, refunded, refunded_at, cancelled, status,
		recurring, batch_id, fingerprint, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
	w.update = prep(`UPDATE orders SET time=?, customer_id=?, customer_email=?, customer_ref=?, customer_name=?, currency=?,
		total=?, net=?, discount=?, discount_codes=?, ref_key=?,
		refunded=? + (SELECT COALESCE(SUM(amount), 0) FROM refunds WHERE order_id = orders.id),
		refunded_at=CASE WHEN refunded_at IS NOT NULL AND refunded = ? + (SELECT COALESCE(SUM(amount), 0) FROM refunds WHERE order_id = orders.id)
			THEN refunded_at ELSE ? END, cancelled=?, status=?, recurring=?,
		updated_batch=?, fingerprint=?, updated_at=? WHERE id=?`)
	w.change = prep(`INSERT INTO batch_changes (batch_id, entity, entity_id, before) VALUES (?,?,?,?)`)
	// email <> '' lets SQLite use the partial index customers_email.
	w.byEmail = prep(`SELECT id FROM customers WHERE program_id = ? AND email = ? AND email <> ''`)
	w.byRef = prep(`SELECT id FROM customers WHERE program_id = ? AND email = '' AND source = ? AND source_ref = ?`)
	w.addCust = prep(`INSERT INTO customers (program_id, email, source, source_ref, name, created_at) VALUES (?,?,?,?,?,?)`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: prepare order writes: %w", err)
	}
	return w, nil
}

func (w *orderWriter) close() {
	for _, st := range append([]*sql.Stmt{w.find, w.insert, w.update, w.change, w.byEmail, w.byRef, w.addCust}, w.lineN[:]...) {
		if st != nil {
			st.Close()
		}
	}
}

// fingerprint hashes what the source said of an order, so that an unchanged order is known
// without comparing field by field. The row number is left out (it moves between exports),
// and so is the refund time, which some sources leave to the import day.
func fingerprint(o domain.Order) string {
	o.Row, o.RefundedAt = 0, nil
	b, _ := json.Marshal(o)
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:16])
}

// customer finds or creates the program's customer of an order: by e-mail (trimmed, lower
// case), else by the source's customer id. Orders with neither have no customer.
func (w *orderWriter) customer(o domain.Order) (any, error) {
	email, ref := domain.NormalizeEmail(o.CustomerEmail), strings.TrimSpace(o.CustomerRef)
	if email == "" && ref == "" {
		return nil, nil
	}
	var id int64
	var err error
	if email != "" {
		err = w.byEmail.QueryRowContext(w.tx.ctx, w.programID, email).Scan(&id)
	} else {
		err = w.byRef.QueryRowContext(w.tx.ctx, w.programID, o.Source, ref).Scan(&id)
	}
	if errors.Is(err, sql.ErrNoRows) {
		var res sql.Result
		res, err = w.addCust.ExecContext(w.tx.ctx, w.programID, email, o.Source, ref, o.CustomerName, w.tx.now)
		if err == nil {
			id, _ = res.LastInsertId()
			_, err = w.change.ExecContext(w.tx.ctx, w.batchID, "customer", id, nil)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: customer of order %s: %w", o.ID, err)
	}
	return id, nil
}

// put stores an order: "created", "updated" (the source changed it) or "unchanged".
func (w *orderWriter) put(o domain.Order, fp string) (string, error) {
	var id int64
	var old string
	var thisBatch bool
	var ownRefunded int64 // what the order's own rows said was refunded, without refund rows
	err := w.find.QueryRowContext(w.tx.ctx, w.programID, o.Source, o.ID, w.batchID).Scan(&id, &old, &thisBatch, &ownRefunded)
	if err == nil && old == fp {
		return "unchanged", nil
	}
	if err == nil && thisBatch && w.fileOnce {
		return "", errTwice
	}
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("sqlite: find order %s: %w", o.ID, err)
	}
	cust, err2 := w.customer(o)
	if err2 != nil {
		return "", err2
	}
	var refundedAt any
	if o.RefundedAt != nil {
		refundedAt = o.RefundedAt.UTC().Format(TimeLayout)
	}
	codes := strings.Join(o.DiscountCodes, ",")
	if o.Refunded > ownRefunded {
		w.refundsGrew++
	}
	if id == 0 {
		res, err := w.insert.ExecContext(w.tx.ctx, w.programID, o.Source, o.ID, o.Time.UTC().Format(TimeLayout), cust,
			o.CustomerEmail, o.CustomerRef, o.CustomerName, o.Currency, o.Total, o.Net, o.Discount, codes, o.RefKey,
			o.Refunded, refundedAt, o.Cancelled, o.Status, o.Recurring, w.batchID, fp, w.tx.now, w.tx.now)
		if err != nil {
			return "", fmt.Errorf("sqlite: add order %s: %w", o.ID, err)
		}
		id, _ = res.LastInsertId()
		w.touched = append(w.touched, id)
		if err := w.tx.ordersSums(true, `o.id = ?`, id); err != nil {
			return "", err
		}
		if c, ok := cust.(int64); ok {
			if err := w.tx.firsts([]int64{c}); err != nil {
				return "", err
			}
		}
		// No batch_changes row: the order's batch_id tells undo that this batch created it.
		return "created", w.lines(id, o.Lines)
	}
	return "updated", w.rewrite(o, fp, id, cust)
}

// rewrite writes a changed order over the stored one (id), recording the row it replaces.
func (w *orderWriter) rewrite(o domain.Order, fp string, id int64, cust any) error {
	before, row, err := w.tx.snapshotOrder(id)
	if err != nil {
		return err
	}
	w.leaves(row["customer_id"], cust)
	w.wasSold(row)
	w.touched = append(w.touched, id)
	if _, err := w.change.ExecContext(w.tx.ctx, w.batchID, "order", id, before); err != nil {
		return fmt.Errorf("sqlite: record order %s: %w", o.ID, err)
	}
	var refundedAt any
	if o.RefundedAt != nil {
		refundedAt = o.RefundedAt.UTC().Format(TimeLayout)
	}
	err = w.tx.keepOrderSums(func() error {
		_, err := w.update.ExecContext(w.tx.ctx, o.Time.UTC().Format(TimeLayout), cust, o.CustomerEmail, o.CustomerRef,
			o.CustomerName, o.Currency, o.Total, o.Net, o.Discount, strings.Join(o.DiscountCodes, ","), o.RefKey, o.Refunded, o.Refunded,
			refundedAt, o.Cancelled, o.Status, o.Recurring, w.batchID, fp, w.tx.now, id)
		return err
	}, `o.id = ?`, id)
	if err != nil {
		return fmt.Errorf("sqlite: update order %s: %w", o.ID, err)
	}
	if _, err := w.tx.ExecContext(w.tx.ctx, `DELETE FROM order_lines WHERE order_id = ?`, id); err != nil {
		return fmt.Errorf("sqlite: update order %s: %w", o.ID, err)
	}
	return w.lines(id, o.Lines)
}

// leaves notes the customer an order had (was, as its row held it: an id, or nil for none) when
// the order now goes to another (cust, the same): that customer's history is computed again too,
// as it lost the order (a lead's bounty that was dated at the order goes back to another of
// their orders).
func (w *orderWriter) leaves(was, cust any) {
	if old, ok := was.(int64); ok && old != cust {
		w.left = append(w.left, old)
	}
}

// wasSold notes the partner's month an order was a sale in, as its row held it before a
// rewrite: the rewrite may move it out of that month (another time, another partner), and the
// partner's other sales of the month are then put in their tiers again. The recompute reads
// the order as rewritten, and no longer knows the month it leaves.
func (w *orderWriter) wasSold(row map[string]any) {
	partner, ok := row["partner_id"].(int64)
	when, _ := row["time"].(string)
	if ok && row["sale_base"] != nil {
		w.sold = append(w.sold, partnerTime{partner, parseTime(when)})
	}
}

// errTwice is put's answer for an order that this batch wrote already with other values: the
// same order id twice in one file, one of them wrong.
var errTwice = errors.New("the order stands twice in the file")

// lineChunk is how many lines one INSERT writes: one statement for most orders' lines.
const lineChunk = 8

func (w *orderWriter) lines(orderID int64, lines []domain.OrderLine) error {
	for start := 0; start < len(lines); start += lineChunk {
		chunk := lines[start:min(start+lineChunk, len(lines))]
		st, err := w.lineStmt(len(chunk))
		if err != nil {
			return err
		}
		args := make([]any, 0, 7*len(chunk))
		for i, l := range chunk {
			args = append(args, orderID, start+i+1, l.SKU, l.Name, l.Quantity, l.UnitPrice, l.Discount)
		}
		if _, err := st.ExecContext(w.tx.ctx, args...); err != nil {
			return fmt.Errorf("sqlite: order line: %w", err)
		}
	}
	return nil
}

// lineStmt is the prepared INSERT of n lines at once.
func (w *orderWriter) lineStmt(n int) (*sql.Stmt, error) {
	if st := w.lineN[n]; st != nil {
		return st, nil
	}
	st, err := w.tx.PrepareContext(w.tx.ctx, `INSERT INTO order_lines (order_id, position, sku, name, quantity, unit_price, discount)
		VALUES (?,?,?,?,?,?,?)`+strings.Repeat(", (?,?,?,?,?,?,?)", n-1))
	if err != nil {
		return nil, fmt.Errorf("sqlite: prepare order lines: %w", err)
	}
	w.lineN[n] = st
	return st, nil
}

// orderSnapshot is an order row and its lines as JSON, what undo puts back.
func (tx *Tx) orderSnapshot(id int64) (string, error) {
	snap, _, err := tx.snapshotOrder(id)
	return snap, err
}

// snapshotOrder is orderSnapshot, and the order's row as read (column → value).
func (tx *Tx) snapshotOrder(id int64) (string, map[string]any, error) {
	row := map[string]any{}
	rows, err := tx.QueryContext(tx.ctx, `SELECT * FROM orders WHERE id = ?`, id)
	if err != nil {
		return "", nil, fmt.Errorf("sqlite: snapshot order %d: %w", id, err)
	}
	if err := scanMap(rows, func(m map[string]any) { row = m }); err != nil {
		return "", nil, err
	}
	var lines []map[string]any
	rows, err = tx.QueryContext(tx.ctx, `SELECT * FROM order_lines WHERE order_id = ? ORDER BY position`, id)
	if err != nil {
		return "", nil, fmt.Errorf("sqlite: snapshot order %d: %w", id, err)
	}
	if err := scanMap(rows, func(m map[string]any) { lines = append(lines, m) }); err != nil {
		return "", nil, err
	}
	b, err := json.Marshal(map[string]any{"order": row, "lines": lines})
	return string(b), row, err
}

// scanMap calls fn with each row as column → value.
func scanMap(rows *sql.Rows, fn func(map[string]any)) error {
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		m := map[string]any{}
		for i, c := range cols {
			if b, ok := vals[i].([]byte); ok {
				vals[i] = string(b)
			}
			m[c] = vals[i]
		}
		fn(m)
	}
	return rows.Err()
}
