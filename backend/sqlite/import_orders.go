package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"

	"partnerbook/backend/domain"
)

// errDryRun rolls a dry run back after it did everything a real import does.
var errDryRun = errors.New("dry run")

// ImportOrders reads every item of rd and stores the orders and refunds in one transaction,
// as one batch: all or nothing unless SkipInvalid. The same file again changes nothing; a
// later export updates only the orders the source changed.
func (s *Store) ImportOrders(ctx context.Context, programID int64, in domain.OrderImport, rd domain.OrderReader) (domain.OrderImportResult, error) {
	res := domain.OrderImportResult{Format: in.Format, DryRun: in.DryRun, Errors: []domain.Problem{}, Skips: []domain.Skip{}}
	var problems []domain.Problem
	var firsts []*domain.Order // the first in.Credits orders, whose credits the result names
	err := s.write(ctx, func(tx *Tx) (err error) {
		if _, err := tx.findProgram(fmt.Sprint(programID)); err != nil {
			return err
		}
		r, err := tx.ExecContext(ctx, `INSERT INTO import_batches (program_id, kind, format, file_name, actor, created_at)
			VALUES (?, 'orders', ?, ?, ?, ?)`, programID, in.Format, in.File, domain.Actor(ctx), tx.now)
		if err != nil {
			return fmt.Errorf("sqlite: import batch: %w", err)
		}
		res.Batch, _ = r.LastInsertId()
		// The orders, their indexes and lines change far more pages than SQLite's own cache
		// holds: without room it spills them to the WAL in the middle and reads them back.
		restore, err := roomy(ctx, tx)
		if err != nil {
			return err
		}
		defer func() {
			if e := restore(); err == nil {
				err = e
			}
		}()
		w, err := tx.newOrderWriter(programID, res.Batch)
		if err != nil {
			return err
		}
		w.fileOnce = true
		defer w.close()
		block, err := w.newBlock(func(o domain.Order, outcome string, err error) error {
			res.Orders++
			if errors.Is(err, errTwice) {
				problems = append(problems, domain.Problem{File: in.File, Row: o.Row, Column: o.IDColumn, Value: o.ID,
					Message: fmt.Sprintf("order %s stands in the file twice, with different values: which one is right?", o.ID)})
				return nil
			}
			res.Count(outcome)
			return err
		})
		if err != nil {
			return err
		}
		defer block.close()
		if err := writeItems(ctx, in, rd, block, &res, &problems, &firsts); err != nil {
			return err
		}
		res.Rows = rd.Rows()
		if len(problems) > 0 && !in.SkipInvalid {
			return domain.Invalid(fmt.Sprintf("%s was not imported: %d problem(s); nothing was changed", in.File, len(problems)), problems)
		}
		if err := tx.recompute(programID, recomputeScope{orders: w.touched, created: w.created, customers: w.left, sold: w.sold,
			counts: &res.Lines}); err != nil {
			return err
		}
		res.Refunds += w.refundsGrew
		if res.Credits, err = tx.orderCredits(programID, firsts); err != nil {
			return err
		}
		hash := ""
		if in.Sum != nil {
			hash = in.Sum()
		}
		if _, err := tx.ExecContext(ctx, `UPDATE import_batches SET rows = ?, created = ?, updated = ?, unchanged = ?, skipped = ?,
			file_hash = ? WHERE id = ?`, res.Rows, res.Created, res.Updated, res.Unchanged, res.Skipped, hash, res.Batch); err != nil {
			return fmt.Errorf("sqlite: import batch: %w", err)
		}
		if err := tx.audit("import.orders", "import_batch", res.Batch, programID, map[string]any{"file": in.File,
			"format": in.Format, "created": res.Created, "updated": res.Updated}); err != nil {
			return err
		}
		if in.DryRun {
			return errDryRun
		}
		return nil
	})
	if len(problems) > domain.MaxProblems {
		problems = problems[:domain.MaxProblems]
	}
	if problems != nil {
		res.Errors = problems
	}
	if errors.Is(err, errDryRun) {
		res.Batch = 0
		return res, nil
	}
	if err != nil && ctx.Err() != nil {
		return res, domain.Errorf(domain.EInvalid, "the import was cancelled; nothing was changed")
	}
	return res, err
}

