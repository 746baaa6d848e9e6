package sqlite

import (
	"testing"
)

// Every column that references another row has an index that starts with it: SQLite checks a
// row's children when it is deleted, and without such an index each delete reads the whole
// child table (deleting 30,000 self-referencing lines took 10 s instead of 10 ms).
func TestForeignKeysHaveIndexes(t *testing.T) {
	s, _ := openPath(t)
	// Each reference, and whether an index of its table starts with its column (or the column is
	// the table's integer primary key).
	rows, err := s.db.Query(`SELECT m.name, f."from", f."table",
		EXISTS (SELECT 1 FROM pragma_index_list(m.name) il JOIN pragma_index_info(il.name) ii ON ii.seqno = 0 WHERE ii.name = f."from")
		OR EXISTS (SELECT 1 FROM pragma_table_info(m.name) ti WHERE ti.name = f."from" AND ti.pk = 1)
		FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var table, col, parent string
		var indexed bool
		if err := rows.Scan(&table, &col, &parent, &indexed); err != nil {
			t.Fatal(err)
		}
		n++
		if !indexed {
			t.Errorf("%s.%s references %s but no index starts with it", table, col, parent)
		}
	}
	if n < 20 {
		t.Fatalf("only %d references found: the query missed some", n)
	}
}
