package sqlite

import (
	"testing"
	"time"
)

// zed's order #1 is imported again under ana's e-mail (ana, kira's lead, is created by that
// import, and her bounty is dated at #1); the import is undone: #1 is zed's again and ana is
// removed. ana has no order and her lead has not converted: no bounty. A bounty is planned with
// its lead alone, and once ana's row is gone no customer's history names her lead: the undo's
// scope takes in the leads of the bounties at its orders.
func TestUndoOfAMoveToANewCustomerTakesHerBountyAway(t *testing.T) {
	s := open(t)
	prog, _ := leadProgram(t, s)
	imp(t, s, prog.ID, "a.csv", sale("#1", 1, 5000, "zed@example.org", ""))
	if got := lines(t, s, prog.ID, ""); got != "" {
		t.Fatalf("before: %q", got)
	}
	res := imp(t, s, prog.ID, "b.csv", sale("#1", 1, 5000, "ana@example.org", ""))
	if got := lines(t, s, prog.ID, ""); got != "#1 kira lead pending 2.00 " {
		t.Fatalf("after #1 went to ana: %q", got)
	}
	if _, err := s.UndoImport(ctx, res.Batch); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM customers WHERE email = 'ana@example.org'`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("ana is still a customer (%d, %v): the test proves nothing", n, err)
	}
	if got := lines(t, s, prog.ID, ""); got != "" {
		t.Errorf("after the undo: %q; want no line (ana has no order, her lead did not convert)", got)
	}
	sameAfterFullRecomputes(t, s, prog.ID)
}

// The same gap for a lead a person marked converted (March 10) before her first order came in
// (March 1, so the bounty is dated at the order): the import that created ana and her order is
// undone, the order's lines go with it, and the bounty is not put back at the conversion.
func TestUndoOfALeadsOnlyOrderKeepsAPersonsConversion(t *testing.T) {
	s := open(t)
	prog, l := leadProgram(t, s)
	if _, err := s.SetLeadStatus(ctx, prog.ID, l.ID, "converted", time.Date(2025, 3, 10, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	res := imp(t, s, prog.ID, "a.csv", sale("#1", 1, 5000, "ana@example.org", ""))
	if got := lines(t, s, prog.ID, ""); got != "#1 kira lead pending 2.00 " {
		t.Fatalf("after #1: %q", got)
	}
	if _, err := s.UndoImport(ctx, res.Batch); err != nil {
		t.Fatal(err)
	}
	if got := lines(t, s, prog.ID, ""); got != " kira lead pending 2.00 " {
		t.Errorf("after the undo: %q; want the person's conversion's bounty", got)
	}
	sameAfterFullRecomputes(t, s, prog.ID)
}
