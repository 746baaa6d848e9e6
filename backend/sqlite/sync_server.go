package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"partnerbook/backend/domain"
)

// ActivePartnerKey returns the key of the program's active partner with this key (any case),
// as stored.
func (s *Store) ActivePartnerKey(ctx context.Context, programID int64, key string) (string, bool, error) {
	var k string
	err := s.db.QueryRowContext(ctx, `SELECT key FROM partners WHERE program_id = ? AND key = ? COLLATE NOCASE AND status = 'active'`,
		programID, key).Scan(&k)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("sqlite: partner key: %w", err)
	}
	return k, true, nil
}

// OriginAllowed says whether some program allows origin for its publishable keys.
func (s *Store) OriginAllowed(ctx context.Context, origin string) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM programs, json_each(programs.allowed_origins) AS o
		WHERE o.value = ?`, origin).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("sqlite: origins: %w", err)
	}
	return n > 0, nil
}

// LinkHash is the hash of a headless server's link secret; "" in a desktop's data folder.
func (s *Store) LinkHash(ctx context.Context) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = 'server.link_hash'`).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("sqlite: link: %w", err)
	}
	return v, nil
}

// MakeServer makes this data folder a headless server's (init --server), linked by the secret
// whose hash is given. It refuses a folder that has programs of its own (a desktop's): a
// server learns its programs from the desktop alone. Made again, it replaces the link.
func (s *Store) MakeServer(ctx context.Context, linkHash string) error {
	return s.write(ctx, func(tx *Tx) error {
		var n, server int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM settings WHERE key = 'server.link_hash'`).Scan(&server); err != nil {
			return fmt.Errorf("sqlite: init server: %w", err)
		}
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM programs`).Scan(&n); err != nil {
			return fmt.Errorf("sqlite: init server: %w", err)
		}
		if n > 0 && server == 0 {
			return domain.Errorf(domain.EConflict, "this data folder has programs of its own: a server's data folder is a new, empty one")
		}
		if err := tx.setSetting("server.link_hash", linkHash); err != nil {
			return err
		}
		return tx.audit("server.init", "setting", 0, 0, map[string]any{"linked": true})
	})
}

// ApplyPush stores what the desktop pushed to its headless server: programs (same ids), the
// partners' keys and statuses, and the API keys' hashes. Partners and keys the desktop no
// longer lists are left as they are, except that keys it no longer lists stop working.
func (s *Store) ApplyPush(ctx context.Context, p domain.SyncPush) (domain.SyncPushResult, error) {
	var res domain.SyncPushResult
	err := s.write(ctx, func(tx *Tx) error {
		if err := tx.linkedServer(); err != nil {
			return err
		}
		for i, pr := range p.Programs {
			if err := checkPushedProgram(i, pr); err != nil {
				return err
			}
			if err := tx.pushProgram(pr, &res); err != nil {
				return err
			}
		}
		return tx.audit("server.push", "setting", 0, 0, res)
	})
	return res, err
}

func (tx *Tx) linkedServer() error {
	var n int
	if err := tx.QueryRowContext(tx.ctx, `SELECT count(*) FROM settings WHERE key = 'server.link_hash'`).Scan(&n); err != nil {
		return fmt.Errorf("sqlite: server link: %w", err)
	}
	if n == 0 {
		return domain.Errorf(domain.EConflict, "this is not a server's data folder (partnerbook init --server)")
	}
	return nil
}

func checkPushedProgram(i int, pr domain.SyncProgram) error {
	col := fmt.Sprintf("programs[%d]", i)
	var ps domain.Problems
	if pr.ID < 1 || pr.Name == "" {
		ps.Add(col, "needs an id and a name")
	}
	domain.OneOf(&ps, col+".attribution", pr.Attribution, domain.Attributions)
	if pr.CookieDays < 1 {
		ps.Add(col+".cookie_days", "must be at least 1")
	}
	for j, k := range pr.Keys {
		if k.ID < 1 || len(k.Hash) != 64 || (k.Kind != domain.KeyPublishable && k.Kind != domain.KeySecret) {
			ps.Add(fmt.Sprintf("%s.keys[%d]", col, j), "needs an id, a kind and a SHA-256 hash")
		}
	}
	return ps.Err("the push is not valid")
}

