package sqlite

import (
	"context"
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"partnerbook/backend/domain"
	"partnerbook/backend/payout"
)

// RunPayouts makes (or, dry, previews) a payout run as of a day: the rules of package payout
// decide each partner's balance; each payout takes the next number of the issuer's gap-free
// series (the sample program's, its own: payout.IssueOf), and everything its statement prints
// is frozen with it. One transaction; a dry run does all of it and rolls it back.
func (s *Store) RunPayouts(ctx context.Context, programID int64, asOf string, dryRun bool) (domain.PayoutRun, error) {
	return s.runPayouts(ctx, programID, asOf, dryRun, "")
}

// ConfirmPayouts makes the run a preview showed: refused with a conflict, writing nothing, when
// the run's fingerprint is no longer the preview's (an import, an approval, another run).
func (s *Store) ConfirmPayouts(ctx context.Context, programID int64, asOf, fingerprint string) (domain.PayoutRun, error) {
	if fingerprint == "" {
		return domain.PayoutRun{}, domain.Errorf(domain.EInvalid, "confirm names the fingerprint of the previewed run")
	}
	return s.runPayouts(ctx, programID, asOf, false, fingerprint)
}

func (s *Store) runPayouts(ctx context.Context, programID int64, asOf string, dryRun bool, expect string) (domain.PayoutRun, error) {
	run := domain.PayoutRun{DryRun: dryRun, Payouts: []domain.PayoutLine{}, Carried: []domain.CarriedLine{}, Warnings: []string{}}
	err := s.write(ctx, func(tx *Tx) error {
		prog, err := tx.findProgram(fmt.Sprint(programID))
		if err != nil {
			return err
		}
		run.AsOf = s.AsOfDay(prog, asOf)
		if err := payout.CheckDay(run.AsOf, s.AsOfDay(prog, ""), dryRun); err != nil {
			return err
		}
		threshold, err := domain.ParseAmount(prog.PayoutThreshold)
		if err != nil {
			return fmt.Errorf("sqlite: threshold of program %d: %w", programID, err)
		}
		balances, err := tx.payable(programID, run.AsOf)
		if err != nil {
			return err
		}
		rates, err := tx.rates(run.AsOf)
		if err != nil {
			return err
		}
		rules := payout.Rules{Currency: prog.Currency, Threshold: threshold, AsOf: run.AsOf, Rates: rates}
		bs := make([]payout.Balance, len(balances))
		for i, b := range balances {
			bs[i] = b.Balance
		}
		decisions := payout.Plan(bs, rules)
		rec, err := tx.runRecord(prog.Sample)
		if err != nil {
			return err
		}
		if issues, needVAT, needRate := needs(balances, decisions); issues {
			if err := payout.CheckIssuer(rec.issuer(), needVAT, needRate, dryRun); err != nil {
				return err
			}
			run.Missing = rec.issuer().Missing(needVAT, needRate)
		}
		if err := tx.issue(&run, prog, rec, balances, decisions); err != nil {
			return err
		}
		if expect != "" && expect != run.Fingerprint {
			return payout.ErrChanged()
		}
		if err := tx.audit("payout.run", "payout_run", run.Run, programID, run); err != nil {
			return err
		}
		if dryRun {
			return errDryRun
		}
		return tx.freezeRun(run.Run, prog)
	})
	if errors.Is(err, errDryRun) {
		return run, nil
	}
	return run, err
}

// needs says whether a run issues anything (then it needs an issuer), whether a payout goes
// to a partner with a VAT id (its invoice shows both parties' VAT ids), and whether one goes to
// a domestic partner (its invoice charges VAT at the company's rate).
func needs(bs []payable, ds []payout.Decision) (issues, vatID, rate bool) {
	for i, d := range ds {
		if d.Kind != payout.Carry {
			issues = true
			vatID = vatID || bs[i].vatID != ""
			rate = rate || bs[i].treatment == payout.Domestic
		}
	}
	return issues, vatID, rate
}

