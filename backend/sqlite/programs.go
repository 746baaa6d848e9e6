package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"partnerbook/backend/domain"
)

const programColumns = `id, name, kind, currency, timezone, cookie_days, attribution, hold_days,
	payout_threshold, base, self_referral, rules, created_at, updated_at, portal, allowed_origins, site, sample`

func scanProgram(sc interface{ Scan(...any) error }) (domain.Program, error) {
	var p domain.Program
	var threshold int64
	var rules, origins, created, updated string
	if err := sc.Scan(&p.ID, &p.Name, &p.Kind, &p.Currency, &p.Timezone, &p.CookieDays, &p.Attribution,
		&p.HoldDays, &threshold, &p.Base, &p.SelfReferral, &rules, &created, &updated, &p.Portal, &origins, &p.Site, &p.Sample); err != nil {
		return p, err
	}
	p.Origins = []string{}
	if err := json.Unmarshal([]byte(origins), &p.Origins); err != nil {
		return p, fmt.Errorf("origins of program %d: %w", p.ID, err)
	}
	p.PayoutThreshold = domain.FormatMinor(threshold, p.Currency)
	if err := json.Unmarshal([]byte(rules), &p.Rules); err != nil {
		return p, fmt.Errorf("rules of program %d: %w", p.ID, err)
	}
	p.CreatedAt, p.UpdatedAt = parseTime(created), parseTime(updated)
	return p, nil
}

// programArgs validates p and returns the threshold in minor units, the rules and the
// origins as JSON.
func programArgs(p *domain.Program) (int64, string, string, error) {
	if err := p.Validate(); err != nil {
		return 0, "", "", err
	}
	d, _ := domain.ParseAmount(p.PayoutThreshold)
	threshold, _ := domain.ToMinor(d, p.Currency)
	p.PayoutThreshold = domain.FormatMinor(threshold, p.Currency)
	rules, err := json.Marshal(p.Rules)
	if err != nil {
		return 0, "", "", err
	}
	origins, err := json.Marshal(p.Origins)
	return threshold, string(rules), string(origins), err
}

// CreateProgram stores a new program; its name must be free (case-insensitive). p.Sample makes
// it the sample program (only sample.Create sets it; an update keeps it as it is).
func (s *Store) CreateProgram(ctx context.Context, p domain.Program) (domain.Program, error) {
	threshold, rules, origins, err := programArgs(&p)
	if err != nil {
		return p, err
	}
	err = s.write(ctx, func(tx *Tx) error {
		if err := tx.programNameFree(p.Name, 0); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO programs (name, kind, currency, timezone, cookie_days,
			attribution, hold_days, payout_threshold, base, self_referral, rules, allowed_origins, site, sample, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, p.Name, p.Kind, p.Currency, p.Timezone, p.CookieDays,
			p.Attribution, p.HoldDays, threshold, p.Base, p.SelfReferral, rules, origins, p.Site, p.Sample, tx.now, tx.now)
		if err != nil {
			return fmt.Errorf("sqlite: create program: %w", err)
		}
		p.ID, _ = res.LastInsertId()
		p.CreatedAt, p.UpdatedAt = parseTime(tx.now), parseTime(tx.now)
		if err := tx.setPortal(p); err != nil {
			return err
		}
		return tx.audit("program.create", "program", p.ID, p.ID, p)
	})
	return p, err
}

