package sqlite

import (
	"errors"
	"strings"
	"testing"
)

// lineIndexes is the text of the lines' indexes and of their planner statistics.
func lineIndexes(t *testing.T, s *Store) string {
	t.Helper()
	var ix, stats string
	if err := s.db.QueryRow(`SELECT group_concat(sql, char(10)) FROM (SELECT sql FROM sqlite_schema
		WHERE type = 'index' AND tbl_name = 'commission_lines' AND sql IS NOT NULL ORDER BY name)`).Scan(&ix); err != nil {
		t.Fatal(err)
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
