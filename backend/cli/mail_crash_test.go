package cli

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"partnerbook/backend/domain"
	"partnerbook/backend/mail"
	"partnerbook/backend/mailer"
)

type deliveryJSON = mailer.Delivery

// sentIDs counts, by Message-ID, what the SMTP server received.
func (m *mailPB) sentIDs() map[string]int {
	out := map[string]int{}
	for _, r := range m.smtp.Messages() {
		p, err := mail.Parse(r.Data)
		if err != nil {
			m.t.Fatal(err)
		}
		out[p.MessageID]++
	}
	return out
}

func (m *mailPB) outbox() []domain.OutMessage {
	var r struct{ Messages []domain.OutMessage }
	m.ok(&r, "mail", "outbox", "--json")
	return r.Messages
}

// A crash between "sending" and "sent": the message is looked up in Sent by its Message-ID
// and sent again only when it is not there.
func TestMailAfterACrash(t *testing.T) {
	m := newMailPB(t)
	app, err := OpenApp(context.Background(), m.data)
	if err != nil {
		t.Fatal(err)
	}
	defer app.Store.Close()
	ctx := context.Background()
	q, err := mailer.Welcome(ctx, app.Store, 1, "kira", time.Now())
	if err != nil || q.Queued != 1 {
		t.Fatalf("welcome: %+v %v", q, err)
	}
	q2, err := mailer.Welcome(ctx, app.Store, 1, "lena", time.Now())
	if err != nil || q2.Queued != 1 {
		t.Fatalf("welcome: %+v %v", q2, err)
	}
	kira, _ := app.Store.OutboxMessage(ctx, q.Messages[0].ID)
	lena, _ := app.Store.OutboxMessage(ctx, q2.Messages[0].ID)
	// kira's went out and was filed, then the crash came before "sent" was written; the
	// sender's lease ran out since.
	claim := func(id int64, lease time.Time) {
		t.Helper()
		if ok, err := app.Store.ClaimMail(ctx, id, time.Now(), lease); !ok || err != nil {
			t.Fatalf("claim %d: %v %v", id, ok, err)
		}
	}
	expired := time.Now().Add(-time.Minute)
	claim(kira.ID, expired)
	if err := m.box().AppendSeen("Sent", time.Now(), kira.Body); err != nil {
		t.Fatal(err)
	}
	// lena's crashed before it reached the server.
	claim(lena.ID, expired)
	var d deliveryJSON
	m.ok(&d, "mail", "send", "--json")
	if d.Found != 1 || d.Sent != 1 {
		t.Fatalf("after the crash: %+v", d)
	}
	ids := m.sentIDs()
	if ids[kira.MessageID] != 0 || ids[lena.MessageID] != 1 {
		t.Errorf("kira's must not be sent again, lena's once: %v", ids)
	}
	for _, o := range m.outbox() {
		if o.State != "sent" || !o.InSent {
			t.Errorf("message %d: %s in_sent=%v", o.ID, o.State, o.InSent)
		}
	}
	m.ok(&d, "mail", "send", "--json")
	if d.Sent != 0 || len(m.smtp.Messages()) != 1 {
		t.Errorf("a second send sends nothing: %+v", d)
	}
}

