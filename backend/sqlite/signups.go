package sqlite

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"partnerbook/backend/commission"
	"partnerbook/backend/domain"
)

// signupEvent is a tracked signup's payload.
type signupEvent struct {
	id      int64
	Visitor string `json:"visitor"`
	Email   string `json:"email"`
	Name    string `json:"name"`
	Key     string `json:"key"`
	at      time.Time
}

// applySignup links a tracked signup's customer (found by e-mail, or made) to a partner from
// the signup on, by commission.SignupLink: the visitor's visits with a partner's key in the
// cookie window before it, else the signup's own key. A customer keeps the first signup link
// it got. It returns the customer it linked (0: none).
func (tx *Tx) applySignup(prog domain.Program, e signupEvent) (int64, error) {
	visits, err := tx.visitsOf(prog.ID, e)
	if err != nil {
		return 0, err
	}
	own, err := tx.partnerOfKey(prog.ID, e.Key)
	if err != nil {
		return 0, err
	}
	partner, ok := commission.SignupLink(visits, own, e.at, prog.CookieDays, prog.Attribution)
	email := domain.NormalizeEmail(e.Email)
	if !ok || !domain.ValidEmail(email) {
		return 0, nil
	}
	customer, err := tx.customerByEmail(prog.ID, email, e.Name)
	if err != nil {
		return 0, err
	}
	var have int
	if err := tx.QueryRowContext(tx.ctx, `SELECT count(*) FROM customer_links WHERE customer_id = ? AND reason = 'signup'`,
		customer).Scan(&have); err != nil {
		return 0, fmt.Errorf("sqlite: signup link: %w", err)
	}
	if have > 0 {
		return 0, nil
	}
	if _, err := tx.ExecContext(tx.ctx, `INSERT INTO customer_links (program_id, customer_id, partner_id, reason, since, actor, created_at)
		VALUES (?, ?, ?, 'signup', ?, 'sync', ?)`, prog.ID, customer, partner, formatTime(e.at), tx.now); err != nil {
		return 0, fmt.Errorf("sqlite: signup link: %w", err)
	}
	return customer, nil
}

// partnerOfKey is the id of the program's partner with this key (0: none, or "").
func (tx *Tx) partnerOfKey(programID int64, key string) (int64, error) {
	if key == "" {
		return 0, nil
	}
	p, err := findPartner(tx.ctx, tx, programID, key)
	if domain.ErrorCode(err) == domain.ENotFound {
		return 0, nil // a key no partner has: no one's
	}
	return p.ID, err
}

// visitsOf are the signup's visitor's live visits with a known partner's key, with the times
// they were received.
func (tx *Tx) visitsOf(programID int64, e signupEvent) ([]commission.Visit, error) {
	if e.Visitor == "" {
		return nil, nil
	}
	rows, err := tx.QueryContext(tx.ctx, `SELECT COALESCE(payload->>'ref', ''), received_at FROM events
		WHERE program_id = ? AND type = 'visit' AND payload->>'visitor' = ? AND test = 0 ORDER BY id`, programID, e.Visitor)
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
			return nil, fmt.Errorf("sqlite: visits: %w", err)
		}
		v.at = parseTime(at)
		vs = append(vs, v)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: visits: %w", err)
	}
	var visits []commission.Visit
	for _, v := range vs {
		p, err := tx.partnerOfKey(programID, v.key)
		if err != nil {
			return nil, err
		}
		if p != 0 {
			visits = append(visits, commission.Visit{Partner: p, Time: v.at})
		}
	}
	return visits, nil
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
	if err != nil {
		return 0, fmt.Errorf("sqlite: signup customer: %w", err)
	}
	return id, nil
}
