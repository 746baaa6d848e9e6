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

const leadSelect = `SELECT l.id, l.program_id, p.key, l.email, l.name, l.status, l.source, l.created_at,
	l.converted_at FROM leads l JOIN partners p ON p.id = l.partner_id`

func scanLead(sc interface{ Scan(...any) error }) (domain.Lead, error) {
	var l domain.Lead
	var created string
	var converted sql.NullString
	err := sc.Scan(&l.ID, &l.ProgramID, &l.Partner, &l.Email, &l.Name, &l.Status, &l.Source, &created, &converted)
	l.CreatedAt = parseTime(created)
	if converted.Valid {
		t := parseTime(converted.String)
		l.ConvertedAt = &t
	}
	return l, err
}

// AddLead records a lead a partner submitted.
func (s *Store) AddLead(ctx context.Context, programID int64, l domain.Lead) (domain.Lead, error) {
	if l.Source == "" {
		l.Source = "manual"
	}
	err := s.write(ctx, func(tx *Tx) error {
		if _, err := tx.findProgram(fmt.Sprint(programID)); err != nil {
			return err
		}
		outcome, ps, err := tx.saveLead(programID, &l)
		if err != nil {
			return err
		}
		if err := ps.Err("the lead was not added"); err != nil {
			return err
		}
		if outcome != "created" {
			return domain.Invalid("the lead was not added", []domain.Problem{{Column: "email",
				Message: fmt.Sprintf("%s is a lead of this partner already", l.Email)}})
		}
		if err := tx.recompute(programID, recomputeScope{leads: []int64{l.ID}}); err != nil {
			return err
		}
		return tx.audit("lead.add", "lead", l.ID, programID, l)
	})
	return l, err
}

// saveLead creates a lead, or updates name and status of the same partner's lead with that
// e-mail. It says "created", "updated" or "unchanged", or returns problems.
func (tx *Tx) saveLead(programID int64, l *domain.Lead) (string, domain.Problems, error) {
	ps := l.Validate()
	if len(ps) > 0 {
		return "", ps, nil
	}
	partner, err := findPartner(tx.ctx, tx, programID, l.Partner)
	if domain.ErrorCode(err) == domain.ENotFound {
		return "", domain.Problems{{Column: "partner_key", Message: fmt.Sprintf("there is no partner with key %q", l.Partner)}}, nil
	} else if err != nil {
		return "", nil, err
	}
	l.Partner, l.ProgramID = partner.Key, programID
	existing, err := scanLead(tx.QueryRowContext(tx.ctx, leadSelect+` WHERE l.program_id = ? AND l.email = ?`, programID, l.Email))
	if errors.Is(err, sql.ErrNoRows) {
		var converted any
		if l.Status == "converted" {
			converted = tx.now
		}
		res, err := tx.ExecContext(tx.ctx, `INSERT INTO leads (program_id, partner_id, email, name, status, source,
			created_at, converted_at) VALUES (?,?,?,?,?,?,?,?)`, programID, partner.ID, l.Email, l.Name, l.Status,
			l.Source, tx.now, converted)
		if err != nil {
			return "", nil, fmt.Errorf("sqlite: add lead: %w", err)
		}
		l.ID, _ = res.LastInsertId()
		l.CreatedAt = parseTime(tx.now)
		return "created", nil, nil
	}
	if err != nil {
		return "", nil, fmt.Errorf("sqlite: find lead: %w", err)
	}
	if !strings.EqualFold(existing.Partner, l.Partner) {
		return "", domain.Problems{{Column: "email", Message: fmt.Sprintf("%s was submitted by %s already", l.Email, existing.Partner)}}, nil
	}
	if l.Name == "" {
		l.Name = existing.Name
	}
	if existing.Name == l.Name && existing.Status == l.Status {
		*l = existing
		return "unchanged", nil, nil
	}
	id := existing.ID
	if _, err := tx.setLeadStatus(existing, l.Status, l.Name); err != nil {
		return "", nil, err
	}
	updated, err := scanLead(tx.QueryRowContext(tx.ctx, leadSelect+` WHERE l.id = ?`, id))
	*l = updated
	return "updated", nil, err
}

