package sqlite

import (
	"context"
	"fmt"
	"strings"

	"partnerbook/backend/domain"
)

// statusAsOf is a line's status on a day: a pending line whose due day has come is approved.
const statusAsOf = `(CASE WHEN l.status = 'pending' AND l.due <= ? THEN 'approved' ELSE l.status END)`

// AsOfDay is the day commands count from: asOf, or today, in the program's zone.
func (s *Store) AsOfDay(prog domain.Program, asOf string) string {
	if asOf != "" {
		return asOf
	}
	return s.Now().In(prog.Location()).Format("2006-01-02")
}

const commissionSelect = `SELECT l.id, p.key, COALESCE(o.order_key, ''), COALESCE(o.source, ''), l.kind, l.reason, ` + statusAsOf + `,
	l.base, l.amount, l.currency, COALESCE(l.order_time, ''), l.note, l.rule, l.sku, COALESCE(l.due, ''), COALESCE(py.number, ''),
	COALESCE(o.customer_email, ''), COALESCE(ld.email, ''), l.approved_by, l.rejected_by
	FROM commission_lines l JOIN partners p ON p.id = l.partner_id
	LEFT JOIN orders o ON o.id = l.order_id LEFT JOIN payouts py ON py.id = l.payout_id LEFT JOIN leads ld ON ld.id = l.lead_id`

func scanCommission(sc interface{ Scan(...any) error }) (domain.CommissionLine, error) {
	var c domain.CommissionLine
	var base, amount int64
	err := sc.Scan(&c.ID, &c.Partner, &c.Order, &c.Source, &c.Kind, &c.Reason, &c.Status, &base, &amount, &c.Currency, &c.OrderTime,
		&c.Note, &c.Rule, &c.SKU, &c.Due, &c.Payout, &c.Customer, &c.Lead, &c.ApprovedBy, &c.RejectedBy)
	c.Base, c.Amount = domain.FormatMinor(base, c.Currency), domain.FormatMinor(amount, c.Currency)
	return c, err
}

// commissionWhere is the filter's condition and its arguments, after the as-of day that the
// status column of the select takes first.
func (s *Store) commissionWhere(ctx context.Context, f domain.CommissionFilter) (string, []any, error) {
	prog, err := s.FindProgram(ctx, fmt.Sprint(f.ProgramID))
	if err != nil {
		return "", nil, err
	}
	asOf := s.AsOfDay(prog, f.AsOf)
	where := []string{"l.program_id = ?"}
	args := []any{asOf, prog.ID}
	var ps domain.Problems
	if f.Partner != "" {
		where, args = append(where, "p.key = ? COLLATE NOCASE"), append(args, f.Partner)
	}
	if f.Status != "" {
		domain.OneOf(&ps, "status", f.Status, domain.LineStatuses)
		where, args = append(where, statusAsOf+" = ?"), append(args, asOf, f.Status)
	}
	if f.Kind != "" {
		domain.OneOf(&ps, "kind", f.Kind, domain.LineKinds)
		where, args = append(where, "l.kind = ?"), append(args, f.Kind)
	}
	conds, dayArgs, bad := dayRange(prog.Location(), "l.order_time", f.From, f.To)
	where, args = append(where, conds...), append(args, dayArgs...)
	for _, col := range bad {
		day := f.From
		if col == "to" {
			day = f.To
		}
		ps.Add(col, "%q is not a date YYYY-MM-DD", day)
	}
	if err := ps.Err("the filter is not valid"); err != nil {
		return "", nil, err
	}
	return strings.Join(where, " AND "), args, nil
}

