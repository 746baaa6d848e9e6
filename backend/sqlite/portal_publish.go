package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"partnerbook/backend/domain"
)

// Publishing the partner portal to a headless server (docs/portal.md): the desktop reads, per
// program, what the portal shows each partner who may sign in, through the very methods the
// in-app portal answers with; the server keeps it (ApplyPortalSnapshot) and serves it
// (Published) while the laptop sleeps.

// PortalSnapshotOf is what the portal shows in a program, for the headless server: every active
// partner's overview, newest lines, payouts with their statements' filed bytes, leads and
// profile. A program whose portal is off has no partners in it (the server then lets nobody
// sign in). cursor is the desktop's events cursor, which the server keeps with it.
func (s *Store) PortalSnapshotOf(ctx context.Context, programID, cursor int64) (domain.PortalSnapshot, error) {
	snap := domain.PortalSnapshot{ProgramID: programID, AsOf: s.Now().UTC(), Cursor: cursor,
		Partners: []domain.PortalPublishedPartner{}, LeadHashes: []string{}}
	accounts, err := s.portalProgramAccounts(ctx, programID)
	if err != nil || len(accounts) == 0 {
		return snap, err
	}
	for _, a := range accounts {
		pp, err := s.portalPublishedPartner(ctx, a)
		if err != nil {
			return snap, err
		}
		snap.Partners = append(snap.Partners, pp)
	}
	snap.LeadHashes, err = s.leadHashes(ctx, programID)
	return snap, err
}

// portalProgramAccounts are a program's partners who may sign in (none where its portal is off).
func (s *Store) portalProgramAccounts(ctx context.Context, programID int64) ([]domain.PortalAccount, error) {
	rows, err := s.db.QueryContext(ctx, portalAccountSelect+` WHERE p.program_id = ? AND p.status = 'active' AND g.portal = 'on'
		AND p.email != '' ORDER BY p.id`, programID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: portal snapshot: %w", err)
	}
	defer rows.Close()
	var out []domain.PortalAccount
	for rows.Next() {
		a, err := scanPortalAccount(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: portal snapshot: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

func (s *Store) portalPublishedPartner(ctx context.Context, a domain.PortalAccount) (domain.PortalPublishedPartner, error) {
	pp := domain.PortalPublishedPartner{Account: a}
	var err error
	if pp.Summary, err = s.PortalSummary(ctx, a.PartnerID); err != nil {
		return pp, err
	}
	if pp.Lines, _, err = s.PortalLines(ctx, a.PartnerID, 0, domain.MaxPublishedLines); err != nil {
		return pp, err
	}
	payouts, err := s.PortalPayouts(ctx, a.PartnerID)
	if err != nil {
		return pp, err
	}
	numbers := make([]string, len(payouts))
	for i, py := range payouts {
		numbers[i] = py.Number
	}
	filed, err := s.StatementPDFs(ctx, a.ProgramID, numbers)
	if err != nil {
		return pp, err
	}
	pp.Payouts = make([]domain.PortalPublishedPayout, len(payouts))
	for i, py := range payouts {
		pp.Payouts[i] = domain.PortalPublishedPayout{PortalPayout: py, PDF: filed[i].PDF}
	}
	if pp.Leads, err = s.PortalLeads(ctx, a.PartnerID); err != nil {
		return pp, err
	}
	pp.Profile, err = s.PortalProfile(ctx, a.PartnerID)
	return pp, err
}

func (s *Store) leadHashes(ctx context.Context, programID int64) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT email FROM leads WHERE program_id = ?`, programID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: portal snapshot leads: %w", err)
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var email string
		if err := rows.Scan(&email); err != nil {
			return nil, fmt.Errorf("sqlite: portal snapshot leads: %w", err)
		}
		out = append(out, domain.LeadHash(programID, email))
	}
	return out, rows.Err()
}

// ApplyPortalSnapshot keeps what the desktop published of a program on its headless server, in
// one transaction: it replaces the program's earlier snapshot whole (a publish sent twice
// leaves one copy), and ends the sessions of partners it no longer lists.
func (s *Store) ApplyPortalSnapshot(ctx context.Context, snap domain.PortalSnapshot) (domain.PortalPublishResult, error) {
	var res domain.PortalPublishResult
	if err := checkSnapshot(snap); err != nil {
		return res, err
	}
	err := s.write(ctx, func(tx *Tx) error {
		res = domain.PortalPublishResult{}
		if err := tx.linkedServer(); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM programs WHERE id = ?`, snap.ProgramID).Scan(&n); err != nil {
			return fmt.Errorf("sqlite: portal publish: %w", err)
		}
		if n == 0 {
			return domain.Errorf(domain.EInvalid, "program %d was not pushed to this server: push the programs first", snap.ProgramID)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM portal_pub_programs WHERE program_id = ?`, snap.ProgramID); err != nil {
			return fmt.Errorf("sqlite: portal publish: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO portal_pub_programs (program_id, published_at, cursor, received_at)
			VALUES (?, ?, ?, ?)`, snap.ProgramID, stamp(snap.AsOf), snap.Cursor, tx.now); err != nil {
			return fmt.Errorf("sqlite: portal publish: %w", err)
		}
		for _, pp := range snap.Partners {
			if err := tx.publishPartner(snap.ProgramID, pp, &res); err != nil {
				return err
			}
		}
		for _, h := range snap.LeadHashes {
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO portal_pub_lead_hashes (program_id, hash) VALUES (?, ?)`,
				snap.ProgramID, h); err != nil {
				return fmt.Errorf("sqlite: portal publish: %w", err)
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE portal_pub_sessions SET ended_at = ? WHERE program_id = ? AND ended_at IS NULL
			AND partner_id NOT IN (SELECT partner_id FROM portal_pub_partners WHERE program_id = ?)`,
			tx.now, snap.ProgramID, snap.ProgramID); err != nil {
			return fmt.Errorf("sqlite: portal publish: %w", err)
		}
		return tx.audit("server.portal_publish", "program", snap.ProgramID, snap.ProgramID, res)
	})
	return res, err
}

