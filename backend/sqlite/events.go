package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"time"

	"partnerbook/backend/domain"
)

// EventLog commits the sync endpoint's events on a connection of its own whose commits are
// fsynced (synchronous=FULL): an event that was answered 2xx survives a power cut. Its one
// connection is the one writer of events; callers hand it what arrived together, which it
// commits in one transaction (group commit).
type EventLog struct {
	db  *sql.DB
	now func() time.Time
}

// OpenEventLog opens the store's file a second time for committing events.
func (s *Store) OpenEventLog() (*EventLog, error) {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_foreign_keys", "on")
	q.Set("_busy_timeout", "10000")
	q.Set("_synchronous", "FULL")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite3", "file:"+s.path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("sqlite: open event log: %w", err)
	}
	db.SetMaxOpenConns(1)
	return &EventLog{db: db, now: s.Now}, nil
}

// Close closes the event log's connection.
func (l *EventLog) Close() error { return l.db.Close() }

// errEventConflict is the outcome of an event whose id was committed before with another body.
var errEventConflict = domain.Errorf(domain.EConflict, "this id was sent before with another body")

// Commit stores every event not stored yet, in one fsynced transaction, and says for each what
// it came to: its cursor, or a conflict error in errs[i]. An event whose id and body were
// stored before is answered as then. err is for the whole batch (nothing committed).
func (l *EventLog) Commit(ctx context.Context, events []domain.Event) (out []domain.EventOutcome, errs []error, err error) {
	out = make([]domain.EventOutcome, len(events))
	errs = make([]error, len(events))
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("sqlite: begin events: %w", err)
	}
	defer tx.Rollback()
	now := l.now().UTC()
	stamp := now.Format(TimeLayout)
	// New events are the common case: each is one INSERT; only an id seen before is looked up.
	insert, err := tx.PrepareContext(ctx, `INSERT INTO events (event_id, program_id, type, payload, received_at, test, body_hash)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING`)
	if err != nil {
		return nil, nil, fmt.Errorf("sqlite: events: %w", err)
	}
	defer insert.Close()
	for i, e := range events {
		hash := eventHash(e)
		res, err := insert.ExecContext(ctx, e.EventID, e.ProgramID, e.Type, string(e.Payload), stamp, e.Test, hash)
		if err != nil {
			return nil, nil, fmt.Errorf("sqlite: store event %s: %w", e.EventID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			var id int64
			var have, at string
			if err := tx.QueryRowContext(ctx, `SELECT id, body_hash, received_at FROM events WHERE event_id = ?`, e.EventID).Scan(&id, &have, &at); err != nil {
				return nil, nil, fmt.Errorf("sqlite: find event: %w", err)
			}
			if have != hash {
				errs[i] = errEventConflict
				continue
			}
			out[i] = domain.EventOutcome{ID: id, Duplicate: true, ReceivedAt: parseTime(at)}
			continue
		}
		id, _ := res.LastInsertId()
		out[i] = domain.EventOutcome{ID: id, ReceivedAt: now}
		if err := rowOf(ctx, tx, id, e, stamp); err != nil {
			return nil, nil, err
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, nil, fmt.Errorf("sqlite: commit events: %w", err)
	}
	return out, errs, nil
}

// rowOf writes a visit's or a signup's row beside its event.
func rowOf(ctx context.Context, tx *sql.Tx, id int64, e domain.Event, at string) error {
	var err error
	switch e.Type {
	case domain.EventVisit:
		_, err = tx.ExecContext(ctx, `INSERT INTO visits (event_id, program_id, partner_key, visitor, time, test)
			VALUES (?, ?, ?, ?, ?, ?)`, id, e.ProgramID, e.Ref, e.Visitor, at, e.Test)
	case domain.EventSignup:
		_, err = tx.ExecContext(ctx, `INSERT INTO signups (event_id, program_id, visitor, email, partner_key, time, test)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, id, e.ProgramID, e.Visitor, e.Email, e.Ref, at, e.Test)
	}
	if err != nil {
		return fmt.Errorf("sqlite: store %s row: %w", e.Type, err)
	}
	return nil
}

// eventHash is what tells the same event from another one with the same id.
func eventHash(e domain.Event) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%d\x00%t\x00", e.Type, e.ProgramID, e.Test)
	h.Write(e.Payload)
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// EventsAfter returns up to limit events committed after cursor, in the order of their commits.
func (s *Store) EventsAfter(ctx context.Context, cursor int64, programID int64, limit int) ([]domain.Event, error) {
	q := `SELECT id, event_id, program_id, type, test, payload, received_at FROM events WHERE id > ?`
	args := []any{cursor}
	if programID != 0 {
		q += ` AND program_id = ?`
		args = append(args, programID)
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY id LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: events: %w", err)
	}
	defer rows.Close()
	out := []domain.Event{}
	for rows.Next() {
		var e domain.Event
		var payload, at string
		if err := rows.Scan(&e.ID, &e.EventID, &e.ProgramID, &e.Type, &e.Test, &payload, &at); err != nil {
			return nil, fmt.Errorf("sqlite: events: %w", err)
		}
		e.Payload, e.ReceivedAt = []byte(payload), parseTime(at)
		out = append(out, e)
	}
	return out, rows.Err()
}
