package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"partnerbook/backend/domain"
)

// SyncCursor is the cursor after the last event fetched from remote (0: none yet).
func (s *Store) SyncCursor(ctx context.Context, remote string) (int64, error) {
	var c int64
	err := s.db.QueryRowContext(ctx, `SELECT cursor FROM sync_cursors WHERE remote = ?`, remote).Scan(&c)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("sqlite: sync cursor: %w", err)
	}
	return c, nil
}

// StoreFetched keeps the events fetched from a headless server that are not here yet (by
// their id) and moves the cursor past them, in one transaction, so that a pull broken off
// anywhere fetches the rest next time and none twice. It returns how many were new.
func (s *Store) StoreFetched(ctx context.Context, remote string, events []domain.Event, cursor int64) (int, error) {
	n := 0
	err := s.write(ctx, func(tx *Tx) error {
		n = 0
		for _, e := range events {
			var payload struct {
				Visitor string `json:"visitor"`
				Ref     string `json:"ref"`
				Key     string `json:"key"`
				Email   string `json:"email"`
			}
			json.Unmarshal(e.Payload, &payload) // a body the server kept; fields it lacks stay ""
			e.Visitor, e.Ref, e.Email = payload.Visitor, payload.Ref, payload.Email
			if e.Type == domain.EventSignup {
				e.Ref = payload.Key
			}
			at := formatTime(e.ReceivedAt)
			res, err := tx.ExecContext(ctx, `INSERT INTO events (event_id, program_id, type, payload, received_at, test, body_hash)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING`, e.EventID, e.ProgramID, e.Type,
				string(e.Payload), at, e.Test, eventHash(e))
			if err != nil {
				return fmt.Errorf("sqlite: keep fetched event %s: %w", e.EventID, err)
			}
			if k, _ := res.RowsAffected(); k == 0 {
				continue
			}
			id, _ := res.LastInsertId()
			if err := rowOf(ctx, tx.Tx, id, e, at); err != nil {
				return err
			}
			n++
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO sync_cursors (remote, cursor) VALUES (?, ?)
			ON CONFLICT (remote) DO UPDATE SET cursor = excluded.cursor`, remote, cursor)
		if err != nil {
			return fmt.Errorf("sqlite: sync cursor: %w", err)
		}
		return nil
	})
	return n, err
}

// PullStatus is how the last pull from the headless server went.
type PullStatus struct {
	At      string `json:"at"`      // when it ended ("" never)
	OK      bool   `json:"ok"`      // whether it went through
	Message string `json:"message"` // what it did, or why it failed
	// LastOK is when the last pull that went through ended ("" none yet): a failing pull
	// keeps it, so the dashboard can say how long nothing was pulled.
	LastOK string `json:"last_ok"`
}

// RecordPull keeps how a pull ended, for the Sync screen and the dashboard.
func (s *Store) RecordPull(ctx context.Context, ok bool, message string) error {
	return s.write(ctx, func(tx *Tx) error {
		before, err := lastPull(ctx, tx.Tx)
		if err != nil {
			return err
		}
		st := PullStatus{At: tx.now, OK: ok, Message: message, LastOK: before.LastOK}
		if ok {
			st.LastOK = tx.now
		}
		b, _ := json.Marshal(st)
		return tx.setSetting("sync.last_pull", string(b))
	})
}

// LastPull is how the last pull ended.
func (s *Store) LastPull(ctx context.Context) (PullStatus, error) { return lastPull(ctx, s.db) }

func lastPull(ctx context.Context, q querier) (PullStatus, error) {
	var v string
	var st PullStatus
	err := q.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = 'sync.last_pull'`).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return st, nil
	}
	if err != nil {
		return st, fmt.Errorf("sqlite: last pull: %w", err)
	}
	json.Unmarshal([]byte(v), &st) // a value this store wrote; an older one lacks last_ok
	if st.LastOK == "" && st.OK {
		st.LastOK = st.At
	}
	return st, nil
}

// RecentEvent is an event as the install check lists it.
type RecentEvent struct {
	ID         int64           `json:"id"`
	EventID    string          `json:"event_id"`
	Type       string          `json:"type"`
	Test       bool            `json:"test"`
	ReceivedAt string          `json:"received_at"`
	Applied    bool            `json:"applied"`
	Problem    string          `json:"problem"`
	Payload    json.RawMessage `json:"payload"`
}

// RecentEvents lists a program's newest events first (limit at most 500).
func (s *Store) RecentEvents(ctx context.Context, programID int64, limit int) ([]RecentEvent, error) {
	if limit < 1 || limit > 500 {
		limit = 500
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, event_id, type, test, received_at, applied_at IS NOT NULL, problem, payload
		FROM events WHERE program_id = ? ORDER BY id DESC LIMIT ?`, programID, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: recent events: %w", err)
	}
	defer rows.Close()
	out := []RecentEvent{}
	for rows.Next() {
		var e RecentEvent
		var payload string
		if err := rows.Scan(&e.ID, &e.EventID, &e.Type, &e.Test, &e.ReceivedAt, &e.Applied, &e.Problem, &payload); err != nil {
			return nil, fmt.Errorf("sqlite: recent events: %w", err)
		}
		e.Payload = json.RawMessage(payload)
		out = append(out, e)
	}
	return out, rows.Err()
}

// PurgeTestEvents deletes a program's test events (and their visits and signups rows); live
// events are never deleted. It returns how many went.
func (s *Store) PurgeTestEvents(ctx context.Context, programID int64) (int, error) {
	var n int64
	err := s.write(ctx, func(tx *Tx) error {
		if _, err := tx.findProgram(fmt.Sprint(programID)); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM events WHERE program_id = ? AND test = 1`, programID)
		if err != nil {
			return fmt.Errorf("sqlite: purge test events: %w", err)
		}
		n, _ = res.RowsAffected()
		return tx.audit("events.purge_test", "program", programID, programID, map[string]any{"deleted": n})
	})
	return int(n), err
}
