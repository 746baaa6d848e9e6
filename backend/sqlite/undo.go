package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"partnerbook/backend/domain"
)

// ListBatches returns the imports of a program, newest first.
func (s *Store) ListBatches(ctx context.Context, programID int64) ([]domain.ImportBatch, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, kind, format, file_name, file_hash, rows, created, updated, unchanged,
		skipped, actor, created_at, COALESCE(undone_at, '') FROM import_batches WHERE program_id = ? ORDER BY id DESC`, programID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: list imports: %w", err)
	}
	defer rows.Close()
	out := []domain.ImportBatch{}
	for rows.Next() {
		var b domain.ImportBatch
		if err := rows.Scan(&b.ID, &b.Kind, &b.Format, &b.File, &b.Hash, &b.Rows, &b.Created, &b.Updated, &b.Unchanged,
			&b.Skipped, &b.Actor, &b.At, &b.UndoneAt); err != nil {
			return nil, fmt.Errorf("sqlite: list imports: %w", err)
		}
		b.Undoable = b.Kind == "orders" && b.UndoneAt == ""
		out = append(out, b)
	}
	return out, rows.Err()
}

// batchOrders names "mine": the orders that batch ?1 created or changed.
const batchOrders = `WITH mine(id) AS (SELECT id FROM orders WHERE batch_id = ?1
	UNION SELECT entity_id FROM batch_changes WHERE batch_id = ?1 AND entity = 'order') `

type change struct {
	entity string
	id     int64
	before sql.NullString
}

// UndoImport puts back everything an order import changed, as it was before it: orders it
// created go (with their lines and refunds), orders it changed get their earlier row and lines
// back, customers it created go unless another import's orders use them. It refuses when a
// later import changed the same orders (undo that first) or a payout has paid a commission of
// them. One transaction: all of it or nothing.
func (s *Store) UndoImport(ctx context.Context, batchID int64) (domain.UndoResult, error) {
	res := domain.UndoResult{Batch: batchID}
	err := s.write(ctx, func(tx *Tx) error {
		var kind, file, undone string
		var programID int64
		err := tx.QueryRowContext(ctx, `SELECT program_id, kind, file_name, COALESCE(undone_at, '') FROM import_batches WHERE id = ?`,
			batchID).Scan(&programID, &kind, &file, &undone)
		if errors.Is(err, sql.ErrNoRows) {
			return domain.Errorf(domain.ENotFound, "there is no import batch %d", batchID)
		}
		if err != nil {
			return fmt.Errorf("sqlite: undo: %w", err)
		}
		if kind != "orders" {
			return domain.Errorf(domain.EInvalid, "batch %d imported %s; only order imports can be undone (change %s on their screen)", batchID, kind, kind)
		}
		if undone != "" {
			return domain.Errorf(domain.EConflict, "batch %d (%s) was already undone at %s", batchID, file, undone)
		}
		if err := tx.refuseLaterBatches(batchID); err != nil {
			return err
		}
		if err := tx.refusePaid(batchID); err != nil {
			return err
		}
		changes, err := tx.batchChanges(batchID)
		if err != nil {
			return err
		}
		scope, err := tx.undoScope(batchID)
		if err != nil {
			return err
		}
		// Changes in reverse, then the orders the batch created, then the customers it created.
		var customers []change
		for i := len(changes) - 1; i >= 0; i-- {
			if changes[i].entity == "customer" {
				customers = append(customers, changes[i])
				continue
			}
			if err := tx.undoChange(changes[i], &res); err != nil {
				return err
			}
		}
		if err := tx.removeCreatedOrders(batchID, &res); err != nil {
			return err
		}
		for _, c := range customers {
			if err := tx.undoChange(c, &res); err != nil {
				return err
			}
		}
		if err := tx.recompute(programID, scope); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE import_batches SET undone_at = ? WHERE id = ?`, tx.now, batchID); err != nil {
			return fmt.Errorf("sqlite: undo: %w", err)
		}
		return tx.audit("import.undo", "import_batch", batchID, programID, res)
	})
	return res, err
}