// issue writes the run: the run's row with its frozen issuer, then each decision (a payout, a
// credit note, or a carried balance); it fills run and its fingerprint.
func (tx *Tx) issue(run *domain.PayoutRun, prog domain.Program, rec runRecord, bs []payable, ds []payout.Decision) error {
	r, err := tx.ExecContext(tx.ctx, `INSERT INTO payout_runs (program_id, as_of, actor, created_at, record) VALUES (?, ?, ?, ?, ?)`,
		prog.ID, run.AsOf, domain.Actor(tx.ctx), tx.now, rec.json())
	if err != nil {
		return fmt.Errorf("sqlite: payout run: %w", err)
	}
	if run.Run, err = r.LastInsertId(); err != nil {
		return fmt.Errorf("sqlite: payout run: %w", err)
	}
	numbers, digests := make([]string, len(ds)), make([]string, len(ds))
	for i, d := range ds {
		digests[i] = bs[i].digest
		if d.Warning != "" {
			run.Warnings = append(run.Warnings, d.Warning)
		}
		if d.Kind == payout.Carry {
			run.Carried = append(run.Carried, carried(d.Key, bs[i].name, d.Currency, d.Amount, d.Reason))
			if _, err := tx.ExecContext(tx.ctx, `INSERT INTO carried_balances (run_id, partner_id, currency, amount, reason) VALUES (?,?,?,?,?)`,
				run.Run, d.Partner, d.Currency, d.Amount, d.Reason); err != nil {
				return fmt.Errorf("sqlite: carry %s: %w", d.Key, err)
			}
			continue
		}
		if numbers[i], err = tx.pay(run, prog.ID, rec, bs[i], d); err != nil {
			return fmt.Errorf("sqlite: payout of %s: %w", d.Key, err)
		}
	}
	run.Fingerprint = payout.Fingerprint(run.AsOf+"\n"+rec.json(), ds, numbers, digests)
	return nil
}

// nextNumber takes the next number of a series of a year: the shop's (the company of the
// settings, whatever its name is or becomes) or the sample's.
func (tx *Tx) nextNumber(series payout.Series, asOf string) (string, error) {
	year, err := payout.Year(asOf)
	if err != nil {
		return "", err
	}
	var next int
	err = tx.QueryRowContext(tx.ctx, `INSERT INTO number_series (issuer, year, next) VALUES (?, ?, 2)
		ON CONFLICT (issuer, year) DO UPDATE SET next = next + 1 RETURNING next - 1`, series.Key, year).Scan(&next)
	if err != nil {
		return "", fmt.Errorf("number series: %w", err)
	}
	return series.Number(year, next), nil
}

// pay makes one payout (or credit note): the next number, and its lines paid. A payout nets
// the partner's open credit notes in its currency; a credit note records the latest invoice it
// corrects.
func (tx *Tx) pay(run *domain.PayoutRun, programID int64, rec runRecord, b payable, d payout.Decision) (string, error) {
	number, err := tx.nextNumber(payout.SeriesOf(rec.Series), run.AsOf)
	if err != nil {
		return "", err
	}
	v, err := tx.charge(rec, b, d)
	if err != nil {
		return "", err
	}
	r, err := tx.ExecContext(tx.ctx, `INSERT INTO payouts (run_id, program_id, partner_id, number, currency, amount, lines, method, kind,
		vat_treatment, vat_rate, vat, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`, run.Run, programID, d.Partner, number, d.Currency,
		d.Amount, d.Lines, b.method, d.Kind, b.treatment, v.Rate.String(), v.VAT, tx.now)
	if err != nil {
		return "", err
	}
	id, err := r.LastInsertId()
	if err != nil {
		return "", err
	}
	if d.Nets {
		if _, err := tx.ExecContext(tx.ctx, `UPDATE payouts SET netted_by = ? WHERE partner_id = ? AND currency = ? AND kind = 'credit_note'
			AND netted_by IS NULL AND id <> ?`, id, d.Partner, d.Currency, id); err != nil {
			return "", err
		}
	}
	if d.Kind == payout.CreditNote {
		if _, err := tx.ExecContext(tx.ctx, `UPDATE payouts SET corrects = (SELECT id FROM payouts WHERE partner_id = ? AND currency = ?
			AND kind = 'invoice' AND id <> ? ORDER BY id DESC LIMIT 1) WHERE id = ?`, d.Partner, d.Currency, id, id); err != nil {
			return "", err
		}
	}
	paid := `l.program_id = ? AND l.partner_id = ? AND l.currency = ? AND l.payout_id IS NULL AND ` + statusAsOf + ` = 'approved'`
	if err := tx.linesSums(false, paid, programID, d.Partner, d.Currency, run.AsOf); err != nil {
		return "", err
	}
	res, err := tx.ExecContext(tx.ctx, `UPDATE commission_lines AS l SET status = 'paid', payout_id = ?, updated_at = ? WHERE `+paid,
		id, tx.now, programID, d.Partner, d.Currency, run.AsOf)
	if err != nil {
		return "", err
	}
	if err := tx.linesSums(true, `l.payout_id = ?`, id); err != nil {
		return "", err
	}
	if n, err := res.RowsAffected(); err != nil || int(n) != d.Lines {
		return "", fmt.Errorf("paid %d lines, expected %d (%v)", n, d.Lines, err)
	}
	run.Payouts = append(run.Payouts, payoutLine(domain.PayoutLine{Number: number, Partner: d.Key, Name: b.name, Currency: d.Currency,
		Lines: d.Lines, Method: b.method, Kind: d.Kind, VATTreatment: b.treatment}, v))
	return number, nil
}

