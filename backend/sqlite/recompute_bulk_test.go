package sqlite

import (
	"database/sql"
	"errors"
	"strings"
	"testing"

	"partnerbook/backend/domain"
)

// lineIndexes is the text of the lines' indexes, in their order, and of their planner statistics.
func lineIndexes(t *testing.T, s *Store) string {
	t.Helper()
	var ix, stats string
	if err := s.db.QueryRow(`SELECT group_concat(sql, char(10)) FROM (SELECT sql FROM sqlite_schema
		WHERE type = 'index' AND tbl_name = 'commission_lines' AND sql IS NOT NULL ORDER BY rowid)`).Scan(&ix); err != nil {
		t.Fatal(err)
	}
	var has bool
	if err := s.db.QueryRow(`SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat1')`).Scan(&has); err != nil || !has {
		return ix + "\n(no statistics)"
	}
	if err := s.db.QueryRow(`SELECT COALESCE(group_concat(idx || ' ' || stat, char(10)), '') FROM (SELECT idx, stat FROM sqlite_stat1
		WHERE tbl = 'commission_lines' ORDER BY idx)`).Scan(&stats); err != nil {
		t.Fatal(err)
	}
	return ix + "\n" + stats
}

func schemaVersion(t *testing.T, s *Store) int {
	t.Helper()
	var v int
	if err := s.db.QueryRow(`PRAGMA schema_version`).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// A recompute from nothing that writes its lines without the lines' indexes (bulkFrom)
// writes what the sequential one writes, and leaves the indexes and their statistics as
// they were; one that fails leaves them too.
func TestRecomputeWithoutLineIndexesEqualsSequential(t *testing.T) {
	f := newPipelineFixture(t)
	s := f.s
	f.recompute(false)
	want, _ := state(t, s)
	if _, err := s.db.Exec(`ANALYZE`); err != nil { // statistics of every index, as PRAGMA optimize leaves them
		t.Fatal(err)
	}
	f.clear()
	before := lineIndexes(t, s)
	if strings.Count(before, "CREATE INDEX") < 5 || !strings.Contains(before, "commission_lines_order ") {
		t.Fatalf("the lines' indexes and statistics:\n%s", before)
	}
	was := bulkFrom
	bulkFrom = 1
	defer func() { bulkFrom = was }()
	version := schemaVersion(t, s)
	f.recompute(true)
	if got, _ := state(t, s); got != want {
		t.Fatal("from nothing without the lines' indexes: differs from the sequential recompute")
	}
	if schemaVersion(t, s) == version {
		t.Fatal("the lines were written with their indexes: the test covers nothing")
	}
	if got := lineIndexes(t, s); got != before {
		t.Fatalf("the lines' indexes after:\n%s\nwant:\n%s", got, before)
	}
	var check string
	if err := s.db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity check: %s %v", check, err)
	}
	// Unchanged: the lines exist now, so the indexes stay.
	version = schemaVersion(t, s)
	f.recompute(true)
	if got, _ := state(t, s); got != want || schemaVersion(t, s) != version {
		t.Fatal("an unchanged recompute changed the lines or the schema")
	}
	f.clear()
	boom := errors.New("boom")
	if err := s.write(ctx, func(tx *Tx) error {
		if err := tx.recompute(f.prog, recomputeScope{all: true, fresh: true}); err != nil {
			return err
		}
		return boom
	}); !errors.Is(err, boom) {
		t.Fatal(err)
	}
	var lines int
	s.db.QueryRow(`SELECT count(*) FROM commission_lines`).Scan(&lines)
	if got := lineIndexes(t, s); got != before || lines != 0 {
		t.Fatalf("after a failed recompute: %d lines, indexes:\n%s", lines, got)
	}
}

