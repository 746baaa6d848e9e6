package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"partnerbook/backend/commission"
	"partnerbook/backend/domain"
)

// ApplySignups turns the program's tracked signups that are not applied yet (events of the
// sync endpoint, sync.md) into links, and recomputes the customers they link. It returns how
// many customers were linked.
func (s *Store) ApplySignups(ctx context.Context, programID int64) (int, error) {
	var n int
	err := s.write(ctx, func(tx *Tx) error {
		var err error
		n, err = tx.applySignups(programID)
		return err
	})
	return n, err
}

type signupEvent struct {
	id                        int64
	visitor, email, name, key string
	at                        time.Time
}

// applySignups links each tracked signup's customer (found by e-mail, or made) to a partner
// from the signup on: the partner of the visitor's visits with a partner's key in the cookie
// window before the signup, the last or the first (commission.SignupPartner). The signup's own
// key (the script passes the key of its cookie) counts as a visit at the signup. A customer
// keeps the first signup link it got. Every signup is marked applied, linked or not, so it is
// looked at once.
func (tx *Tx) applySignups(programID int64) (int, error) {
	prog, err := tx.findProgram(fmt.Sprint(programID))
	if err != nil {
		return 0, err
	}
	rows, err := tx.QueryContext(tx.ctx, `SELECT id, COALESCE(payload->>'visitor', ''), COALESCE(payload->>'email', ''),
		COALESCE(payload->>'name', ''), COALESCE(payload->>'key', ''), received_at
		FROM events WHERE program_id = ? AND type = 'signup' AND applied_at IS NULL ORDER BY id`, programID)
	if err != nil {
		return 0, fmt.Errorf("sqlite: signups: %w", err)
	}
	var signups []signupEvent
	for rows.Next() {
		var e signupEvent
		var at string
		if err := rows.Scan(&e.id, &e.visitor, &e.email, &e.name, &e.key, &at); err != nil {
			rows.Close()
			return 0, err
		}
		e.at = parseTime(at)
		signups = append(signups, e)
	}
	rows.Close()
	var linked []int64
	for _, e := range signups {
		if _, err := tx.ExecContext(tx.ctx, `UPDATE events SET applied_at = ? WHERE id = ?`, tx.now, e.id); err != nil {
			return 0, fmt.Errorf("sqlite: apply signup: %w", err)
		}
		visits, err := tx.visitsOf(programID, e)
		if err != nil {
			return 0, err
		}
		partner, ok := commission.SignupPartner(visits, e.at, prog.CookieDays, prog.Attribution)
		email := domain.NormalizeEmail(e.email)
		if !ok || !domain.ValidEmail(email) {
			continue
		}
		customer, err := tx.customerByEmail(programID, email, e.name)
		if err != nil {
			return 0, err
		}
		var have int
		tx.QueryRowContext(tx.ctx, `SELECT count(*) FROM customer_links WHERE customer_id = ? AND reason = 'signup'`, customer).Scan(&have)
		if have > 0 {
			continue
		}
		if _, err := tx.ExecContext(tx.ctx, `INSERT INTO customer_links (program_id, customer_id, partner_id, reason, since, actor, created_at)
			VALUES (?, ?, ?, 'signup', ?, 'sync', ?)`, programID, customer, partner, e.at.UTC().Format(TimeLayout), tx.now); err != nil {
			return 0, fmt.Errorf("sqlite: signup link: %w", err)
		}
		linked = append(linked, customer)
	}
	if len(linked) == 0 {
		return 0, nil
	}
	return len(linked), tx.recompute(programID, recomputeScope{customers: linked})
}

// visitsOf are the signup's visitor's visits with a known partner's key, and the signup's own key.
func (tx *Tx) visitsOf(programID int64, e signupEvent) ([]commission.Visit, error) {
	var visits []commission.Visit
	add := func(key string, at time.Time) error {
		if key == "" {
			return nil
		}
		p, err := findPartner(tx.ctx, tx, programID, key)
		if domain.ErrorCode(err) == domain.ENotFound {
			return nil // a key no partner has: no visit of anyone's
		}
		if err == nil {
			visits = append(visits, commission.Visit{Partner: p.ID, Time: at})
		}
		return err
	}
	if e.visitor != "" {
		rows, err := tx.QueryContext(tx.ctx, `SELECT COALESCE(payload->>'ref', ''), received_at FROM events
			WHERE program_id = ? AND type = 'visit' AND payload->>'visitor' = ? ORDER BY id`, programID, e.visitor)
		if err != nil {
			return nil, fmt.Errorf("sqlite: visits: %w", err)
		}
		type visit struct {
			key string
			at  time.Time
		}
		var vs []visit
		for rows.Next() {
			var v visit
			var at string
			if err := rows.Scan(&v.key, &at); err != nil {
				rows.Close()
				return nil, err
			}
			v.at = parseTime(at)
			vs = append(vs, v)
		}
		rows.Close()
		for _, v := range vs {
			if err := add(v.key, v.at); err != nil {
				return nil, err
			}
		}
	}
	return visits, add(e.key, e.at)
}

// customerByEmail finds the program's customer with this e-mail, or makes one.
func (tx *Tx) customerByEmail(programID int64, email, name string) (int64, error) {
	var id int64
	err := tx.QueryRowContext(tx.ctx, `SELECT id FROM customers WHERE program_id = ? AND email = ?`, programID, email).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		res, err := tx.ExecContext(tx.ctx, `INSERT INTO customers (program_id, email, name, created_at) VALUES (?, ?, ?, ?)`,
			programID, email, name, tx.now)
		if err != nil {
			return 0, fmt.Errorf("sqlite: signup customer: %w", err)
		}
		return res.LastInsertId()
	}
	return id, err
}
