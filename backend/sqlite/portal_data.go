package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"time"

	"partnerbook/backend/domain"
	"partnerbook/backend/statement"
)

// What the partner portal shows a signed-in partner, read from the live database. Every query
// is by the partner's id, along the indexes on partner_id: a partner's overview reads their own
// rows, never the program's.

// portalPartner is the partner and their program.
func (s *Store) portalPartner(ctx context.Context, partnerID int64) (domain.Partner, domain.Program, error) {
	p, err := scanPartner(s.db.QueryRowContext(ctx, partnerSelect+` WHERE p.id = ?`, partnerID))
	if errors.Is(err, sql.ErrNoRows) {
		return p, domain.Program{}, domain.Errorf(domain.ENotFound, "there is no partner %d", partnerID)
	}
	if err != nil {
		return p, domain.Program{}, fmt.Errorf("sqlite: portal partner %d: %w", partnerID, err)
	}
	prog, err := s.FindProgram(ctx, fmt.Sprint(p.ProgramID))
	return p, prog, err
}

// PortalSummary is a partner's overview as of today in their program's zone.
func (s *Store) PortalSummary(ctx context.Context, partnerID int64) (domain.PortalSummary, error) {
	p, prog, err := s.portalPartner(ctx, partnerID)
	if err != nil {
		return domain.PortalSummary{}, err
	}
	day := s.AsOfDay(prog, "")
	sum := domain.PortalSummary{AsOf: day, Currency: prog.Currency, Threshold: prog.PayoutThreshold, Upcoming: []domain.PortalDue{},
		Months: []domain.PortalMonth{}, Others: []domain.Balance{}}
	sum.Program, err = s.portalProgramInfo(ctx, p, prog)
	if err != nil {
		return sum, err
	}
	if err := s.portalBalances(ctx, p, day, &sum); err != nil {
		return sum, err
	}
	if err := s.portalUpcoming(ctx, p, prog.Currency, day, &sum); err != nil {
		return sum, err
	}
	if err := s.portalMonths(ctx, p, prog, &sum); err != nil {
		return sum, err
	}
	return sum, s.portalCounts(ctx, p, prog, &sum)
}

func (s *Store) portalProgramInfo(ctx context.Context, p domain.Partner, prog domain.Program) (domain.PortalProgramInfo, error) {
	set, err := s.Settings(ctx)
	if err != nil {
		return domain.PortalProgramInfo{}, err
	}
	return domain.PortalProgramInfo{Name: prog.Name, Site: set.Company.Website, Key: p.Key, Coupons: p.Coupons,
		Leads: prog.Rules.Lead != nil, HoldDays: prog.HoldDays, Timezone: prog.Timezone}, nil
}

