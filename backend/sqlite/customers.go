package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"partnerbook/backend/domain"
)

// customerSelect reads a customer as the Customers screen lists them; scanCustomer scans it.
const customerSelect = `SELECT c.id, c.email, CASE WHEN c.email = '' THEN c.source || ':' || c.source_ref ELSE '' END,
	c.name, COALESCE(p.key, ''), c.link_reason, COALESCE(c.linked_at, ''),
	(SELECT count(*) FROM orders o WHERE o.customer_id = c.id), COALESCE((SELECT min(time) FROM orders o WHERE o.customer_id = c.id), '')
	FROM customers c LEFT JOIN partners p ON p.id = c.partner_id`

func scanCustomer(sc interface{ Scan(...any) error }) (domain.CustomerRow, error) {
	var c domain.CustomerRow
	var ref string
	err := sc.Scan(&c.ID, &c.Email, &ref, &c.Name, &c.Partner, &c.Reason, &c.LinkedAt, &c.Orders, &c.First)
	if c.Email == "" {
		c.Email = ref // known only by the source's customer id
	}
	return c, err
}

// ListCustomers returns a page of a program's customers with the partner each is linked to and
// why, and how many match.
func (s *Store) ListCustomers(ctx context.Context, f domain.CustomerFilter) ([]domain.CustomerRow, int, error) {
	cond, args := customerWhere(f)
	return listPage(ctx, s, "customers", `SELECT count(*) FROM customers c LEFT JOIN partners p ON p.id = c.partner_id WHERE `+cond,
		customerSelect+` WHERE `+cond+` ORDER BY c.email, c.id`, args, f.Limit, f.Offset, scanCustomer)
}

// customerWhere is the condition of a customer filter, of customers c joined with partners p.
func customerWhere(f domain.CustomerFilter) (string, []any) {
	where := []string{"c.program_id = ?"}
	args := []any{f.ProgramID}
	if f.Partner != "" {
		where, args = append(where, "p.key = ? COLLATE NOCASE"), append(args, f.Partner)
	}
	if q := strings.TrimSpace(f.Search); q != "" {
		like := escapeLike(strings.ToLower(q)) + "%"
		where = append(where, `(c.email LIKE ? ESCAPE '\' OR c.name LIKE ? ESCAPE '\')`)
		args = append(args, like, like)
	}
	return strings.Join(where, " AND "), args
}

// AssignCustomer links a customer to a partner from now on: their future orders without a
// coupon or referral key of their own are credited to that partner. Past orders keep theirs.
func (s *Store) AssignCustomer(ctx context.Context, programID, customerID int64, partnerKey, note string) (domain.CustomerRow, error) {
	return s.AssignCustomerSince(ctx, programID, customerID, partnerKey, note, time.Time{})
}

// AssignCustomerSince is AssignCustomer with the link dated since instead of now (the command
// line's --as-of); a zero since means now.
func (s *Store) AssignCustomerSince(ctx context.Context, programID, customerID int64, partnerKey, note string, since time.Time) (domain.CustomerRow, error) {
	var out domain.CustomerRow
	err := s.write(ctx, func(tx *Tx) error {
		from := tx.now
		if !since.IsZero() {
			from = since.UTC().Format(TimeLayout)
		}
		var before string
		err := tx.QueryRowContext(ctx, `SELECT COALESCE(p.key, '') FROM customers c LEFT JOIN partners p ON p.id = c.partner_id
			WHERE c.id = ? AND c.program_id = ?`, customerID, programID).Scan(&before)
		if errors.Is(err, sql.ErrNoRows) {
			return domain.Errorf(domain.ENotFound, "there is no customer %d in this program", customerID)
		} else if err != nil {
			return fmt.Errorf("sqlite: customer %d: %w", customerID, err)
		}
		p, err := findPartner(ctx, tx, programID, partnerKey)
		if err != nil {
			return domain.Invalid("the customer was not assigned", []domain.Problem{{Column: "partner",
				Message: fmt.Sprintf("there is no partner %q in this program", partnerKey)}})
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO customer_links (program_id, customer_id, partner_id, reason, since, actor, note, created_at)
			VALUES (?, ?, ?, 'manual', ?, ?, ?, ?)`, programID, customerID, p.ID, from, domain.Actor(ctx), strings.TrimSpace(note), tx.now); err != nil {
			return fmt.Errorf("sqlite: assign customer: %w", err)
		}
		if err := tx.recompute(programID, recomputeScope{customers: []int64{customerID}}); err != nil {
			return err
		}
		return tx.audit("customer.assign", "customer", customerID, programID, map[string]string{"from": before, "to": p.Key, "note": note})
	})
	if err != nil {
		return out, err
	}
	return scanCustomer(s.db.QueryRowContext(ctx, customerSelect+` WHERE c.id = ?`, customerID))
}
