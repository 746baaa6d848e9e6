package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"partnerbook/backend/domain"
	"partnerbook/backend/payout"
)

// SetSetting stores a setting; secrets go to the secret store and only their being set is
// audited. An empty value clears the setting.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	v, err := domain.CheckSetting(key, value)
	if err != nil {
		return err
	}
	spec, _ := domain.LookupSetting(key)
	if spec.Secret {
		if s.secrets == nil {
			return domain.Errorf(domain.EInternal, "no secret store to keep %s in", key)
		}
		if err := s.secrets.SetSecret(key, v); err != nil {
			return err
		}
		return s.write(ctx, func(tx *Tx) error {
			return tx.audit("setting.set", "setting", 0, 0, map[string]any{"key": key, "secret": true, "set": v != ""})
		})
	}
	return s.write(ctx, func(tx *Tx) error {
		if err := tx.setSetting(key, v); err != nil {
			return err
		}
		if key == "company.country" {
			if err := tx.rederiveVAT(v); err != nil {
				return err
			}
		}
		return tx.audit("setting.set", "setting", 0, 0, map[string]string{"key": key, "value": v})
	})
}

func (tx *Tx) setSetting(key, v string) error {
	tx.set = nil
	var err error
	if v == "" {
		_, err = tx.ExecContext(tx.ctx, `DELETE FROM settings WHERE key = ?`, key)
	} else {
		_, err = tx.ExecContext(tx.ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, v)
	}
	if err != nil {
		return fmt.Errorf("sqlite: setting %s: %w", key, err)
	}
	return nil
}

// settings reads the settings in the transaction into their typed value (see Store.Settings),
// once: a transaction that saves many partners reads them for the first. Setting a setting in
// the transaction reads them again.
func (tx *Tx) settings() (domain.Settings, error) {
	if tx.set == nil {
		set, err := readSettings(tx.ctx, tx)
		if err != nil {
			return set, err
		}
		tx.set = &set
	}
	return *tx.set, nil
}

// rederiveVAT derives again the VAT treatment of every partner whose treatment no person
// chose, when the company's country changes (the treatment compares the two countries).
func (tx *Tx) rederiveVAT(country string) error {
	rows, err := tx.QueryContext(tx.ctx, `SELECT id, country, vat_id, vat_treatment FROM partners WHERE vat_treatment_set = 0`)
	if err != nil {
		return fmt.Errorf("sqlite: partners' VAT treatment: %w", err)
	}
	type change struct {
		id int64
		to string
	}
	var changes []change
	for rows.Next() {
		var id int64
		var pc, vatID, was string
		if err := rows.Scan(&id, &pc, &vatID, &was); err != nil {
			rows.Close()
			return fmt.Errorf("sqlite: partners' VAT treatment: %w", err)
		}
		if to := payout.DeriveTreatment(country, pc, vatID); to != was {
			changes = append(changes, change{id, to})
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: partners' VAT treatment: %w", err)
	}
	for _, c := range changes {
		if _, err := tx.ExecContext(tx.ctx, `UPDATE partners SET vat_treatment = ?, updated_at = ? WHERE id = ?`, c.to, tx.now, c.id); err != nil {
			return fmt.Errorf("sqlite: partner %d's VAT treatment: %w", c.id, err)
		}
	}
	return nil
}

// GetSetting returns a setting as stored, for the faces that show and edit settings one by
// one (settings get, the Settings screen); a secret's value is never returned, only whether
// it is set. Code that uses a setting reads the typed value of Settings instead.
func (s *Store) GetSetting(ctx context.Context, key string) (domain.Setting, error) {
	spec, err := domain.LookupSetting(key)
	if err != nil {
		return domain.Setting{}, err
	}
	out := domain.Setting{Key: key, Secret: spec.Secret}
	if spec.Secret {
		if s.secrets != nil {
			_, out.Set, err = s.secrets.GetSecret(key)
		}
		return out, err
	}
	err = s.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&out.Value)
	if errors.Is(err, sql.ErrNoRows) {
		return out, nil
	}
	out.Set = err == nil
	return out, err
}

// SecretValue returns a secret for the code that uses it (mail, sync); never for display.
func (s *Store) SecretValue(key string) (string, error) {
	if s.secrets == nil {
		return "", nil
	}
	v, _, err := s.secrets.GetSecret(key)
	return v, err
}

// ListSettings returns every known setting in key order.
func (s *Store) ListSettings(ctx context.Context) ([]domain.Setting, error) {
	var out []domain.Setting
	for _, spec := range domain.SettingSpecs() {
		st, err := s.GetSetting(ctx, spec.Key)
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, nil
}

// Settings reads every stored setting in one query into their typed value, checked once (see
// domain.ParseSettings). Secrets are not in it: SecretValue gives them where they are used.
func (s *Store) Settings(ctx context.Context) (domain.Settings, error) {
	return readSettings(ctx, s.db)
}

func readSettings(ctx context.Context, q querier) (domain.Settings, error) {
	rows, err := q.QueryContext(ctx, `SELECT key, value FROM settings`)
	if err != nil {
		return domain.Settings{}, fmt.Errorf("sqlite: settings: %w", err)
	}
	defer rows.Close()
	stored := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return domain.Settings{}, fmt.Errorf("sqlite: settings: %w", err)
		}
		stored[k] = v
	}
	if err := rows.Err(); err != nil {
		return domain.Settings{}, fmt.Errorf("sqlite: settings: %w", err)
	}
	return domain.ParseSettings(stored)
}
