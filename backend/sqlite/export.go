package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"partnerbook/backend/csvsafe"
	"partnerbook/backend/domain"
)

// The exports write what a list shows, with the same filter the list takes, as CSV that a
// spreadsheet opens as data (csvsafe): every row as it is read from the database, so that a
// million rows pass in the memory of one. Filters are checked before the first byte is
// written: a refused filter writes nothing. Times are in the program's zone, written as
// spreadsheets read them (2025-03-14 09:12:44); amounts are decimal text in their currency.

// ExportTimeLayout is how an export writes a time, in the program's zone.
const ExportTimeLayout = "2006-01-02 15:04:05"

// Headers of the exports. The partners and leads exports start with the columns of the
// import files (cli.md), so an exported file can be imported again.
var (
	OrdersCSVHeader      = []string{"time", "source", "order", "customer", "currency", "total", "base", "refunded", "status", "partner", "reason"}
	CommissionsCSVHeader = []string{"id", "order_time", "partner", "order", "source", "kind", "reason", "status", "currency", "base",
		"amount", "due", "payout", "customer", "lead", "rule", "sku", "note", "approved_by", "rejected_by"}
	CustomersCSVHeader = []string{"email", "name", "partner", "reason", "linked_at", "orders", "first_order"}
	PartnersCSVHeader  = []string{"name", "email", "key", "coupons", "parent_key", "status", "address", "country", "vat_id", "language",
		"paypal_email", "iban", "created_at"}
	LeadsCSVHeader   = []string{"partner_key", "email", "name", "status", "source", "created_at", "converted_at"}
	PayoutsCSVHeader = []string{"number", "kind", "partner", "name", "currency", "amount", "lines", "method", "run", "as_of"}
)

// ExportOrders writes the orders the Orders screen shows for q (its filters, search and sort;
// not its page) as CSV.
func (s *Store) ExportOrders(ctx context.Context, q domain.OrderQuery, w io.Writer) error {
	prog, err := s.FindProgram(ctx, fmt.Sprint(q.ProgramID))
	if err != nil {
		return err
	}
	from, fromArgs, where, args, err := s.orderWhere(ctx, prog, q)
	if err != nil {
		return err
	}
	col, dir := "o.time", "ASC"
	if q.Sort == "total" {
		col = "o.total"
	} else if q.Sort != "" && q.Sort != "time" {
		return domain.Errorf(domain.EInvalid, "orders sort by time or total, not %q", q.Sort)
	}
	if q.Desc {
		dir = "DESC"
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+orderRowColumns+` FROM `+from+`orders o LEFT JOIN partners p ON p.id = o.partner_id
		WHERE `+strings.Join(where, " AND ")+` ORDER BY `+col+` `+dir+`, o.id `+dir, append(fromArgs, args...)...)
	if err != nil {
		return fmt.Errorf("sqlite: export orders: %w", err)
	}
	loc := prog.Location()
	return writeCSV(rows, w, OrdersCSVHeader, func(rec []string) ([]string, error) {
		r, _, err := scanOrderRow(rows, prog.Base)
		return append(rec, localTime(r.Time, loc), r.Source, r.ID, r.Customer, r.Currency, r.Total, r.Base, r.Refunded,
			r.Status, r.Partner, r.Reason), err
	})
}

// ExportCommissions writes the lines the Commissions screen shows for f (statuses as of its
// day, newest first; not its page) as CSV.
func (s *Store) ExportCommissions(ctx context.Context, f domain.CommissionFilter, w io.Writer) error {
	prog, err := s.FindProgram(ctx, fmt.Sprint(f.ProgramID))
	if err != nil {
		return err
	}
	cond, args, err := s.commissionWhere(ctx, f)
	if err != nil {
		return err
	}
	rows, err := s.db.QueryContext(ctx, commissionSelect+` WHERE `+cond+` ORDER BY l.order_time DESC, l.id DESC`, args...)
	if err != nil {
		return fmt.Errorf("sqlite: export commissions: %w", err)
	}
	loc := prog.Location()
	return writeCSV(rows, w, CommissionsCSVHeader, func(rec []string) ([]string, error) {
		c, err := scanCommission(rows)
		return append(rec, strconv.FormatInt(c.ID, 10), localTime(c.OrderTime, loc), c.Partner, c.Order, c.Source, c.Kind, c.Reason,
			c.Status, c.Currency, c.Base, c.Amount, c.Due, c.Payout, c.Customer, c.Lead, c.Rule, c.SKU, c.Note, c.ApprovedBy,
			c.RejectedBy), err
	})
}

// ExportCustomers writes the customers the Customers screen shows for f as CSV.
func (s *Store) ExportCustomers(ctx context.Context, f domain.CustomerFilter, w io.Writer) error {
	prog, err := s.FindProgram(ctx, fmt.Sprint(f.ProgramID))
	if err != nil {
		return err
	}
	cond, args := customerWhere(f)
	rows, err := s.db.QueryContext(ctx, customerSelect+` WHERE `+cond+` ORDER BY c.email, c.id`, args...)
	if err != nil {
		return fmt.Errorf("sqlite: export customers: %w", err)
	}
	loc := prog.Location()
	return writeCSV(rows, w, CustomersCSVHeader, func(rec []string) ([]string, error) {
		c, err := scanCustomer(rows)
		return append(rec, c.Email, c.Name, c.Partner, c.Reason, localTime(c.LinkedAt, loc), strconv.Itoa(c.Orders),
			localTime(c.First, loc)), err
	})
}

