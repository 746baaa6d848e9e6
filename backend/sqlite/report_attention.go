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
	// A desktop is linked to a headless server when the setting sync.remote names it (sync pull
	// reads the same). A stored setting that is not valid is at its default in set and Settings
	// names it: the dashboard still opens, as the window does.
	set, err := s.Settings(ctx)
	if err != nil && domain.ErrorCode(err) != domain.EInvalid {
		return a, err
	}
	err = s.db.QueryRowContext(ctx, `SELECT
		(SELECT COALESCE(sum(lines), 0) FROM report_balances WHERE program_id = ?1 AND status = 'pending' AND due > ?2),
		(SELECT count(*) FROM partners WHERE program_id = ?1 AND status = 'pending'),
		(SELECT count(*) FROM leads WHERE program_id = ?1 AND status = 'new'),
		(SELECT count(*) FROM outbox WHERE program_id = ?1 AND state = 'failed'),
		(SELECT count(*) FROM partners WHERE program_id = ?1),
		EXISTS (SELECT 1 FROM orders WHERE program_id = ?1)`,
		prog.ID, today).Scan(&a.PendingLines, &a.PartnersPending, &a.LeadsNew, &a.MailFailed, &a.Partners, &a.HasOrders)
	if err != nil {
		return a, fmt.Errorf("sqlite: attention: %w", err)
	}
	// How its pulls went is in sync.last_pull, which every pull records.
	if set.Sync.Remote == "" {
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
