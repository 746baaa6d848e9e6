package sqlite

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/shopspring/decimal"

	"partnerbook/backend/domain"
)

// RunPayouts pays each partner's approved, unpaid lines per currency, as of a day, where the
// balance reaches the program's threshold (other currencies converted by the imported rates);
// the rest is carried forward. Each payout takes the next number of the issuer's gap-free
// series. One transaction; a dry run does all of it and rolls it back.
func (s *Store) RunPayouts(ctx context.Context, programID int64, asOf string, dryRun bool) (domain.PayoutRun, error) {
	run := domain.PayoutRun{DryRun: dryRun, Payouts: []domain.PayoutLine{}, Carried: []domain.CarriedLine{}, Warnings: []string{}}
	err := s.write(ctx, func(tx *Tx) error {
		prog, err := tx.findProgram(fmt.Sprint(programID))
		if err != nil {
			return err
		}
		run.AsOf = s.AsOfDay(prog, asOf)
		threshold, _ := domain.ParseAmount(prog.PayoutThreshold)
		r, err := tx.ExecContext(ctx, `INSERT INTO payout_runs (program_id, as_of, actor, created_at) VALUES (?, ?, ?, ?)`,
			programID, run.AsOf, domain.Actor(ctx), tx.now)
		if err != nil {
			return fmt.Errorf("sqlite: payout run: %w", err)
		}
		run.Run, _ = r.LastInsertId()
		balances, err := tx.payable(programID, run.AsOf)
		if err != nil {
			return err
		}
		issuer, err := tx.issuer()
		if err != nil {
			return err
		}
		for _, b := range balances {
			if err := tx.settle(&run, prog, threshold, b, issuer); err != nil {
				return fmt.Errorf("sqlite: payout of %s: %w", b.key, err)
			}
		}
		if err := tx.audit("payout.run", "payout_run", run.Run, programID, run); err != nil {
			return err
		}
		if dryRun {
			return errDryRun
		}
		return nil
	})
	if errors.Is(err, errDryRun) {
		return run, nil
	}
	return run, err
}

type payable struct {
	partner          int64
	key, name        string
	currency, method string
	amount           int64 // the approved unpaid lines
	lines            int
	credit           int64 // open credit notes, netted by the next payout
}