// refuseLaterBatches refuses when an import after batchID, not undone, changed something
// batchID changed too: undoing it first would lose that later change.
func (tx *Tx) refuseLaterBatches(batchID int64) error {
	rows, err := tx.QueryContext(tx.ctx, batchOrders+`SELECT b.id, b.file_name, count(DISTINCT d.entity_id) FROM mine
		JOIN batch_changes d ON d.entity = 'order' AND d.entity_id = mine.id AND d.batch_id > ?1
		JOIN import_batches b ON b.id = d.batch_id AND b.undone_at IS NULL
		GROUP BY b.id ORDER BY b.id DESC`, batchID)
	if err != nil {
		return fmt.Errorf("sqlite: undo: %w", err)
	}
	defer rows.Close()
	var later []string
	first := int64(0)
	for rows.Next() {
		var id int64
		var file string
		var n int
		if err := rows.Scan(&id, &file, &n); err != nil {
			return fmt.Errorf("sqlite: undo: %w", err)
		}
		if first == 0 {
			first = id
		}
		later = append(later, fmt.Sprintf("batch %d (%s) changed %d of its orders", id, file, n))
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(later) > 0 {
		return domain.Errorf(domain.EConflict, "batch %d cannot be undone before later imports: %s; undo batch %d first",
			batchID, strings.Join(later, ", "), first)
	}
	return nil
}

// refusePaid refuses when a payout paid a commission of an order the batch created or changed.
func (tx *Tx) refusePaid(batchID int64) error {
	var orderKey, number string
	err := tx.QueryRowContext(tx.ctx, batchOrders+`SELECT o.order_key, COALESCE(p.number, '') FROM mine
		JOIN orders o ON o.id = mine.id
		JOIN commission_lines l ON l.order_id = o.id AND (l.status = 'paid' OR l.payout_id IS NOT NULL)
		LEFT JOIN payouts p ON p.id = l.payout_id
		LIMIT 1`, batchID).Scan(&orderKey, &number)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("sqlite: undo: %w", err)
	}
	return domain.Errorf(domain.EConflict, "batch %d cannot be undone: the commission on order %s was paid in payout %s; "+
		"correct it with a refund or a manual adjustment instead", batchID, orderKey, number)
}

