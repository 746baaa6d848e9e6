package sqlite

import (
	"fmt"
	"strings"
	"testing"

	"partnerbook/backend/domain"
)

// A paid bounty at an order that moved to another customer, with the lead's customer and the
// order's new customer in different chunks of a whole recompute: only the chunk of the lead's
// customer plans the bounty. The chunk of the order's customer once read it by order too, did
// not compute it (its customer is not the lead's), and charged it back: -2.00 for a bounty the
// partner still earns. Every order is read when the fingerprints are gone (a new planVersion,
// people's changes to the order's lines).
func TestABountyIsPlannedOnlyWithItsLead(t *testing.T) {
	s := open(t)
	payday(s)
	prog, _ := leadProgram(t, s)
	issuer(t, s)
	file := []domain.OrderItem{sale("#1", 1, 5000, "ana@example.org", ""), sale("#2", 5, 5000, "ana@example.org", "")}
	for i := range chunk { // ana is the first customer, zed comes after a chunk of others
		file = append(file, sale(fmt.Sprintf("#f%d", i), 9, 1000, fmt.Sprintf("f%d@example.org", i), ""))
	}
	if _, err := importItems(t, s, prog.ID, domain.OrderImport{File: "a.csv"}, file...); err != nil {
		t.Fatal(err)
	}
	if run, err := s.RunPayouts(ctx, prog.ID, "2025-04-02", false); err != nil || len(run.Payouts) != 1 {
		t.Fatalf("run = %+v, %v", run, err)
	}
	if _, err := importItems(t, s, prog.ID, domain.OrderImport{File: "b.csv"}, sale("#1", 1, 5000, "zed@example.org", "")); err != nil {
		t.Fatal(err)
	}
	var ana, zed int64
	if err := s.db.QueryRow(`SELECT (SELECT id FROM customers WHERE email = 'ana@example.org'),
		(SELECT id FROM customers WHERE email = 'zed@example.org')`).Scan(&ana, &zed); err != nil || (ana-1)/chunk == (zed-1)/chunk {
		t.Fatalf("ana %d and zed %d (%v): not in different chunks, the test proves nothing", ana, zed, err)
	}
	want := lines(t, s, prog.ID, "")
	if !strings.Contains(want, "lead paid 2.00") || strings.Contains(want, "-2.00") {
		t.Fatalf("after #1 left ana:\n%s", want)
	}
	wroteEverything(t, s, prog.ID)
	if _, err := s.db.Exec(`DELETE FROM order_sigs`); err != nil {
		t.Fatal(err)
	}
	if c := recomputeAll(t, s, prog.ID); c != (domain.LineCounts{}) {
		t.Errorf("a whole recompute with every order read wrote %+v", c)
	}
	if got := lines(t, s, prog.ID, ""); got != want {
		t.Errorf("lines after a whole recompute:\n%s\nwant:\n%s", got, want)
	}
}
