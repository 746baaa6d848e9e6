package sqlite

import (
	"context"
	"database/sql"
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
	rows, err := s.db.QueryContext(ctx, `SELECT `+orderRowColumns+` FROM orders o LEFT JOIN partners p ON p.id = o.partner_id
		WHERE `+strings.Join(where, " AND ")+` ORDER BY o.time, o.id`, args...)
	if err != nil {
		return fmt.Errorf("sqlite: list orders: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		r, _, err := scanOrderRow(rows, prog.Base)
		if err != nil {
			return err
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// orderStatusSQL is the same word for every source, for lists and their status filter: paid,
// partially_refunded, refunded, cancelled (domain.OrderStatuses).
const orderStatusSQL = `CASE WHEN o.cancelled THEN 'cancelled' WHEN o.refunded > 0 AND o.refunded >= o.total THEN 'refunded'
	WHEN o.refunded > 0 THEN 'partially_refunded' ELSE 'paid' END`

// orderRowColumns are the columns scanOrderRow reads, of orders o joined with partners p.
const orderRowColumns = `o.id, o.source, o.order_key, o.time,
	COALESCE(NULLIF(o.customer_email, ''), NULLIF(o.customer_name, ''), o.customer_ref),
	o.currency, o.total, o.net, o.refunded, ` + orderStatusSQL + `, COALESCE(p.key, ''), o.reason`

// scanOrderRow reads one row of orderRowColumns as a list shows it; base is the program's
// base setting. It also returns the order's id and total, which keyset pages continue from.
func scanOrderRow(rows *sql.Rows, base string) (domain.OrderRow, orderKeyset, error) {
	var r domain.OrderRow
	var k orderKeyset
	var net, refunded int64
	if err := rows.Scan(&k.id, &r.Source, &r.ID, &r.Time, &r.Customer, &r.Currency, &k.total, &net, &refunded, &r.Status,
		&r.Partner, &r.Reason); err != nil {
		return r, k, fmt.Errorf("sqlite: list orders: %w", err)
	}
	if base == "total" {
		net = k.total
	}
	r.Total, r.Base, r.Refunded = domain.FormatMinor(k.total, r.Currency), domain.FormatMinor(net, r.Currency), domain.FormatMinor(refunded, r.Currency)
	return r, k, nil
}

// orderKeyset is where a keyset page of orders ends.
type orderKeyset struct{ id, total int64 }
