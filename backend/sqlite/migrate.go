package sqlite

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"partnerbook/backend/domain"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Migration is one numbered schema step.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// migrations is the list Migrate applies; tests may add to it.
var migrations = embedded()

// Migrations lists the migrations in order.
func Migrations() []Migration { return append([]Migration(nil), migrations...) }

func embedded() []Migration {
	entries, _ := fs.ReadDir(migrationFS, "migrations")
	var out []Migration
	for _, e := range entries {
		num, _, _ := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if err != nil {
			panic("sqlite: migration without a number: " + e.Name())
		}
		b, _ := migrationFS.ReadFile("migrations/" + e.Name())
		out = append(out, Migration{Version: v, Name: e.Name(), SQL: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out
}

// LatestVersion is the schema version this Partnerbook migrates to.
func LatestVersion() int {
	if len(migrations) == 0 {
		return 0
	}
	return migrations[len(migrations)-1].Version
}

// Version returns the schema version of the database (PRAGMA user_version).
func (s *Store) Version(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v)
	return v, err
}

// Migrate applies the pending migrations up to target (-1: all), each in its own
// transaction. Before the first pending one it backs the database up into backupDir, unless
// the database is new. It returns the path of that backup, or "".
func (s *Store) Migrate(ctx context.Context, backupDir string, target int) (string, error) {
	current, err := s.Version(ctx)
	if err != nil {
		return "", fmt.Errorf("sqlite: schema version: %w", err)
	}
	if latest := LatestVersion(); current > latest {
		return "", domain.Errorf(domain.EConflict, "the database has schema %d, newer than this Partnerbook knows (%d): update Partnerbook", current, latest)
	}
	var pending []Migration
	for _, m := range Migrations() {
		if m.Version > current && (target < 0 || m.Version <= target) {
			pending = append(pending, m)
		}
	}
	if len(pending) == 0 {
		return "", nil
	}
	backup := ""
	if current > 0 && backupDir != "" {
		backup = filepath.Join(backupDir, fmt.Sprintf("before-migration-%d-%s.db", pending[0].Version, s.Now().Format("20060102-150405")))
		if err := s.Backup(ctx, backup); err != nil {
			return "", err
		}
	}
	for _, m := range pending {
		if err := s.apply(ctx, m); err != nil {
			return backup, err
		}
	}
	return backup, nil
}

func (s *Store) apply(ctx context.Context, m Migration) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: migration %s: %w", m.Name, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return fmt.Errorf("sqlite: migration %s: %w", m.Name, err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, m.Version)); err != nil {
		return fmt.Errorf("sqlite: migration %s: %w", m.Name, err)
	}
	return tx.Commit()
}

// Backup writes a consistent copy of the database to path with VACUUM INTO. The copy holds
// no secrets (those never enter the database), but all the rest: like the database, it is
// readable by the user alone (0600), from its first byte: the empty file is made so, then
// filled.
func (s *Store) Backup(ctx context.Context, path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("sqlite: backup: %w", err)
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("sqlite: backup: %s exists already", path)
	}
	if err != nil {
		return fmt.Errorf("sqlite: backup: %w", err)
	}
	f.Close()
	if _, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		os.Remove(path)
		return fmt.Errorf("sqlite: backup to %s: %w", path, err)
	}
	return os.Chmod(path, 0o600) // in case the umask took bits away, never adds them
}

// CheckFile opens a database file read-only and says whether it is a Partnerbook database
// that passes SQLite's integrity check; restore uses it before replacing anything.
func CheckFile(ctx context.Context, path string) (int, error) {
	if _, err := os.Stat(path); err != nil {
		return 0, fmt.Errorf("cannot read %s: %w", path, err)
	}
	s, err := openRaw("file:" + path + "?mode=ro")
	if err != nil {
		return 0, err
	}
	defer s.Close()
	var ok string
	if err := s.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		return 0, fmt.Errorf("%s is not a sound SQLite database (%v%s)", path, err, ok)
	}
	var v, n int
	if err := s.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("%s: schema version: %w", path, err)
	}
	if err := s.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE name IN ('programs','partners','settings')`).Scan(&n); err != nil {
		return 0, fmt.Errorf("%s: tables: %w", path, err)
	}
	if v < 1 || n != 3 {
		return 0, fmt.Errorf("%s is not a Partnerbook database", path)
	}
	if latest := LatestVersion(); v > latest {
		return v, fmt.Errorf("%s was made by a newer Partnerbook (schema %d; this one knows %d): update Partnerbook, then restore it", path, v, latest)
	}
	return v, nil
}
