package cli

import (
	"bytes"
	"encoding/json"
	"io"
	netmail "net/mail"
	"strings"
	"testing"
)

// mail.from may carry a display name; the messages show it, the envelope has the bare address.
func TestMailFromWithDisplayName(t *testing.T) {
	m := newMailPB(t)
	m.ok(nil, "settings", "set", "mail.from", "Atelier Nord <Shop@Atelier.test>")
	if code, _, errs := m.run("settings", "set", "mail.from", "Atelier Nord <shop@>"); code != 1 || !strings.Contains(errs, "mail.from") {
		t.Errorf("a broken sender was saved: %d %s", code, errs)
	}
	m.ok(nil, "mail", "test", "--to", "owner@linen.example", "--json")
	got := m.smtp.Messages()
	if len(got) != 1 || got[0].From != "shop@atelier.test" {
		t.Fatalf("the envelope: %+v", got)
	}
	msg, err := netmail.ReadMessage(bytes.NewReader(got[0].Data))
	if err != nil {
		t.Fatal(err)
	}
	from, err := netmail.ParseAddress(msg.Header.Get("From"))
	if err != nil || from.Name != "Atelier Nord" || from.Address != "shop@atelier.test" {
		t.Errorf("From: %q (%v)", msg.Header.Get("From"), err)
	}
	// The partners' messages come from the same name.
	var q queuedJSON
	m.ok(&q, "mail", "statements", "--program", "1", "--run", "1", "--json")
	for _, r := range m.smtp.Messages()[1:] {
		msg, _ := netmail.ReadMessage(bytes.NewReader(r.Data))
		if from, err := netmail.ParseAddress(msg.Header.Get("From")); err != nil || from.Name != "Atelier Nord" || r.From != "shop@atelier.test" {
			t.Errorf("a statement's From: %q, envelope %s", msg.Header.Get("From"), r.From)
		}
	}
}

// `mail test --json` that finds a problem prints one JSON document: the check and the error.
func TestMailTestJSONIsOneDocument(t *testing.T) {
	m := newMailPB(t)
	m.ok(nil, "settings", "set", "smtp.password", "wrong")
	code, out, _ := m.run("mail", "test", "--json")
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	dec := json.NewDecoder(strings.NewReader(out))
	var doc struct {
		SMTP  string
		Error struct{ Code, Message string }
	}
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if !strings.Contains(doc.SMTP, "wrong user name or password") || doc.Error.Code != "invalid" || doc.Error.Message == "" {
		t.Errorf("the document: %+v", doc)
	}
	if err := dec.Decode(&json.RawMessage{}); err != io.EOF {
		t.Errorf("more than one JSON document:\n%s", out)
	}
}

// `customers assign --as-of` dates the link at the start of that day in the program's zone.
func TestCustomersAssignAsOf(t *testing.T) {
	p := newPB(t)
	p.withProgram()
	p.ok(nil, "import", "partners", "--program", "1", testdata("partners.csv"))
	p.ok(nil, "import", "orders", "--program", "1", fixture("orders_export_1.csv"))
	var r struct {
		Partner  string
		LinkedAt string `json:"linked_at"`
	}
	p.ok(&r, "customers", "assign", "--program", "1", "--customer", "jonas@example.com", "--partner", "kira", "--as-of", "2025-03-01", "--json")
	// Europe/Berlin: 2025-03-01 00:00 is 2025-02-28 23:00 UTC.
	if r.Partner != "kira" || !strings.HasPrefix(r.LinkedAt, "2025-02-28T23:00:00") {
		t.Errorf("assign --as-of 2025-03-01: %+v", r)
	}
	p.ok(&r, "customers", "assign", "--program", "1", "--customer", "jonas@example.com", "--partner", "lena", "--json")
	if r.Partner != "lena" || strings.HasPrefix(r.LinkedAt, "2025-") {
		t.Errorf("assign without --as-of is dated now: %+v", r)
	}
}
