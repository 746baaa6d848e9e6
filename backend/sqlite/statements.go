package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"

	"partnerbook/backend/domain"
	"partnerbook/backend/payfile"
	"partnerbook/backend/statement"
)

// Statement assembles the statement of a payout (by its number) from what is stored: the
// same payout always gives the same statement, so its PDF can be made again byte for byte.
func (s *Store) Statement(ctx context.Context, programID int64, number string) (statement.Statement, error) {
	var st statement.Statement
	var id, partnerID, runID int64
	var kind, created, asOf string
	var iban, paypal string
	err := s.db.QueryRowContext(ctx, `SELECT py.id, py.partner_id, py.run_id, py.kind, py.currency, py.method, r.created_at, r.as_of,
		p.key, p.name, p.email, p.address, p.country, p.vat_id, p.language, p.iban, p.paypal_email
		FROM payouts py JOIN payout_runs r ON r.id = py.run_id JOIN partners p ON p.id = py.partner_id
		WHERE py.program_id = ? AND py.number = ?`, programID, number).Scan(&id, &partnerID, &runID, &kind, &st.Currency,
		&st.Method, &created, &asOf, &st.PartnerKey, &st.Partner.Name, &st.Partner.Email, &st.Partner.Address, &st.Partner.Country,
		&st.Partner.VATID, &st.Lang, &iban, &paypal)
	if errors.Is(err, sql.ErrNoRows) {
		return st, domain.Errorf(domain.ENotFound, "there is no payout %q in this program", number)
	}
	if err != nil {
		return st, fmt.Errorf("sqlite: statement %s: %w", number, err)
	}
	prog, err := s.FindProgram(ctx, fmt.Sprint(programID))
	if err != nil {
		return st, err
	}
	loc := prog.Location()
	st.Number, st.Credit, st.Issued, st.PeriodTo = number, kind == "credit_note", parseTime(created), asOf
	switch st.Method {
	case "iban":
		st.MethodDetail = iban
	case "paypal":
		st.MethodDetail = paypal
	}
	if st.Issuer, st.Logo, err = s.issuerParty(ctx); err != nil {
		return st, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT l.kind, l.rule, l.note, l.base, l.amount, COALESCE(l.order_time, l.created_at),
		COALESCE(o.order_key, ''), COALESCE(o.customer_name, le.name, ''), COALESCE(o.customer_email, le.email, '')
		FROM commission_lines l LEFT JOIN orders o ON o.id = l.order_id LEFT JOIN leads le ON le.id = l.lead_id
		WHERE l.payout_id = ? ORDER BY COALESCE(l.order_time, l.created_at), l.id`, id)
	if err != nil {
		return st, fmt.Errorf("sqlite: statement lines: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var l statement.Line
		var base, amount int64
		var at, name, email string
		if err := rows.Scan(&l.Kind, &l.Rule, &l.Note, &base, &amount, &at, &l.Order, &name, &email); err != nil {
			return st, err
		}
		l.Date = parseTime(at).In(loc).Format("2006-01-02")
		l.Base, l.Amount = domain.FormatMinor(base, st.Currency), domain.FormatMinor(amount, st.Currency)
		l.Customer = statement.Private(name, email)
		if st.PeriodFrom == "" || l.Date < st.PeriodFrom {
			st.PeriodFrom = l.Date
		}
		if l.Kind == "adjustment" {
			st.Adjustments = append(st.Adjustments, l)
		} else {
			st.Lines = append(st.Lines, l)
		}
	}
	if err := rows.Err(); err != nil {
		return st, err
	}
	if st.PeriodFrom == "" || st.PeriodFrom > asOf {
		st.PeriodFrom = asOf
	}
	if st.Credit {
		st.Corrects, err = s.corrected(ctx, id)
		if err != nil {
			return st, err
		}
	}
	netted, err := s.db.QueryContext(ctx, `SELECT number, amount FROM payouts WHERE netted_by = ? ORDER BY id`, id)
	if err != nil {
		return st, err
	}
	defer netted.Close()
	for netted.Next() {
		var n statement.Netted
		var a int64
		if err := netted.Scan(&n.Number, &a); err != nil {
			return st, err
		}
		n.Amount = domain.FormatMinor(a, st.Currency)
		st.Netted = append(st.Netted, n)
	}
	carried, err := s.db.QueryContext(ctx, `SELECT currency, amount, reason FROM carried_balances WHERE run_id = ? AND partner_id = ? ORDER BY currency`, runID, partnerID)
	if err != nil {
		return st, err
	}
	defer carried.Close()
	for carried.Next() {
		var c statement.Carried
		var a int64
		if err := carried.Scan(&c.Currency, &a, &c.Reason); err != nil {
			return st, err
		}
		c.Amount = domain.FormatMinor(a, c.Currency)
		st.Carried = append(st.Carried, c)
	}
	return st, carried.Err()
}

// corrected names the invoices a credit note corrects: those that paid the lines its
// adjustments correct, else the one recorded when it was made.
func (s *Store) corrected(ctx context.Context, id int64) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT p.number FROM commission_lines a
		JOIN commission_lines pl ON pl.line_key = a.line_key AND pl.kind <> 'adjustment' AND pl.payout_id IS NOT NULL AND pl.payout_id <> a.payout_id
		JOIN payouts p ON p.id = pl.payout_id
		WHERE a.payout_id = ? AND a.kind = 'adjustment' AND a.line_key <> ''
		UNION SELECT c.number FROM payouts py JOIN payouts c ON c.id = py.corrects WHERE py.id = ?
		ORDER BY 1`, id, id)
	if err != nil {
		return nil, fmt.Errorf("sqlite: corrected invoices: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// issuerParty is the company of the settings, and its logo's bytes (none where the file
// cannot be read).
func (s *Store) issuerParty(ctx context.Context) (statement.Party, []byte, error) {
	get := func(k string) string { v, _ := s.GetSetting(ctx, k); return v.Value }
	p := statement.Party{Name: get("company.name"), Address: get("company.address"), Country: get("company.country"), VATID: get("company.vat_id")}
	var logo []byte
	if path := get("company.logo"); path != "" {
		logo, _ = os.ReadFile(path)
	}
	return p, logo, nil
}

// RunDocuments is what a payout run gives the books and the bank.
type RunDocuments struct {
	Run      statement.Run
	Numbers  []string          // the payouts' numbers, for their statements
	Payments []payfile.Payment // the invoices (not credit notes), with each partner's method
	Methods  []string          // the method of each payment
	Debtor   payfile.Debtor
}

// RunDocuments reads a run for its summary, bookkeeping export and payment files.
func (s *Store) RunDocuments(ctx context.Context, programID, runID int64) (RunDocuments, error) {
	var d RunDocuments
	var created string
	err := s.db.QueryRowContext(ctx, `SELECT as_of, created_at FROM payout_runs WHERE id = ? AND program_id = ?`, runID, programID).Scan(&d.Run.AsOf, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return d, domain.Errorf(domain.ENotFound, "there is no payout run %d in this program", runID)
	}
	if err != nil {
		return d, fmt.Errorf("sqlite: payout run: %w", err)
	}
	d.Run.ID, d.Run.Created = runID, parseTime(created)
	if d.Run.Issuer, _, err = s.issuerParty(ctx); err != nil {
		return d, err
	}
	get := func(k string) string { v, _ := s.GetSetting(ctx, k); return v.Value }
	d.Run.Lang = get("company.language")
	d.Debtor = payfile.Debtor{Name: d.Run.Issuer.Name, IBAN: get("company.iban"), BIC: get("company.bic")}
	rows, err := s.db.QueryContext(ctx, `SELECT py.number, py.kind, py.currency, py.amount, py.method, p.key, p.name, p.email, p.country,
		p.vat_id, p.iban, p.paypal_email FROM payouts py JOIN partners p ON p.id = py.partner_id WHERE py.run_id = ? ORDER BY py.number`, runID)
	if err != nil {
		return d, fmt.Errorf("sqlite: run payouts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var rp statement.RunPayout
		var kind, email, iban, paypal string
		var amount int64
		if err := rows.Scan(&rp.Number, &kind, &rp.Currency, &amount, &rp.Method, &rp.Key, &rp.Partner, &email, &rp.Country, &rp.VATID,
			&iban, &paypal); err != nil {
			return d, err
		}
		rp.Date, rp.Credit, rp.Net = d.Run.AsOf, kind == "credit_note", domain.FormatMinor(amount, rp.Currency)
		d.Run.Payouts = append(d.Run.Payouts, rp)
		d.Numbers = append(d.Numbers, rp.Number)
		if !rp.Credit {
			d.Payments = append(d.Payments, payfile.Payment{Number: rp.Number, Key: rp.Key, Name: rp.Partner, Email: paypal, IBAN: iban,
				VATID: rp.VATID, Currency: rp.Currency, Amount: rp.Net})
			d.Methods = append(d.Methods, rp.Method)
		}
	}
	if err := rows.Err(); err != nil {
		return d, err
	}
	carried, err := s.db.QueryContext(ctx, `SELECT p.key, c.currency, c.amount, c.reason FROM carried_balances c JOIN partners p ON p.id = c.partner_id
		WHERE c.run_id = ? ORDER BY p.key COLLATE NOCASE, c.currency`, runID)
	if err != nil {
		return d, err
	}
	defer carried.Close()
	for carried.Next() {
		var c statement.RunCarried
		var a int64
		if err := carried.Scan(&c.Key, &c.Currency, &a, &c.Reason); err != nil {
			return d, err
		}
		c.Amount = domain.FormatMinor(a, c.Currency)
		d.Run.Carried = append(d.Run.Carried, c)
	}
	return d, carried.Err()
}

// RunOfPayout is the run a payout (by number) belongs to.
func (s *Store) RunOfPayout(ctx context.Context, programID int64, number string) (int64, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT run_id FROM payouts WHERE program_id = ? AND number = ?`, programID, strings.TrimSpace(number)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, domain.Errorf(domain.ENotFound, "there is no payout %q in this program", number)
	}
	return id, err
}
