package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"partnerbook/backend/mail"
)

// Against real servers: Mailpit for SMTP (read back through its API) and Dovecot for IMAP.
// scripts/test.sh starts both on loopback (scripts/mailservers.sh) and sets the variables.
func TestMailWithMailpitAndDovecot(t *testing.T) {
	smtpAddr, api, imapAddr := os.Getenv("PARTNERBOOK_MAILPIT_SMTP"), os.Getenv("PARTNERBOOK_MAILPIT_API"), os.Getenv("PARTNERBOOK_DOVECOT")
	if smtpAddr == "" || imapAddr == "" {
		t.Skip("needs Mailpit and Dovecot: run scripts/test.sh, or scripts/mailservers.sh start DIR and source DIR/env")
	}
	m := newMailPB(t)
	smtpHost, smtpPort, _ := net.SplitHostPort(smtpAddr)
	imapHost, imapPort, _ := net.SplitHostPort(imapAddr)
	for k, v := range map[string]string{"smtp.host": smtpHost, "smtp.port": smtpPort, "smtp.user": "shop", "smtp.password": "any",
		"imap.host": imapHost, "imap.port": imapPort, "imap.user": "shop@linen.example", "imap.password": "secret"} {
		m.ok(nil, "settings", "set", k, v)
	}
	port, _ := strconv.Atoi(imapPort)
	m.imap = mail.Server{Host: imapHost, Port: port, Security: "none", User: "shop@linen.example", Password: "secret"}
	req, _ := http.NewRequest(http.MethodDelete, api+"/api/v1/messages", nil)
	if _, err := http.DefaultClient.Do(req); err != nil {
		t.Fatal(err)
	}

	// SMTP down at first: the statements wait in the outbox; once it is back they go out once.
	m.ok(nil, "settings", "set", "smtp.port", "1")
	var q queuedJSON
	m.ok(&q, "mail", "statements", "--program", "1", "--run", "1", "--json")
	if q.Queued != 2 || q.Delivery.Waiting != 2 {
		t.Fatalf("with SMTP down: %+v %+v", q, q.Delivery)
	}
	m.ok(nil, "settings", "set", "smtp.port", smtpPort)
	var d deliveryJSON
	m.ok(&d, "mail", "send", "--json")
	m.ok(nil, "mail", "send", "--json")
	if d.Sent != 2 || d.Filed != 2 {
		t.Fatalf("send: %+v", d)
	}
	var list struct {
		Messages []struct {
			ID, MessageID, Subject string
			To                     []struct{ Address string }
			Attachments            int
		}
	}
	getJSON(t, api+"/api/v1/messages", &list)
	if len(list.Messages) != 2 {
		t.Fatalf("Mailpit holds %d messages", len(list.Messages))
	}
	dir := t.TempDir()
	m.ok(nil, "statements", "--program", "1", "--run", "1", "--out", dir)
	want := map[string]string{"kira@example.org": "2025-0001-kira.pdf", "lena@example.net": "2025-0002-lena.pdf"}
	b := m.box()
	for _, msg := range list.Messages {
		if len(msg.To) != 1 || want[msg.To[0].Address] == "" || msg.Attachments != 1 {
			t.Errorf("message %+v", msg)
			continue
		}
		file := want[msg.To[0].Address]
		if number := file[:len("2025-0001")]; !strings.Contains(msg.Subject, number) {
			t.Errorf("subject %q does not name %s", msg.Subject, file)
		}
		var full struct {
			Attachments []struct{ PartID, FileName string }
		}
		getJSON(t, api+"/api/v1/message/"+msg.ID, &full)
		if len(full.Attachments) != 1 || full.Attachments[0].FileName != file {
			t.Fatalf("attachments %+v", full.Attachments)
		}
		got := get(t, api+"/api/v1/message/"+msg.ID+"/part/"+full.Attachments[0].PartID)
		if pdf, _ := os.ReadFile(filepath.Join(dir, file)); !bytes.Equal(got, pdf) {
			t.Errorf("%s: the attachment's bytes differ from the statement", file)
		}
		if ok, err := b.HasMessageID("Sent", msg.MessageID); !ok || err != nil {
			t.Errorf("Dovecot's Sent has no copy of %s: %v", msg.MessageID, err)
		}
	}
	if unread, err := b.Unread("Sent"); err != nil || len(unread) != 0 {
		t.Errorf("the copies in Sent must be flagged as read: %d unread, %v", len(unread), err)
	}

	// A lead a partner mailed to the leads folder.
	deliverTo(t, m.imap, "Leads", mail.Draft{From: "kira@example.org", To: "shop@linen.example", Subject: "lead",
		Text: "email: dovecot.lead@example.com\nname: Dora Vogel"})
	var r struct{ Messages, Created int }
	m.ok(&r, "mail", "leads", "--program", "1", "--json")
	if r.Created != 1 || !strings.Contains(m.ok(nil, "leads", "--program", "1"), "dovecot.lead@example.com") {
		t.Errorf("mail leads against Dovecot: %+v", r)
	}
	if _, err := b.Unread("Leads"); err != nil {
		t.Fatal(err)
	}
	if unread, _ := m.box().Unread("Leads"); len(unread) != 0 {
		t.Errorf("the used message must be flagged as read: %d unread", len(unread))
	}
	var chk struct{ SMTP, IMAP string }
	m.ok(&chk, "mail", "test", "--json")
	if chk.SMTP != "ok" || chk.IMAP != "ok" {
		t.Errorf("mail test: %+v", chk)
	}
}

func get(t *testing.T, url string) []byte {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %s", url, resp.StatusCode, b)
	}
	return b
}

func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	if err := json.Unmarshal(get(t, url), v); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
}