func (tx *Tx) setLeadStatus(l domain.Lead, status, name string) (domain.Lead, error) {
	converted := l.ConvertedAt
	if status == "converted" && converted == nil {
		t := parseTime(tx.now)
		converted = &t
	}
	if status != "converted" {
		converted = nil
	}
	var conv any
	if converted != nil {
		conv = converted.UTC().Format(TimeLayout)
	}
	if _, err := tx.ExecContext(tx.ctx, `UPDATE leads SET status = ?, name = ?, converted_at = ? WHERE id = ?`,
		status, name, conv, l.ID); err != nil {
		return l, fmt.Errorf("sqlite: lead %d: %w", l.ID, err)
	}
	l.Status, l.Name, l.ConvertedAt = status, name, converted
	return l, tx.audit("lead.status", "lead", l.ID, l.ProgramID, map[string]string{"status": status})
}

// SetLeadStatus changes a lead's status; marking it converted dates the conversion at (or now).
func (s *Store) SetLeadStatus(ctx context.Context, programID, leadID int64, status string, at time.Time) (domain.Lead, error) {
	var out domain.Lead
	status = strings.ToLower(strings.TrimSpace(status))
	var ps domain.Problems
	domain.OneOf(&ps, "status", status, domain.LeadStatuses)
	if err := ps.Err("the lead was not changed"); err != nil {
		return out, err
	}
	err := s.write(ctx, func(tx *Tx) error {
		l, err := scanLead(tx.QueryRowContext(ctx, leadSelect+` WHERE l.id = ? AND l.program_id = ?`, leadID, programID))
		if errors.Is(err, sql.ErrNoRows) {
			return domain.Errorf(domain.ENotFound, "there is no lead %d in this program", leadID)
		} else if err != nil {
			return fmt.Errorf("sqlite: lead %d: %w", leadID, err)
		}
		if !at.IsZero() {
			tx.now = at.UTC().Format(TimeLayout)
		}
		if out, err = tx.setLeadStatus(l, status, l.Name); err != nil {
			return err
		}
		return tx.recompute(programID, recomputeScope{leads: []int64{l.ID}})
	})
	return out, err
}

var leadSorts = map[string]string{"email": "l.email", "name": "l.name COLLATE NOCASE", "status": "l.status",
	"partner": "p.key COLLATE NOCASE", "created_at": "l.created_at"}

// ListLeads returns one page of a program's leads, newest first unless sorted otherwise.
func (s *Store) ListLeads(ctx context.Context, f domain.LeadFilter) ([]domain.Lead, int, error) {
	cond, args := leadWhere(f)
	return listPage(ctx, s, "leads", `SELECT count(*) FROM leads l JOIN partners p ON p.id = l.partner_id WHERE `+cond,
		leadSelect+` WHERE `+cond+` ORDER BY `+leadOrder(f.Page)+`, l.id`, args, f.Limit, f.Offset, scanLead)
}

// leadWhere is the condition of a lead filter, of leads l joined with partners p.
func leadWhere(f domain.LeadFilter) (string, []any) {
	where := []string{"l.program_id = ?"}
	args := []any{f.ProgramID}
	if f.Partner != "" {
		where, args = append(where, "p.key = ? COLLATE NOCASE"), append(args, f.Partner)
	}
	if f.Status != "" {
		where, args = append(where, "l.status = ?"), append(args, f.Status)
	}
	if q := strings.TrimSpace(f.Search); q != "" {
		like := "%" + escapeLike(q) + "%"
		where = append(where, `(l.email LIKE ? ESCAPE '\' OR l.name LIKE ? ESCAPE '\')`)
		args = append(args, like, like)
	}
	return strings.Join(where, " AND "), args
}

// leadOrder is the ORDER BY of a lead list: newest first unless sorted otherwise.
func leadOrder(pg domain.Page) string {
	if pg.Sort == "" {
		pg.Sort, pg.Desc = "created_at", true
	}
	return orderBy(leadSorts, pg, "created_at")
}
