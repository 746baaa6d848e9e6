package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"partnerbook/backend/domain"
)

// ApplyEvents applies up to max events not applied yet, in the order they were committed, in
// one transaction: a sale becomes an order (source "api") and a refund a refund through the
// import's order writer (one batch of kind "sync" per program, undoable, audited), a signup
// links its customer, a visit is only marked. Test events are marked and never earn. Every
// event is marked applied in the same transaction, so each is applied once, also after a
// crash between its commit and now.
func (s *Store) ApplyEvents(ctx context.Context, max int) (domain.ApplyResult, error) {
	var res domain.ApplyResult
	err := s.write(ctx, func(tx *Tx) error {
		evs, err := tx.unapplied(max)
		if err != nil {
			return err
		}
		res = domain.ApplyResult{}
		var progs []int64
		byProg := map[int64][]domain.Event{}
		for _, e := range evs {
			if _, ok := byProg[e.ProgramID]; !ok {
				progs = append(progs, e.ProgramID)
			}
			byProg[e.ProgramID] = append(byProg[e.ProgramID], e)
		}
		for _, pid := range progs {
			if err := tx.applyProgramEvents(pid, byProg[pid], &res); err != nil {
				return err
			}
		}
		return nil
	})
	return res, err
}

func (tx *Tx) unapplied(max int) ([]domain.Event, error) {
	rows, err := tx.QueryContext(tx.ctx, `SELECT id, event_id, program_id, type, test, payload, received_at FROM events
		WHERE applied_at IS NULL ORDER BY id LIMIT ?`, max)
	if err != nil {
		return nil, fmt.Errorf("sqlite: events to apply: %w", err)
	}
	defer rows.Close()
	var out []domain.Event
	for rows.Next() {
		var e domain.Event
		var payload, at string
		if err := rows.Scan(&e.ID, &e.EventID, &e.ProgramID, &e.Type, &e.Test, &payload, &at); err != nil {
			return nil, fmt.Errorf("sqlite: events to apply: %w", err)
		}
		e.Payload, e.ReceivedAt = []byte(payload), parseTime(at)
		out = append(out, e)
	}
	return out, rows.Err()
}

// eventApplier applies one program's events inside the transaction.
type eventApplier struct {
	tx      *Tx
	prog    domain.Program
	w       *orderWriter // made with the batch on the first sale or refund
	batch   int64
	linked  []int64
	created int
	updated int
}

func (tx *Tx) applyProgramEvents(pid int64, evs []domain.Event, res *domain.ApplyResult) error {
	prog, err := tx.findProgram(strconv.FormatInt(pid, 10))
	if err != nil {
		return err
	}
	a := &eventApplier{tx: tx, prog: prog}
	defer func() {
		if a.w != nil {
			a.w.close()
		}
	}()
	for _, e := range evs {
		problem := ""
		if !e.Test {
			if problem, err = a.apply(e, res); err != nil {
				return err
			}
		}
		if problem != "" {
			res.Problems++
		}
		res.Events++
		if _, err := tx.ExecContext(tx.ctx, `UPDATE events SET applied_at = ?, problem = ? WHERE id = ?`, tx.now, problem, e.ID); err != nil {
			return fmt.Errorf("sqlite: apply event: %w", err)
		}
	}
	return a.finish(res)
}

// apply applies one live event; a problem is why it changed nothing (a refund of an unknown
// order), which is kept with the event rather than refusing the others.
func (a *eventApplier) apply(e domain.Event, res *domain.ApplyResult) (string, error) {
	switch e.Type {
	case domain.EventSignup:
		var s signupEvent
		if err := json.Unmarshal(e.Payload, &s); err != nil {
			return "the signup cannot be read: " + err.Error(), nil
		}
		s.id, s.at = e.ID, e.ReceivedAt
		c, err := a.tx.applySignup(a.prog, s)
		if c != 0 {
			a.linked = append(a.linked, c)
			res.Linked++
		}
		return "", err
	case domain.EventSale:
		o, problem := saleOrder(e)
		if problem != "" {
			return problem, nil
		}
		if err := a.writer(); err != nil {
			return "", err
		}
		outcome, err := a.w.put(o, fingerprint(o))
		switch outcome {
		case "created":
			a.created++
			res.Orders++
		case "updated":
			a.updated++
		}
		return "", err
	case domain.EventRefund:
		return a.refund(e, res)
	}
	return "", nil
}

func (a *eventApplier) writer() error {
	if a.w != nil {
		return nil
	}
	r, err := a.tx.ExecContext(a.tx.ctx, `INSERT INTO import_batches (program_id, kind, format, file_name, actor, created_at)
		VALUES (?, 'sync', 'api', 'sync endpoint', ?, ?)`, a.prog.ID, domain.Actor(a.tx.ctx), a.tx.now)
	if err != nil {
		return fmt.Errorf("sqlite: sync batch: %w", err)
	}
	a.batch, _ = r.LastInsertId()
	a.w, err = a.tx.newOrderWriter(a.prog.ID, a.batch)
	return err
}

