package sqlite

import (
	"context"
	"fmt"
	"time"

	"partnerbook/backend/domain"
)

// syncStaleAfter is how long a linked headless server may go without a pull that went through
// before the dashboard asks for attention.
const syncStaleAfter = 24 * time.Hour

// Attention counts what needs the owner: lines in their hold as of today, partners pending,
// new leads, mail that failed, and a headless server not pulled from for a day.
func (s *Store) Attention(ctx context.Context, programID int64) (domain.Attention, error) {
	var a domain.Attention
	prog, err := s.FindProgram(ctx, fmt.Sprint(programID))
	if err != nil {
		return a, err
	}
	today := s.AsOfDay(prog, "")
	var remote string
	err = s.db.QueryRowContext(ctx, `SELECT
		(SELECT COALESCE(sum(lines), 0) FROM report_balances WHERE program_id = ?1 AND status = 'pending' AND due > ?2),
		(SELECT count(*) FROM partners WHERE program_id = ?1 AND status = 'pending'),
		(SELECT count(*) FROM leads WHERE program_id = ?1 AND status = 'new'),
		(SELECT count(*) FROM outbox WHERE program_id = ?1 AND state = 'failed'),
		(SELECT count(*) FROM partners WHERE program_id = ?1),
		EXISTS (SELECT 1 FROM orders WHERE program_id = ?1),
		COALESCE((SELECT value FROM settings WHERE key = 'sync.remote'), '')`,
		prog.ID, today).Scan(&a.PendingLines, &a.PartnersPending, &a.LeadsNew, &a.MailFailed, &a.Partners, &a.HasOrders, &remote)
	if err != nil {
		return a, fmt.Errorf("sqlite: attention: %w", err)
	}
	// A desktop is linked to a headless server when sync.remote names it (sync pull reads the
	// same setting); how its pulls went is the setting sync.last_pull that every pull records.
	if remote == "" {
		return a, nil
	}
	last, err := s.LastPull(ctx)
	if err != nil {
		return a, err
	}
	a.SyncLastPull = last.LastOK
	at, err := time.Parse(TimeLayout, last.LastOK)
	a.SyncStale = err != nil || s.Now().Sub(at) > syncStaleAfter
	return a, nil
}
