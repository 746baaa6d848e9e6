package sqlite

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerbook/backend/domain"
)

// tierProgram pays 10% for a partner's first sale of a month and 20% from the second on;
// 2.00 a lead. kira has coupon KIRA10, lena coupon LENA.
func tierProgram(t *testing.T, s *Store) domain.Program {
	t.Helper()
	p := domain.DefaultProgram("Shop")
	ten, twenty, two := decimal.NewFromInt(10), decimal.NewFromInt(20), decimal.NewFromInt(2)
	p.Rules = domain.Plan{Tiers: &domain.Tiers{Measure: "sales", Tiers: []domain.Tier{{From: decimal.Zero, Rate: domain.Rate{Percent: &ten}},
		{From: decimal.NewFromInt(1), Rate: domain.Rate{Percent: &twenty}}}}, Lead: &domain.Rate{Fixed: &two}}
	prog, err := s.CreateProgram(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	issuer(t, s)
	mustAdd(t, s, prog.ID, partner("Kira", "kira@example.com", "kira", "KIRA10"))
	mustAdd(t, s, prog.ID, partner("Lena", "lena@example.com", "lena", "LENA"))
	return prog
}

// sameAfterFullRecomputes checks that a whole recompute writes nothing, that reading every
// order would write nothing (wroteEverything), and that a whole recompute with every
// fingerprint gone, committed, writes nothing either.
func sameAfterFullRecomputes(t *testing.T, s *Store, pid int64) {
	t.Helper()
	want := lines(t, s, pid, "")
	if c := recomputeAll(t, s, pid); c != (domain.LineCounts{}) {
		t.Errorf("a whole recompute wrote %+v:\nbefore\n%s\nafter\n%s", c, want, lines(t, s, pid, ""))
	}
	wroteEverything(t, s, pid)
	if _, err := s.db.Exec(`DELETE FROM order_sigs`); err != nil {
		t.Fatal(err)
	}
	if c := recomputeAll(t, s, pid); c != (domain.LineCounts{}) {
		t.Errorf("a whole recompute with every order read wrote %+v;\nbefore:\n%s\nafter:\n%s", c, want, lines(t, s, pid, ""))
	}
}

// A sale re-imported with its time in another month leaves its partner's month: the partner's
// other sale of that month is the first again and earns tier 1 (10%).
func TestTierSaleMovesToAnotherMonth(t *testing.T) {
	s := open(t)
	prog := tierProgram(t, s)
	if _, err := importItems(t, s, prog.ID, domain.OrderImport{File: "a.csv"}, sale("#1", 1, 10000, "ana@example.org", "KIRA10"),
		sale("#2", 5, 10000, "bo@example.org", "KIRA10")); err != nil {
		t.Fatal(err)
	}
	if got, want := lines(t, s, prog.ID, ""), "#1 kira sale pending 10.00 \n#2 kira sale pending 20.00 "; got != want {
		t.Fatalf("before:\n%s\nwant\n%s", got, want)
	}
	recomputeAll(t, s, prog.ID)
	moved := sale("#1", 1, 10000, "ana@example.org", "KIRA10")
	moved.Order.Time = time.Date(2025, 4, 1, 10, 0, 0, 0, time.UTC)
	if _, err := importItems(t, s, prog.ID, domain.OrderImport{File: "b.csv"}, moved); err != nil {
		t.Fatal(err)
	}
	got := lines(t, s, prog.ID, "")
	if !strings.Contains(got, "#2 kira sale pending 10.00") || !strings.Contains(got, "#1 kira sale pending 10.00") {
		t.Errorf("after #1 moved to April:\n%s\nwant #1 and #2 at tier 1 (10.00)", got)
	}
	sameAfterFullRecomputes(t, s, prog.ID)
}

// salesByLead: ana is kira's lead; ana's first order (no code) is kira's sale by the lead, and
// bo's order with kira's coupon is kira's second sale of March (20%).
func salesByLead(t *testing.T, s *Store, prog domain.Program) domain.Lead {
	t.Helper()
	l, err := s.AddLead(ctx, prog.ID, domain.Lead{Partner: "kira", Email: "ana@example.org"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := importItems(t, s, prog.ID, domain.OrderImport{File: "a.csv"}, sale("#1", 1, 10000, "ana@example.org", ""),
		sale("#2", 5, 10000, "bo@example.org", "KIRA10")); err != nil {
		t.Fatal(err)
	}
	got := lines(t, s, prog.ID, "")
	if !strings.Contains(got, "#1 kira sale pending 10.00") || !strings.Contains(got, "#2 kira sale pending 20.00") {
		t.Fatalf("before:\n%s", got)
	}
	recomputeAll(t, s, prog.ID)
	return l
}

// A person assigns ana to lena from before her order: ana's order is lena's sale now, kira's
// March has one sale left, which is her first (10%).
func TestTierManualLinkTakesASale(t *testing.T) {
	s := open(t)
	prog := tierProgram(t, s)
	salesByLead(t, s, prog)
	var ana int64
	s.db.QueryRow(`SELECT id FROM customers WHERE email = 'ana@example.org'`).Scan(&ana)
	if _, err := s.AssignCustomerSince(ctx, prog.ID, ana, "lena", "moved", time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	got := lines(t, s, prog.ID, "")
	if !strings.Contains(got, "#1 lena sale pending 10.00") || !strings.Contains(got, "#2 kira sale pending 10.00") {
		t.Errorf("after ana was assigned to lena:\n%s\nwant #1 lena 10.00 and #2 kira 10.00", got)
	}
	sameAfterFullRecomputes(t, s, prog.ID)
}

// kira's lead ana is lost: ana's order credits nobody, kira's March has one sale left (10%).
func TestTierLostLeadTakesASale(t *testing.T) {
	s := open(t)
	prog := tierProgram(t, s)
	l := salesByLead(t, s, prog)
	if _, err := s.SetLeadStatus(ctx, prog.ID, l.ID, "lost", time.Time{}); err != nil {
		t.Fatal(err)
	}
	got := lines(t, s, prog.ID, "")
	if strings.Contains(got, "#1 kira") || !strings.Contains(got, "#2 kira sale pending 10.00") {
		t.Errorf("after the lead was lost:\n%s\nwant only #2 kira 10.00", got)
	}
	sameAfterFullRecomputes(t, s, prog.ID)
}

// An older export comes in after a newer one: ana's earlier order (lena's coupon, February)
// makes ana's March order, kira's sale by her lead, a repeat purchase that earns nothing; kira's
// March has one sale left, which is her first (10%).
func TestTierEarlierOrderMakesASaleARepeat(t *testing.T) {
	s := open(t)
	prog := tierProgram(t, s)
	salesByLead(t, s, prog)
	feb := sale("#0", 1, 10000, "ana@example.org", "LENA")
	feb.Order.Time = time.Date(2025, 2, 20, 10, 0, 0, 0, time.UTC)
	if _, err := importItems(t, s, prog.ID, domain.OrderImport{File: "february.csv"}, feb); err != nil {
		t.Fatal(err)
	}
	got := lines(t, s, prog.ID, "")
	if strings.Contains(got, "#1 kira sale") || !strings.Contains(got, "#2 kira sale pending 10.00") {
		t.Errorf("after ana's February order came in:\n%s\nwant no sale at #1 and #2 kira 10.00", got)
	}
	sameAfterFullRecomputes(t, s, prog.ID)
}

// Tiers with a second tier, kira's sales in two chunks, paid; kira's parent changes from lena
// to max: lena's second tiers are charged back once each, max earns them; a whole recompute
// and one from nothing agree.
func TestTierParentChangeInChunks(t *testing.T) {
	s := open(t)
	payday(s)
	p := domain.DefaultProgram("Shop")
	ten, twenty, five := decimal.NewFromInt(10), decimal.NewFromInt(20), decimal.NewFromInt(5)
	p.Rules = domain.Plan{Tiers: &domain.Tiers{Measure: "sales", Tiers: []domain.Tier{{From: decimal.Zero, Rate: domain.Rate{Percent: &ten}},
		{From: decimal.NewFromInt(1), Rate: domain.Rate{Percent: &twenty}}}}, SecondTier: &domain.Rate{Percent: &five}}
	prog, err := s.CreateProgram(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	issuer(t, s)
	mustAdd(t, s, prog.ID, partner("Lena", "lena@example.com", "lena", "LENA"))
	kp := partner("Kira", "kira@example.com", "kira", "KIRA10")
	kp.Parent = str("lena")
	mustAdd(t, s, prog.ID, kp)
	mustAdd(t, s, prog.ID, partner("Max", "max@example.com", "max", "MAX"))
	imp(t, s, prog.ID, "a.csv", append([]domain.OrderItem{sale("#1", 1, 10000, "ana@example.org", "KIRA10")},
		append(fillers(chunk), sale("#2", 5, 10000, "zed@example.org", "KIRA10"))...)...)
	pay(t, s, prog.ID, "2025-04-04")
	if _, err := s.UpdatePartner(ctx, prog.ID, "kira", domain.PartnerPatch{Parent: str("max")}); err != nil {
		t.Fatal(err)
	}
	got := lines(t, s, prog.ID, "")
	for _, want := range []string{"#1 lena adjustment approved -5.00", "#2 lena adjustment approved -5.00", "#1 max second_tier approved 5.00", "#2 max second_tier approved 5.00"} {
		if strings.Count(got, want) != 1 {
			t.Errorf("want one %q:\n%s", want, got)
		}
	}
	checkAll(t, s, prog.ID)
	// And back through a partners file (a whole recompute, pipelined).
	if _, err := s.ImportPartners(ctx, prog.ID, "partners.csv", []domain.PartnerRow{{Row: 2, Patch: domain.PartnerPatch{Key: str("kira"), Parent: str("lena")}}}); err != nil {
		t.Fatal(err)
	}
	got = lines(t, s, prog.ID, "")
	if strings.Contains(got, "max second_tier") || strings.Contains(got, "lena adjustment") {
		t.Errorf("after kira's parent is lena again:\n%s", got)
	}
	checkAll(t, s, prog.ID)
}

// The same through the sync endpoint: a sale pushed again with its time in April leaves
// kira's March, whose other sale is the first again (10%).
func TestTierSyncedSaleMovesToAnotherMonth(t *testing.T) {
	s := open(t)
	prog := tierProgram(t, s)
	push := func(id, order, day string, orders int) {
		event(t, s, prog.ID, id, "sale", fmt.Sprintf(`{"order_id":%q,"customer":{"email":"%s@example.org"},"amount":"100.00",
			"currency":"EUR","coupon":"KIRA10","time":"2025-%sT10:00:00Z"}`, order, order, day), 1, 10)
		if res, err := s.ApplyEvents(ctx, 100); err != nil || res.Orders != orders {
			t.Fatalf("%s: %+v, %v", id, res, err)
		}
	}
	push("e1", "s1", "03-01", 1)
	push("e2", "s2", "03-05", 1)
	if got := lines(t, s, prog.ID, ""); !strings.Contains(got, "s2 kira sale pending 20.00") {
		t.Fatalf("before:\n%s", got)
	}
	push("e3", "s1", "04-01", 0) // an update
	if got := lines(t, s, prog.ID, ""); !strings.Contains(got, "s1 kira sale pending 10.00") || !strings.Contains(got, "s2 kira sale pending 10.00") {
		t.Errorf("after s1 moved to April:\n%s\nwant s1 and s2 at tier 1 (10.00)", got)
	}
	sameAfterFullRecomputes(t, s, prog.ID)
}
