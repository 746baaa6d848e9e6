package sqlite

import "testing"

// TestMemstatusOff: SQLite counts none of the memory it holds (see memstatus.go), though a
// store is open and has read.
func TestMemstatusOff(t *testing.T) {
	s := open(t)
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM orders`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if got := memoryCounted(); got != 0 {
		t.Fatalf("SQLite counts %d bytes of memory: its count is on", got)
	}
}
