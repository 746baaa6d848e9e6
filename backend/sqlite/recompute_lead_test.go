package sqlite

import (
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
	// ana is the first customer, zed comes after a chunk of others
	imp(t, s, prog.ID, "a.csv", append([]domain.OrderItem{sale("#1", 1, 5000, "ana@example.org", ""),
		sale("#2", 5, 5000, "ana@example.org", "")}, fillers(chunk)...)...)
	if run, err := s.RunPayouts(ctx, prog.ID, "2025-04-02", false); err != nil || len(run.Payouts) != 1 {
		t.Fatalf("run = %+v, %v", run, err)
	}
	imp(t, s, prog.ID, "b.csv", sale("#1", 1, 5000, "zed@example.org", ""))
	apartInChunks(t, s, "ana@example.org", "zed@example.org")
	want := lines(t, s, prog.ID, "")
	if !strings.Contains(want, "lead paid 2.00") || strings.Contains(want, "-2.00") {
		t.Fatalf("after #1 left ana:\n%s", want)
	}
	sameAfterFullRecomputes(t, s, prog.ID)
	if got := lines(t, s, prog.ID, ""); got != want {
		t.Errorf("lines after a whole recompute:\n%s\nwant:\n%s", got, want)
	}
}
