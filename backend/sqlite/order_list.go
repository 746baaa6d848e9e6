package sqlite

import (
	"context"
	"fmt"
	"strings"

	"partnerbook/backend/domain"
)

// OrderFilter selects a program's orders.
type OrderFilter struct {
	ProgramID int64
	Partner   string
}

// EachOrder calls fn with each order of the program in time order, streaming: a million
// orders never stand in memory at once.
func (s *Store) EachOrder(ctx context.Context, f OrderFilter, fn func(domain.OrderRow) error) error {
	prog, err := s.FindProgram(ctx, fmt.Sprint(f.ProgramID))
	if err != nil {
		return err
	}
	where, args := []string{"o.program_id = ?"}, []any{f.ProgramID}
	if f.Partner != "" {
		where, args = append(where, "p.key = ? COLLATE NOCASE"), append(args, f.Partner)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT o.source, o.order_key, o.time, COALESCE(NULLIF(o.customer_email, ''), NULLIF(o.customer_name, ''), o.customer_ref),
		o.currency, o.total, o.net, o.refunded, o.cancelled, COALESCE(p.key, ''), o.reason
		FROM orders o LEFT JOIN partners p ON p.id = o.partner_id WHERE `+strings.Join(where, " AND ")+` ORDER BY o.time, o.id`, args...)
	if err != nil {
		return fmt.Errorf("sqlite: list orders: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r domain.OrderRow
		var total, net, refunded int64
		var cancelled bool
		if err := rows.Scan(&r.Source, &r.ID, &r.Time, &r.Customer, &r.Currency, &total, &net, &refunded, &cancelled, &r.Partner, &r.Reason); err != nil {
			return fmt.Errorf("sqlite: list orders: %w", err)
		}
		base := net
		if prog.Base == "total" {
			base = total
		}
		r.Total, r.Base, r.Refunded = domain.FormatMinor(total, r.Currency), domain.FormatMinor(base, r.Currency), domain.FormatMinor(refunded, r.Currency)
		r.Status = orderStatus(total, refunded, cancelled)
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// orderStatus is the same word for every source: paid, partially_refunded, refunded, cancelled.
func orderStatus(total, refunded int64, cancelled bool) string {
	switch {
	case cancelled:
		return "cancelled"
	case refunded > 0 && refunded >= total:
		return "refunded"
	case refunded > 0:
		return "partially_refunded"
	}
	return "paid"
}
