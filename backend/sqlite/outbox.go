package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"partnerbook/backend/domain"
)

const outboxCols = `o.id, o.message_id, o.kind, o.dedupe_key, COALESCE(o.program_id, 0), COALESCE(o.partner_id, 0), COALESCE(p.key, ''),
	o.to_addr, o.subject, o.state, o.attempts, o.last_error, o.next_attempt, o.sent_at, o.in_sent, o.created_at`

const outboxFrom = ` FROM outbox o LEFT JOIN partners p ON p.id = o.partner_id`

func scanOut(sc interface{ Scan(...any) error }, extra ...any) (domain.OutMessage, error) {
	var m domain.OutMessage
	var next, sent sql.NullString
	var created string
	err := sc.Scan(append([]any{&m.ID, &m.MessageID, &m.Kind, &m.DedupeKey, &m.ProgramID, &m.PartnerID, &m.Partner, &m.To, &m.Subject,
		&m.State, &m.Attempts, &m.Error, &next, &sent, &m.InSent, &created}, extra...)...)
	m.CreatedAt = parseTime(created)
	if next.Valid {
		t := parseTime(next.String)
		m.NextAttempt = &t
	}
	if sent.Valid {
		t := parseTime(sent.String)
		m.SentAt = &t
	}
	return m, err
}

// OutboxHas says which of the dedupe keys are in the outbox already (in any state): mailing
// the same run again queues nothing new.
func (s *Store) OutboxHas(ctx context.Context, keys []string) (map[string]bool, error) {
	out := map[string]bool{}
	for start := 0; start < len(keys); start += 500 {
		part := keys[start:min(start+500, len(keys))]
		rows, err := s.db.QueryContext(ctx, `SELECT dedupe_key FROM outbox WHERE dedupe_key IN (SELECT value FROM json_each(?))`, jsonStrings(part))
		if err != nil {
			return nil, fmt.Errorf("sqlite: outbox keys: %w", err)
		}
		for rows.Next() {
			var k string
			if err := rows.Scan(&k); err != nil {
				rows.Close()
				return nil, err
			}
			out[k] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("sqlite: outbox keys: %w", err)
		}
	}
	return out, nil
}

// QueueMail writes messages to the outbox in one transaction. A message whose dedupe key is
// there already is left out; the result holds the messages queued now, with their ids.
func (s *Store) QueueMail(ctx context.Context, msgs []domain.OutMessage) ([]domain.OutMessage, error) {
	var out []domain.OutMessage
	err := s.write(ctx, func(tx *Tx) error {
		for _, m := range msgs {
			var prog, partner any
			if m.ProgramID != 0 {
				prog = m.ProgramID
			}
			if m.PartnerID != 0 {
				partner = m.PartnerID
			}
			err := tx.QueryRowContext(tx.ctx, `INSERT INTO outbox (message_id, kind, dedupe_key, program_id, partner_id, to_addr, subject, body, created_at)
				VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`, m.MessageID, m.Kind, m.DedupeKey, prog, partner,
				m.To, m.Subject, m.Body, tx.now).Scan(&m.ID)
			if errors.Is(err, sql.ErrNoRows) {
				continue
			}
			if err != nil {
				return fmt.Errorf("sqlite: queue mail: %w", err)
			}
			m.State, m.CreatedAt = "queued", parseTime(tx.now)
			out = append(out, m)
		}
		if len(out) == 0 {
			return nil
		}
		ids := make([]int64, len(out))
		for i, m := range out {
			ids[i] = m.ID
		}
		return tx.audit("mail.queue", "outbox", 0, out[0].ProgramID, map[string]any{"kind": out[0].Kind, "messages": ids})
	})
	return out, err
}

