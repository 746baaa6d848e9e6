package sqlite

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	"partnerbook/backend/domain"
	"partnerbook/backend/statement"
)

// What partners do in a headless server's portal: a lead or a change request becomes a portal
// event, which the desktop fetches at its next pull and applies once, by its event id. Until a
// snapshot read after that pull arrives, the portal shows them as submitted.

// PortalLeadSent is the status a headless portal shows of a lead submitted there until the
// desktop has it: sent to the shop.
const PortalLeadSent = "sent"

// pending are the partner's portal events of a type that the program's snapshot does not
// include yet (after the cursor it was read at), newest first.
func (p *Published) pending(ctx context.Context, a domain.PortalAccount, typ string) ([]domain.Event, error) {
	rows, err := p.s.db.QueryContext(ctx, `SELECT e.payload, e.received_at FROM portal_events e
		WHERE e.partner_id = ? AND e.type = ? AND e.id > COALESCE((SELECT cursor FROM portal_pub_programs WHERE program_id = ?), 0)
		ORDER BY e.id DESC LIMIT 200`, a.PartnerID, typ, a.ProgramID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: portal events: %w", err)
	}
	defer rows.Close()
	var out []domain.Event
	for rows.Next() {
		var e domain.Event
		var payload, at string
		if err := rows.Scan(&payload, &at); err != nil {
			return nil, fmt.Errorf("sqlite: portal events: %w", err)
		}
		e.Payload, e.ReceivedAt = []byte(payload), parseTime(at)
		out = append(out, e)
	}
	return out, rows.Err()
}

func (p *Published) account(ctx context.Context, partnerID int64) (domain.PortalAccount, domain.PortalSummary, error) {
	var a domain.PortalAccount
	var sum domain.PortalSummary
	if err := p.column(ctx, partnerID, "account", &a); err != nil {
		return a, sum, err
	}
	return a, sum, p.column(ctx, partnerID, "summary", &sum)
}

func zone(sum domain.PortalSummary) *time.Location {
	if loc, err := time.LoadLocation(sum.Program.Timezone); err == nil {
		return loc
	}
	return time.UTC
}

// PortalLeads are the partner's leads: those submitted here since the snapshot, then the published ones.
func (p *Published) PortalLeads(ctx context.Context, partnerID int64) ([]domain.PortalLead, error) {
	a, sum, err := p.account(ctx, partnerID)
	if err != nil {
		return nil, err
	}
	evs, err := p.pending(ctx, a, domain.PortalEventLead)
	if err != nil {
		return nil, err
	}
	out := []domain.PortalLead{}
	for _, e := range evs {
		var l domain.PortalLeadEvent
		json.Unmarshal(e.Payload, &l) // written by this file
		out = append(out, domain.PortalLead{Email: statement.Private(l.Name, l.Email), Status: PortalLeadSent,
			Day: e.ReceivedAt.In(zone(sum)).Format("2006-01-02")})
	}
	var published []domain.PortalLead
	if err := p.column(ctx, partnerID, "leads", &published); err != nil {
		return nil, err
	}
	return append(out, published...), nil
}

