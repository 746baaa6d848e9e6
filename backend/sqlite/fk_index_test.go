package sqlite

import (
	"testing"
)

// Every column that references another row has an index that starts with it: SQLite checks a
// row's children when it is deleted, and without such an index each delete reads the whole
// child table (deleting 30,000 self-referencing lines took 10 s instead of 10 ms).
func TestForeignKeysHaveIndexes(t *testing.T) {
	s, _ := openPath(t)
	tables, err := s.db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for tables.Next() {
		var n string
		tables.Scan(&n)
		names = append(names, n)
	}
	tables.Close()
	for _, table := range names {
		fks, err := s.db.Query(`SELECT "from", "table" FROM pragma_foreign_key_list(?)`, table)
		if err != nil {
			t.Fatal(err)
		}
		type fk struct{ col, parent string }
		var list []fk
		for fks.Next() {
			var f fk
			fks.Scan(&f.col, &f.parent)
			list = append(list, f)
		}
		fks.Close()
		for _, f := range list {
			var n int
			err := s.db.QueryRow(`SELECT count(*) FROM pragma_index_list(?) il
				JOIN pragma_index_info(il.name) ii ON ii.seqno = 0 WHERE ii.name = ?`, table, f.col).Scan(&n)
			if err != nil {
				t.Fatal(err)
			}
			var pk int
			s.db.QueryRow(`SELECT pk FROM pragma_table_info(?) WHERE name = ?`, table, f.col).Scan(&pk)
			if n == 0 && pk != 1 {
				t.Errorf("%s.%s references %s but no index starts with it", table, f.col, f.parent)
			}
		}
	}
}