// queryPlan is SQLite's plan of a query, a step a line (EXPLAIN QUERY PLAN's details).
func queryPlan(t *testing.T, q querier, query string, args ...any) []string {
	t.Helper()
	rows, err := q.QueryContext(ctx, `EXPLAIN QUERY PLAN `+query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return plan
}

// queryPlans are SQLite's plans of queries where two indexes of the lines could serve.
func queryPlans(t *testing.T, db *sql.DB) string {
	t.Helper()
	var out []string
	for _, q := range []string{`commission_lines WHERE order_id = 5 AND partner_id = 7`,
		`commission_lines WHERE program_id = 1 AND partner_id = 7`, `commission_lines WHERE lead_id = 1 AND order_id = 7`,
		`commission_lines WHERE payout_id = 1 AND partner_id = 7`} {
		out = append(out, strings.Join(queryPlan(t, db, `SELECT id FROM `+q), "; "))
	}
	return strings.Join(out, "\n")
}

// dropAndRebuild drops and makes again the lines' indexes in one transaction; fail: the
// transaction fails between the two instead.
func dropAndRebuild(t *testing.T, s *Store, fail bool) error {
	t.Helper()
	was := bulkFrom
	bulkFrom = 1
	defer func() { bulkFrom = was }()
	return s.write(ctx, func(tx *Tx) error {
		c := &computer{tx: tx}
		rebuild, err := c.withoutLineIndexes([]chunkOf{{ids: []int64{1}}})
		if err != nil || fail {
			return errors.Join(err, errors.New("failed between"))
		}
		return rebuild()
	})
}

// After the lines' indexes are made again, SQLite plans as before, on the writer's connection
// (the only one of the pool here) and on another: without statistics, where the order of the
// indexes decides between two, and with statistics that make the order's index the better.
func TestLineIndexesMadeAgainPlanAsBefore(t *testing.T) {
	s, path := openPath(t)
	s.db.SetMaxOpenConns(1)
	other, err := openRaw("file:" + path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	before := queryPlans(t, s.db)
	if err := dropAndRebuild(t, s, false); err != nil {
		t.Fatal(err)
	}
	if got := queryPlans(t, s.db); got != before {
		t.Fatalf("without statistics, plans after:\n%s\nbefore:\n%s", got, before)
	}
	if got := queryPlans(t, other); got != before {
		t.Fatalf("without statistics, another connection's plans after:\n%s\nbefore:\n%s", got, before)
	}
	for _, q := range []string{`ANALYZE`, `DELETE FROM sqlite_stat1 WHERE tbl = 'commission_lines'`,
		`INSERT INTO sqlite_stat1 VALUES ('commission_lines', 'commission_lines_order', '1000000 2')`,
		`INSERT INTO sqlite_stat1 VALUES ('commission_lines', 'commission_lines_partner', '1000000 500000 250000 1')`,
		`ANALYZE sqlite_schema`} {
		if _, err := s.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	stats := queryPlans(t, s.db)
	if stats == before {
		t.Fatal("the statistics change no plan: the test covers nothing")
	}
	if err := dropAndRebuild(t, s, false); err != nil {
		t.Fatal(err)
	}
	if got := queryPlans(t, s.db); got != stats {
		t.Fatalf("with statistics, the writer's plans after:\n%s\nbefore:\n%s", got, stats)
	}
	ix := lineIndexes(t, s)
	if err := dropAndRebuild(t, s, true); err == nil {
		t.Fatal("the failing transaction did not fail")
	}
	if got := queryPlans(t, s.db); got != stats || lineIndexes(t, s) != ix {
		t.Fatalf("after a failure between the drop and the rebuild, plans:\n%s\nindexes:\n%s", got, lineIndexes(t, s))
	}
}

// Another program's lines (the sample's) do not keep a program without lines from being
// written without the indexes, while they are few; they stay as they were. When they are many,
// or when the program has lines of its own, the indexes stay.
func TestRecomputeWithoutLineIndexesBesideAnotherProgram(t *testing.T) {
	f := newPipelineFixture(t)
	s := f.s
	f.recompute(false)
	want, _ := state(t, s)
	f.clear()
	other, err := s.CreateProgram(ctx, domain.DefaultProgram("Sample"))
	if err != nil {
		t.Fatal(err)
	}
	addLines := func(program int64, n int) {
		t.Helper()
		if _, err := s.db.Exec(`WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?)
			INSERT INTO commission_lines (program_id, partner_id, kind, status, amount, currency, order_time, line_key, created_at, updated_at)
			SELECT ?, (SELECT min(id) FROM partners), 'adjustment', 'approved', i, 'EUR', '2025-01-01T00:00:00Z', 'adjustment:' || i,
				'2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z' FROM k`,
			n, program); err != nil {
			t.Fatal(err)
		}
		rebuildSums(t, s)
	}
	others := func() string {
		t.Helper()
		var sum string
		s.db.QueryRow(`SELECT count(*) || ' ' || sum(amount) || ' ' || max(id) FROM commission_lines WHERE program_id = ?`, other.ID).Scan(&sum)
		return sum
	}
	addLines(other.ID, 20)
	was := bulkFrom
	bulkFrom = 1
	defer func() { bulkFrom = was }()
	before, version, theirs := lineIndexes(t, s), schemaVersion(t, s), others()
	f.recompute(true)
	if schemaVersion(t, s) == version {
		t.Fatal("20 lines of another program kept the indexes")
	}
	if got := others(); got != theirs {
		t.Fatalf("the other program's lines: %s, were %s", got, theirs)
	}
	if _, err := s.db.Exec(`DELETE FROM commission_lines WHERE program_id = ?`, other.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := state(t, s); got != want {
		t.Fatal("beside another program's lines: differs from the sequential recompute")
	}
	if got := lineIndexes(t, s); got != before {
		t.Fatalf("the lines' indexes after:\n%s\nwant:\n%s", got, before)
	}
	f.clear()
	addLines(other.ID, 1000) // more than a tenth of the fixture's 2,334 customers and 636 lone orders
	version = schemaVersion(t, s)
	f.recompute(true)
	if schemaVersion(t, s) != version {
		t.Fatal("1,000 lines of another program: the indexes were dropped all the same")
	}
	// A few lines of the program's own (people's adjustments): its lines are not all new.
	f.clear()
	addLines(f.prog, 20)
	version = schemaVersion(t, s)
	f.recompute(true)
	if schemaVersion(t, s) != version {
		t.Fatal("20 lines of the program's own: the indexes were dropped all the same")
	}
}