func (a *eventApplier) refund(e domain.Event, res *domain.ApplyResult) (string, error) {
	var r struct {
		OrderID  string `json:"order_id"`
		Amount   string `json:"amount"`
		Time     string `json:"time"`
		RefundID string `json:"refund_id"`
	}
	if err := json.Unmarshal(e.Payload, &r); err != nil {
		return "the refund cannot be read: " + err.Error(), nil
	}
	var cur string
	err := a.tx.QueryRowContext(a.tx.ctx, `SELECT currency FROM orders WHERE program_id = ? AND source = 'api' AND order_key = ?`,
		a.prog.ID, r.OrderID).Scan(&cur)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("sqlite: refund of %s: %w", r.OrderID, err)
	}
	if cur == "" {
		return fmt.Sprintf("a refund of order %s, which no sale sent before", r.OrderID), nil
	}
	d, err := domain.ParseAmount(r.Amount)
	minor, err2 := domain.ToMinor(d, cur)
	if err != nil || err2 != nil {
		return fmt.Sprintf("the refund's amount %q does not fit %s", r.Amount, cur), nil
	}
	at := e.ReceivedAt
	if t, err := time.Parse(time.RFC3339, r.Time); err == nil {
		at = t
	}
	key := "api:" + r.RefundID
	if r.RefundID == "" {
		key = "api:" + r.Time
	}
	if err := a.writer(); err != nil {
		return "", err
	}
	applied, ps, err := a.w.refund(domain.Refund{Source: "api", OrderID: r.OrderID, Key: key, Amount: minor, Currency: cur, Time: at}, "sync")
	if err != nil || len(ps) > 0 {
		if len(ps) > 0 {
			return ps[0].Message, err
		}
		return "", err
	}
	if applied {
		res.Refunds++
	}
	return "", nil
}

// finish recomputes what the events touched and records the batch in the audit log.
func (a *eventApplier) finish(res *domain.ApplyResult) error {
	sc := recomputeScope{customers: a.linked}
	if a.w != nil {
		sc.orders, sc.customers, sc.sold = a.w.touched, append(sc.customers, a.w.left...), a.w.sold
	}
	if len(sc.orders)+len(sc.customers) > 0 {
		if err := a.tx.recompute(a.prog.ID, sc); err != nil {
			return err
		}
	}
	if a.w == nil {
		return nil
	}
	if _, err := a.tx.ExecContext(a.tx.ctx, `UPDATE import_batches SET rows = ?, created = ?, updated = ? WHERE id = ?`,
		len(a.w.touched), a.created, a.updated, a.batch); err != nil {
		return fmt.Errorf("sqlite: sync batch: %w", err)
	}
	return a.tx.audit("sync.apply", "import_batch", a.batch, a.prog.ID, map[string]any{"created": a.created,
		"updated": a.updated, "refunds": res.Refunds, "linked": len(a.linked)})
}

// saleOrder is the order a sale's payload describes, as an imported file's would be.
func saleOrder(e domain.Event) (domain.Order, string) {
	var s struct {
		OrderID  string `json:"order_id"`
		Customer struct {
			Email string `json:"email"`
			Key   string `json:"key"`
		} `json:"customer"`
		Amount   string `json:"amount"`
		Currency string `json:"currency"`
		Coupon   string `json:"coupon"`
		Ref      string `json:"ref"`
		Items    []struct {
			SKU      string `json:"sku"`
			Name     string `json:"name"`
			Quantity int64  `json:"quantity"`
			Price    string `json:"price"`
		} `json:"items"`
		Time string `json:"time"`
	}
	if err := json.Unmarshal(e.Payload, &s); err != nil {
		return domain.Order{}, "the sale cannot be read: " + err.Error()
	}
	minor := func(v string) (int64, bool) {
		d, err := domain.ParseAmount(v)
		m, err2 := domain.ToMinor(d, s.Currency)
		return m, err == nil && err2 == nil
	}
	total, ok := minor(s.Amount)
	if !ok {
		return domain.Order{}, fmt.Sprintf("the sale's amount %q does not fit %s", s.Amount, s.Currency)
	}
	o := domain.Order{Source: "api", ID: s.OrderID, Time: e.ReceivedAt, CustomerEmail: s.Customer.Email,
		CustomerRef: s.Customer.Key, Currency: s.Currency, Total: total, Net: total, RefKey: s.Ref, Status: "paid"}
	if t, err := time.Parse(time.RFC3339, s.Time); err == nil {
		o.Time = t.UTC()
	}
	if s.Coupon != "" {
		o.DiscountCodes = []string{s.Coupon}
	}
	var sum int64
	for _, it := range s.Items {
		p, ok := minor(it.Price)
		if !ok {
			return domain.Order{}, fmt.Sprintf("the price %q of item %s does not fit %s", it.Price, it.SKU, s.Currency)
		}
		o.Lines = append(o.Lines, domain.OrderLine{SKU: it.SKU, Name: it.Name, Quantity: it.Quantity, UnitPrice: p})
		sum += p * it.Quantity
	}
	if len(o.Lines) > 0 && sum < total {
		o.Net = sum // the items without tax and shipping are the base of "net"
	}
	return o, ""
}