// ListCommissions returns a page of lines, newest first, how many match and their totals.
func (s *Store) ListCommissions(ctx context.Context, f domain.CommissionFilter) (domain.CommissionPage, error) {
	page := domain.CommissionPage{Lines: []domain.CommissionLine{}, Totals: []domain.Total{}}
	cond, args, err := s.commissionWhere(ctx, f)
	if err != nil {
		return page, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+statusAsOf+`, l.currency, sum(l.amount), count(*) FROM commission_lines l
		JOIN partners p ON p.id = l.partner_id WHERE `+cond+` GROUP BY 1, 2 ORDER BY 1, 2`, args...)
	if err != nil {
		return page, fmt.Errorf("sqlite: commission totals: %w", err)
	}
	for rows.Next() {
		var t domain.Total
		var sum int64
		if err := rows.Scan(&t.Status, &t.Currency, &sum, &t.Lines); err != nil {
			rows.Close()
			return page, fmt.Errorf("sqlite: commission totals: %w", err)
		}
		t.Amount = domain.FormatMinor(sum, t.Currency)
		page.Count += t.Lines
		page.Totals = append(page.Totals, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return page, fmt.Errorf("sqlite: commission totals: %w", err)
	}
	page.Lines, err = pageRows(ctx, s, "commissions", commissionSelect+` WHERE `+cond+` ORDER BY l.order_time DESC, l.id DESC`,
		args, f.Limit, f.Offset, scanCommission)
	return page, err
}

// EachCommission streams every matching line, oldest first (the command line).
func (s *Store) EachCommission(ctx context.Context, f domain.CommissionFilter, fn func(domain.CommissionLine) error) error {
	cond, args, err := s.commissionWhere(ctx, f)
	if err != nil {
		return err
	}
	rows, err := s.db.QueryContext(ctx, commissionSelect+` WHERE `+cond+` ORDER BY l.order_time, l.id`, args...)
	if err != nil {
		return fmt.Errorf("sqlite: commissions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		c, err := scanCommission(rows)
		if err != nil {
			return fmt.Errorf("sqlite: commissions: %w", err)
		}
		if err := fn(c); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Balances sums each partner's lines per currency and status, as of a day.
func (s *Store) Balances(ctx context.Context, programID int64, partner, asOf string) ([]domain.Balance, error) {
	prog, err := s.FindProgram(ctx, fmt.Sprint(programID))
	if err != nil {
		return nil, err
	}
	day := s.AsOfDay(prog, asOf)
	rows, err := s.db.QueryContext(ctx, `SELECT p.key, p.name, l.currency,
		sum(CASE WHEN `+statusAsOf+` = 'pending' THEN l.amount ELSE 0 END),
		sum(CASE WHEN `+statusAsOf+` = 'approved' THEN l.amount ELSE 0 END),
		sum(CASE WHEN l.status = 'paid' THEN l.amount ELSE 0 END),
		sum(CASE WHEN l.status = 'reversed' THEN l.amount ELSE 0 END),
		sum(CASE WHEN l.status = 'rejected' THEN l.amount ELSE 0 END)
		FROM commission_lines l JOIN partners p ON p.id = l.partner_id
		WHERE l.program_id = ? AND (? = '' OR p.key = ? COLLATE NOCASE)
		GROUP BY p.id, l.currency ORDER BY p.key COLLATE NOCASE, l.currency`, day, day, programID, partner, partner)
	if err != nil {
		return nil, fmt.Errorf("sqlite: balances: %w", err)
	}
	defer rows.Close()
	out := []domain.Balance{}
	for rows.Next() {
		var b domain.Balance
		var v [5]int64
		if err := rows.Scan(&b.Partner, &b.Name, &b.Currency, &v[0], &v[1], &v[2], &v[3], &v[4]); err != nil {
			return nil, fmt.Errorf("sqlite: balances: %w", err)
		}
		f := func(m int64) string { return domain.FormatMinor(m, b.Currency) }
		b.Pending, b.Approved, b.Paid, b.Reversed, b.Rejected = f(v[0]), f(v[1]), f(v[2]), f(v[3]), f(v[4])
		out = append(out, b)
	}
	return out, rows.Err()
}