// PortalAddLead records a lead for the desktop, by the rules of `lead add`: an address that is
// a lead of the program already (as published, or submitted here since) is refused.
func (p *Published) PortalAddLead(ctx context.Context, partnerID int64, name, email string) (domain.PortalLead, error) {
	a, sum, err := p.account(ctx, partnerID)
	if err != nil {
		return domain.PortalLead{}, err
	}
	l := domain.Lead{Partner: a.Key, Email: email, Name: name, Source: "portal"}
	if err := l.Validate().Err("the lead was not added"); err != nil {
		return domain.PortalLead{}, err
	}
	var known bool
	err = p.s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM portal_pub_lead_hashes WHERE program_id = ? AND hash = ?)
		OR EXISTS (SELECT 1 FROM portal_events WHERE program_id = ? AND type = ? AND payload->>'email' = ?
			AND id > COALESCE((SELECT cursor FROM portal_pub_programs WHERE program_id = ?), 0))`,
		a.ProgramID, domain.LeadHash(a.ProgramID, l.Email), a.ProgramID, domain.PortalEventLead, l.Email, a.ProgramID).Scan(&known)
	if err != nil {
		return domain.PortalLead{}, fmt.Errorf("sqlite: portal lead: %w", err)
	}
	if known {
		return domain.PortalLead{}, domain.Invalid("the lead was not added", []domain.Problem{{Column: "email",
			Message: fmt.Sprintf("%s was submitted as a lead already", l.Email)}})
	}
	at, err := p.record(ctx, a, domain.PortalEventLead, domain.PortalLeadEvent{PartnerID: a.PartnerID, Partner: a.Key,
		Name: l.Name, Email: l.Email})
	return domain.PortalLead{Email: statement.Private(l.Name, l.Email), Status: PortalLeadSent, Day: at.In(zone(sum)).Format("2006-01-02")}, err
}

// record stores a portal event of a partner for the desktop, under a new random event id.
func (p *Published) record(ctx context.Context, a domain.PortalAccount, typ string, payload any) (time.Time, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return time.Time{}, fmt.Errorf("sqlite: portal event id: %w", err)
	}
	body, err := json.Marshal(payload)
	if err != nil {
		return time.Time{}, err
	}
	now := p.s.Now().UTC()
	_, err = p.s.db.ExecContext(ctx, `INSERT INTO portal_events (event_id, program_id, partner_id, type, payload, received_at)
		VALUES (?, ?, ?, ?, ?, ?)`, "portal-"+typ+":"+hex.EncodeToString(b), a.ProgramID, a.PartnerID, typ, string(body), stamp(now))
	if err != nil {
		return now, fmt.Errorf("sqlite: portal event: %w", err)
	}
	return now, nil
}

// PortalEventsAfter lists the portal events recorded on this server after a cursor, in order.
func (s *Store) PortalEventsAfter(ctx context.Context, cursor int64, limit int) ([]domain.PortalEvent, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, event_id, program_id, partner_id, type, payload, received_at FROM portal_events
		WHERE id > ? ORDER BY id LIMIT ?`, cursor, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: portal events: %w", err)
	}
	defer rows.Close()
	out := []domain.PortalEvent{}
	for rows.Next() {
		var e domain.PortalEvent
		var payload, at string
		if err := rows.Scan(&e.ID, &e.EventID, &e.ProgramID, &e.PartnerID, &e.Type, &payload, &at); err != nil {
			return nil, fmt.Errorf("sqlite: portal events: %w", err)
		}
		e.Payload, e.ReceivedAt = json.RawMessage(payload), parseTime(at)
		out = append(out, e)
	}
	return out, rows.Err()
}

// PortalProfile is the partner's published details, with the requests made here since first.
func (p *Published) PortalProfile(ctx context.Context, partnerID int64) (domain.PortalProfile, error) {
	a, _, err := p.account(ctx, partnerID)
	if err != nil {
		return domain.PortalProfile{}, err
	}
	var pr domain.PortalProfile
	if err := p.column(ctx, partnerID, "profile", &pr); err != nil {
		return pr, err
	}
	evs, err := p.pending(ctx, a, domain.PortalEventRequest)
	if err != nil {
		return pr, err
	}
	var mine []domain.PortalRequest
	for _, e := range evs {
		var r domain.PortalRequestEvent
		json.Unmarshal(e.Payload, &r) // written by this file
		mine = append(mine, domain.PortalRequest{Partner: a.Key, Name: a.Name, Field: r.Field, Value: r.Value, Status: "pending",
			CreatedAt: stamp(e.ReceivedAt)})
	}
	pr.Requests = append(mine, pr.Requests...)
	var last string
	if err := p.s.db.QueryRowContext(ctx, `SELECT COALESCE(max(created_at), '') FROM portal_pub_sessions WHERE partner_id = ?`,
		partnerID).Scan(&last); err != nil {
		return pr, fmt.Errorf("sqlite: published sign-in: %w", err)
	}
	if last > pr.LastSignIn {
		pr.LastSignIn = last
	}
	return pr, nil
}

// PortalRequestChange records a partner's request to change a payout detail, for the shop to
// approve in the app; checked here as the app checks it.
func (p *Published) PortalRequestChange(ctx context.Context, partnerID int64, field, value string) (domain.PortalRequest, error) {
	a, _, err := p.account(ctx, partnerID)
	if err != nil {
		return domain.PortalRequest{}, err
	}
	value, err = checkPortalRequest(domain.Partner{Key: a.Key, Name: a.Name, Email: a.Email}, field, value)
	if err != nil {
		return domain.PortalRequest{}, err
	}
	at, err := p.record(ctx, a, domain.PortalEventRequest, domain.PortalRequestEvent{PartnerID: a.PartnerID, Partner: a.Key,
		Field: field, Value: value})
	return domain.PortalRequest{Partner: a.Key, Name: a.Name, Field: field, Value: value, Status: "pending", CreatedAt: stamp(at)}, err
}
