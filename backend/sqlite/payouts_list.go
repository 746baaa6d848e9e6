package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"partnerbook/backend/domain"
	"partnerbook/backend/payout"
)

// payoutFigures selects a stored payout's figures, py being the payout: its amount (the net
// after netting), its VAT and rate, and the net and VAT of the credit notes it nets. Every
// list of payouts (the shop's, the partner portal's) reads them so, into storedFigures.
const payoutFigures = `py.amount, py.vat, py.vat_rate,
	COALESCE((SELECT sum(c.amount) FROM payouts c WHERE c.netted_by = py.id), 0),
	COALESCE((SELECT sum(c.vat) FROM payouts c WHERE c.netted_by = py.id), 0)`

// storedFigures are the columns of payoutFigures.
type storedFigures struct {
	amount, vat, nettedNet, nettedVAT int64
	rate                              string
}

// into is where rows.Scan puts the columns of payoutFigures.
func (f *storedFigures) into() []any {
	return []any{&f.amount, &f.vat, &f.rate, &f.nettedNet, &f.nettedVAT}
}

// payout is the payout's VAT as its run made it: its own net (without the credit notes it
// nets), its VAT and gross, and the netted credit notes' net and VAT.
func (f storedFigures) payout() (payout.Payout, error) {
	r, err := decimal.NewFromString(f.rate)
	if err != nil {
		return payout.Payout{}, fmt.Errorf("sqlite: VAT rate %q: %w", f.rate, err)
	}
	own := f.amount - f.nettedNet
	return payout.Payout{Amounts: payout.Amounts{Net: own, VAT: f.vat, Gross: own + f.vat, Rate: r},
		NettedNet: f.nettedNet, NettedVAT: f.nettedVAT}, nil
}

// shownFigures are a payout's figures as every list shows them: its net (with the credit
// notes it nets), its VAT (with theirs) and what was paid.
func shownFigures(v payout.Payout, currency string) (net, vat, paid string) {
	return domain.FormatMinor(v.Net+v.NettedNet, currency), domain.FormatMinor(v.VAT+v.NettedVAT, currency),
		domain.FormatMinor(v.Paid(), currency)
}

// ListPayouts lists a program's payouts, newest first.
func (s *Store) ListPayouts(ctx context.Context, programID int64) ([]domain.PayoutLine, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT py.number, p.key, p.name, py.currency, py.lines, py.method, py.kind, py.run_id, r.as_of,
		py.vat_treatment, `+payoutFigures+`
		FROM payouts py JOIN partners p ON p.id = py.partner_id JOIN payout_runs r ON r.id = py.run_id
		WHERE py.program_id = ? ORDER BY py.id DESC`, programID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: payouts: %w", err)
	}
	defer rows.Close()
	out := []domain.PayoutLine{}
	for rows.Next() {
		var p domain.PayoutLine
		var f storedFigures
		if err := rows.Scan(append([]any{&p.Number, &p.Partner, &p.Name, &p.Currency, &p.Lines, &p.Method, &p.Kind, &p.Run, &p.At,
			&p.VATTreatment}, f.into()...)...); err != nil {
			return nil, fmt.Errorf("sqlite: payouts: %w", err)
		}
		v, err := f.payout()
		if err != nil {
			return nil, fmt.Errorf("payout %s: %w", p.Number, err)
		}
		out = append(out, payoutLine(p, v))
	}
	return out, rows.Err()
}

// ListPayoutRuns lists a program's runs, newest first, each with its payouts and carried balances.
func (s *Store) ListPayoutRuns(ctx context.Context, programID int64) ([]domain.PayoutRun, error) {
	payouts, err := s.ListPayouts(ctx, programID)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, as_of, actor, created_at FROM payout_runs WHERE program_id = ? ORDER BY id DESC`, programID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: payout runs: %w", err)
	}
	var out []domain.PayoutRun
	at := map[int64]int{}
	for rows.Next() {
		r := domain.PayoutRun{Payouts: []domain.PayoutLine{}, Carried: []domain.CarriedLine{}, Warnings: []string{}}
		if err := rows.Scan(&r.Run, &r.AsOf, &r.Actor, &r.At); err != nil {
			rows.Close()
			return nil, fmt.Errorf("sqlite: payout runs: %w", err)
		}
		at[r.Run] = len(out)
		out = append(out, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: payout runs: %w", err)
	}
	for _, p := range payouts {
		out[at[p.Run]].Payouts = append(out[at[p.Run]].Payouts, p)
	}
	rows, err = s.db.QueryContext(ctx, `SELECT c.run_id, p.key, p.name, c.currency, c.amount, c.reason FROM carried_balances c
		JOIN partners p ON p.id = c.partner_id JOIN payout_runs r ON r.id = c.run_id WHERE r.program_id = ? ORDER BY c.id`, programID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: carried balances: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var run, amount int64
		var key, name, currency, reason string
		if err := rows.Scan(&run, &key, &name, &currency, &amount, &reason); err != nil {
			return nil, fmt.Errorf("sqlite: carried balances: %w", err)
		}
		out[at[run]].Carried = append(out[at[run]].Carried, carried(key, name, currency, amount, reason))
	}
	return out, rows.Err()
}

// carried is a carried balance as a run shows it, its reason also as a code.
func carried(key, name, currency string, amount int64, reason string) domain.CarriedLine {
	code, threshold := payout.ReadReason(reason)
	return domain.CarriedLine{Partner: key, Name: name, Currency: currency, Amount: domain.FormatMinor(amount, currency),
		Reason: reason, Code: code, Threshold: threshold}
}

// ImportRates stores exchange rates (a day's rate replaces the one stored for that day).
func (s *Store) ImportRates(ctx context.Context, file string, rows []domain.RateRow) (int, error) {
	n := 0
	err := s.write(ctx, func(tx *Tx) error {
		st, err := tx.PrepareContext(ctx, `INSERT INTO exchange_rates (day, currency, rate) VALUES (?, ?, ?)
			ON CONFLICT (day, currency) DO UPDATE SET rate = excluded.rate`)
		if err != nil {
			return fmt.Errorf("sqlite: rates: %w", err)
		}
		defer st.Close()
		for _, r := range rows {
			for cur, rate := range r.Rates {
				if _, err := st.ExecContext(ctx, r.Day, strings.ToUpper(cur), rate.String()); err != nil {
					return fmt.Errorf("sqlite: rates: %w", err)
				}
				n++
			}
		}
		return tx.audit("import.rates", "exchange_rates", 0, 0, map[string]any{"file": file, "rates": n})
	})
	return n, err
}
