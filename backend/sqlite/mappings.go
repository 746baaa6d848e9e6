package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"partnerbook/backend/domain"
)

// SavedMapping is a generic file's column mapping kept by name (its JSON is the importer's).
type SavedMapping struct {
	Name      string `json:"name"`
	Mapping   string `json:"mapping"`
	UpdatedAt string `json:"updated_at"`
}

// SaveMapping keeps a column mapping under its name, replacing one of the same name.
func (s *Store) SaveMapping(ctx context.Context, name, mapping string) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return domain.Invalid("the mapping needs a name", []domain.Problem{{Column: "name", Message: "is required"}})
	}
	return s.write(ctx, func(tx *Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO mappings (name, mapping, updated_at) VALUES (?, ?, ?)
			ON CONFLICT (name) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`, name, mapping, tx.now); err != nil {
			return fmt.Errorf("sqlite: save mapping: %w", err)
		}
		return tx.audit("mapping.save", "mapping", 0, 0, map[string]string{"name": name})
	})
}

// Mappings lists the saved mappings by name.
func (s *Store) Mappings(ctx context.Context) ([]SavedMapping, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT name, mapping, updated_at FROM mappings ORDER BY name COLLATE NOCASE`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: mappings: %w", err)
	}
	defer rows.Close()
	out := []SavedMapping{}
	for rows.Next() {
		var m SavedMapping
		if err := rows.Scan(&m.Name, &m.Mapping, &m.UpdatedAt); err != nil {
			return nil, fmt.Errorf("sqlite: mappings: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// Mapping returns the saved mapping of that name.
func (s *Store) Mapping(ctx context.Context, name string) (SavedMapping, error) {
	m := SavedMapping{Name: name}
	err := s.db.QueryRowContext(ctx, `SELECT mapping, updated_at FROM mappings WHERE name = ?`, name).Scan(&m.Mapping, &m.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return m, domain.Errorf(domain.ENotFound, "there is no saved mapping %q", name)
	}
	if err != nil {
		return m, fmt.Errorf("sqlite: mapping: %w", err)
	}
	return m, nil
}
