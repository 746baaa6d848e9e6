package sqlite

import (
	"testing"
	"time"

	"partnerbook/backend/domain"
)

func TestLeads(t *testing.T) {
	s := open(t)
	pid := program(t, s, "Shop").ID
	mustAdd(t, s, pid, partner("Kira", "kira@example.org", "kira"))
	mustAdd(t, s, pid, partner("Lena", "lena@example.org", "lena"))

	l, err := s.AddLead(ctx, pid, domain.Lead{Partner: "KIRA", Email: " Jo@Example.com ", Name: "Jo"})
	if err != nil {
		t.Fatal(err)
	}
	if l.Partner != "kira" || l.Email != "jo@example.com" || l.Status != "new" || l.Source != "manual" {
		t.Errorf("lead = %+v", l)
	}
	_, err = s.AddLead(ctx, pid, domain.Lead{Partner: "lena", Email: "jo@example.com"})
	wantProblem(t, err, "email", "submitted by kira already")
	_, err = s.AddLead(ctx, pid, domain.Lead{Partner: "ghost", Email: "x@example.com"})
	wantProblem(t, err, "partner_key", "no partner")

	at := time.Date(2025, 4, 1, 12, 0, 0, 0, time.UTC)
	c, err := s.SetLeadStatus(ctx, pid, l.ID, "converted", at)
	if err != nil || c.Status != "converted" || c.ConvertedAt == nil || !c.ConvertedAt.Equal(at) {
		t.Fatalf("converted = %+v, %v", c, err)
	}
	if _, err := s.SetLeadStatus(ctx, pid, l.ID, "won", at); domain.ErrorCode(err) != domain.EInvalid {
		t.Errorf("status won = %v", err)
	}
	back, _ := s.SetLeadStatus(ctx, pid, l.ID, "qualified", time.Time{})
	if back.ConvertedAt != nil {
		t.Errorf("leaving converted keeps converted_at %v", back.ConvertedAt)
	}

	rows := []domain.LeadRow{
		{Row: 2, Lead: domain.Lead{Partner: "lena", Email: "a@example.org", Name: "A"}},
		{Row: 3, Lead: domain.Lead{Partner: "kira", Email: "jo@example.com", Name: "Jo", Status: "lost"}},
	}
	res, err := s.ImportLeads(ctx, pid, "leads.csv", rows)
	if err != nil || res.Created != 1 || res.Updated != 1 {
		t.Fatalf("import = %+v, %v", res, err)
	}
	bad := append(rows, domain.LeadRow{Row: 4, Lead: domain.Lead{Partner: "kira", Email: "a@example.org"}})
	before := count(t, s, "leads")
	_, err = s.ImportLeads(ctx, pid, "leads.csv", bad)
	if e := domain.AsError(err); len(e.Problems) != 1 || e.Problems[0].Row != 4 {
		t.Fatalf("want row 4 refused, got %v", err)
	}
	if count(t, s, "leads") != before {
		t.Error("a refused file changed the leads")
	}
	list, total, _ := s.ListLeads(ctx, domain.LeadFilter{ProgramID: pid, Partner: "LENA"})
	if total != 1 || list[0].Email != "a@example.org" {
		t.Errorf("leads of lena = %+v", list)
	}
}

func TestSecretsStayOutOfTheDatabase(t *testing.T) {
	s := open(t)
	if err := s.SetSetting(ctx, "smtp.password", "hunter2"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(ctx, "smtp.host", " mail.example.org "); err != nil {
		t.Fatal(err)
	}
	var n int
	s.db.QueryRow(`SELECT count(*) FROM settings WHERE value LIKE '%hunter2%'`).Scan(&n)
	var m int
	s.db.QueryRow(`SELECT count(*) FROM audit_log WHERE detail LIKE '%hunter2%'`).Scan(&m)
	if n+m != 0 {
		t.Fatal("a secret reached the database")
	}
	got, _ := s.GetSetting(ctx, "smtp.password")
	if !got.Set || got.Value != "" {
		t.Errorf("a secret shows only that it is set: %+v", got)
	}
	if v, _ := s.SecretValue("smtp.password"); v != "hunter2" {
		t.Errorf("SecretValue = %q", v)
	}
	host, _ := s.GetSetting(ctx, "smtp.host")
	if host.Value != "mail.example.org" {
		t.Errorf("host = %q", host.Value)
	}
	if err := s.SetSetting(ctx, "smtp.port", "x"); domain.ErrorCode(err) != domain.EInvalid {
		t.Errorf("port x = %v", err)
	}
}