// payable sums each partner's approved unpaid lines per currency as of the day.
func (tx *Tx) payable(programID int64, asOf string) ([]payable, error) {
	rows, err := tx.QueryContext(tx.ctx, `SELECT p.id, p.key, p.name, l.currency,
		CASE WHEN p.iban <> '' THEN 'iban' WHEN p.paypal_email <> '' THEN 'paypal' ELSE 'other' END, sum(l.amount), count(*),
		COALESCE((SELECT sum(c.amount) FROM payouts c WHERE c.partner_id = p.id AND c.currency = l.currency
			AND c.kind = 'credit_note' AND c.netted_by IS NULL), 0)
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
		if err := rows.Scan(&b.partner, &b.key, &b.name, &b.currency, &b.method, &b.amount, &b.lines, &b.credit); err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// settle decides what becomes of one balance: a credit note when the lines add up to less
// than zero, a payout (netting open credit notes) at or above the threshold, else carried.
func (tx *Tx) settle(run *domain.PayoutRun, prog domain.Program, threshold decimal.Decimal, b payable, issuer string) error {
	net := b.amount + b.credit
	carry := func(reason string) error {
		run.Carried = append(run.Carried, domain.CarriedLine{Partner: b.key, Currency: b.currency, Amount: domain.FormatMinor(net, b.currency), Reason: reason})
		_, err := tx.ExecContext(tx.ctx, `INSERT INTO carried_balances (run_id, partner_id, currency, amount, reason) VALUES (?,?,?,?,?)`,
			run.Run, b.partner, b.currency, net, reason)
		return err
	}
	if b.amount < 0 {
		return tx.pay(run, prog.ID, b, issuer, "credit_note")
	}
	inProgram, ok, err := tx.convert(domain.FromMinor(net, b.currency), b.currency, prog.Currency, run.AsOf)
	switch {
	case err != nil:
		return err
	case !ok:
		run.Warnings = append(run.Warnings, fmt.Sprintf("%s: %s %s not paid: no exchange rate from %s to %s on or before %s (import one with `partnerbook import rates`)",
			b.key, domain.FormatMinor(net, b.currency), b.currency, b.currency, prog.Currency, run.AsOf))
		return carry("no exchange rate")
	case net <= 0:
		return carry("not positive")
	case inProgram.LessThan(threshold):
		return carry("below the threshold of " + prog.PayoutThreshold + " " + prog.Currency)
	}
	return tx.pay(run, prog.ID, b, issuer, "invoice")
}

// pay makes one payout (or credit note): the next number, and its lines paid. A payout nets
// the partner's open credit notes in its currency.
func (tx *Tx) pay(run *domain.PayoutRun, programID int64, b payable, issuer, kind string) error {
	year, _ := strconv.Atoi(run.AsOf[:4])
	var next int
	err := tx.QueryRowContext(tx.ctx, `INSERT INTO number_series (issuer, year, next) VALUES (?, ?, 2)
		ON CONFLICT (issuer, year) DO UPDATE SET next = next + 1 RETURNING next - 1`, issuer, year).Scan(&next)
	if err != nil {
		return err
	}
	number := fmt.Sprintf("%d-%04d", year, next)
	amount := b.amount
	if kind == "invoice" {
		amount += b.credit
	}
	r, err := tx.ExecContext(tx.ctx, `INSERT INTO payouts (run_id, program_id, partner_id, number, currency, amount, lines, method, kind, created_at)
		VALUES (?,?,?,?,?,?,?,?,?,?)`, run.Run, programID, b.partner, number, b.currency, amount, b.lines, b.method, kind, tx.now)
	if err != nil {
		return err
	}
	id, _ := r.LastInsertId()
	if kind == "invoice" && b.credit != 0 {
		if _, err := tx.ExecContext(tx.ctx, `UPDATE payouts SET netted_by = ? WHERE partner_id = ? AND currency = ? AND kind = 'credit_note'
			AND netted_by IS NULL AND id <> ?`, id, b.partner, b.currency, id); err != nil {
			return err
		}
	}
	if kind == "credit_note" {
		// It corrects the latest invoice whose lines it adjusts (else the partner's latest).
		if _, err := tx.ExecContext(tx.ctx, `UPDATE payouts SET corrects = (SELECT id FROM payouts WHERE partner_id = ? AND currency = ?
			AND kind = 'invoice' AND id <> ? ORDER BY id DESC LIMIT 1) WHERE id = ?`, b.partner, b.currency, id, id); err != nil {
			return err
		}
	}
	res, err := tx.ExecContext(tx.ctx, `UPDATE commission_lines AS l SET status = 'paid', payout_id = ?, updated_at = ?
		WHERE l.program_id = ? AND l.partner_id = ? AND l.currency = ? AND l.payout_id IS NULL AND `+statusAsOf+` = 'approved'`,
		id, tx.now, programID, b.partner, b.currency, run.AsOf)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); int(n) != b.lines {
		return fmt.Errorf("paid %d lines, expected %d", n, b.lines)
	}
	run.Payouts = append(run.Payouts, domain.PayoutLine{Number: number, Partner: b.key, Name: b.name, Currency: b.currency,
		Amount: domain.FormatMinor(amount, b.currency), Lines: b.lines, Method: b.method, Kind: kind})
	return nil
}

// issuer names the series payouts are numbered in: the company of the settings.
func (tx *Tx) issuer() (string, error) {
	var name string
	err := tx.QueryRowContext(tx.ctx, `SELECT value FROM settings WHERE key = 'company.name'`).Scan(&name)
	if err != nil || name == "" {
		return "default", nil
	}
	return name, nil
}

// convert turns an amount into another currency by the latest rates on or before day (ECB
// reference rates: units of a currency per 1 EUR). ok is false when a rate is missing.
func (tx *Tx) convert(amount decimal.Decimal, from, to, day string) (decimal.Decimal, bool, error) {
	if from == to {
		return amount, true, nil
	}
	rate := func(cur string) (decimal.Decimal, bool, error) {
		if cur == "EUR" {
			return decimal.NewFromInt(1), true, nil
		}
		var s string
		err := tx.QueryRowContext(tx.ctx, `SELECT rate FROM exchange_rates WHERE currency = ? AND day <= ? ORDER BY day DESC LIMIT 1`, cur, day).Scan(&s)
		if err != nil {
			return decimal.Zero, false, nil
		}
		d, err := decimal.NewFromString(s)
		return d, err == nil && d.IsPositive(), nil
	}
	rf, ok1, err := rate(from)
	if err != nil {
		return decimal.Zero, false, err
	}
	rt, ok2, err := rate(to)
	if err != nil || !ok1 || !ok2 {
		return decimal.Zero, false, err
	}
	return amount.Mul(rt).DivRound(rf, 12), true, nil
}