// UpdateProgram replaces every setting and rule of the program with p.ID.
func (s *Store) UpdateProgram(ctx context.Context, p domain.Program) (domain.Program, error) {
	threshold, rules, origins, err := programArgs(&p)
	if err != nil {
		return p, err
	}
	err = s.write(ctx, func(tx *Tx) error {
		before, err := tx.findProgram(strconv.FormatInt(p.ID, 10))
		if err != nil {
			return err
		}
		if err := tx.programNameFree(p.Name, p.ID); err != nil {
			return err
		}
		if before.Currency != p.Currency {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM payouts WHERE program_id = ?`, p.ID).Scan(&n); err != nil {
				return fmt.Errorf("sqlite: program %d payouts: %w", p.ID, err)
			}
			if n > 0 {
				return domain.Invalid("the program is not valid", []domain.Problem{{Column: "currency",
					Message: "cannot change once payouts were made in " + before.Currency}})
			}
		}
		_, err = tx.ExecContext(ctx, `UPDATE programs SET name = ?, kind = ?, currency = ?, timezone = ?,
			cookie_days = ?, attribution = ?, hold_days = ?, payout_threshold = ?, base = ?, self_referral = ?,
			rules = ?, allowed_origins = ?, site = ?, updated_at = ? WHERE id = ?`, p.Name, p.Kind, p.Currency, p.Timezone,
			p.CookieDays, p.Attribution, p.HoldDays, threshold, p.Base, p.SelfReferral, rules, origins, p.Site, tx.now, p.ID)
		if err != nil {
			return fmt.Errorf("sqlite: update program %d: %w", p.ID, err)
		}
		p.CreatedAt, p.UpdatedAt, p.Sample = before.CreatedAt, parseTime(tx.now), before.Sample // the sample stays the sample
		if err := tx.setPortal(p); err != nil {
			return err
		}
		if commissionsChange(before, p) {
			if err := tx.recompute(p.ID, recomputeScope{all: true, fresh: true}); err != nil {
				return err
			}
		}
		return tx.audit("program.update", "program", p.ID, p.ID, map[string]any{"before": before, "after": p})
	})
	return p, err
}

func (tx *Tx) programNameFree(name string, except int64) error {
	var id int64
	err := tx.QueryRowContext(tx.ctx, `SELECT id FROM programs WHERE name = ? AND id <> ?`, name, except).Scan(&id)
	if err == nil {
		return domain.Invalid("the program is not valid", []domain.Problem{{Column: "name",
			Message: fmt.Sprintf("a program named %q exists already", name)}})
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("sqlite: program name: %w", err)
	}
	return nil
}

// FindProgram finds a program by name (case-insensitive) or by id.
func (s *Store) FindProgram(ctx context.Context, nameOrID string) (domain.Program, error) {
	return findProgram(ctx, s.db, nameOrID)
}

func (tx *Tx) findProgram(nameOrID string) (domain.Program, error) {
	return findProgram(tx.ctx, tx.Tx, nameOrID)
}

type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func findProgram(ctx context.Context, q querier, nameOrID string) (domain.Program, error) {
	id, _ := strconv.ParseInt(nameOrID, 10, 64)
	p, err := scanProgram(q.QueryRowContext(ctx, `SELECT `+programColumns+` FROM programs
		WHERE name = ? OR id = ? ORDER BY name = ? DESC LIMIT 1`, nameOrID, id, nameOrID))
	if errors.Is(err, sql.ErrNoRows) {
		return p, domain.Errorf(domain.ENotFound, "there is no program %q", nameOrID)
	}
	if err != nil {
		return p, fmt.Errorf("sqlite: find program %q: %w", nameOrID, err)
	}
	return p, nil
}

// ListPrograms returns every program by name.
func (s *Store) ListPrograms(ctx context.Context) ([]domain.Program, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+programColumns+` FROM programs ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: list programs: %w", err)
	}
	defer rows.Close()
	out := []domain.Program{}
	for rows.Next() {
		p, err := scanProgram(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: list programs: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// commissionsChange says whether a program's change moves its commissions: its plan or a
// setting the engine reads. A new name, cookie window or threshold moves none.
func commissionsChange(before, after domain.Program) bool {
	b, _ := json.Marshal(before.Rules)
	a, _ := json.Marshal(after.Rules)
	return string(a) != string(b) || before.Currency != after.Currency || before.Timezone != after.Timezone ||
		before.HoldDays != after.HoldDays || before.Base != after.Base || before.SelfReferral != after.SelfReferral
}

// setPortal stores the program's portal setting (docs/portal.md).
func (tx *Tx) setPortal(p domain.Program) error {
	if _, err := tx.ExecContext(tx.ctx, `UPDATE programs SET portal = ? WHERE id = ?`, p.Portal, p.ID); err != nil {
		return fmt.Errorf("sqlite: program %d portal: %w", p.ID, err)
	}
	return nil
}
