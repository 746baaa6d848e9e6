package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"partnerbook/backend/domain"
	"partnerbook/backend/statement"
)

// PortalLeads are a partner's leads, newest first, their addresses masked.
func (s *Store) PortalLeads(ctx context.Context, partnerID int64) ([]domain.PortalLead, error) {
	_, prog, err := s.portalPartner(ctx, partnerID)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT name, email, status, created_at FROM leads WHERE partner_id = ? ORDER BY id DESC LIMIT 500`, partnerID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: portal leads: %w", err)
	}
	defer rows.Close()
	out := []domain.PortalLead{}
	for rows.Next() {
		var l domain.PortalLead
		var name, email, at string
		if err := rows.Scan(&name, &email, &l.Status, &at); err != nil {
			return nil, fmt.Errorf("sqlite: portal leads: %w", err)
		}
		l.Email, l.Day = statement.Private(name, email), parseTime(at).In(prog.Location()).Format("2006-01-02")
		out = append(out, l)
	}
	return out, rows.Err()
}

// PortalAddLead records a lead a partner submitted in the portal, by the rules of `lead add`
// (one lead per address in a program).
func (s *Store) PortalAddLead(ctx context.Context, partnerID int64, name, email string) (domain.PortalLead, error) {
	p, prog, err := s.portalPartner(ctx, partnerID)
	if err != nil {
		return domain.PortalLead{}, err
	}
	l, err := s.AddLead(ctx, p.ProgramID, domain.Lead{Partner: p.Key, Email: email, Name: name, Source: "portal"})
	if err != nil {
		return domain.PortalLead{}, err
	}
	return domain.PortalLead{Email: statement.Private(l.Name, l.Email), Status: l.Status,
		Day: l.CreatedAt.In(prog.Location()).Format("2006-01-02")}, nil
}

// PortalProfile is a partner's details (the IBAN masked) and their change requests.
func (s *Store) PortalProfile(ctx context.Context, partnerID int64) (domain.PortalProfile, error) {
	p, _, err := s.portalPartner(ctx, partnerID)
	if err != nil {
		return domain.PortalProfile{}, err
	}
	pr := domain.PortalProfile{Name: p.Name, Email: p.Email, Address: p.Address, Country: p.Country, VATID: p.VATID,
		Language: p.Language, IBAN: domain.MaskIBAN(p.IBAN), PaypalEmail: p.PaypalEmail}
	if pr.LastSignIn, err = s.PortalLastSignIn(ctx, partnerID); err != nil {
		return pr, err
	}
	pr.Requests, err = s.portalRequests(ctx, `r.partner_id = ?`, partnerID)
	return pr, err
}

// PortalRequestChange records a partner's request to change a payout detail; it changes nothing
// until the shop approves it. An earlier pending request for the same detail is replaced.
func (s *Store) PortalRequestChange(ctx context.Context, partnerID int64, field, value string) (domain.PortalRequest, error) {
	p, _, err := s.portalPartner(ctx, partnerID)
	if err != nil {
		return domain.PortalRequest{}, err
	}
	var r domain.PortalRequest
	err = s.write(ctx, func(tx *Tx) error {
		var err error
		r, err = tx.portalRequest(p, field, value)
		return err
	})
	return r, err
}

// checkPortalRequest checks a requested payout detail by the partner's rules and returns it
// as it would be stored.
func checkPortalRequest(p domain.Partner, field, value string) (string, error) {
	var ps domain.Problems
	domain.OneOf(&ps, "field", field, domain.PortalFields)
	check := p
	switch field {
	case "iban":
		check.IBAN = value
	case "paypal_email":
		check.PaypalEmail = value
	}
	for _, pb := range check.Validate() {
		if pb.Column == field {
			ps = append(ps, pb)
		}
	}
	if err := ps.Err("the request was not made"); err != nil {
		return "", err
	}
	if field == "paypal_email" {
		return check.PaypalEmail, nil
	}
	return check.IBAN, nil
}

// portalRequest stores a checked request of a partner, replacing their pending one for the
// same detail.
func (tx *Tx) portalRequest(p domain.Partner, field, value string) (domain.PortalRequest, error) {
	ctx := tx.ctx
	value, err := checkPortalRequest(p, field, value)
	if err != nil {
		return domain.PortalRequest{}, err
	}
	r := domain.PortalRequest{Partner: p.Key, Name: p.Name, Field: field, Value: value, Status: "pending"}
	if _, err := tx.ExecContext(ctx, `UPDATE portal_requests SET status = 'rejected', decided_at = ?, decided_by = 'replaced'
		WHERE partner_id = ? AND field = ? AND status = 'pending'`, tx.now, p.ID, field); err != nil {
		return r, fmt.Errorf("sqlite: portal request: %w", err)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO portal_requests (program_id, partner_id, field, value, created_at)
		VALUES (?,?,?,?,?)`, p.ProgramID, p.ID, field, value, tx.now)
	if err != nil {
		return r, fmt.Errorf("sqlite: portal request: %w", err)
	}
	r.ID, _ = res.LastInsertId()
	r.CreatedAt = tx.now
	return r, tx.audit("portal.request", "partner", p.ID, p.ProgramID, map[string]any{"field": field})
}

