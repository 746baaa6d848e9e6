package sqlite

import (
	"context"
	"crypto/subtle"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"partnerbook/backend/domain"
)

// The partner portal's sign-in (docs/portal.md): one-time codes and sessions. Only hashes of
// codes, links and session tokens are stored; the portal package makes and hashes them.

const portalAccountSelect = `SELECT p.id, p.program_id, g.name, p.key, p.name, p.email, p.language,
	json_extract(g.rules, '$.lead') IS NOT NULL, g.timezone FROM partners p JOIN programs g ON g.id = p.program_id`

func scanPortalAccount(sc interface{ Scan(...any) error }) (domain.PortalAccount, error) {
	var a domain.PortalAccount
	err := sc.Scan(&a.PartnerID, &a.ProgramID, &a.Program, &a.Key, &a.Name, &a.Email, &a.Language, &a.Leads, &a.Timezone)
	return a, err
}

func stamp(t time.Time) string { return t.UTC().Format(TimeLayout) }

// PortalAccounts are the partners who may sign in with an address: active, in a program whose
// portal is on; oldest first.
func (s *Store) PortalAccounts(ctx context.Context, email string) ([]domain.PortalAccount, error) {
	rows, err := s.db.QueryContext(ctx, portalAccountSelect+` WHERE p.email = ? AND p.status = 'active' AND g.portal = 'on'
		ORDER BY p.id`, domain.NormalizeEmail(email))
	if err != nil {
		return nil, fmt.Errorf("sqlite: portal accounts: %w", err)
	}
	defer rows.Close()
	out := []domain.PortalAccount{}
	for rows.Next() {
		a, err := scanPortalAccount(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: portal accounts: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// PortalNewCode stores a sign-in code; the address's earlier codes stop working.
func (s *Store) PortalNewCode(ctx context.Context, c domain.PortalCode, now time.Time) (int64, error) {
	var id int64
	err := s.write(ctx, func(tx *Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE portal_codes SET used_at = ? WHERE email = ? AND used_at IS NULL`,
			stamp(now), c.Email); err != nil {
			return fmt.Errorf("sqlite: portal code: %w", err)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO portal_codes (email, code_hash, link_hash, expires_at, created_at)
			VALUES (?,?,?,?,?)`, c.Email, c.CodeHash, c.LinkHash, stamp(c.Expires), stamp(now))
		if err != nil {
			return fmt.Errorf("sqlite: portal code: %w", err)
		}
		id, err = res.LastInsertId()
		return err
	})
	return id, err
}

// PortalCheckCode checks a code given for an address against its newest live code. A wrong
// code counts a try; the code is dead after maxTries of them. A right one is used up.
func (s *Store) PortalCheckCode(ctx context.Context, email, codeHash string, maxTries int, now time.Time) (bool, error) {
	ok := false
	err := s.write(ctx, func(tx *Tx) error {
		var id int64
		var hash string
		err := tx.QueryRowContext(ctx, `SELECT id, code_hash FROM portal_codes WHERE email = ? AND used_at IS NULL
			AND expires_at > ? AND tries < ? ORDER BY id DESC LIMIT 1`, domain.NormalizeEmail(email), stamp(now), maxTries).Scan(&id, &hash)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("sqlite: portal code: %w", err)
		}
		ok = subtle.ConstantTimeCompare([]byte(hash), []byte(codeHash)) == 1
		q := `UPDATE portal_codes SET tries = tries + 1 WHERE id = ?`
		if ok {
			q = `UPDATE portal_codes SET used_at = '` + stamp(now) + `' WHERE id = ?`
		}
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return fmt.Errorf("sqlite: portal code: %w", err)
		}
		return nil
	})
	return ok && err == nil, err
}

// PortalUseLink uses up a live sign-in link and returns the address it signs in.
func (s *Store) PortalUseLink(ctx context.Context, linkHash string, maxTries int, now time.Time) (string, bool, error) {
	var email string
	err := s.write(ctx, func(tx *Tx) error {
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT id, email FROM portal_codes WHERE link_hash = ? AND used_at IS NULL
			AND expires_at > ? AND tries < ?`, linkHash, stamp(now), maxTries).Scan(&id, &email)
		if errors.Is(err, sql.ErrNoRows) {
			email = ""
			return nil
		}
		if err != nil {
			return fmt.Errorf("sqlite: portal link: %w", err)
		}
		_, err = tx.ExecContext(ctx, `UPDATE portal_codes SET used_at = ? WHERE id = ?`, stamp(now), id)
		return err
	})
	return email, email != "" && err == nil, err
}

// PortalStartSession stores a new session of a partner.
func (s *Store) PortalStartSession(ctx context.Context, partnerID int64, hash string, now, expires time.Time) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO portal_sessions (hash, partner_id, created_at, expires_at) VALUES (?,?,?,?)`,
		hash, partnerID, stamp(now), stamp(expires))
	if err != nil {
		return fmt.Errorf("sqlite: portal session: %w", err)
	}
	return nil
}

// PortalSession finds the partner of a live session: not ended, not expired, the partner still
// active and their program's portal still on.
func (s *Store) PortalSession(ctx context.Context, hash string, now time.Time) (domain.PortalAccount, bool, error) {
	a, err := scanPortalAccount(s.db.QueryRowContext(ctx, portalAccountSelect+` JOIN portal_sessions ps ON ps.partner_id = p.id
		WHERE ps.hash = ? AND ps.ended_at IS NULL AND ps.expires_at > ? AND p.status = 'active' AND g.portal = 'on'`, hash, stamp(now)))
	if errors.Is(err, sql.ErrNoRows) {
		return a, false, nil
	}
	if err != nil {
		return a, false, fmt.Errorf("sqlite: portal session: %w", err)
	}
	return a, true, nil
}

// PortalEndSession ends a session (signing out).
func (s *Store) PortalEndSession(ctx context.Context, hash string, now time.Time) error {
	if _, err := s.db.ExecContext(ctx, `UPDATE portal_sessions SET ended_at = ? WHERE hash = ? AND ended_at IS NULL`,
		stamp(now), hash); err != nil {
		return fmt.Errorf("sqlite: portal sign-out: %w", err)
	}
	return nil
}

// endPortalSessions ends every session of a partner (they were suspended).
func (tx *Tx) endPortalSessions(partnerID int64) error {
	if _, err := tx.ExecContext(tx.ctx, `UPDATE portal_sessions SET ended_at = ? WHERE partner_id = ? AND ended_at IS NULL`,
		tx.now, partnerID); err != nil {
		return fmt.Errorf("sqlite: end portal sessions: %w", err)
	}
	return nil
}

// PortalAsOf is when what the portal shows was read: in the app, always now (the zero time).
func (s *Store) PortalAsOf(ctx context.Context, partnerID int64) (time.Time, error) {
	return time.Time{}, nil
}

// PortalLastSignIn is when a partner last signed in to the portal ("" never).
func (s *Store) PortalLastSignIn(ctx context.Context, partnerID int64) (string, error) {
	var at sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT max(created_at) FROM portal_sessions WHERE partner_id = ?`, partnerID).Scan(&at)
	if err != nil {
		return "", fmt.Errorf("sqlite: last sign-in: %w", err)
	}
	return at.String, nil
}