func (tx *Tx) pushProgram(pr domain.SyncProgram, res *domain.SyncPushResult) error {
	ctx := tx.ctx
	origins, _ := json.Marshal(pr.Origins)
	if pr.Origins == nil {
		origins = []byte("[]")
	}
	cur := pr.Currency
	if cur == "" {
		cur = "EUR"
	}
	// The name is the desktop's; made unique here so that a renamed pair cannot collide.
	_, err := tx.ExecContext(ctx, `INSERT INTO programs (id, name, currency, cookie_days, attribution, allowed_origins, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, currency = excluded.currency,
		cookie_days = excluded.cookie_days, attribution = excluded.attribution, allowed_origins = excluded.allowed_origins,
		updated_at = excluded.updated_at`, pr.ID, fmt.Sprintf("%s #%d", pr.Name, pr.ID), cur, pr.CookieDays, pr.Attribution,
		string(origins), tx.now, tx.now)
	if err != nil {
		return fmt.Errorf("sqlite: push program %d: %w", pr.ID, err)
	}
	res.Programs++
	for _, p := range pr.Partners {
		status := p.Status
		if status != "active" && status != "pending" && status != "suspended" {
			status = "suspended"
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO partners (program_id, name, email, key, status, created_at, updated_at)
			VALUES (?, '', '', ?, ?, ?, ?) ON CONFLICT (program_id, key COLLATE NOCASE) DO UPDATE SET status = excluded.status, key = excluded.key`,
			pr.ID, p.Key, status, tx.now, tx.now); err != nil {
			return fmt.Errorf("sqlite: push partner %s: %w", p.Key, err)
		}
		res.Partners++
	}
	if _, err := tx.ExecContext(ctx, `UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?) WHERE program_id = ?`, tx.now, pr.ID); err != nil {
		return fmt.Errorf("sqlite: push keys: %w", err)
	}
	for _, k := range pr.Keys {
		var revoked any
		if k.Revoked {
			revoked = tx.now
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO api_keys (id, program_id, kind, prefix, hash, plain, test, created_at, revoked_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET revoked_at = excluded.revoked_at`,
			k.ID, pr.ID, k.Kind, k.Prefix, k.Hash, k.Plain, k.Test, tx.now, revoked); err != nil {
			return fmt.Errorf("sqlite: push key %d: %w", k.ID, err)
		}
		res.Keys++
	}
	return nil
}

// SyncPushOf is what this desktop tells its headless server: every program's origins, cookie
// days, attribution, partners' keys and statuses, and its keys' hashes.
func (s *Store) SyncPushOf(ctx context.Context) (domain.SyncPush, error) {
	progs, err := s.ListPrograms(ctx)
	if err != nil {
		return domain.SyncPush{}, err
	}
	out := domain.SyncPush{Programs: []domain.SyncProgram{}}
	for _, p := range progs {
		sp := domain.SyncProgram{ID: p.ID, Name: p.Name, Currency: p.Currency, CookieDays: p.CookieDays,
			Attribution: p.Attribution, Origins: p.Origins, Partners: []domain.SyncPartner{}, Keys: []domain.SyncKey{}}
		if err := s.pushPartners(ctx, &sp); err != nil {
			return out, err
		}
		if err := s.pushKeys(ctx, &sp); err != nil {
			return out, err
		}
		out.Programs = append(out.Programs, sp)
	}
	return out, nil
}

func (s *Store) pushPartners(ctx context.Context, sp *domain.SyncProgram) error {
	rows, err := s.db.QueryContext(ctx, `SELECT key, status FROM partners WHERE program_id = ? ORDER BY id`, sp.ID)
	if err != nil {
		return fmt.Errorf("sqlite: push partners: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p domain.SyncPartner
		if err := rows.Scan(&p.Key, &p.Status); err != nil {
			return fmt.Errorf("sqlite: push partners: %w", err)
		}
		sp.Partners = append(sp.Partners, p)
	}
	return rows.Err()
}

func (s *Store) pushKeys(ctx context.Context, sp *domain.SyncProgram) error {
	rows, err := s.db.QueryContext(ctx, `SELECT id, kind, prefix, hash, plain, test, revoked_at IS NOT NULL FROM api_keys
		WHERE program_id = ? ORDER BY id`, sp.ID)
	if err != nil {
		return fmt.Errorf("sqlite: push keys: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k domain.SyncKey
		if err := rows.Scan(&k.ID, &k.Kind, &k.Prefix, &k.Hash, &k.Plain, &k.Test, &k.Revoked); err != nil {
			return fmt.Errorf("sqlite: push keys: %w", err)
		}
		sp.Keys = append(sp.Keys, k)
	}
	return rows.Err()
}
