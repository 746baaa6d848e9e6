// Package sqlite is Partnerbook's store: one SQLite file in the data folder, WAL mode,
// foreign keys on, numbered embedded migrations, backups with VACUUM INTO. It implements the
// services of package domain; every write that matters is one transaction.
package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/mattn/go-sqlite3" // the driver

	"partnerbook/backend/domain"
)

// TimeLayout is how times are stored: RFC 3339 in UTC, fixed width so text order is time order.
const TimeLayout = "2006-01-02T15:04:05Z"

// Store is the database of one data folder.
type Store struct {
	db      *sql.DB
	path    string
	unlock  func() // releases this store's share of the data folder's lock
	secrets domain.SecretStore
	// Now is the clock; tests replace it.
	Now func() time.Time
	// checkWrite, when set (by tests), checks each write transaction before it commits.
	checkWrite func(tx *Tx) error
	// betweenReads, when set (by tests), runs in the middle of a report's reads.
	betweenReads func()
}

// Options tunes Open.
type Options struct {
	// BackupDir receives a backup before any pending migration runs ("" for none).
	BackupDir string
	// Secrets keeps the settings marked secret; nil refuses to set them.
	Secrets domain.SecretStore
}

// Open opens (creating if needed) the database at path and brings its schema up to date.
func Open(ctx context.Context, path string, opt Options) (*Store, error) {
	unlock, err := lockFolder(filepath.Dir(path), false)
	if err != nil {
		return nil, err
	}
	s, err := openDB(ctx, path, opt)
	if err != nil {
		unlock()
		return nil, err
	}
	s.unlock = unlock
	return s, nil
}

func openDB(ctx context.Context, path string, opt Options) (*Store, error) {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_foreign_keys", "on")
	q.Set("_busy_timeout", fmt.Sprint(busyTimeout.Milliseconds()))
	q.Set("_synchronous", "NORMAL")
	q.Set("_txlock", "immediate") // writers take the lock at BEGIN: no upgrade deadlocks
	db, err := sql.Open(driverName, "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	os.Chmod(path, 0o600) // the shop's money and partners' addresses: the user's alone
	s := &Store{db: db, path: path, secrets: opt.Secrets, Now: func() time.Time { return time.Now().UTC() }}
	if _, err := s.Migrate(ctx, opt.BackupDir, -1); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// driverName is SQLite with what every connection of the store sets for itself (see init).
const driverName = "sqlite3_partnerbook"

func init() {
	// A statement inside a transaction keeps the pages it changes in a statement journal, to
	// undo itself alone. SQLite moves that journal into a file once it passes 64 KiB and keeps
	// it there: in a large import every order's INSERT (its indexes)
	// then wrote some twenty pages to a temporary file, 200,000 writes for 10,000 orders. In
	// memory the journal never touches a file; it holds one statement's pages at a time.
	sql.Register(driverName, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		_, err := c.Exec(`PRAGMA temp_store = MEMORY`, nil)
		return err
	}})
}

// busyTimeout is how long a write waits for another process's write before it is refused
// as busy; tests shorten it.
var busyTimeout = 10 * time.Second

// Close closes the database, first letting SQLite refresh the statistics its query planner
// uses where they are stale (PRAGMA optimize: cheap, and a no-op when nothing changed much;
// its error is left: the statistics are an optimisation, and closing goes on).
func (s *Store) Close() error {
	s.db.Exec(`PRAGMA optimize`)
	err := s.db.Close()
	if s.unlock != nil {
		s.unlock()
		s.unlock = nil
	}
	return err
}

// DB gives the database handle to sibling code in tests and benchmarks.
func (s *Store) DB() *sql.DB { return s.db }

// Path is the database file.
func (s *Store) Path() string { return s.path }

func (s *Store) now() string { return s.Now().UTC().Format(TimeLayout) }

// Tx is a write transaction that knows who acts, for the audit log.
type Tx struct {
	*sql.Tx
	ctx   context.Context
	store *Store
	now   string
	set   *domain.Settings // the settings as read in this transaction, nil until read
}

// write runs fn in one transaction: all of it is committed, or none of it.
func (s *Store) write(ctx context.Context, fn func(tx *Tx) error) error {
	sqlTx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return busy(fmt.Errorf("sqlite: begin: %w", err))
	}
	tx := &Tx{Tx: sqlTx, ctx: ctx, store: s, now: s.now()}
	if err := fn(tx); err != nil {
		sqlTx.Rollback()
		return busy(err)
	}
	if s.checkWrite != nil { // tests: what every write leaves, such as the report's sums
		if err := s.checkWrite(tx); err != nil {
			sqlTx.Rollback()
			return err
		}
	}
	if err := sqlTx.Commit(); err != nil {
		return busy(fmt.Errorf("sqlite: commit: %w", err))
	}
	return nil
}

// busy says SQLite's "database is locked" (another process kept writing longer than the busy
// timeout) as people understand it, with the code conflict: nothing was changed, and trying
// again later works.
func busy(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked) {
		return domain.Errorf(domain.EConflict, "busy: another Partnerbook is writing; try again")
	}
	return err
}

// audit records what a person changed, in the same transaction as the change.
func (tx *Tx) audit(action, entity string, entityID, programID int64, detail any) error {
	b, err := json.Marshal(detail)
	if err != nil {
		return fmt.Errorf("sqlite: audit %s: %w", action, err)
	}
	var prog any
	if programID != 0 {
		prog = programID
	}
	_, err = tx.ExecContext(tx.ctx, `INSERT INTO audit_log (at, actor, action, entity, entity_id, program_id, detail)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, tx.now, domain.Actor(tx.ctx), action, entity, entityID, prog, string(b))
	if err != nil {
		return fmt.Errorf("sqlite: audit %s: %w", action, err)
	}
	return nil
}

// AuditEntry is one row of the audit log.
type AuditEntry struct {
	At       string `json:"at"`
	Actor    string `json:"actor"`
	Action   string `json:"action"`
	Entity   string `json:"entity"`
	EntityID int64  `json:"entity_id"`
	Detail   string `json:"detail"`
}

// AuditLog returns the newest entries first.
func (s *Store) AuditLog(ctx context.Context, limit int) ([]AuditEntry, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT at, actor, action, entity, COALESCE(entity_id, 0), detail
		FROM audit_log ORDER BY id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: audit log: %w", err)
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		if err := rows.Scan(&e.At, &e.Actor, &e.Action, &e.Entity, &e.EntityID, &e.Detail); err != nil {
			return nil, fmt.Errorf("sqlite: audit log: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func parseTime(s string) time.Time {
	if t, ok := parseUTC(s); ok {
		return t
	}
	t, _ := time.Parse(TimeLayout, s)
	return t
}

// parseUTC reads TimeLayout by hand: a recompute reads a million times, and time.Parse was a
// tenth of its reading.
func parseUTC(s string) (time.Time, bool) {
	if len(s) != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z' {
		return time.Time{}, false
	}
	num := func(i, n int) (int, bool) {
		v := 0
		for _, c := range []byte(s[i : i+n]) {
			if c < '0' || c > '9' {
				return 0, false
			}
			v = v*10 + int(c-'0')
		}
		return v, true
	}
	y, ok1 := num(0, 4)
	mo, ok2 := num(5, 2)
	d, ok3 := num(8, 2)
	h, ok4 := num(11, 2)
	mi, ok5 := num(14, 2)
	sec, ok6 := num(17, 2)
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(mo), d, h, mi, sec, 0, time.UTC)
	if t.Day() != d { // 2025-02-30 is not a day
		return time.Time{}, false
	}
	return t, true
}