// The SMTP server goes down mid-run: the message it dropped fails and waits its back-off, the
// rest stays queued; later each goes out exactly once.
func TestMailSMTPDownMidRun(t *testing.T) {
	m := newMailPB(t)
	// First with the server unreachable: everything is queued, nothing is lost.
	m.ok(nil, "settings", "set", "smtp.port", "1")
	var q queuedJSON
	m.ok(&q, "mail", "reports", "--program", "1", "--month", "2025-03", "--json")
	if q.Queued != 2 || q.Delivery.Waiting != 2 || !strings.Contains(q.Delivery.Error, "refused the connection") {
		t.Fatalf("reports with SMTP unreachable: %+v %+v", q, q.Delivery)
	}
	m.ok(nil, "mail", "statements", "--program", "1", "--run", "1")
	if n := len(m.outbox()); n != 4 {
		t.Fatalf("%d messages in the outbox", n)
	}
	m.ok(nil, "settings", "set", "smtp.port", strconv.Itoa(m.smtp.Port))
	m.smtp.DownAfter = 2
	var d deliveryJSON
	m.ok(&d, "mail", "send", "--json")
	if d.Sent != 2 || d.Failed != 1 || d.Waiting != 1 {
		t.Fatalf("down after two: %+v", d)
	}
	var failed domain.OutMessage
	for _, o := range m.outbox() {
		if o.State == "failed" {
			failed = o
		}
	}
	if failed.ID == 0 || failed.NextAttempt == nil || failed.Error == "" {
		t.Fatalf("the dropped message must fail with an error and a next attempt: %+v", failed)
	}
	m.smtp.Up()
	m.ok(&d, "mail", "send", "--json")
	if d.Sent != 1 {
		t.Fatalf("the queued one goes out, the failed one waits its back-off: %+v", d)
	}
	if code, _, errs := m.run("mail", "retry", "999"); code != 1 || !strings.Contains(errs, "no message 999") {
		t.Errorf("retry of an unknown message: %d %s", code, errs)
	}
	m.ok(nil, "mail", "retry", strconv.FormatInt(failed.ID, 10))
	m.ok(&d, "mail", "send", "--json")
	if d.Sent != 1 {
		t.Fatalf("the retried one goes out: %+v", d)
	}
	ids := m.sentIDs()
	for _, o := range m.outbox() {
		if o.State != "sent" || ids[o.MessageID] != 1 {
			t.Errorf("message %d (%s): %s, received %d times", o.ID, o.Subject, o.State, ids[o.MessageID])
		}
	}
	if len(ids) != 4 {
		t.Errorf("%d distinct messages received", len(ids))
	}
}

// Two senders at once (the window's and a command's) never send the same message; a message
// another sender holds is left to it until its lease runs out.
func TestMailTwoSendersAtOnce(t *testing.T) {
	m := newMailPB(t)
	m.ok(nil, "settings", "set", "smtp.port", "1") // queue only
	m.ok(nil, "mail", "statements", "--program", "1", "--run", "1")
	m.ok(nil, "mail", "reports", "--program", "1", "--month", "2025-03")
	m.ok(nil, "settings", "set", "smtp.port", strconv.Itoa(m.smtp.Port))
	m.ok(nil, "settings", "set", "imap.host", "") // go-imap's memory server serves one connection at a time
	ctx := context.Background()
	var stores []*App
	for i := 0; i < 2; i++ {
		a, err := OpenApp(ctx, m.data)
		if err != nil {
			t.Fatal(err)
		}
		defer a.Store.Close()
		stores = append(stores, a)
	}
	cfg, _ := mailer.Config(ctx, stores[0].Store)
	held := m.outbox()[0] // newest: a report, held by a sender that is still at work
	later := time.Now().Add(mailer.Lease)
	if ok, err := stores[0].Store.ClaimMail(ctx, held.ID, time.Now(), later); !ok || err != nil {
		t.Fatalf("claim %d: %v %v", held.ID, ok, err)
	}
	done := make(chan mailer.Delivery, 2)
	for _, a := range stores {
		go func(a *App) {
			d, err := mailer.Deliver(ctx, a.Store, cfg, time.Now(), nil)
			if err != nil {
				t.Error(err)
			}
			done <- d
		}(a)
	}
	d1, d2 := <-done, <-done
	if d1.Sent+d2.Sent != 3 {
		t.Errorf("sent %d + %d, want 3 in all", d1.Sent, d2.Sent)
	}
	ids := m.sentIDs()
	for _, o := range m.outbox() {
		want := 1
		if o.ID == held.ID {
			want = 0
		}
		if ids[o.MessageID] != want {
			t.Errorf("message %d received %d times, want %d", o.ID, ids[o.MessageID], want)
		}
	}
}
