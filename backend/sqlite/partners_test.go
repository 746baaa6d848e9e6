package sqlite

import (
	"strings"
	"testing"

	"partnerbook/backend/domain"
)

func TestAddPartnerUniqueness(t *testing.T) {
	s := open(t)
	pid := program(t, s, "Shop").ID
	other := program(t, s, "Other").ID
	mustAdd(t, s, pid, partner("Kira", "Kira@Example.org", "kira", "KIRA10"))

	tests := []struct {
		name   string
		patch  domain.PartnerPatch
		column string
		msg    string
	}{
		{"key taken, other case", partner("K2", "k2@example.org", "KIRA"), "key", `key "KIRA" is taken by Kira`},
		{"coupon taken, other case", partner("Lena", "lena@example.org", "lena", "kira10"), "coupons", `coupon "kira10" is taken by Kira (as "KIRA10")`},
		{"parent missing", func() domain.PartnerPatch {
			p := partner("Lena", "l@example.org", "lena")
			p.Parent = str("ghost")
			return p
		}(), "parent", "no partner with key"},
		{"bad email", partner("Lena", "lena@", "lena"), "email", "not an e-mail"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := count(t, s, "partners")
			_, err := s.AddPartner(ctx, pid, tt.patch)
			wantProblem(t, err, tt.column, tt.msg)
			if count(t, s, "partners") != before || count(t, s, "coupons") != 1 {
				t.Error("a refused partner changed the database")
			}
		})
	}
	// Keys and coupons are unique per program, not across programs.
	mustAdd(t, s, other, partner("Kira elsewhere", "kira@example.org", "kira", "KIRA10"))
}

func TestUpdatePartner(t *testing.T) {
	s := open(t)
	pid := program(t, s, "Shop").ID
	mustAdd(t, s, pid, partner("Kira", "kira@example.org", "kira", "A"))
	mustAdd(t, s, pid, partner("Lena", "lena@example.org", "lena"))

	p, err := s.UpdatePartner(ctx, pid, "KIRA", domain.PartnerPatch{Country: str("pl"), Parent: str("lena")})
	if err != nil {
		t.Fatal(err)
	}
	if p.Country != "PL" || p.Parent != "lena" || p.Name != "Kira" || strings.Join(p.Coupons, ",") != "A" {
		t.Errorf("a patch changes only what it sets: %+v", p)
	}
	// lena below kira would close a cycle.
	_, err = s.UpdatePartner(ctx, pid, "lena", domain.PartnerPatch{Parent: str("kira")})
	wantProblem(t, err, "parent", "already below lena")
	got, _ := s.FindPartner(ctx, pid, "lena")
	if got.Parent != "" {
		t.Errorf("refused update stored parent %q", got.Parent)
	}
	// An update that changes nothing writes no audit row.
	before := count(t, s, "audit_log")
	if _, err := s.UpdatePartner(ctx, pid, "kira", domain.PartnerPatch{Name: str("Kira")}); err != nil {
		t.Fatal(err)
	}
	if count(t, s, "audit_log") != before {
		t.Error("a no-op update was audited")
	}
	if _, err := s.UpdatePartner(ctx, pid, "ghost", domain.PartnerPatch{}); domain.ErrorCode(err) != domain.ENotFound {
		t.Errorf("update of unknown key = %v", err)
	}
}

func TestListPartners(t *testing.T) {
	s := open(t)
	pid := program(t, s, "Shop").ID
	for _, k := range []string{"delta", "alpha", "charlie", "bravo", "echo"} {
		mustAdd(t, s, pid, partner(strings.ToUpper(k[:1])+k[1:], k+"@example.org", k, strings.ToUpper(k)+"10"))
	}
	s.UpdatePartner(ctx, pid, "echo", domain.PartnerPatch{Status: str("suspended")})

	page, total, err := s.ListPartners(ctx, domain.PartnerFilter{ProgramID: pid, Page: domain.Page{Limit: 2, Offset: 2, Sort: "key"}})
	if err != nil {
		t.Fatal(err)
	}
	if total != 5 || len(page) != 2 || page[0].Key != "charlie" || page[1].Key != "delta" {
		t.Errorf("page 2 by key = %v (total %d)", keys(page), total)
	}
	desc, _, _ := s.ListPartners(ctx, domain.PartnerFilter{ProgramID: pid, Page: domain.Page{Sort: "name", Desc: true}})
	if keys(desc) != "echo,delta,charlie,bravo,alpha" {
		t.Errorf("by name desc = %s", keys(desc))
	}
	found, total, _ := s.ListPartners(ctx, domain.PartnerFilter{ProgramID: pid, Search: "bravo1"})
	if total != 1 || found[0].Key != "bravo" {
		t.Errorf("search by coupon = %s", keys(found))
	}
	_, total, _ = s.ListPartners(ctx, domain.PartnerFilter{ProgramID: pid, Status: "suspended"})
	if total != 1 {
		t.Errorf("suspended = %d", total)
	}
	_, total, _ = s.ListPartners(ctx, domain.PartnerFilter{ProgramID: pid, Search: "%"})
	if total != 0 {
		t.Errorf("%% must be searched literally, matched %d", total)
	}
}

func keys(ps []domain.Partner) string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Key)
	}
	return strings.Join(out, ",")
}

func TestImportPartnersAllOrNothing(t *testing.T) {
	s := open(t)
	pid := program(t, s, "Shop").ID
	mustAdd(t, s, pid, partner("Kira", "kira@example.org", "kira", "KIRA10"))
	rows := []domain.PartnerRow{
		{Row: 2, Patch: func() domain.PartnerPatch {
			p := partner("Lena", "lena@example.org", "lena")
			p.Parent = str("nora")
			return p
		}()},
		{Row: 3, Patch: partner("Nora", "nora@example.org", "nora")},
		{Row: 4, Patch: partner("Bad", "bad", "bad")},
		{Row: 5, Patch: partner("Dup", "dup@example.org", "LENA")},
		{Row: 6, Patch: partner("Coupon", "c@example.org", "coupon", "kira10")},
	}
	_, err := s.ImportPartners(ctx, pid, "partners.csv", rows)
	e := domain.AsError(err)
	if e.Code != domain.EInvalid || len(e.Problems) != 3 {
		t.Fatalf("want 3 problems, got %v", err)
	}
	for i, want := range []string{"partners.csv:4: column \"email\"", "partners.csv:5: column \"key\"", "partners.csv:6: column \"coupons\""} {
		if !strings.HasPrefix(e.Problems[i].String(), want) {
			t.Errorf("problem %d = %s, want it to start %s", i, e.Problems[i], want)
		}
	}
	if count(t, s, "partners") != 1 || count(t, s, "import_batches") != 0 {
		t.Fatal("a refused file changed the database")
	}

	res, err := s.ImportPartners(ctx, pid, "partners.csv", rows[:2])
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 2 || res.Batch == 0 {
		t.Errorf("result = %+v", res)
	}
	lena, _ := s.FindPartner(ctx, pid, "lena")
	if lena.Parent != "nora" {
		t.Errorf("a parent further down the file: lena's parent = %q", lena.Parent)
	}
	res, err = s.ImportPartners(ctx, pid, "partners.csv", rows[:2])
	if err != nil || res.Unchanged != 2 || res.Created != 0 || res.Updated != 0 {
		t.Errorf("the same file again: %+v, %v", res, err)
	}
}
