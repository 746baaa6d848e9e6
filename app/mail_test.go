package app

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"partnerbook/backend/domain"
	"partnerbook/backend/mail/mailtest"
)

// mailEvents records the Mail screen's events: the progress of deliveries and how many
// background deliveries said they sent something.
type mailEvents struct {
	mu   sync.Mutex
	got  []MailProgress
	sent int
}

func (e *mailEvents) Emit(name string, data ...any) {
	e.mu.Lock()
	defer e.mu.Unlock()
	switch name {
	case MailProgressEvent:
		e.got = append(e.got, data[0].(MailProgress))
	case MailSentEvent:
		e.sent++
	}
}

func (e *mailEvents) seen() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.sent > 0
}

// mailCore is a core with the sample program, its events recorded, and mail settings for
// smtp (the SMTP port set is port, "" for smtp's own); it returns the program and a partner.
func mailCore(t *testing.T, smtp *mailtest.SMTP, port string) (*Core, *mailEvents, int64, domain.Partner) {
	t.Helper()
	c := newCore(t)
	ev := &mailEvents{}
	c.emit = ev
	p, err := (&Programs{c}).CreateSample()
	if err != nil {
		t.Fatal(err)
	}
	if port == "" {
		port = strconv.Itoa(smtp.Port)
	}
	for k, v := range map[string]string{"mail.from": "shop@example.org", "smtp.host": smtp.Host, "smtp.port": port,
		"smtp.security": "none", "smtp.user": "shop", "smtp.password": mailtest.Password} {
		if _, err := (&Settings{c}).Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	partners, _, _ := c.store.ListPartners(c.ctx, domain.PartnerFilter{ProgramID: p.ID})
	return c, ev, p.ID, partners[0]
}

// The Mail screen: a welcome e-mail goes out with progress events, the outbox shows it sent,
// and the template editor refuses what does not run and previews on a real partner.
func TestMailService(t *testing.T) {
	c, ev, pid, partner := mailCore(t, mailtest.StartSMTP(t, nil), "")
	key := partner.Key
	m := &Mail{c}
	q, err := m.Welcome(pid, key)
	if err != nil || q.Queued != 1 || q.Delivery == nil || q.Delivery.Sent != 1 {
		t.Fatalf("welcome: %+v %v", q, err)
	}
	if len(ev.got) == 0 || ev.got[len(ev.got)-1] != (MailProgress{Done: 1, Total: 1}) {
		t.Errorf("progress events %+v", ev.got)
	}
	page, _ := m.Outbox(domain.OutboxFilter{})
	if page.Total != 1 || page.Messages[0].State != "sent" {
		t.Fatalf("outbox %+v", page)
	}
	v, err := m.Message(page.Messages[0].ID)
	if err != nil || !strings.Contains(v.Text, key) || v.From != "shop@example.org" {
		t.Errorf("open message: %+v %v", v, err)
	}
	if _, err := m.Retry(page.Messages[0].ID); domain.ErrorCode(err) != domain.EConflict {
		t.Errorf("a sent message cannot be retried: %v", err)
	}
	tpl, err := m.Template("report", "de")
	if err != nil || tpl.Custom || !strings.Contains(tpl.Subject, "Partnerbericht") {
		t.Fatalf("template %+v %v", tpl, err)
	}
	tpl.Subject = "{{.Partner"
	_, err = m.SaveTemplate(tpl)
	if ae := domain.AsError(err); ae.Code != domain.EInvalid || len(ae.Problems) != 1 || ae.Problems[0].Column != "subject" {
		t.Errorf("a template that does not parse: %+v", ae)
	}
	tpl.Subject = "Monat von {{.Partner}}: {{.Earned}}"
	if saved, err := m.SaveTemplate(tpl); err != nil || !saved.Custom {
		t.Fatalf("save: %+v %v", saved, err)
	}
	r, err := m.Preview(pid, key, tpl)
	if err != nil || !strings.HasPrefix(r.Subject, "Monat von "+partner.Name+": ") || !strings.Contains(r.Subject, "EUR") {
		t.Errorf("preview %+v %v", r, err)
	}
	if back, _ := m.ResetTemplate("report", "de"); back.Custom {
		t.Error("reset must bring back Partnerbook's own")
	}
}

// The window's background sender sends what waited, and says so.
func TestAutoSend(t *testing.T) {
	srv := mailtest.StartSMTP(t, nil)
	c, ev, pid, partner := mailCore(t, srv, "1") // the server cannot be reached at first
	if q, err := (&Mail{c}).Welcome(pid, partner.Key); err != nil || q.Delivery.Waiting != 1 {
		t.Fatalf("with the server down: %+v %v", q, err)
	}
	(&Settings{c}).Set("smtp.port", strconv.Itoa(srv.Port))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go c.AutoSend(ctx, 10*time.Millisecond)
	deadline := time.Now().Add(5 * time.Second)
	for len(srv.Messages()) == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if len(srv.Messages()) != 1 {
		t.Fatalf("the background sender sent %d", len(srv.Messages()))
	}
	for !ev.seen() && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if !ev.seen() {
		t.Error("no mail:sent event")
	}
}
