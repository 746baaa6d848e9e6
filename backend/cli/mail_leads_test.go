package cli

import (
	"bytes"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/client"

	"partnerbook/backend/mail"
)

// deliverTo puts unread messages into an IMAP folder, as a partner's mail would arrive.
func deliverTo(t *testing.T, s mail.Server, folder string, drafts ...mail.Draft) {
	t.Helper()
	c, err := client.Dial(net.JoinHostPort(s.Host, strconv.Itoa(s.Port)))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Logout()
	if err := c.Login(s.User, s.Password); err != nil {
		t.Fatal(err)
	}
	c.Create(folder)
	for i, d := range drafts {
		d.MessageID = "lead-" + strconv.Itoa(i) + "-" + strconv.FormatInt(time.Now().UnixNano(), 36) + "@example.org"
		d.Date = time.Date(2025, 4, 2, 10, i, 0, 0, time.UTC)
		raw, err := mail.Build(d)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Append(folder, nil, d.Date, bytes.NewBuffer(raw)); err != nil {
			t.Fatal(err)
		}
	}
}

func TestMailLeads(t *testing.T) {
	m := newMailPB(t)
	deliverTo(t, m.imap, "Leads",
		mail.Draft{From: "kira@example.org", To: "shop@linen.example", Subject: "a lead", Text: "Hi!\n\nname: Jonas Berg\nemail: Jonas.Berg@Example.com\n\nKira"},
		mail.Draft{From: "stranger@example.com", To: "shop@linen.example", Subject: "spam", Text: "email: someone@example.com"},
		mail.Draft{From: "LENA@example.net", To: "shop@linen.example", Subject: "meine Kontakte", Text: "anbei",
			Attachments: []mail.Attachment{{Name: "leads.csv", Type: "text/csv", Data: []byte("partner_key,email,name,status\n,anna@example.de,Anna Graf,\nlena,ben@example.de,Ben Kurz,qualified\n")}}},
		mail.Draft{From: "kira@example.org", To: "shop@linen.example", Subject: "typo", Text: "email: not-an-address"},
	)
	var r struct {
		Messages, Created int
		Left              []struct{ From, Subject, Reason string }
	}
	m.ok(&r, "mail", "leads", "--program", "1", "--json")
	if r.Messages != 4 || r.Created != 3 || len(r.Left) != 2 {
		t.Fatalf("mail leads: %+v", r)
	}
	if r.Left[0].From != "stranger@example.com" || !strings.Contains(r.Left[0].Reason, "not a partner") ||
		!strings.Contains(r.Left[1].Reason, "not-an-address") {
		t.Errorf("left alone: %+v", r.Left)
	}
	out := m.ok(nil, "leads", "--program", "1", "--json")
	for _, want := range []string{`"email":"jonas.berg@example.com","name":"Jonas Berg"`, `"partner":"lena","email":"anna@example.de"`,
		`"email":"ben@example.de","name":"Ben Kurz","status":"qualified","source":"mail"`} {
		if !strings.Contains(out, want) {
			t.Errorf("leads lack %s:\n%s", want, out)
		}
	}
	// The used messages are flagged as read and kept; the others stay unread for a person.
	unread, err := m.box().Unread("Leads")
	if err != nil || len(unread) != 2 {
		t.Errorf("%d unread left in Leads, %v", len(unread), err)
	}
	m.ok(&r, "mail", "leads", "--program", "1", "--json")
	if r.Messages != 2 || r.Created != 0 {
		t.Errorf("a second read: %+v", r)
	}
}

func TestMailTestCommand(t *testing.T) {
	m := newMailPB(t)
	var chk struct {
		SMTP, IMAP string
		SentTo     string `json:"sent_to"`
		Folders    []string
	}
	m.ok(&chk, "mail", "test", "--to", "owner@linen.example", "--json")
	if chk.SMTP != "ok" || chk.IMAP != "ok" || chk.SentTo != "owner@linen.example" || len(chk.Folders) == 0 {
		t.Fatalf("mail test: %+v", chk)
	}
	if got := m.smtp.Messages(); len(got) != 1 || got[0].To[0] != "owner@linen.example" {
		t.Fatalf("the test message: %+v", got)
	}
	m.ok(nil, "settings", "set", "smtp.password", "wrong")
	m.ok(nil, "settings", "set", "imap.host", "no-such-host.invalid")
	code, out, errs := m.run("mail", "test")
	if code != 1 || !strings.Contains(out, "wrong user name or password") || !strings.Contains(out, "no such host: no-such-host.invalid") {
		t.Errorf("mail test with a wrong password and host: %d\n%s%s", code, out, errs)
	}
	if strings.Contains(out+errs, "wrong\n") {
		t.Errorf("the password is shown:\n%s", out)
	}
}