// DueMail is what a delivery run works on, oldest first, without the messages' bytes (Body
// reads them one at a time): queued messages, messages caught in "sending" by a crash (their
// lease ran out), failed ones whose next attempt is due, and sent ones whose copy is not in the
// Sent folder yet.
func (s *Store) DueMail(ctx context.Context, now time.Time) ([]domain.OutMessage, error) {
	t := now.UTC().Format(TimeLayout)
	rows, err := s.db.QueryContext(ctx, `SELECT `+outboxCols+outboxFrom+` WHERE `+dueWhere+` OR (o.state = 'sent' AND o.in_sent = 0)
		ORDER BY o.id`, t, t)
	if err != nil {
		return nil, fmt.Errorf("sqlite: due mail: %w", err)
	}
	defer rows.Close()
	var out []domain.OutMessage
	for rows.Next() {
		m, err := scanOut(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: due mail: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// MailBody reads a message's bytes.
func (s *Store) MailBody(ctx context.Context, id int64) ([]byte, error) {
	var body []byte
	if err := s.db.QueryRowContext(ctx, `SELECT body FROM outbox WHERE id = ?`, id).Scan(&body); err != nil {
		return nil, fmt.Errorf("sqlite: mail body %d: %w", id, err)
	}
	return body, nil
}

// dueWhere is a message that may be sent now: queued, failed with its next attempt due, or left
// in "sending" by a sender whose lease ran out.
const dueWhere = `(o.state = 'queued' OR (o.state = 'failed' AND o.next_attempt IS NOT NULL AND o.next_attempt <= ?)
	OR (o.state = 'sending' AND (o.next_attempt IS NULL OR o.next_attempt <= ?)))`

// ClaimMail marks a due message "sending" (one more attempt) until lease, and says whether this
// caller got it: two senders at once (the window's, a command's) never take the same message.
func (s *Store) ClaimMail(ctx context.Context, id int64, now, lease time.Time) (bool, error) {
	var n int64
	err := s.write(ctx, func(tx *Tx) error {
		t := now.UTC().Format(TimeLayout)
		r, err := tx.ExecContext(tx.ctx, `UPDATE outbox AS o SET state = 'sending', attempts = attempts + 1, next_attempt = ?
			WHERE o.id = ? AND `+dueWhere, lease.UTC().Format(TimeLayout), id, t, t)
		if err != nil {
			return fmt.Errorf("sqlite: claim mail %d: %w", id, err)
		}
		n, err = r.RowsAffected()
		return err
	})
	return n == 1, err
}

// MailState records a step of a claimed message's delivery (see ClaimMail): "sent" (with
// inSent when the copy is in the Sent folder), or "failed" (with the error and, if it is worth
// trying again, when). Each step is its own small transaction, so a crash leaves the last step
// done.
func (s *Store) MailState(ctx context.Context, id int64, state, errText string, next *time.Time, inSent bool) error {
	return s.write(ctx, func(tx *Tx) error {
		var err error
		switch state {
		case "sent":
			_, err = tx.ExecContext(tx.ctx, `UPDATE outbox SET state = 'sent', last_error = '', next_attempt = NULL,
				sent_at = COALESCE(sent_at, ?), in_sent = ? WHERE id = ?`, tx.now, inSent, id)
		case "failed":
			var at any
			if next != nil {
				at = next.UTC().Format(TimeLayout)
			}
			_, err = tx.ExecContext(tx.ctx, `UPDATE outbox SET state = 'failed', last_error = ?, next_attempt = ? WHERE id = ?`, errText, at, id)
		default:
			return domain.Errorf(domain.EInvalid, "no outbox state %q", state)
		}
		if err != nil {
			return fmt.Errorf("sqlite: outbox %d %s: %w", id, state, err)
		}
		return nil
	})
}

// RetryMail puts a failed message back in the queue, for the next delivery run.
func (s *Store) RetryMail(ctx context.Context, id int64) (domain.OutMessage, error) {
	err := s.write(ctx, func(tx *Tx) error {
		var state string
		var prog sql.NullInt64
		err := tx.QueryRowContext(tx.ctx, `SELECT state, program_id FROM outbox WHERE id = ?`, id).Scan(&state, &prog)
		if errors.Is(err, sql.ErrNoRows) {
			return domain.Errorf(domain.ENotFound, "there is no message %d in the outbox", id)
		}
		if err != nil {
			return fmt.Errorf("sqlite: retry mail: %w", err)
		}
		if state != "failed" {
			return domain.Errorf(domain.EConflict, "message %d is %s: only a failed message is sent again", id, state)
		}
		if _, err := tx.ExecContext(tx.ctx, `UPDATE outbox SET state = 'queued', next_attempt = NULL WHERE id = ?`, id); err != nil {
			return fmt.Errorf("sqlite: retry mail: %w", err)
		}
		return tx.audit("mail.retry", "outbox", id, prog.Int64, nil)
	})
	if err != nil {
		return domain.OutMessage{}, err
	}
	return s.OutboxMessage(ctx, id)
}

// OutboxMessage returns one message with its bytes.
func (s *Store) OutboxMessage(ctx context.Context, id int64) (domain.OutMessage, error) {
	var body []byte
	m, err := scanOut(s.db.QueryRowContext(ctx, `SELECT `+outboxCols+`, o.body`+outboxFrom+` WHERE o.id = ?`, id), &body)
	if errors.Is(err, sql.ErrNoRows) {
		return m, domain.Errorf(domain.ENotFound, "there is no message %d in the outbox", id)
	}
	m.Body = body
	return m, err
}

var outboxSorts = map[string]string{"created_at": "o.id", "to": "o.to_addr", "state": "o.state", "subject": "o.subject", "kind": "o.kind"}

// ListOutbox returns a page of the outbox, newest first, and how many match in all.
func (s *Store) ListOutbox(ctx context.Context, f domain.OutboxFilter) ([]domain.OutMessage, int, error) {
	where, args := []string{"1 = 1"}, []any{}
	if f.ProgramID != 0 {
		where, args = append(where, "o.program_id = ?"), append(args, f.ProgramID)
	}
	if f.State != "" {
		where, args = append(where, "o.state = ?"), append(args, f.State)
	}
	if f.Kind != "" {
		where, args = append(where, "o.kind = ?"), append(args, f.Kind)
	}
	cond := strings.Join(where, " AND ")
	pg := f.Page
	if pg.Sort == "" {
		pg.Sort, pg.Desc = "created_at", true
	}
	return listPage(ctx, s, "outbox", `SELECT count(*) FROM outbox o WHERE `+cond,
		`SELECT `+outboxCols+outboxFrom+` WHERE `+cond+` ORDER BY `+orderBy(outboxSorts, pg, "created_at")+`, o.id DESC`,
		args, f.Limit, f.Offset, func(sc scanner) (domain.OutMessage, error) { return scanOut(sc) })
}

func jsonStrings(ss []string) string {
	b, _ := json.Marshal(ss)
	return string(b)
}