// portalBalances sums a partner's lines by status and currency from the report's balances
// (report_balances, kept with every write of lines), never reading the lines: a pending line
// whose due day has come counts as approved. Orders and sales are the partner's sale and
// renewal lines that stand (not rejected or reversed).
func (s *Store) portalBalances(ctx context.Context, p domain.Partner, day string, sum *domain.PortalSummary) error {
	rows, err := s.db.QueryContext(ctx, `SELECT status, currency, sum(CASE WHEN due <= ? THEN amount ELSE 0 END), sum(amount),
		sum(sales), sum(sales_base)
		FROM report_balances WHERE program_id = ? AND partner_id = ? GROUP BY status, currency HAVING sum(lines) <> 0`,
		day, p.ProgramID, p.ID)
	if err != nil {
		return fmt.Errorf("sqlite: portal balances: %w", err)
	}
	defer rows.Close()
	type totals struct{ pending, approved, paid int64 }
	by := map[string]*totals{sum.Currency: {}}
	var sales int64
	for rows.Next() {
		var status, currency string
		var due, all, orders, base int64
		if err := rows.Scan(&status, &currency, &due, &all, &orders, &base); err != nil {
			return fmt.Errorf("sqlite: portal balances: %w", err)
		}
		t := by[currency]
		if t == nil {
			t = &totals{}
			by[currency] = t
		}
		switch status {
		case "pending":
			t.pending, t.approved = t.pending+all-due, t.approved+due
		case "approved":
			t.approved += all
		case "paid":
			t.paid += all
		}
		if currency == sum.Currency && (status == "pending" || status == "approved" || status == "paid") {
			sum.Orders += int(orders)
			sales += base
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	f := func(m int64, c string) string { return domain.FormatMinor(m, c) }
	for c, t := range by {
		if c == sum.Currency {
			sum.Pending, sum.Approved, sum.Paid = f(t.pending, c), f(t.approved, c), f(t.paid, c)
			continue
		}
		sum.Others = append(sum.Others, domain.Balance{Partner: p.Key, Name: p.Name, Currency: c, Pending: f(t.pending, c),
			Approved: f(t.approved, c), Paid: f(t.paid, c)})
	}
	sort.Slice(sum.Others, func(i, j int) bool { return sum.Others[i].Currency < sum.Others[j].Currency })
	sum.Sales = f(sales, sum.Currency)
	return nil
}

// portalUpcoming is what the pending lines pay, by the day their hold ends (the next five days;
// a line without a due day is kept under 9999-12-31 in the balances, and is not upcoming).
func (s *Store) portalUpcoming(ctx context.Context, p domain.Partner, currency, day string, sum *domain.PortalSummary) error {
	rows, err := s.db.QueryContext(ctx, `SELECT due, sum(amount) FROM report_balances
		WHERE program_id = ? AND partner_id = ? AND currency = ? AND status = 'pending' AND due > ? AND due < '9999-12-31'
		GROUP BY due HAVING sum(lines) <> 0 ORDER BY due LIMIT 5`, p.ProgramID, p.ID, currency, day)
	if err != nil {
		return fmt.Errorf("sqlite: portal upcoming: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var d domain.PortalDue
		var amount int64
		if err := rows.Scan(&d.Day, &amount); err != nil {
			return fmt.Errorf("sqlite: portal upcoming: %w", err)
		}
		d.Amount = domain.FormatMinor(amount, currency)
		sum.Upcoming = append(sum.Upcoming, d)
	}
	return rows.Err()
}

// portalMonths sums the last 12 months' earnings by the lines' order time (a lead's bounty or
// an adjustment has its own) from the report's hours (report_hours: lines by UTC hour, rejected
// and reversed left out), and puts the hours in the program zone's months here. An hour goes to
// the month it starts in: in a zone whose months do not start on a whole UTC hour, the half hour
// after a month's start counts in the month before.
func (s *Store) portalMonths(ctx context.Context, p domain.Partner, prog domain.Program, sum *domain.PortalSummary) error {
	loc := prog.Location()
	now := s.Now().In(loc)
	first := time.Date(now.Year(), now.Month()-11, 1, 0, 0, 0, 0, loc)
	rows, err := s.db.QueryContext(ctx, `SELECT hour, sum(commissions) FROM report_hours
		WHERE program_id = ? AND partner_id = ? AND currency = ? AND hour >= ? GROUP BY hour`,
		prog.ID, p.ID, prog.Currency, storedHour(stamp(first)))
	if err != nil {
		return fmt.Errorf("sqlite: portal months: %w", err)
	}
	defer rows.Close()
	byMonth := map[string]int64{}
	for rows.Next() {
		var hour string
		var amount int64
		if err := rows.Scan(&hour, &amount); err != nil {
			return fmt.Errorf("sqlite: portal months: %w", err)
		}
		t, err := time.Parse("2006-01-02T15", hour)
		if err != nil {
			continue
		}
		byMonth[t.In(loc).Format("2006-01")] += amount
	}
	for i := 0; i < 12; i++ {
		m := first.AddDate(0, i, 0).Format("2006-01")
		sum.Months = append(sum.Months, domain.PortalMonth{Month: m, Amount: domain.FormatMinor(byMonth[m], prog.Currency)})
	}
	return rows.Err()
}

// portalCounts are the partner's customers and, where the shop tracks visits (the sync
// endpoint), their visits and signups.
func (s *Store) portalCounts(ctx context.Context, p domain.Partner, prog domain.Program, sum *domain.PortalSummary) error {
	err := s.db.QueryRowContext(ctx, `SELECT count(*), COALESCE(sum(link_reason = 'signup'), 0) FROM customers WHERE partner_id = ?`,
		p.ID).Scan(&sum.Customers, &sum.Signups)
	if err != nil {
		return fmt.Errorf("sqlite: portal customers: %w", err)
	}
	err = s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM events WHERE program_id = ? AND type = 'visit')`, prog.ID).Scan(&sum.Tracked)
	if err != nil || !sum.Tracked {
		return err
	}
	return s.db.QueryRowContext(ctx, `SELECT count(*) FROM events WHERE program_id = ? AND type = 'visit' AND payload->>'ref' = ?`,
		prog.ID, p.Key).Scan(&sum.Visits)
}

const portalLineSelect = `SELECT l.id, COALESCE(o.order_key, ''), COALESCE(l.order_time, l.created_at),
	COALESCE(o.customer_name, ld.name, ''), COALESCE(o.customer_email, ld.email, ''), l.kind, ` + statusAsOf + `,
	l.base, l.amount, l.currency, COALESCE(l.due, ''), COALESCE(py.number, ''), COALESCE(o.refunded, 0), COALESCE(o.currency, l.currency)
	FROM commission_lines l LEFT JOIN orders o ON o.id = l.order_id LEFT JOIN leads ld ON ld.id = l.lead_id
	LEFT JOIN payouts py ON py.id = l.payout_id`

func scanPortalLine(sc interface{ Scan(...any) error }, loc *time.Location) (domain.PortalLine, error) {
	var l domain.PortalLine
	var at, name, email, orderCurrency string
	var base, amount, refunded int64
	err := sc.Scan(&l.ID, &l.Order, &at, &name, &email, &l.Kind, &l.Status, &base, &amount, &l.Currency, &l.Due, &l.Payout,
		&refunded, &orderCurrency)
	l.Day = parseTime(at).In(loc).Format("2006-01-02")
	l.Customer = statement.Private(name, email)
	l.Base, l.Amount = domain.FormatMinor(base, l.Currency), domain.FormatMinor(amount, l.Currency)
	if refunded != 0 {
		l.Refunded = domain.FormatMinor(refunded, orderCurrency)
	}
	return l, err
}

// PortalLines is a page of a partner's commission lines, newest first, and how many there are.
func (s *Store) PortalLines(ctx context.Context, partnerID int64, offset, limit int) ([]domain.PortalLine, int, error) {
	_, prog, err := s.portalPartner(ctx, partnerID)
	if err != nil {
		return nil, 0, err
	}
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM commission_lines WHERE partner_id = ?`, partnerID).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("sqlite: portal lines: %w", err)
	}
	// The page's ids first, along the covering index; then only those lines with their orders.
	rows, err := s.db.QueryContext(ctx, portalLineSelect+` WHERE l.id IN (SELECT id FROM commission_lines WHERE partner_id = ?
		ORDER BY order_time DESC, id DESC LIMIT ? OFFSET ?) ORDER BY l.order_time DESC, l.id DESC`, s.AsOfDay(prog, ""), partnerID, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: portal lines: %w", err)
	}
	defer rows.Close()
	out := []domain.PortalLine{}
	for rows.Next() {
		l, err := scanPortalLine(rows, prog.Location())
		if err != nil {
			return nil, 0, fmt.Errorf("sqlite: portal lines: %w", err)
		}
		out = append(out, l)
	}
	return out, total, rows.Err()
}

