package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// roomyCacheKiB is the page cache a large write (and its reader) gets while it runs: 64 MiB
// instead of SQLite's 2 MiB. A recompute of a million orders changes far more pages than 2 MiB
// hold: SQLite then spills changed pages to the WAL in the middle of the transaction and reads
// them back, and the kernel's share of the recompute was a quarter of its time (measured with
// /usr/bin/time: 19.1 s of system time, 9.7 s with this cache). Only for the duration of that
// work, on its connection: the pool's other connections keep the default, so memory stays
// bounded whatever number of connections a server opens.
const roomyCacheKiB = 65536

// connDoer is a connection or a transaction.
type connDoer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// roomy gives q's connection the roomy page cache, and returns what sets it back as it was.
func roomy(ctx context.Context, q connDoer) (restore func() error, err error) {
	var was int64
	if err := q.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&was); err != nil {
		return nil, fmt.Errorf("sqlite: page cache: %w", err)
	}
	if _, err := q.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = -%d`, roomyCacheKiB)); err != nil {
		return nil, fmt.Errorf("sqlite: page cache: %w", err)
	}
	return func() error {
		if _, err := q.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf(`PRAGMA cache_size = %d`, was)); err != nil {
			return fmt.Errorf("sqlite: page cache: %w", err)
		}
		return nil
	}, nil
}