func (s *Store) portalRequests(ctx context.Context, where string, args ...any) ([]domain.PortalRequest, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT r.id, p.key, p.name, r.field, r.value, r.status, r.created_at,
		COALESCE(r.decided_at, ''), r.decided_by FROM portal_requests r JOIN partners p ON p.id = r.partner_id
		WHERE `+where+` ORDER BY r.id DESC LIMIT 200`, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: portal requests: %w", err)
	}
	defer rows.Close()
	out := []domain.PortalRequest{}
	for rows.Next() {
		var r domain.PortalRequest
		if err := rows.Scan(&r.ID, &r.Partner, &r.Name, &r.Field, &r.Value, &r.Status, &r.CreatedAt, &r.DecidedAt, &r.DecidedBy); err != nil {
			return nil, fmt.Errorf("sqlite: portal requests: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// PortalRequests are a program's change requests of a status ("" any), newest first.
func (s *Store) PortalRequests(ctx context.Context, programID int64, status string) ([]domain.PortalRequest, error) {
	return s.portalRequests(ctx, `r.program_id = ? AND (? = '' OR r.status = ?)`, programID, status, status)
}

// DecidePortalRequest approves a pending request (the partner's detail changes, in the same
// transaction) or rejects it.
func (s *Store) DecidePortalRequest(ctx context.Context, programID, id int64, approve bool) (domain.PortalRequest, error) {
	var r domain.PortalRequest
	err := s.write(ctx, func(tx *Tx) error {
		var partnerID int64
		err := tx.QueryRowContext(ctx, `SELECT partner_id, field, value FROM portal_requests WHERE id = ? AND program_id = ? AND status = 'pending'`,
			id, programID).Scan(&partnerID, &r.Field, &r.Value)
		if errors.Is(err, sql.ErrNoRows) {
			return domain.Errorf(domain.ENotFound, "there is no pending request %d in this program", id)
		}
		if err != nil {
			return fmt.Errorf("sqlite: portal request %d: %w", id, err)
		}
		before, err := scanPartner(tx.QueryRowContext(ctx, partnerSelect+` WHERE p.id = ?`, partnerID))
		if err != nil {
			return fmt.Errorf("sqlite: portal request %d: %w", id, err)
		}
		status := "rejected"
		if approve {
			status = "approved"
			patch := domain.PartnerPatch{IBAN: &r.Value}
			if r.Field == "paypal_email" {
				patch = domain.PartnerPatch{PaypalEmail: &r.Value}
			}
			after, _, ps, err := tx.savePartner(programID, &before, patch)
			if err != nil {
				return err
			}
			if err := ps.Err("the request cannot be approved"); err != nil {
				return err
			}
			if err := tx.audit("partner.update", "partner", after.ID, programID, map[string]any{"before": before, "after": after}); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE portal_requests SET status = ?, decided_at = ?, decided_by = ? WHERE id = ?`,
			status, tx.now, domain.Actor(ctx), id); err != nil {
			return fmt.Errorf("sqlite: portal request %d: %w", id, err)
		}
		r = domain.PortalRequest{ID: id, Partner: before.Key, Name: before.Name, Field: r.Field, Value: r.Value, Status: status,
			DecidedAt: tx.now, DecidedBy: domain.Actor(ctx)}
		return tx.audit("portal.request."+status, "partner", partnerID, programID, map[string]any{"request": id, "field": r.Field})
	})
	return r, err
}
