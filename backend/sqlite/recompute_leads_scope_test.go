package sqlite

import (
	"strings"
	"testing"
	"time"

	"partnerbook/backend/domain"
)

// kira, whose lead ana's order converted (the order used lena's coupon, so it credits lena),
// is suspended: her bounty is rejected (partner_inactive), as a whole recompute says.
func TestSuspendedLeadPartnerBountyAtAnotherPartnersOrder(t *testing.T) {
	s := open(t)
	prog, _ := leadProgram(t, s)
	mustAdd(t, s, prog.ID, partner("Lena", "lena@example.com", "lena", "LENA"))
	if _, err := importItems(t, s, prog.ID, domain.OrderImport{}, sale("#1", 1, 5000, "ana@example.org", "LENA")); err != nil {
		t.Fatal(err)
	}
	if got := lines(t, s, prog.ID, ""); got != "#1 kira lead pending 2.00 " {
		t.Fatalf("before: %q", got)
	}
	recomputeAll(t, s, prog.ID)
	if _, err := s.UpdatePartner(ctx, prog.ID, "kira", domain.PartnerPatch{Status: str("suspended")}); err != nil {
		t.Fatal(err)
	}
	if got := lines(t, s, prog.ID, ""); got != "#1 kira lead rejected 2.00 partner_inactive" {
		t.Errorf("after kira was suspended: %q", got)
	}
	sameAfterFullRecomputes(t, s, prog.ID)
}

// kira's lead, marked converted by a person (no order), and kira suspended: the bounty is rejected.
func TestSuspendedLeadPartnerStandaloneBounty(t *testing.T) {
	s := open(t)
	prog, l := leadProgram(t, s)
	if _, err := s.SetLeadStatus(ctx, prog.ID, l.ID, "converted", time.Date(2025, 3, 2, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdatePartner(ctx, prog.ID, "kira", domain.PartnerPatch{Status: str("suspended")}); err != nil {
		t.Fatal(err)
	}
	if got := lines(t, s, prog.ID, ""); got != " kira lead rejected 2.00 partner_inactive" {
		t.Errorf("after kira was suspended: %q", got)
	}
	sameAfterFullRecomputes(t, s, prog.ID)
}

// ana's only order is imported again under zed's e-mail: ana has no order, her lead has not
// converted; the bounty goes (unpaid) or is charged back once (paid), at once and not only at
// the next whole recompute.
func TestLeadCustomerLosesHerOnlyOrder(t *testing.T) {
	for _, paid := range []bool{false, true} {
		t.Run(map[bool]string{false: "unpaid", true: "paid"}[paid], func(t *testing.T) {
			s := open(t)
			payday(s)
			prog, _ := leadProgram(t, s)
			issuer(t, s)
			if _, err := importItems(t, s, prog.ID, domain.OrderImport{File: "a.csv"}, sale("#1", 1, 5000, "ana@example.org", "")); err != nil {
				t.Fatal(err)
			}
			if paid {
				if run, err := s.RunPayouts(ctx, prog.ID, "2025-04-02", false); err != nil || len(run.Payouts) != 1 {
					t.Fatalf("run = %+v, %v", run, err)
				}
			}
			recomputeAll(t, s, prog.ID)
			if _, err := importItems(t, s, prog.ID, domain.OrderImport{File: "b.csv"}, sale("#1", 1, 5000, "zed@example.org", "")); err != nil {
				t.Fatal(err)
			}
			got := lines(t, s, prog.ID, "")
			want := ""
			if paid {
				want = "#1 kira lead paid 2.00 \n#1 kira adjustment approved -2.00 no longer earned after payout"
			}
			if got != want {
				t.Errorf("after #1 left ana:\n%s\nwant:\n%s", got, want)
			}
			sameAfterFullRecomputes(t, s, prog.ID)
			if n := strings.Count(lines(t, s, prog.ID, ""), "adjustment"); paid && n != 1 {
				t.Errorf("%d adjustments", n)
			}
		})
	}
}
