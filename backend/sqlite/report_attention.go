package sqlite

import (
	"context"
	"fmt"
	"time"

	"partnerbook/backend/domain"
)

// Attention counts what needs the owner: lines in their hold as of today, partners pending,
// new leads, mail that failed, and a sync endpoint not pulled for a day.
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
		COALESCE((SELECT value FROM settings WHERE key = 'sync.remote'), ''),
		COALESCE((SELECT max(created_at) FROM import_batches WHERE program_id = ?1 AND kind = 'sync'), '')`,
		prog.ID, today).Scan(&a.PendingLines, &a.PartnersPending, &a.LeadsNew, &a.MailFailed, &a.Partners, &a.HasOrders, &remote, &a.SyncLastPull)
	if err != nil {
		return a, fmt.Errorf("sqlite: attention: %w", err)
	}
	if remote != "" {
		last, err := time.Parse(TimeLayout, a.SyncLastPull)
		a.SyncStale = err != nil || s.Now().Sub(last) > 24*time.Hour
	}
	return a, nil
}