// PortalLine is one of a partner's lines; another partner's line is not found.
func (s *Store) PortalLine(ctx context.Context, partnerID, lineID int64) (domain.PortalLine, error) {
	_, prog, err := s.portalPartner(ctx, partnerID)
	if err != nil {
		return domain.PortalLine{}, err
	}
	l, err := scanPortalLine(s.db.QueryRowContext(ctx, portalLineSelect+` WHERE l.id = ? AND l.partner_id = ?`,
		s.AsOfDay(prog, ""), lineID, partnerID), prog.Location())
	if errors.Is(err, sql.ErrNoRows) {
		return l, domain.Errorf(domain.ENotFound, "there is no such line")
	}
	return l, err
}

// PortalPayouts are a partner's payouts, newest first.
func (s *Store) PortalPayouts(ctx context.Context, partnerID int64) ([]domain.PortalPayout, error) {
	_, prog, err := s.portalPartner(ctx, partnerID)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT py.number, r.created_at, py.kind, py.currency, py.lines, py.method, `+payoutFigures+`
		FROM payouts py JOIN payout_runs r ON r.id = py.run_id WHERE py.partner_id = ? ORDER BY py.id DESC`, partnerID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: portal payouts: %w", err)
	}
	defer rows.Close()
	out := []domain.PortalPayout{}
	for rows.Next() {
		var py domain.PortalPayout
		var at string
		var f storedFigures
		if err := rows.Scan(append([]any{&py.Number, &at, &py.Kind, &py.Currency, &py.Lines, &py.Method}, f.into()...)...); err != nil {
			return nil, fmt.Errorf("sqlite: portal payouts: %w", err)
		}
		v, err := f.payout()
		if err != nil {
			return nil, fmt.Errorf("payout %s: %w", py.Number, err)
		}
		py.Day = parseTime(at).In(prog.Location()).Format("2006-01-02")
		py.Net, py.VAT, py.Amount = shownFigures(v, py.Currency) // the figures of payouts list
		if v.VAT+v.NettedVAT == 0 {
			py.VAT = "" // the portal leaves out a VAT that was not charged
		}
		out = append(out, py)
	}
	return out, rows.Err()
}

// PortalStatement is the PDF of one of a partner's payouts: the bytes the shop filed. Another
// partner's payout is not found.
func (s *Store) PortalStatement(ctx context.Context, partnerID int64, number string) ([]byte, error) {
	var programID int64
	err := s.db.QueryRowContext(ctx, `SELECT program_id FROM payouts WHERE partner_id = ? AND number = ?`, partnerID, number).Scan(&programID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.Errorf(domain.ENotFound, "there is no such payout")
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: portal statement: %w", err)
	}
	return s.StatementPDF(ctx, programID, number)
}