// undoScope is what the commissions of an undo depend on, read before the undo: the orders the
// batch changed (put back), the customers of all it touched (their histories change), the
// partner-months of its sales (their tiers move) and the leads of the bounties at its orders.
func (tx *Tx) undoScope(batchID int64) (recomputeScope, error) {
	var sc recomputeScope
	rows, err := tx.QueryContext(tx.ctx, `SELECT id, batch_id = ?1, COALESCE(customer_id, 0), COALESCE(partner_id, 0), time, sale_base IS NOT NULL
		FROM orders WHERE batch_id = ?1 OR id IN (SELECT entity_id FROM batch_changes WHERE batch_id = ?1 AND entity = 'order')`, batchID)
	if err != nil {
		return sc, fmt.Errorf("sqlite: undo: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, cust, partner int64
		var created, sale bool
		var t string
		if err := rows.Scan(&id, &created, &cust, &partner, &t, &sale); err != nil {
			return sc, fmt.Errorf("sqlite: undo: %w", err)
		}
		if !created {
			sc.orders = append(sc.orders, id)
		}
		if cust != 0 {
			sc.customers = append(sc.customers, cust)
		}
		if partner != 0 && sale {
			sc.sold = append(sc.sold, partnerTime{partner, parseTime(t)})
		}
	}
	if err := rows.Err(); err != nil {
		return sc, fmt.Errorf("sqlite: undo: %w", err)
	}
	// The leads whose bounties stand at those orders: a bounty is planned with its lead alone,
	// and the undo may delete the lead's customer (created by the batch, left without orders),
	// after which no customer's history names the lead.
	sc.leads, err = tx.int64s(batchOrders+`SELECT DISTINCT lead_id FROM commission_lines
		WHERE lead_id IS NOT NULL AND order_id IN (SELECT id FROM mine)`, batchID)
	return sc, err
}

func (tx *Tx) batchChanges(batchID int64) ([]change, error) {
	rows, err := tx.QueryContext(tx.ctx, `SELECT entity, entity_id, before FROM batch_changes WHERE batch_id = ? ORDER BY id`, batchID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: undo: %w", err)
	}
	defer rows.Close()
	var out []change
	for rows.Next() {
		var c change
		if err := rows.Scan(&c.entity, &c.id, &c.before); err != nil {
			return nil, fmt.Errorf("sqlite: undo: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

func (tx *Tx) undoChange(c change, res *domain.UndoResult) error {
	ctx := tx.ctx
	exec := func(n *int, q string) error {
		r, err := tx.ExecContext(ctx, q, c.id)
		if err != nil {
			return fmt.Errorf("sqlite: undo %s %d: %w", c.entity, c.id, err)
		}
		k, _ := r.RowsAffected()
		*n += int(k)
		return nil
	}
	switch {
	case c.entity == "order" && c.before.Valid:
		res.OrdersRestored++
		return tx.restoreOrder(c.id, c.before.String)
	case c.entity == "refund":
		return exec(&res.RefundsRemoved, `DELETE FROM refunds WHERE id = ?`)
	case c.entity == "customer":
		return exec(&res.CustomersRemoved, `DELETE FROM customers WHERE id = ?
			AND NOT EXISTS (SELECT 1 FROM orders WHERE customer_id = customers.id)
			AND NOT EXISTS (SELECT 1 FROM leads WHERE customer_id = customers.id)`)
	}
	return fmt.Errorf("sqlite: undo: unknown change %q", c.entity)
}

// removeCreatedOrders deletes the orders the batch created, with their lines and refunds (by
// cascade) and what was computed from them (paid lines were refused before).
func (tx *Tx) removeCreatedOrders(batchID int64, res *domain.UndoResult) error {
	if err := tx.linesSums(false, `l.order_id IN (SELECT id FROM orders WHERE batch_id = ?)`, batchID); err != nil {
		return err
	}
	r, err := tx.ExecContext(tx.ctx, `DELETE FROM commission_lines WHERE order_id IN (SELECT id FROM orders WHERE batch_id = ?)`, batchID)
	if err != nil {
		return fmt.Errorf("sqlite: undo: %w", err)
	}
	n, _ := r.RowsAffected()
	res.LinesRemoved += int(n)
	customers, err := tx.orderCustomers(`o.batch_id = ?`, batchID)
	if err != nil {
		return err
	}
	if err := tx.ordersSums(false, `o.batch_id = ?`, batchID); err != nil {
		return err
	}
	if r, err = tx.ExecContext(tx.ctx, `DELETE FROM orders WHERE batch_id = ?`, batchID); err != nil {
		return fmt.Errorf("sqlite: undo: %w", err)
	}
	n, _ = r.RowsAffected()
	res.OrdersRemoved += int(n)
	return tx.firsts(customers)
}

// restoreOrder writes an order's snapshot (orderSnapshot) back: the row and its lines.
func (tx *Tx) restoreOrder(id int64, snapshot string) error {
	var snap struct {
		Order map[string]any   `json:"order"`
		Lines []map[string]any `json:"lines"`
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(snapshot)))
	dec.UseNumber()
	if err := dec.Decode(&snap); err != nil {
		return fmt.Errorf("sqlite: undo order %d: %w", id, err)
	}
	if err := tx.keepOrderSums(func() error { return tx.putRow("orders", snap.Order, true) }, `o.id = ?`, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(tx.ctx, `DELETE FROM order_lines WHERE order_id = ?`, id); err != nil {
		return fmt.Errorf("sqlite: undo order %d: %w", id, err)
	}
	for _, l := range snap.Lines {
		if err := tx.putRow("order_lines", l, false); err != nil {
			return err
		}
	}
	return nil
}

// putRow writes a row given as column → value: an update by id, or an insert.
func (tx *Tx) putRow(table string, row map[string]any, update bool) error {
	cols := make([]string, 0, len(row))
	for c := range row {
		cols = append(cols, c)
	}
	sort.Strings(cols)
	args := make([]any, 0, len(cols)+1)
	for _, c := range cols {
		if n, ok := row[c].(json.Number); ok { // integers back to integers, as they were stored
			if i, err := n.Int64(); err == nil {
				row[c] = i
			} else {
				row[c] = n.String()
			}
		}
		args = append(args, row[c])
	}
	var q string
	if update {
		set := make([]string, len(cols))
		for i, c := range cols {
			set[i] = `"` + c + `" = ?`
		}
		q = `UPDATE ` + table + ` SET ` + strings.Join(set, ", ") + ` WHERE id = ?`
		args = append(args, row["id"])
	} else {
		q = `INSERT INTO ` + table + ` ("` + strings.Join(cols, `", "`) + `") VALUES (?` + strings.Repeat(", ?", len(cols)-1) + `)`
	}
	if _, err := tx.ExecContext(tx.ctx, q, args...); err != nil {
		return fmt.Errorf("sqlite: undo %s: %w", table, err)
	}
	return nil
}

// ImportedBefore finds the order import (not undone) of a file with the same content (its
// SHA-256, as the batch recorded it): the first, and whether orders were imported after the
// last one. Nil when the file was not imported.
func (s *Store) ImportedBefore(ctx context.Context, programID int64, hash string) (*domain.ImportedBefore, error) {
	if hash == "" {
		return nil, nil
	}
	var b domain.ImportedBefore
	var last int64
	err := s.db.QueryRowContext(ctx, `SELECT id, file_name, created_at, (SELECT max(id) FROM import_batches
		WHERE program_id = ?1 AND kind = 'orders' AND file_hash = ?2 AND undone_at IS NULL)
		FROM import_batches WHERE program_id = ?1 AND kind = 'orders' AND file_hash = ?2 AND undone_at IS NULL
		ORDER BY id LIMIT 1`, programID, hash).Scan(&b.Batch, &b.File, &b.At, &last)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: find import of the file: %w", err)
	}
	err = s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM import_batches WHERE program_id = ? AND kind IN ('orders', 'sync')
		AND id > ? AND undone_at IS NULL AND created + updated > 0)`, programID, last).Scan(&b.Later)
	if err != nil {
		return nil, fmt.Errorf("sqlite: imports after: %w", err)
	}
	return &b, nil
}
