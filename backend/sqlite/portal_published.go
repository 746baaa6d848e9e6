package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"partnerbook/backend/domain"
)

// Published is the partner portal's data on a headless server: what the desktop published at
// its last pull (ApplyPortalSnapshot), read by the partner's (the desktop's) id, with the time
// it was read. Sign-in codes are kept as in the app; sessions in a table of their own. Leads
// and change requests made here are stored as events that the desktop fetches and applies at
// its next pull; until a snapshot includes them they are shown as submitted.
type Published struct{ s *Store }

// Published is the portal's view of this server folder's published snapshot.
func (s *Store) Published() *Published { return &Published{s: s} }

func (p *Published) accounts(ctx context.Context, where string, args ...any) ([]domain.PortalAccount, error) {
	rows, err := p.s.db.QueryContext(ctx, `SELECT pp.account FROM portal_pub_partners pp `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: published accounts: %w", err)
	}
	defer rows.Close()
	out := []domain.PortalAccount{}
	for rows.Next() {
		var js string
		var a domain.PortalAccount
		if err := rows.Scan(&js); err != nil {
			return nil, fmt.Errorf("sqlite: published accounts: %w", err)
		}
		if err := json.Unmarshal([]byte(js), &a); err != nil {
			return nil, fmt.Errorf("sqlite: published account: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// PortalAccounts are the published partners with this address.
func (p *Published) PortalAccounts(ctx context.Context, email string) ([]domain.PortalAccount, error) {
	return p.accounts(ctx, `WHERE pp.email = ? ORDER BY pp.partner_id`, domain.NormalizeEmail(email))
}

// PortalNewCode stores a sign-in code, as in the app.
func (p *Published) PortalNewCode(ctx context.Context, c domain.PortalCode, now time.Time) (int64, error) {
	return p.s.PortalNewCode(ctx, c, now)
}

// PortalCheckCode checks a code, as in the app.
func (p *Published) PortalCheckCode(ctx context.Context, email, codeHash string, maxTries int, now time.Time) (bool, error) {
	return p.s.PortalCheckCode(ctx, email, codeHash, maxTries, now)
}

// PortalUseLink uses up a sign-in link, as in the app.
func (p *Published) PortalUseLink(ctx context.Context, linkHash string, maxTries int, now time.Time) (string, bool, error) {
	return p.s.PortalUseLink(ctx, linkHash, maxTries, now)
}

// PortalStartSession stores a session of a published partner.
func (p *Published) PortalStartSession(ctx context.Context, partnerID int64, hash string, now, expires time.Time) error {
	res, err := p.s.db.ExecContext(ctx, `INSERT INTO portal_pub_sessions (hash, partner_id, program_id, created_at, expires_at)
		SELECT ?, partner_id, program_id, ?, ? FROM portal_pub_partners WHERE partner_id = ?`, hash, stamp(now), stamp(expires), partnerID)
	if err != nil {
		return fmt.Errorf("sqlite: published session: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.Errorf(domain.ENotFound, "there is no published partner %d", partnerID)
	}
	return nil
}

// PortalSession finds the published partner of a live session.
func (p *Published) PortalSession(ctx context.Context, hash string, now time.Time) (domain.PortalAccount, bool, error) {
	as, err := p.accounts(ctx, `JOIN portal_pub_sessions ps ON ps.partner_id = pp.partner_id
		WHERE ps.hash = ? AND ps.ended_at IS NULL AND ps.expires_at > ?`, hash, stamp(now))
	if err != nil || len(as) == 0 {
		return domain.PortalAccount{}, false, err
	}
	return as[0], true, nil
}

// PortalEndSession ends a session (signing out).
func (p *Published) PortalEndSession(ctx context.Context, hash string, now time.Time) error {
	if _, err := p.s.db.ExecContext(ctx, `UPDATE portal_pub_sessions SET ended_at = ? WHERE hash = ? AND ended_at IS NULL`,
		stamp(now), hash); err != nil {
		return fmt.Errorf("sqlite: published sign-out: %w", err)
	}
	return nil
}

// PortalAsOf is when the desktop read what a partner sees (partnerID 0: the newest snapshot).
func (p *Published) PortalAsOf(ctx context.Context, partnerID int64) (time.Time, error) {
	var at sql.NullString
	err := p.s.db.QueryRowContext(ctx, `SELECT max(g.published_at) FROM portal_pub_programs g
		WHERE ? = 0 OR g.program_id = (SELECT program_id FROM portal_pub_partners WHERE partner_id = ?)`, partnerID, partnerID).Scan(&at)
	if err != nil {
		return time.Time{}, fmt.Errorf("sqlite: published as of: %w", err)
	}
	if !at.Valid {
		return time.Time{}, nil
	}
	return parseTime(at.String), nil
}

// column reads one JSON column of a published partner into v; another partner's is not found.
func (p *Published) column(ctx context.Context, partnerID int64, column string, v any) error {
	var js string
	err := p.s.db.QueryRowContext(ctx, `SELECT `+column+` FROM portal_pub_partners WHERE partner_id = ?`, partnerID).Scan(&js)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.Errorf(domain.ENotFound, "there is no partner %d", partnerID)
	}
	if err != nil {
		return fmt.Errorf("sqlite: published %s: %w", column, err)
	}
	if err := json.Unmarshal([]byte(js), v); err != nil {
		return fmt.Errorf("sqlite: published %s: %w", column, err)
	}
	return nil
}

// PortalSummary is the partner's published overview.
func (p *Published) PortalSummary(ctx context.Context, partnerID int64) (domain.PortalSummary, error) {
	var sum domain.PortalSummary
	return sum, p.column(ctx, partnerID, "summary", &sum)
}

// PortalLines is a page of the partner's published lines, newest first, and how many were published.
func (p *Published) PortalLines(ctx context.Context, partnerID int64, offset, limit int) ([]domain.PortalLine, int, error) {
	var total int
	err := p.s.db.QueryRowContext(ctx, `SELECT lines_total FROM portal_pub_partners WHERE partner_id = ?`, partnerID).Scan(&total)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, 0, domain.Errorf(domain.ENotFound, "there is no partner %d", partnerID)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: published lines: %w", err)
	}
	rows, err := p.s.db.QueryContext(ctx, `SELECT line FROM portal_pub_lines WHERE partner_id = ? AND seq >= ? ORDER BY seq LIMIT ?`,
		partnerID, offset, limit)
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: published lines: %w", err)
	}
	defer rows.Close()
	out := []domain.PortalLine{}
	for rows.Next() {
		var js string
		var l domain.PortalLine
		if err := rows.Scan(&js); err != nil {
			return nil, 0, fmt.Errorf("sqlite: published lines: %w", err)
		}
		if err := json.Unmarshal([]byte(js), &l); err != nil {
			return nil, 0, fmt.Errorf("sqlite: published line: %w", err)
		}
		out = append(out, l)
	}
	return out, total, rows.Err()
}

// PortalLine is one of the partner's published lines; another partner's is not found.
func (p *Published) PortalLine(ctx context.Context, partnerID, lineID int64) (domain.PortalLine, error) {
	var js string
	var l domain.PortalLine
	err := p.s.db.QueryRowContext(ctx, `SELECT line FROM portal_pub_lines WHERE partner_id = ? AND line_id = ?`, partnerID, lineID).Scan(&js)
	if errors.Is(err, sql.ErrNoRows) {
		return l, domain.Errorf(domain.ENotFound, "there is no such line")
	}
	if err != nil {
		return l, fmt.Errorf("sqlite: published line: %w", err)
	}
	return l, json.Unmarshal([]byte(js), &l)
}

// PortalPayouts are the partner's published payouts, newest first.
func (p *Published) PortalPayouts(ctx context.Context, partnerID int64) ([]domain.PortalPayout, error) {
	if err := p.column(ctx, partnerID, "1", new(int)); err != nil {
		return nil, err
	}
	rows, err := p.s.db.QueryContext(ctx, `SELECT payout FROM portal_pub_payouts WHERE partner_id = ? ORDER BY seq`, partnerID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: published payouts: %w", err)
	}
	defer rows.Close()
	out := []domain.PortalPayout{}
	for rows.Next() {
		var js string
		var py domain.PortalPayout
		if err := rows.Scan(&js); err != nil {
			return nil, fmt.Errorf("sqlite: published payouts: %w", err)
		}
		if err := json.Unmarshal([]byte(js), &py); err != nil {
			return nil, fmt.Errorf("sqlite: published payout: %w", err)
		}
		out = append(out, py)
	}
	return out, rows.Err()
}

// PortalStatement is the published PDF of one of the partner's payouts: the bytes the shop
// filed. Another partner's payout is not found.
func (p *Published) PortalStatement(ctx context.Context, partnerID int64, number string) ([]byte, error) {
	var pdf []byte
	err := p.s.db.QueryRowContext(ctx, `SELECT pdf FROM portal_pub_payouts WHERE partner_id = ? AND number = ? AND pdf IS NOT NULL`,
		partnerID, number).Scan(&pdf)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.Errorf(domain.ENotFound, "there is no such payout")
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: published statement: %w", err)
	}
	return pdf, nil
}