// orderCredits says whom each order credits and why, as the recompute left it.
func (tx *Tx) orderCredits(programID int64, orders []*domain.Order) ([]domain.OrderCredit, error) {
	if len(orders) == 0 {
		return nil, nil
	}
	st, err := tx.PrepareContext(tx.ctx, `SELECT COALESCE(p.key, ''), COALESCE(p.name, ''), COALESCE(o.reason, ''),
		COALESCE((SELECT note FROM commission_lines l WHERE l.order_id = o.id AND l.kind <> 'second_tier' AND l.note <> '' LIMIT 1), '')
		FROM orders o LEFT JOIN partners p ON p.id = o.partner_id WHERE o.program_id = ? AND o.source = ? AND o.order_key = ?`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: order credits: %w", err)
	}
	defer st.Close()
	out := make([]domain.OrderCredit, 0, len(orders))
	for _, o := range orders {
		c := domain.OrderCredit{Row: o.Row, Order: o.ID}
		err := st.QueryRowContext(tx.ctx, programID, o.Source, o.ID).Scan(&c.Partner, &c.PartnerName, &c.Reason, &c.Note)
		if errors.Is(err, sql.ErrNoRows) {
			continue // refused with a problem and skipped
		}
		if err != nil {
			return nil, fmt.Errorf("sqlite: credit of order %s: %w", o.ID, err)
		}
		if c.Partner == "" {
			c.Reason = ""
		}
		if c.Code, err = tx.creditCode(programID, c, o); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// creditCode is the coupon or key of the order that made its credit: its key, or the first
// of its codes that is one of the partner's coupons.
func (tx *Tx) creditCode(programID int64, c domain.OrderCredit, o *domain.Order) (string, error) {
	switch c.Reason {
	case "ref":
		return o.RefKey, nil
	case "coupon":
		for _, code := range o.DiscountCodes {
			var n int
			err := tx.QueryRowContext(tx.ctx, `SELECT count(*) FROM coupons c JOIN partners p ON p.id = c.partner_id
				WHERE c.program_id = ? AND p.key = ? AND c.code = ? COLLATE NOCASE`, programID, c.Partner, code).Scan(&n)
			if err != nil {
				return "", fmt.Errorf("sqlite: coupon of order %s: %w", o.ID, err)
			}
			if n > 0 {
				return code, nil
			}
		}
	}
	return "", nil
}

// writeItems reads the file's items and writes them: orders a block at a time, refunds (after
// the orders before them) one by one; problems and skips are collected in file order.
func writeItems(ctx context.Context, in domain.OrderImport, rd domain.OrderReader, block *orderBlock,
	res *domain.OrderImportResult, problems *[]domain.Problem, firsts *[]*domain.Order) error {
	items, stop := readAhead(rd)
	defer stop()
	reported := 0
	for next := range items {
		if err := ctx.Err(); err != nil {
			return err // said as "cancelled" by ImportOrders
		}
		if next.err != nil {
			return next.err
		}
		it := next.OrderItem
		if in.Progress != nil && next.rows >= reported+progressEvery {
			reported = next.rows
			in.Progress(reported)
		}
		if it.Order != nil {
			if len(*firsts) < in.Credits {
				*firsts = append(*firsts, it.Order)
			}
			if err := block.add(*it.Order, next.fingerprint); err != nil {
				return err
			}
			continue
		}
		if len(it.Problems) > 0 || it.Refund != nil {
			if err := block.flush(); err != nil { // the orders above first, as the file has them
				return err
			}
		}
		switch {
		case len(it.Problems) > 0:
			*problems = append(*problems, it.Problems...)
		case it.Skip != nil:
			res.Skipped++
			if len(res.Skips) < domain.MaxProblems {
				res.Skips = append(res.Skips, *it.Skip)
			}
		case it.Refund != nil:
			applied, ps, err := block.w.refund(*it.Refund, in.File)
			if err != nil {
				return err
			}
			if applied {
				res.Refunds++
			}
			*problems = append(*problems, ps...)
		}
	}
	return block.flush()
}

// refund applies a refund row to its order once (by its key); it says whether it applied it
// now (false: seen before, or refused with a problem).
func (w *orderWriter) refund(r domain.Refund, file string) (bool, domain.Problems, error) {
	ctx := w.tx.ctx
	var orderID, total, refunded int64
	var cur string
	err := w.tx.QueryRowContext(ctx, `SELECT id, total, refunded, currency FROM orders WHERE program_id = ? AND source = ? AND order_key = ?`,
		w.programID, r.Source, r.OrderID).Scan(&orderID, &total, &refunded, &cur)
	if errors.Is(err, sql.ErrNoRows) {
		return false, domain.Problems{{File: file, Row: r.Row, Message: fmt.Sprintf("a refund of order %s, which is neither in this file above it nor imported before", r.OrderID)}}, nil
	}
	if err != nil {
		return false, nil, fmt.Errorf("sqlite: refund of %s: %w", r.OrderID, err)
	}
	if r.Currency != "" && r.Currency != cur {
		return false, domain.Problems{{File: file, Row: r.Row, Column: r.CurrencyColumn, Value: r.Currency,
			Message: fmt.Sprintf("the refund is in %s, but order %s was paid in %s", r.Currency, r.OrderID, cur)}}, nil
	}
	var n int
	if err := w.tx.QueryRowContext(ctx, `SELECT count(*) FROM refunds WHERE order_id = ? AND source_ref = ?`, orderID, r.Key).Scan(&n); err != nil {
		return false, nil, fmt.Errorf("sqlite: refund of %s: %w", r.OrderID, err)
	}
	if n > 0 {
		return false, nil, nil
	}
	if refunded+r.Amount > total {
		return false, domain.Problems{{File: file, Row: r.Row, Message: fmt.Sprintf("the refunds of order %s would exceed what it took (%s %s)",
			r.OrderID, domain.FormatMinor(total, cur), cur)}}, nil
	}
	before, err := w.tx.orderSnapshot(orderID)
	if err != nil {
		return false, nil, err
	}
	res, err := w.tx.ExecContext(ctx, `INSERT INTO refunds (order_id, amount, time, source_ref, batch_id) VALUES (?,?,?,?,?)`,
		orderID, r.Amount, r.Time.UTC().Format(TimeLayout), r.Key, w.batchID)
	if err != nil {
		return false, nil, fmt.Errorf("sqlite: refund of %s: %w", r.OrderID, err)
	}
	refundID, _ := res.LastInsertId()
	w.touched = append(w.touched, orderID)
	when := r.Time.UTC().Format(TimeLayout)
	if err := w.tx.ordersSums(false, `o.id = ?`, orderID); err != nil {
		return false, nil, err
	}
	if _, err := w.tx.ExecContext(ctx, `UPDATE orders SET refunded = refunded + ?, updated_batch = ?, updated_at = ?,
		refunded_at = CASE WHEN refunded_at IS NULL OR refunded_at < ? THEN ? ELSE refunded_at END WHERE id = ?`,
		r.Amount, w.batchID, w.tx.now, when, when, orderID); err != nil {
		return false, nil, fmt.Errorf("sqlite: refund of %s: %w", r.OrderID, err)
	}
	if err := w.tx.ordersSums(true, `o.id = ?`, orderID); err != nil { // a refund moves no first order
		return false, nil, err
	}
	for _, ch := range []struct {
		entity string
		id     int64
		before any
	}{{"order", orderID, before}, {"refund", refundID, nil}} {
		if _, err := w.change.ExecContext(ctx, w.batchID, ch.entity, ch.id, ch.before); err != nil {
			return false, nil, fmt.Errorf("sqlite: record refund: %w", err)
		}
	}
	return true, nil, nil
}

// progressEvery is how many rows pass between two calls of OrderImport.Progress.
const progressEvery = 2000

// ahead is an item read ahead of the writes, with its fingerprint.
type ahead struct {
	domain.OrderItem
	fingerprint string
	rows        int // rows read so far
	err         error
}

// readAhead reads and fingerprints the file's items in a goroutine while the caller writes the
// ones before, so that parsing and SQLite work on two cores. stop ends the reading early.
func readAhead(rd domain.OrderReader) (<-chan ahead, func()) {
	out := make(chan ahead, 512)
	done := make(chan struct{})
	go func() {
		defer close(out)
		for {
			it, ok, err := rd.Next()
			if !ok && err == nil {
				return
			}
			a := ahead{OrderItem: it, rows: rd.Rows(), err: err}
			if it.Order != nil {
				a.fingerprint = fingerprint(*it.Order)
			}
			select {
			case out <- a:
			case <-done:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	var once sync.Once
	return out, func() {
		once.Do(func() {
			close(done)
			for range out { // wait for the reader to let go of rd
			}
		})
	}
}
