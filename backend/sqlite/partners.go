package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"partnerbook/backend/domain"
	"partnerbook/backend/payout"
)

const partnerSelect = `SELECT p.id, p.program_id, p.name, p.email, p.key, COALESCE(pp.key, ''), p.status, p.address,
	p.country, p.vat_id, p.language, p.paypal_email, p.iban, p.vat_treatment, p.vat_treatment_set, p.created_at, p.updated_at,
	COALESCE((SELECT group_concat(code, char(31)) FROM (SELECT code FROM coupons c WHERE c.partner_id = p.id ORDER BY c.id)), '')
	FROM partners p LEFT JOIN partners pp ON pp.id = p.parent_id`

func scanPartner(sc interface{ Scan(...any) error }) (domain.Partner, error) {
	var p domain.Partner
	var created, updated, coupons string
	err := sc.Scan(&p.ID, &p.ProgramID, &p.Name, &p.Email, &p.Key, &p.Parent, &p.Status, &p.Address, &p.Country,
		&p.VATID, &p.Language, &p.PaypalEmail, &p.IBAN, &p.VATTreatment, &p.VATTreatmentSet, &created, &updated, &coupons)
	p.CreatedAt, p.UpdatedAt = parseTime(created), parseTime(updated)
	p.Coupons = []string{}
	if coupons != "" {
		p.Coupons = strings.Split(coupons, "\x1f")
	}
	return p, err
}

// FindPartner finds a partner of a program by key (case-insensitive).
func (s *Store) FindPartner(ctx context.Context, programID int64, key string) (domain.Partner, error) {
	return findPartner(ctx, s.db, programID, key)
}

func findPartner(ctx context.Context, q querier, programID int64, key string) (domain.Partner, error) {
	p, err := scanPartner(q.QueryRowContext(ctx, partnerSelect+` WHERE p.program_id = ? AND p.key = ? COLLATE NOCASE`,
		programID, strings.TrimSpace(key)))
	if errors.Is(err, sql.ErrNoRows) {
		return p, domain.Errorf(domain.ENotFound, "there is no partner with key %q in this program", key)
	}
	if err != nil {
		return p, fmt.Errorf("sqlite: find partner %q: %w", key, err)
	}
	return p, nil
}

// AddPartner creates a partner; key and coupons must be free in the program.
func (s *Store) AddPartner(ctx context.Context, programID int64, patch domain.PartnerPatch) (domain.Partner, error) {
	var out domain.Partner
	err := s.write(ctx, func(tx *Tx) error {
		if _, err := tx.findProgram(fmt.Sprint(programID)); err != nil {
			return err
		}
		p, _, ps, err := tx.savePartner(programID, nil, patch)
		if err != nil {
			return err
		}
		if err := ps.Err("the partner was not added"); err != nil {
			return err
		}
		out = p
		if err := tx.recomputePartner(programID, nil, p); err != nil {
			return err
		}
		return tx.audit("partner.add", "partner", p.ID, programID, p)
	})
	return out, err
}

// UpdatePartner changes the fields the patch sets on the partner with key.
func (s *Store) UpdatePartner(ctx context.Context, programID int64, key string, patch domain.PartnerPatch) (domain.Partner, error) {
	var out domain.Partner
	err := s.write(ctx, func(tx *Tx) error {
		before, err := findPartner(ctx, tx, programID, key)
		if err != nil {
			return err
		}
		p, changed, ps, err := tx.savePartner(programID, &before, patch)
		if err != nil {
			return err
		}
		if err := ps.Err("the partner was not changed"); err != nil {
			return err
		}
		out = p
		if !changed {
			return nil
		}
		if err := tx.recomputePartner(programID, &before, p); err != nil {
			return err
		}
		return tx.audit("partner.update", "partner", p.ID, programID, map[string]any{"before": before, "after": p})
	})
	return out, err
}

