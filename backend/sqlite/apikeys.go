package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"partnerbook/backend/domain"
)

// CreateAPIKey stores a new key of the sync endpoint (its hash, and a publishable key's text)
// and returns it as listed.
func (s *Store) CreateAPIKey(ctx context.Context, k domain.NewAPIKey) (domain.APIKey, error) {
	var out domain.APIKey
	if k.Kind != domain.KeyPublishable && k.Kind != domain.KeySecret {
		return out, domain.Invalid("the key is not valid", []domain.Problem{{Column: "kind",
			Message: fmt.Sprintf("%q is not one of publishable, secret", k.Kind)}})
	}
	err := s.write(ctx, func(tx *Tx) error {
		if _, err := tx.findProgram(fmt.Sprint(k.ProgramID)); err != nil {
			return err
		}
		if err := tx.refuseOnServer("keys"); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO api_keys (program_id, kind, prefix, hash, plain, test, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, k.ProgramID, k.Kind, k.Prefix, k.Hash, k.Plain, k.Test, tx.now)
		if err != nil {
			return fmt.Errorf("sqlite: create key: %w", err)
		}
		id, _ := res.LastInsertId()
		out = domain.APIKey{ID: id, ProgramID: k.ProgramID, Kind: k.Kind, Prefix: k.Prefix, Test: k.Test,
			Created: parseTime(tx.now), Key: k.Plain}
		return tx.audit("key.create", "api_key", id, k.ProgramID, map[string]any{"kind": k.Kind, "prefix": k.Prefix, "test": k.Test})
	})
	return out, err
}

// RevokeAPIKey revokes a key for good; revoking it again changes nothing.
func (s *Store) RevokeAPIKey(ctx context.Context, id int64) (domain.APIKey, error) {
	var k domain.APIKey
	err := s.write(ctx, func(tx *Tx) error {
		var err error
		if k, err = findAPIKey(ctx, tx, id); err != nil {
			return err
		}
		if err := tx.refuseOnServer("keys"); err != nil {
			return err
		}
		if k.Revoked != nil {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE api_keys SET revoked_at = ? WHERE id = ?`, tx.now, id); err != nil {
			return fmt.Errorf("sqlite: revoke key %d: %w", id, err)
		}
		t := parseTime(tx.now)
		k.Revoked = &t
		return tx.audit("key.revoke", "api_key", id, k.ProgramID, map[string]any{"prefix": k.Prefix})
	})
	return k, err
}

// ListAPIKeys lists a program's keys, newest first.
func (s *Store) ListAPIKeys(ctx context.Context, programID int64) ([]domain.APIKey, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+keyColumns+` FROM api_keys WHERE program_id = ? ORDER BY id DESC`, programID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: list keys: %w", err)
	}
	defer rows.Close()
	out := []domain.APIKey{}
	for rows.Next() {
		k, err := scanKey(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: list keys: %w", err)
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// KeyByHash finds the key with this hash (revoked or not); not found if none.
func (s *Store) KeyByHash(ctx context.Context, hash string) (domain.APIKey, error) {
	k, err := scanKey(s.db.QueryRowContext(ctx, `SELECT `+keyColumns+` FROM api_keys WHERE hash = ?`, hash))
	if errors.Is(err, sql.ErrNoRows) {
		return k, domain.Errorf(domain.ENotFound, "there is no such key")
	}
	if err != nil {
		return k, fmt.Errorf("sqlite: find key: %w", err)
	}
	return k, nil
}

const keyColumns = `id, program_id, kind, prefix, test, created_at, revoked_at, plain`

func scanKey(sc interface{ Scan(...any) error }) (domain.APIKey, error) {
	var k domain.APIKey
	var created string
	var revoked sql.NullString
	if err := sc.Scan(&k.ID, &k.ProgramID, &k.Kind, &k.Prefix, &k.Test, &created, &revoked, &k.Key); err != nil {
		return k, err
	}
	k.Created = parseTime(created)
	if revoked.Valid {
		t := parseTime(revoked.String)
		k.Revoked = &t
	}
	return k, nil
}

func findAPIKey(ctx context.Context, q querier, id int64) (domain.APIKey, error) {
	k, err := scanKey(q.QueryRowContext(ctx, `SELECT `+keyColumns+` FROM api_keys WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return k, domain.Errorf(domain.ENotFound, "there is no key %d", id)
	}
	if err != nil {
		return k, fmt.Errorf("sqlite: find key %d: %w", id, err)
	}
	return k, nil
}

// ServerMode says whether this data folder is a headless server's (init --server): it keeps
// events for the desktop to pull and learns programs, partners and keys only from it.
func (s *Store) ServerMode(ctx context.Context) (bool, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = 'server.link_hash'`).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return v != "", err
}

func (tx *Tx) refuseOnServer(what string) error {
	var n int
	if err := tx.QueryRowContext(tx.ctx, `SELECT count(*) FROM settings WHERE key = 'server.link_hash'`).Scan(&n); err != nil {
		return fmt.Errorf("sqlite: server mode: %w", err)
	}
	if n > 0 {
		return domain.Errorf(domain.EConflict, "this is a server's data folder: %s are made on the desktop and reach it with `partnerbook sync pull`", what)
	}
	return nil
}

// formatTime writes a time as it is stored.
func formatTime(t time.Time) string { return t.UTC().Format(TimeLayout) }
