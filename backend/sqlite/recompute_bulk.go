package sqlite

import (
	"fmt"
)

// bulkFrom is how many customers and lone orders a pipelined recompute takes at least for its
// new lines to be written without the lines' indexes, when its program has no line yet (see
// withoutLineIndexes); tests lower it.
var bulkFrom = 50_000

// withoutLineIndexes drops the indexes of commission_lines for a pipelined recompute that
// writes every line of its program anew: the program has no line yet (its orders imported
// before its partners, then a partners file), the chunks hold at least bulkFrom customers and
// lone orders, and the other programs' lines (the sample's) are fewer than a tenth of those:
// making the indexes again sorts them too. rebuild creates the indexes again, as they were and
// in their order, with the planner's statistics of them; it must run before anything reads
// the lines by an index (the standalone leads, the tiers).
//
// Each line written into an indexed table puts an entry into each index at its place, a page
// here and a page there; creating an index once the lines are in sorts them all at once.
// Of the recompute from nothing of a million orders (780,000 lines) that took some 2 s of its
// 18–21 s (bench/README.md). The pipeline's readers do not see the drop: they read the
// database as the last commit left it, indexes and all (see snapshot), and the writer reads
// no line by an index while the chunks are written (its updates and deletes go by rowid, and
// the program's lines are all new; the other programs' lines are not touched). It is one
// transaction: a failure leaves the indexes as they were.
func (c *computer) withoutLineIndexes(all []chunkOf) (rebuild func() error, err error) {
	none := func() error { return nil }
	n := idsIn(all)
	if n < bulkFrom {
		return none, nil
	}
	var mine bool
	var others int
	if err := c.tx.QueryRowContext(c.tx.ctx, `SELECT EXISTS (SELECT 1 FROM commission_lines WHERE program_id = ?),
		(SELECT count(*) FROM (SELECT 1 FROM commission_lines LIMIT ?))`, c.prog.ID, n/10+1).Scan(&mine, &others); err != nil {
		return nil, fmt.Errorf("sqlite: recompute: %w", err)
	}
	if mine || others > n/10 {
		return none, nil
	}
	idx, err := c.tx.lineIndexes()
	if err != nil {
		return nil, err
	}
	stats, err := c.tx.lineStats()
	if err != nil {
		return nil, err
	}
	for _, ix := range idx {
		if _, err := c.tx.ExecContext(c.tx.ctx, `DROP INDEX "`+ix[0]+`"`); err != nil {
			return nil, fmt.Errorf("sqlite: recompute: drop index %s: %w", ix[0], err)
		}
	}
	return func() error {
		for _, ix := range idx {
			if _, err := c.tx.ExecContext(c.tx.ctx, ix[1]); err != nil {
				return fmt.Errorf("sqlite: recompute: create index %s: %w", ix[0], err)
			}
		}
		for _, st := range stats {
			// Dropping an index deletes its statistics; the DELETE makes sure.
			if _, err := c.tx.ExecContext(c.tx.ctx, `DELETE FROM sqlite_stat1 WHERE tbl = 'commission_lines' AND idx = ?`, st[0]); err != nil {
				return fmt.Errorf("sqlite: recompute: statistics of %s: %w", st[0], err)
			}
			if _, err := c.tx.ExecContext(c.tx.ctx, `INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('commission_lines', ?, ?)`,
				st[0], st[1]); err != nil {
				return fmt.Errorf("sqlite: recompute: statistics of %s: %w", st[0], err)
			}
		}
		if len(stats) == 0 {
			return nil
		}
		// This connection's planner reads the statistics again (the others do when they see
		// the schema changed); without it, it plans with an index's defaults until it does.
		if _, err := c.tx.ExecContext(c.tx.ctx, `ANALYZE sqlite_schema`); err != nil {
			return fmt.Errorf("sqlite: recompute: statistics: %w", err)
		}
		return nil
	}, nil
}

// lineIndexes are the indexes of commission_lines that were made by a statement (not a
// table's own), as name and statement, in the order they were made: where two indexes are as
// good, SQLite's planner takes the one that comes first in the schema, and without statistics
// (a new shop's database) it often has no other way to choose.
func (tx *Tx) lineIndexes() ([][2]string, error) {
	return tx.pairs(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'commission_lines'
		AND sql IS NOT NULL ORDER BY rowid`)
}

// lineStats are the planner's statistics of the lines' indexes (sqlite_stat1, from PRAGMA
// optimize), which dropping an index deletes: index name and statistics. None where there
// are none.
func (tx *Tx) lineStats() ([][2]string, error) {
	var has bool
	if err := tx.QueryRowContext(tx.ctx, `SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat1')`).Scan(&has); err != nil {
		return nil, fmt.Errorf("sqlite: recompute: %w", err)
	}
	if !has {
		return nil, nil
	}
	return tx.pairs(`SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'commission_lines' AND idx IS NOT NULL`)
}

// pairs reads a query's two text columns.
func (tx *Tx) pairs(query string) ([][2]string, error) {
	rows, err := tx.QueryContext(tx.ctx, query)
	if err != nil {
		return nil, fmt.Errorf("sqlite: recompute: %w", err)
	}
	defer rows.Close()
	var out [][2]string
	for rows.Next() {
		var p [2]string
		if err := rows.Scan(&p[0], &p[1]); err != nil {
			return nil, fmt.Errorf("sqlite: recompute: %w", err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: recompute: %w", err)
	}
	return out, nil
}
