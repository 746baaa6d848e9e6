package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"partnerbook/backend/mail"
	"partnerbook/backend/mail/mailtest"
	"partnerbook/backend/mailer"
)

// mailPB is a data folder with the sample partners, orders and a payout run, and its mail
// settings pointing at in-process SMTP and IMAP servers.
type mailPB struct {
	*pb
	smtp *mailtest.SMTP
	imap mail.Server
}

func newMailPB(t *testing.T) *mailPB {
	p := newPB(t)
	p.withProgram()
	p.ok(nil, "import", "partners", "--program", "1", testdata("partners.csv"))
	p.ok(nil, "import", "orders", "--program", "1", fixture("orders_export_1.csv"))
	p.ok(nil, "commissions", "adjust", "--program", "1", "--partner", "kira", "--amount", "45.00", "--comment", "bonus")
	p.ok(nil, "commissions", "adjust", "--program", "1", "--partner", "lena", "--amount", "45.00", "--comment", "Bonus")
	p.withCompany()
	p.ok(nil, "payouts", "run", "--program", "1", "--as-of", "2025-05-10")
	m := &mailPB{pb: p, smtp: mailtest.StartSMTP(t, nil)}
	im := mailtest.StartIMAP(t)
	m.imap = mail.Server{Host: im.Host, Port: im.Port, Security: "none", User: "username", Password: "password"}
	for k, v := range map[string]string{"company.name": "Linen & Co.", "mail.from": "shop@linen.example", "mail.reply_to": "help@linen.example",
		"smtp.host": m.smtp.Host, "smtp.port": strconv.Itoa(m.smtp.Port), "smtp.security": "none", "smtp.user": "shop",
		"smtp.password": mailtest.Password, "imap.host": im.Host, "imap.port": strconv.Itoa(im.Port), "imap.security": "none",
		"imap.user": "username", "imap.password": "password", "company.website": "https://linen.example/"} {
		p.ok(nil, "settings", "set", k, v)
	}
	return m
}

func (m *mailPB) box() *mail.IMAP {
	m.t.Helper()
	b, err := mail.DialIMAP(context.Background(), m.imap)
	if err != nil {
		m.t.Fatal(err)
	}
	m.t.Cleanup(func() { b.Close() })
	return b
}

type queuedJSON struct {
	Queued, Already int
	Messages        []struct {
		ID          int64
		Partner, To string
		Subject     string
	}
	Delivery *mailer.Delivery
}

func TestMailStatements(t *testing.T) {
	m := newMailPB(t)
	var dry queuedJSON
	m.ok(&dry, "mail", "statements", "--program", "1", "--run", "1", "--dry-run", "--json")
	if dry.Queued != 2 || dry.Delivery != nil || len(m.smtp.Messages()) != 0 {
		t.Fatalf("dry run: %+v, %d sent", dry, len(m.smtp.Messages()))
	}
	if out := m.ok(nil, "mail", "outbox", "--json"); !strings.Contains(out, `"total":0`) {
		t.Fatalf("a dry run writes nothing: %s", out)
	}
	var q queuedJSON
	m.ok(&q, "mail", "statements", "--program", "1", "--run", "1", "--json")
	if q.Queued != 2 || q.Delivery == nil || q.Delivery.Sent != 2 || q.Delivery.Filed != 2 {
		t.Fatalf("mail statements: %+v %+v", q, q.Delivery)
	}
	got := m.smtp.Messages()
	if len(got) != 2 {
		t.Fatalf("the server got %d messages", len(got))
	}
	dir := t.TempDir()
	m.ok(nil, "statements", "--program", "1", "--run", "1", "--out", dir)
	byTo := map[string]mail.Parsed{}
	for _, r := range got {
		p, err := mail.Parse(r.Data)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.To) != 1 || r.From != "shop@linen.example" {
			t.Errorf("envelope %s -> %v", r.From, r.To)
		}
		byTo[r.To[0]] = p
	}
	kira, lena := byTo["kira@example.org"], byTo["lena@example.net"]
	if !strings.Contains(kira.Subject, "Your statement 2025-0001 from Linen & Co.") || !strings.Contains(kira.Text, "54.61 EUR") {
		t.Errorf("kira's message: %q\n%s", kira.Subject, kira.Text)
	}
	if !strings.Contains(lena.Subject, "Ihre Abrechnung 2025-0002") || !strings.Contains(lena.Text, "59,76 EUR") {
		t.Errorf("lena's message is German: %q\n%s", lena.Subject, lena.Text)
	}
	for number, p := range map[string]mail.Parsed{"2025-0001-kira.pdf": kira, "2025-0002-lena.pdf": lena} {
		want, _ := os.ReadFile(filepath.Join(dir, number))
		if len(p.Attachments) != 1 || p.Attachments[0].Name != number || !bytes.Equal(p.Attachments[0].Data, want) {
			t.Errorf("%s is not attached byte for byte", number)
		}
	}
	// The copies are in Sent, flagged as read.
	b := m.box()
	for _, p := range []mail.Parsed{kira, lena} {
		if ok, err := b.HasMessageID("Sent", p.MessageID); !ok || err != nil {
			t.Errorf("no copy of %s in Sent: %v", p.MessageID, err)
		}
	}
	if unread, _ := b.Unread("Sent"); len(unread) != 0 {
		t.Errorf("%d copies in Sent are not flagged as read", len(unread))
	}
	// Mailing the same run again sends nothing new.
	var again queuedJSON
	m.ok(&again, "mail", "statements", "--program", "1", "--run", "1", "--json")
	if again.Queued != 0 || again.Already != 2 || len(m.smtp.Messages()) != 2 {
		t.Errorf("again: %+v, %d sent", again, len(m.smtp.Messages()))
	}
	if out := m.ok(nil, "settings", "list"); strings.Contains(out, mailtest.Password) {
		t.Errorf("settings list shows a password:\n%s", out)
	}
}
