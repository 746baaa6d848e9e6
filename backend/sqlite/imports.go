package sqlite

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"partnerbook/backend/domain"
)

// ImportPartners creates or updates the partners of a file, all or nothing: a row with a
// problem refuses the whole file, and every problem names its row. Parents may refer to rows
// further down the file.
func (s *Store) ImportPartners(ctx context.Context, programID int64, file string, rows []domain.PartnerRow) (domain.ImportResult, error) {
	res := domain.ImportResult{Rows: len(rows), Errors: []domain.Problem{}}
	err := s.write(ctx, func(tx *Tx) error {
		if _, err := tx.findProgram(fmt.Sprint(programID)); err != nil {
			return err
		}
		var problems []domain.Problem
		seen := map[string]int{}
		outcome := map[string]string{}
		// First pass without parents, so that a parent may stand below its child in the file.
		for _, r := range rows {
			patch := r.Patch
			patch.Parent = nil
			key := ""
			if patch.Key != nil {
				key = lower(*patch.Key)
			}
			if prev, dup := seen[key]; dup && key != "" {
				problems = append(problems, domain.Problem{File: file, Row: r.Row, Column: "key",
					Message: fmt.Sprintf("key %q is in row %d already", *patch.Key, prev)})
				continue
			}
			seen[key] = r.Row
			var bp *domain.Partner
			if before, err := findPartner(ctx, tx, programID, key); err == nil {
				bp = &before
			} else if domain.ErrorCode(err) != domain.ENotFound {
				return err
			}
			_, changed, ps, err := tx.savePartner(programID, bp, patch)
			if err != nil {
				return err
			}
			problems = append(problems, ps.At(file, r.Row)...)
			switch {
			case bp == nil:
				outcome[key] = "created"
			case changed:
				outcome[key] = "updated"
			default:
				outcome[key] = "unchanged"
			}
		}
		if len(problems) == 0 {
			problems = tx.importParents(programID, file, rows, outcome)
		}
		if len(problems) > 0 {
			res.Errors = problems
			return domain.Invalid(fmt.Sprintf("%s was not imported: %d problem(s)", file, len(problems)), problems)
		}
		for _, o := range outcome {
			res.Count(o)
		}
		if res.Created+res.Updated > 0 {
			if err := tx.recompute(programID, recomputeScope{all: true, fresh: true}); err != nil {
				return err
			}
		}
		return tx.recordBatch(programID, "partners", file, rows, &res)
	})
	return res, err
}

// importParents sets the parents of a partners file once every row's partner exists.
func (tx *Tx) importParents(programID int64, file string, rows []domain.PartnerRow, outcome map[string]string) []domain.Problem {
	var problems []domain.Problem
	for _, r := range rows {
		if r.Patch.Parent == nil || r.Patch.Key == nil {
			continue
		}
		p, err := findPartner(tx.ctx, tx, programID, *r.Patch.Key)
		if err != nil {
			return append(problems, domain.Problem{File: file, Row: r.Row, Message: err.Error()})
		}
		_, changed, ps, err := tx.savePartner(programID, &p, domain.PartnerPatch{Parent: r.Patch.Parent})
		if err != nil {
			ps = domain.Problems{{Message: err.Error()}}
		}
		problems = append(problems, ps.At(file, r.Row)...)
		if changed && outcome[lower(p.Key)] == "unchanged" {
			outcome[lower(p.Key)] = "updated"
		}
	}
	return problems
}

// ImportLeads adds the leads of a file, all or nothing. A lead already known with the same
// partner is updated (name, status); one that another partner submitted first is refused.
func (s *Store) ImportLeads(ctx context.Context, programID int64, file string, rows []domain.LeadRow) (domain.ImportResult, error) {
	return s.AddLeadsFrom(ctx, programID, file, "import", rows)
}

// AddLeadsFrom records leads that came from source ("import", or "mail" for a partner's
// message named by file), all or none.
func (s *Store) AddLeadsFrom(ctx context.Context, programID int64, file, source string, rows []domain.LeadRow) (domain.ImportResult, error) {
	res := domain.ImportResult{Rows: len(rows), Errors: []domain.Problem{}}
	err := s.write(ctx, func(tx *Tx) error {
		if _, err := tx.findProgram(fmt.Sprint(programID)); err != nil {
			return err
		}
		var problems []domain.Problem
		var leadIDs []int64
		for _, r := range rows {
			l := r.Lead
			l.Source = source
			outcome, ps, err := tx.saveLead(programID, &l)
			if err != nil {
				return err
			}
			if l.ID != 0 {
				leadIDs = append(leadIDs, l.ID)
			}
			problems = append(problems, ps.At(file, r.Row)...)
			res.Count(outcome)
		}
		if len(problems) > 0 {
			res.Errors = problems
			return domain.Invalid(fmt.Sprintf("%s was not imported: %d problem(s)", file, len(problems)), problems)
		}
		if err := tx.recompute(programID, recomputeScope{leads: leadIDs}); err != nil {
			return err
		}
		return tx.recordBatch(programID, "leads", file, rows, &res)
	})
	return res, err
}

func (tx *Tx) recordBatch(programID int64, kind, file string, rows any, res *domain.ImportResult) error {
	content, err := json.Marshal(rows)
	if err != nil {
		return fmt.Errorf("sqlite: record import: %w", err)
	}
	h := sha256.Sum256(content)
	r, err := tx.ExecContext(tx.ctx, `INSERT INTO import_batches (program_id, kind, file_name, file_hash, rows, created,
		updated, unchanged, actor, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)`, programID, kind, file,
		hex.EncodeToString(h[:]), res.Rows, res.Created, res.Updated, res.Unchanged, domain.Actor(tx.ctx), tx.now)
	if err != nil {
		return fmt.Errorf("sqlite: record import: %w", err)
	}
	res.Batch, _ = r.LastInsertId()
	return tx.audit("import."+kind, "import_batch", res.Batch, programID, res)
}
