package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"partnerbook/backend/domain"
)

// Applying what partners did in a headless server's portal (docs/portal.md): a lead becomes
// the partner's lead (source portal) by the rules of `lead add`; a change request waits on the
// Partners screen as one made in the app's own portal would. Each event is kept by its id with
// when it was applied (or why it changed nothing), in the same transaction as what it did and
// the cursor: fetched again, it is applied no second time.

// PortalCursor is the cursor after the last portal event fetched from remote (0: none yet).
func (s *Store) PortalCursor(ctx context.Context, remote string) (int64, error) {
	return s.SyncCursor(ctx, remote+"#portal")
}

// ApplyPortalEvents applies the portal events fetched from remote that were not applied
// before, and moves the cursor past them, in one transaction.
func (s *Store) ApplyPortalEvents(ctx context.Context, remote string, events []domain.PortalEvent, cursor int64) (domain.ApplyResult, error) {
	var res domain.ApplyResult
	err := s.write(ctx, func(tx *Tx) error {
		res = domain.ApplyResult{}
		leads := map[int64][]int64{} // by program
		for _, e := range events {
			r, err := tx.ExecContext(ctx, `INSERT INTO portal_events (event_id, program_id, partner_id, type, payload, received_at, applied_at)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING`, e.EventID, e.ProgramID, e.PartnerID, e.Type,
				string(e.Payload), stamp(e.ReceivedAt), tx.now)
			if err != nil {
				return fmt.Errorf("sqlite: keep portal event %s: %w", e.EventID, err)
			}
			if n, _ := r.RowsAffected(); n == 0 {
				continue
			}
			res.Events++
			problem, lead, err := tx.applyPortalEvent(e, &res)
			if err != nil {
				return err
			}
			if lead != 0 {
				leads[e.ProgramID] = append(leads[e.ProgramID], lead)
			}
			if problem != "" {
				res.Problems++
				if _, err := tx.ExecContext(ctx, `UPDATE portal_events SET problem = ? WHERE event_id = ?`, problem, e.EventID); err != nil {
					return fmt.Errorf("sqlite: portal event %s: %w", e.EventID, err)
				}
			}
		}
		for programID, ids := range leads {
			if err := tx.recompute(programID, recomputeScope{leads: ids}); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO sync_cursors (remote, cursor) VALUES (?, ?)
			ON CONFLICT (remote) DO UPDATE SET cursor = excluded.cursor`, remote+"#portal", cursor); err != nil {
			return fmt.Errorf("sqlite: portal cursor: %w", err)
		}
		return nil
	})
	return res, err
}

// applyPortalEvent applies one event; a problem is why it changed nothing (kept with it).
func (tx *Tx) applyPortalEvent(e domain.PortalEvent, res *domain.ApplyResult) (problem string, lead int64, err error) {
	var ev struct {
		domain.PortalLeadEvent        // partner, and a lead's name and e-mail
		Field                  string `json:"field"` // a request's
		Value                  string `json:"value"`
	}
	if err := json.Unmarshal(e.Payload, &ev); err != nil {
		return "the event cannot be read: " + err.Error(), 0, nil
	}
	p, err := scanPartner(tx.QueryRowContext(tx.ctx, partnerSelect+` WHERE p.id = ? AND p.program_id = ?`, e.PartnerID, e.ProgramID))
	if errors.Is(err, sql.ErrNoRows) || (err == nil && !strings.EqualFold(p.Key, ev.Partner)) {
		return fmt.Sprintf("there is no partner %s (%d) in program %d any more", ev.Partner, e.PartnerID, e.ProgramID), 0, nil
	}
	if err != nil {
		return "", 0, fmt.Errorf("sqlite: portal event's partner %d: %w", e.PartnerID, err)
	}
	switch e.Type {
	case domain.PortalEventLead:
		l := domain.Lead{Partner: p.Key, Email: ev.Email, Name: ev.Name, Source: "portal"}
		outcome, ps, err := tx.saveLead(e.ProgramID, &l)
		switch {
		case err != nil:
			return "", 0, err
		case len(ps) > 0:
			return ps[0].Message, 0, nil
		case outcome != "created":
			return fmt.Sprintf("%s is a lead of this partner already", l.Email), 0, nil
		}
		res.Leads++
		return "", l.ID, tx.audit("lead.add", "lead", l.ID, e.ProgramID, l)
	case domain.PortalEventRequest:
		if _, err := tx.portalRequest(p, ev.Field, ev.Value); err != nil {
			if domain.ErrorCode(err) == domain.EInvalid {
				return domain.AsError(err).Error(), 0, nil
			}
			return "", 0, err
		}
		res.Requests++
		return "", 0, nil
	}
	return fmt.Sprintf("an event of type %q is not known here", e.Type), 0, nil
}