// charge is the VAT of a payout the run makes: its treatment is the partner's, its rate the
// run's; a payout that nets credit notes pays them back at their gross.
func (tx *Tx) charge(rec runRecord, b payable, d payout.Decision) (payout.Payout, error) {
	rate := decimal.Zero
	if b.treatment == payout.Domestic && rec.VATRate != "" {
		r, err := decimal.NewFromString(rec.VATRate)
		if err != nil {
			return payout.Payout{}, domain.Errorf(domain.EInvalid, "company.vat_rate %q is not a number", rec.VATRate)
		}
		rate = r
	}
	var nettedNet, nettedVAT int64
	if d.Nets {
		if err := tx.QueryRowContext(tx.ctx, `SELECT COALESCE(sum(amount), 0), COALESCE(sum(vat), 0) FROM payouts WHERE partner_id = ?
			AND currency = ? AND kind = 'credit_note' AND netted_by IS NULL`, d.Partner, d.Currency).Scan(&nettedNet, &nettedVAT); err != nil {
			return payout.Payout{}, fmt.Errorf("netted credit notes: %w", err)
		}
	}
	return payout.Charge(d.Amount, nettedNet, nettedVAT, d.Currency, b.treatment, rate), nil
}

// payoutLine fills a payout's amounts: net (as the run decided it, credit notes netted
// included), the VAT rate, the VAT with that of the netted credit notes, and the amount paid.
func payoutLine(p domain.PayoutLine, v payout.Payout) domain.PayoutLine {
	p.Net, p.VAT, p.Amount = shownFigures(v, p.Currency)
	p.VATRate = "0"
	if !v.Rate.IsZero() {
		p.VATRate = v.Rate.String()
	}
	return p
}

// payable is a balance with what the store adds: the partner's name, method and VAT id, and a
// digest of the lines (which, their amounts, when they last changed) and of what the statement
// prints of the partner, for the run's fingerprint.
type payable struct {
	payout.Balance
	name, method, vatID, treatment, digest string
}

// payable sums each partner's approved unpaid lines per currency as of the day.
func (tx *Tx) payable(programID int64, asOf string) ([]payable, error) {
	rows, err := tx.QueryContext(tx.ctx, `SELECT p.id, p.key, p.name, p.vat_id, p.vat_treatment, l.currency,
		CASE WHEN p.iban <> '' THEN 'iban' WHEN p.paypal_email <> '' THEN 'paypal' ELSE 'other' END, sum(l.amount), count(*),
		COALESCE((SELECT sum(c.amount) FROM payouts c WHERE c.partner_id = p.id AND c.currency = l.currency
			AND c.kind = 'credit_note' AND c.netted_by IS NULL), 0),
		sum(l.id) || '/' || sum(l.id * l.amount) || '/' || max(l.updated_at) || '/' || p.updated_at || '/' ||
			p.name || char(31) || p.email || char(31) || p.address || char(31) || p.country || char(31) || p.vat_id || char(31) ||
			p.language || char(31) || p.iban || char(31) || p.paypal_email || char(31) || p.vat_treatment
		FROM commission_lines l JOIN partners p ON p.id = l.partner_id
		WHERE l.program_id = ? AND l.payout_id IS NULL AND `+statusAsOf+` = 'approved'
		GROUP BY p.id, l.currency ORDER BY p.key COLLATE NOCASE, l.currency`, programID, asOf)
	if err != nil {
		return nil, fmt.Errorf("sqlite: payable balances: %w", err)
	}
	defer rows.Close()
	var out []payable
	for rows.Next() {
		var b payable
		if err := rows.Scan(&b.Partner, &b.Key, &b.name, &b.vatID, &b.treatment, &b.Currency, &b.method, &b.Amount, &b.Lines, &b.Credit, &b.digest); err != nil {
			return nil, fmt.Errorf("sqlite: payable balances: %w", err)
		}
		out = append(out, b)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: payable balances: %w", err)
	}
	return out, nil
}

// rates reads the rate table as of a day: each currency's latest rate on or before it.
func (tx *Tx) rates(day string) (payout.Rates, error) {
	rows, err := tx.QueryContext(tx.ctx, `SELECT currency, rate FROM exchange_rates e
		WHERE day = (SELECT max(day) FROM exchange_rates WHERE currency = e.currency AND day <= ?)`, day)
	if err != nil {
		return nil, fmt.Errorf("sqlite: exchange rates: %w", err)
	}
	defer rows.Close()
	out := payout.Rates{}
	for rows.Next() {
		var cur, text string
		if err := rows.Scan(&cur, &text); err != nil {
			return nil, fmt.Errorf("sqlite: exchange rates: %w", err)
		}
		d, err := decimal.NewFromString(text)
		if err != nil {
			return nil, fmt.Errorf("sqlite: exchange rate of %s: %q: %w", cur, text, err)
		}
		out[cur] = d
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: exchange rates: %w", err)
	}
	return out, nil
}
