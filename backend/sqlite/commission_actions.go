package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"partnerbook/backend/commission"
	"partnerbook/backend/domain"
)

// ApproveLines approves pending lines before their hold ends; their second tiers follow. Lines
// that are not pending are left as they are.
func (s *Store) ApproveLines(ctx context.Context, programID int64, ids []int64) (domain.LineAction, error) {
	return s.decide(ctx, programID, ids, "approve", "")
}

// RejectLines rejects unpaid lines with a person's reason; their second tiers follow.
func (s *Store) RejectLines(ctx context.Context, programID int64, ids []int64, reason string) (domain.LineAction, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return domain.LineAction{}, domain.Invalid("the lines were not rejected", []domain.Problem{{Column: "reason", Message: "say why they are rejected"}})
	}
	return s.decide(ctx, programID, ids, "reject", reason)
}

func (s *Store) decide(ctx context.Context, programID int64, ids []int64, action, reason string) (domain.LineAction, error) {
	var res domain.LineAction
	if len(ids) == 0 {
		return res, domain.Invalid("no lines were changed", []domain.Problem{{Column: "lines", Message: "choose at least one line"}})
	}
	err := s.write(ctx, func(tx *Tx) error {
		actor := domain.Actor(ctx)
		if actor == "" {
			actor = "someone"
		}
		for _, id := range ids {
			var key, status string
			var order int64
			err := tx.QueryRowContext(ctx, `SELECT line_key, status, COALESCE(order_id, 0) FROM commission_lines WHERE id = ? AND program_id = ?`,
				id, programID).Scan(&key, &status, &order)
			if errors.Is(err, sql.ErrNoRows) {
				return domain.Errorf(domain.ENotFound, "there is no commission line %d in this program", id)
			}
			if err != nil {
				return fmt.Errorf("sqlite: commission line %d: %w", id, err)
			}
			var q string
			var args []any
			switch {
			case action == "approve" && status == "pending":
				q, args = `UPDATE commission_lines SET status = 'approved', approved_by = ?, updated_at = ? WHERE status = 'pending' AND `, []any{actor, tx.now}
			case action == "reject" && (status == "pending" || status == "approved"):
				q, args = `UPDATE commission_lines SET status = 'rejected', rejected_by = ?, note = ?, updated_at = ?
					WHERE status IN ('pending','approved') AND payout_id IS NULL AND `, []any{actor, reason, tx.now}
			default:
				continue
			}
			// The line, and the second tiers that follow it.
			these := []any{id, order, escapeLike(commission.SecondTierPrefix(key)) + "%"}
			var r sql.Result
			err = tx.keepLineSums(func() (err error) {
				r, err = tx.ExecContext(ctx, q+`(id = ? OR (order_id = ? AND kind = 'second_tier' AND line_key LIKE ? ESCAPE '\'))`,
					append(args, these...)...)
				return err
			}, `l.id = ? OR (l.order_id = ? AND l.kind = 'second_tier' AND l.line_key LIKE ? ESCAPE '\')`, these...)
			if err != nil {
				return fmt.Errorf("sqlite: %s line %d: %w", action, id, err)
			}
			n, _ := r.RowsAffected()
			res.Changed += int(n)
			if err := tx.audit("commission."+action, "commission_line", id, programID, map[string]string{"reason": reason}); err != nil {
				return err
			}
		}
		return nil
	})
	return res, err
}

// AddAdjustment adds a person's line to a partner's balance: approved at once, with their comment.
func (s *Store) AddAdjustment(ctx context.Context, programID int64, a domain.Adjustment) (domain.CommissionLine, error) {
	var out domain.CommissionLine
	err := s.write(ctx, func(tx *Tx) error {
		prog, err := tx.findProgram(fmt.Sprint(programID))
		if err != nil {
			return err
		}
		var ps domain.Problems
		p, err := findPartner(ctx, tx, programID, a.Partner)
		if err != nil {
			ps.Add("partner", "there is no partner %q in this program", a.Partner)
		}
		cur := prog.Currency
		if strings.TrimSpace(a.Currency) != "" {
			var ok bool
			if cur, ok = domain.NormalizeCurrency(a.Currency); !ok {
				ps.Add("currency", "%q is not an ISO 4217 code such as EUR", a.Currency)
			}
		}
		amount, aerr := domain.ParseAmount(a.Amount)
		var minorAmount int64
		if aerr != nil || amount.IsZero() {
			ps.Add("amount", "%q is not an amount other than zero, such as 12.50 or -3.10", a.Amount)
		} else if minorAmount, aerr = domain.ToMinor(amount, cur); aerr != nil {
			ps.Add("amount", "%s", aerr.Error())
		}
		comment := strings.TrimSpace(a.Comment)
		if comment == "" {
			ps.Add("comment", "say what the adjustment is for; the partner's statement shows it")
		}
		if err := ps.Err("the adjustment was not added"); err != nil {
			return err
		}
		r, err := tx.ExecContext(ctx, `INSERT INTO commission_lines (program_id, partner_id, kind, reason, rule, status, base, amount,
			currency, order_time, note, approved_by, line_key, created_at, updated_at)
			VALUES (?, ?, 'adjustment', '', 'manual adjustment', 'approved', 0, ?, ?, ?, ?, ?, '', ?, ?)`,
			programID, p.ID, minorAmount, cur, tx.now, comment, domain.Actor(ctx), tx.now, tx.now)
		if err != nil {
			return fmt.Errorf("sqlite: adjustment: %w", err)
		}
		id, _ := r.LastInsertId()
		if _, err := tx.ExecContext(ctx, `UPDATE commission_lines SET line_key = ? || id WHERE id = ?`, commission.ManualPrefix, id); err != nil {
			return fmt.Errorf("sqlite: adjustment: %w", err)
		}
		if err := tx.linesSums(true, `l.id = ?`, id); err != nil {
			return err
		}
		out, err = scanCommission(tx.QueryRowContext(ctx, commissionSelect+` WHERE l.id = ?`, "", id))
		if err != nil {
			return fmt.Errorf("sqlite: adjustment: %w", err)
		}
		return tx.audit("commission.adjust", "commission_line", id, programID, a)
	})
	return out, err
}