// savePartner validates and writes one partner (before == nil: a new one). It returns the
// problems with the input separately from faults, so that imports can name rows.
func (tx *Tx) savePartner(programID int64, before *domain.Partner, patch domain.PartnerPatch) (domain.Partner, bool, domain.Problems, error) {
	p := domain.NewPartner()
	if before != nil {
		p = *before
	}
	p = patch.Apply(p)
	if !p.VATTreatmentSet {
		set, err := tx.settings()
		if err != nil {
			return p, false, nil, err
		}
		p.Normalize()
		p.VATTreatment = payout.DeriveTreatment(set.Company.Country, p.Country, p.VATID)
	}
	ps := p.Validate()
	if len(ps) == 0 && before != nil && partnerEqual(*before, p) {
		return *before, false, nil, nil
	}
	var selfID int64
	if before != nil {
		selfID = before.ID
	}
	// Check what is taken even when a field is invalid, so that one answer names every problem.
	taken, parentID, err := tx.checkPartnerUnique(programID, selfID, p)
	if ps = append(ps, taken...); err != nil || len(ps) > 0 {
		return p, false, ps, err
	}
	if before == nil {
		res, err := tx.ExecContext(tx.ctx, `INSERT INTO partners (program_id, name, email, key, parent_id, status, address,
			country, vat_id, language, paypal_email, iban, vat_treatment, vat_treatment_set, created_at, updated_at)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			programID, p.Name, p.Email, p.Key, parentID, p.Status, p.Address, p.Country, p.VATID, p.Language,
			p.PaypalEmail, p.IBAN, p.VATTreatment, p.VATTreatmentSet, tx.now, tx.now)
		if err != nil {
			return p, false, nil, fmt.Errorf("sqlite: add partner %q: %w", p.Key, err)
		}
		p.ID, _ = res.LastInsertId()
		p.ProgramID, p.CreatedAt = programID, parseTime(tx.now)
	} else {
		_, err := tx.ExecContext(tx.ctx, `UPDATE partners SET name=?, email=?, key=?, parent_id=?, status=?, address=?,
			country=?, vat_id=?, language=?, paypal_email=?, iban=?, vat_treatment=?, vat_treatment_set=?, updated_at=? WHERE id=?`,
			p.Name, p.Email, p.Key, parentID, p.Status, p.Address, p.Country, p.VATID, p.Language, p.PaypalEmail,
			p.IBAN, p.VATTreatment, p.VATTreatmentSet, tx.now, p.ID)
		if err != nil {
			return p, false, nil, fmt.Errorf("sqlite: update partner %q: %w", p.Key, err)
		}
		if p.Status != "active" && before.Status == "active" {
			if err := tx.endPortalSessions(p.ID); err != nil {
				return p, false, nil, err
			}
		}
	}
	p.UpdatedAt = parseTime(tx.now)
	if before == nil || !reflect.DeepEqual(before.Coupons, p.Coupons) {
		if err := tx.setCoupons(programID, p.ID, p.Coupons); err != nil {
			return p, false, nil, err
		}
	}
	return p, true, nil, nil
}

func partnerEqual(a, b domain.Partner) bool {
	a.UpdatedAt, b.UpdatedAt = b.UpdatedAt, a.UpdatedAt
	if len(a.Coupons) == 0 && len(b.Coupons) == 0 {
		a.Coupons, b.Coupons = nil, nil
	}
	return reflect.DeepEqual(a, b)
}

// checkPartnerUnique checks that key and coupons are free and that the parent exists and
// makes no cycle; it returns the parent's id (nil for none).
func (tx *Tx) checkPartnerUnique(programID, selfID int64, p domain.Partner) (domain.Problems, any, error) {
	var ps domain.Problems
	var other string
	err := tx.QueryRowContext(tx.ctx, `SELECT name FROM partners WHERE program_id = ? AND key = ? COLLATE NOCASE AND id <> ?`,
		programID, p.Key, selfID).Scan(&other)
	if err == nil {
		ps.Add("key", "key %q is taken by %s", p.Key, other)
	} else if !errors.Is(err, sql.ErrNoRows) {
		return nil, nil, fmt.Errorf("sqlite: partner key: %w", err)
	}
	for _, c := range p.Coupons {
		var code string
		err := tx.QueryRowContext(tx.ctx, `SELECT p.name, c.code FROM coupons c JOIN partners p ON p.id = c.partner_id
			WHERE c.program_id = ? AND c.code = ? COLLATE NOCASE AND c.partner_id <> ?`, programID, c, selfID).Scan(&other, &code)
		if err == nil {
			ps.Add("coupons", "coupon %q is taken by %s (as %q)", c, other, code)
		} else if !errors.Is(err, sql.ErrNoRows) {
			return nil, nil, fmt.Errorf("sqlite: coupon: %w", err)
		}
	}
	if p.Parent == "" {
		return ps, nil, nil
	}
	parent, err := findPartner(tx.ctx, tx, programID, p.Parent)
	if domain.ErrorCode(err) == domain.ENotFound {
		ps.Add("parent", "there is no partner with key %q to be the parent", p.Parent)
		return ps, nil, nil
	} else if err != nil {
		return nil, nil, err
	}
	if selfID != 0 {
		// Walk up from the new parent: meeting this partner means a cycle.
		for id := parent.ID; id != 0; {
			if id == selfID {
				ps.Add("parent", "%q cannot be the parent: it is already below %s", p.Parent, p.Key)
				break
			}
			var next sql.NullInt64
			if err := tx.QueryRowContext(tx.ctx, `SELECT parent_id FROM partners WHERE id = ?`, id).Scan(&next); err != nil {
				return nil, nil, fmt.Errorf("sqlite: parent chain: %w", err)
			}
			id = next.Int64
		}
	}
	return ps, parent.ID, nil
}

func (tx *Tx) setCoupons(programID, partnerID int64, coupons []string) error {
	if _, err := tx.ExecContext(tx.ctx, `DELETE FROM coupons WHERE partner_id = ?`, partnerID); err != nil {
		return fmt.Errorf("sqlite: coupons: %w", err)
	}
	for _, c := range coupons {
		if _, err := tx.ExecContext(tx.ctx, `INSERT INTO coupons (program_id, partner_id, code) VALUES (?, ?, ?)`,
			programID, partnerID, c); err != nil {
			return fmt.Errorf("sqlite: coupon %q: %w", c, err)
		}
	}
	return nil
}

var partnerSorts = map[string]string{"name": "p.name COLLATE NOCASE", "email": "p.email", "key": "p.key COLLATE NOCASE",
	"status": "p.status", "country": "p.country", "created_at": "p.created_at", "parent": "pp.key"}

// ListPartners returns one page of a program's partners and how many match in all.
func (s *Store) ListPartners(ctx context.Context, f domain.PartnerFilter) ([]domain.Partner, int, error) {
	cond, args := partnerWhere(f)
	order := orderBy(partnerSorts, f.Page, "name") + ", p.id"
	return listPage(ctx, s, "partners", `SELECT count(*) FROM partners p WHERE `+cond,
		partnerSelect+` WHERE `+cond+` ORDER BY `+order, args, f.Limit, f.Offset, scanPartner)
}

// partnerWhere is the condition of a partner filter, of partners p.
func partnerWhere(f domain.PartnerFilter) (string, []any) {
	where := []string{"p.program_id = ?"}
	args := []any{f.ProgramID}
	if f.Status != "" {
		where, args = append(where, "p.status = ?"), append(args, f.Status)
	}
	if q := strings.TrimSpace(f.Search); q != "" {
		like := "%" + escapeLike(q) + "%"
		where = append(where, `(p.name LIKE ? ESCAPE '\' OR p.email LIKE ? ESCAPE '\' OR p.key LIKE ? ESCAPE '\'
			OR EXISTS (SELECT 1 FROM coupons c WHERE c.partner_id = p.id AND c.code LIKE ? ESCAPE '\'))`)
		args = append(args, like, like, like, like)
	}
	return strings.Join(where, " AND "), args
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

func orderBy(allowed map[string]string, pg domain.Page, fallback string) string {
	col, ok := allowed[pg.Sort]
	if !ok {
		col = allowed[fallback]
	}
	if pg.Desc {
		return col + " DESC"
	}
	return col
}

// limit turns a page size into SQL's LIMIT: 0 or less means all rows.
func limit(n int) int {
	if n <= 0 {
		return -1
	}
	return n
}