// checkSnapshot refuses a snapshot whose partners are not of its program or lack what sign-in needs.
func checkSnapshot(snap domain.PortalSnapshot) error {
	var ps domain.Problems
	if snap.ProgramID < 1 || snap.AsOf.IsZero() {
		ps.Add("program", "a snapshot needs its program and its time")
	}
	seen := map[int64]bool{}
	for i, pp := range snap.Partners {
		a := pp.Account
		col := fmt.Sprintf("partners[%d]", i)
		switch {
		case a.PartnerID < 1 || seen[a.PartnerID]:
			ps.Add(col+".account.partner_id", "is missing or given twice")
		case a.ProgramID != snap.ProgramID:
			ps.Add(col+".account.program_id", "is %d, not the snapshot's program %d", a.ProgramID, snap.ProgramID)
		case !domain.ValidEmail(domain.NormalizeEmail(a.Email)):
			ps.Add(col+".account.email", "is not an e-mail address")
		}
		seen[a.PartnerID] = true
		lines, numbers := map[int64]bool{}, map[string]bool{}
		for _, l := range pp.Lines {
			if lines[l.ID] {
				ps.Add(col+".lines", "line %d is given twice", l.ID)
			}
			lines[l.ID] = true
		}
		for _, py := range pp.Payouts {
			if numbers[py.Number] || py.Number == "" {
				ps.Add(col+".payouts", "payout %q is missing its number or given twice", py.Number)
			}
			numbers[py.Number] = true
		}
		if len(pp.Lines) > domain.MaxPublishedLines {
			ps.Add(col+".lines", "has more than %d lines", domain.MaxPublishedLines)
		}
	}
	return ps.Err("the portal's snapshot is not valid")
}

func (tx *Tx) publishPartner(programID int64, pp domain.PortalPublishedPartner, res *domain.PortalPublishResult) error {
	ctx := tx.ctx
	var other int64
	err := tx.QueryRowContext(ctx, `SELECT program_id FROM portal_pub_partners WHERE partner_id = ?`, pp.Account.PartnerID).Scan(&other)
	if err == nil {
		return domain.Errorf(domain.EInvalid, "partner %d is published by program %d already", pp.Account.PartnerID, other)
	} else if !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("sqlite: portal publish: %w", err)
	}
	js := func(v any) string { b, _ := json.Marshal(v); return string(b) }
	if pp.Leads == nil {
		pp.Leads = []domain.PortalLead{}
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO portal_pub_partners (partner_id, program_id, email, account, summary, leads, profile,
		lines_total) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, pp.Account.PartnerID, programID, domain.NormalizeEmail(pp.Account.Email),
		js(pp.Account), js(pp.Summary), js(pp.Leads), js(pp.Profile), len(pp.Lines))
	if err != nil {
		return fmt.Errorf("sqlite: publish partner %d: %w", pp.Account.PartnerID, err)
	}
	for i, l := range pp.Lines {
		if _, err := tx.ExecContext(ctx, `INSERT INTO portal_pub_lines (partner_id, seq, line_id, line) VALUES (?, ?, ?, ?)`,
			pp.Account.PartnerID, i, l.ID, js(l)); err != nil {
			return fmt.Errorf("sqlite: publish line %d: %w", l.ID, err)
		}
	}
	for i, py := range pp.Payouts {
		var pdf any
		if len(py.PDF) > 0 {
			pdf = py.PDF
			res.Statements++
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO portal_pub_payouts (partner_id, seq, number, payout, pdf) VALUES (?, ?, ?, ?, ?)`,
			pp.Account.PartnerID, i, py.Number, js(py.PortalPayout), pdf); err != nil {
			return fmt.Errorf("sqlite: publish payout %s: %w", py.Number, err)
		}
	}
	res.Partners++
	res.Lines += len(pp.Lines)
	res.Payouts += len(pp.Payouts)
	return nil
}