// ExportPartners writes the partners the Partners screen shows for f (its sort, not its
// page) as CSV, coupons separated by semicolons as the import file takes them.
func (s *Store) ExportPartners(ctx context.Context, f domain.PartnerFilter, w io.Writer) error {
	prog, err := s.FindProgram(ctx, fmt.Sprint(f.ProgramID))
	if err != nil {
		return err
	}
	cond, args := partnerWhere(f)
	order := orderBy(partnerSorts, f.Page, "name") + ", p.id"
	rows, err := s.db.QueryContext(ctx, partnerSelect+` WHERE `+cond+` ORDER BY `+order, args...)
	if err != nil {
		return fmt.Errorf("sqlite: export partners: %w", err)
	}
	loc := prog.Location()
	return writeCSV(rows, w, PartnersCSVHeader, func(rec []string) ([]string, error) {
		p, err := scanPartner(rows)
		return append(rec, p.Name, p.Email, p.Key, strings.Join(p.Coupons, ";"), p.Parent, p.Status, p.Address, p.Country, p.VATID,
			p.Language, p.PaypalEmail, p.IBAN, p.CreatedAt.In(loc).Format(ExportTimeLayout)), err
	})
}

// ExportLeads writes the leads the Leads screen shows for f (its sort, not its page) as CSV.
func (s *Store) ExportLeads(ctx context.Context, f domain.LeadFilter, w io.Writer) error {
	prog, err := s.FindProgram(ctx, fmt.Sprint(f.ProgramID))
	if err != nil {
		return err
	}
	cond, args := leadWhere(f)
	rows, err := s.db.QueryContext(ctx, leadSelect+` WHERE `+cond+` ORDER BY `+leadOrder(f.Page)+`, l.id`, args...)
	if err != nil {
		return fmt.Errorf("sqlite: export leads: %w", err)
	}
	loc := prog.Location()
	return writeCSV(rows, w, LeadsCSVHeader, func(rec []string) ([]string, error) {
		l, err := scanLead(rows)
		converted := ""
		if l.ConvertedAt != nil {
			converted = l.ConvertedAt.In(loc).Format(ExportTimeLayout)
		}
		return append(rec, l.Partner, l.Email, l.Name, l.Status, l.Source, l.CreatedAt.In(loc).Format(ExportTimeLayout), converted), err
	})
}

// ExportPayouts writes a program's payouts (of one partner, of one run, when asked), newest
// first as the Payouts screen lists them, as CSV; a credit note's amount is negative.
func (s *Store) ExportPayouts(ctx context.Context, f domain.PayoutFilter, w io.Writer) error {
	if _, err := s.FindProgram(ctx, fmt.Sprint(f.ProgramID)); err != nil {
		return err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT py.number, py.kind, p.key, p.name, py.currency, py.amount, py.lines, py.method, py.run_id, r.as_of
		FROM payouts py JOIN partners p ON p.id = py.partner_id JOIN payout_runs r ON r.id = py.run_id
		WHERE py.program_id = ? AND (? = '' OR p.key = ? COLLATE NOCASE) AND (? = 0 OR py.run_id = ?) ORDER BY py.id DESC`,
		f.ProgramID, f.Partner, f.Partner, f.Run, f.Run)
	if err != nil {
		return fmt.Errorf("sqlite: export payouts: %w", err)
	}
	return writeCSV(rows, w, PayoutsCSVHeader, func(rec []string) ([]string, error) {
		var p domain.PayoutLine
		var amount int64
		err := rows.Scan(&p.Number, &p.Kind, &p.Partner, &p.Name, &p.Currency, &amount, &p.Lines, &p.Method, &p.Run, &p.At)
		return append(rec, p.Number, p.Kind, p.Partner, p.Name, p.Currency, domain.FormatMinor(amount, p.Currency),
			strconv.Itoa(p.Lines), p.Method, strconv.FormatInt(p.Run, 10), p.At), err
	})
}

// writeCSV writes the header, then one record per row as next makes it (appending to the
// slice it is given, reused for every row), and closes rows.
func writeCSV(rows *sql.Rows, w io.Writer, header []string, next func(rec []string) ([]string, error)) error {
	defer rows.Close()
	cw := csvsafe.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	rec := make([]string, 0, len(header))
	for rows.Next() {
		var err error
		if rec, err = next(rec[:0]); err != nil {
			return fmt.Errorf("sqlite: export: %w", err)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: export: %w", err)
	}
	return cw.Flush()
}

// localTime writes a stored UTC time in the zone as an export writes times; "" stays "".
func localTime(s string, loc *time.Location) string {
	if s == "" {
		return ""
	}
	return parseTime(s).In(loc).Format(ExportTimeLayout)
}
