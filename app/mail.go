package app

import (
	"context"
	"time"

	"partnerbook/backend/domain"
	"partnerbook/backend/mail"
	"partnerbook/backend/mailer"
)

// Mail is the Mail screen: the outbox, the templates, mail runs and the settings' tests.
type Mail struct{ c *Core }

// MailProgress is how far a delivery run is.
type MailProgress struct {
	Done  int `json:"done"`
	Total int `json:"total"`
}

// OutboxPage is a page of the outbox.
type OutboxPage struct {
	Messages []domain.OutMessage `json:"messages"`
	Total    int                 `json:"total"`
}

// Outbox lists messages, newest first.
func (s *Mail) Outbox(f domain.OutboxFilter) (OutboxPage, error) {
	msgs, total, err := s.c.store.ListOutbox(s.c.ctx, f)
	return OutboxPage{Messages: msgs, Total: total}, err
}

// MessageView is one message as the Mail screen opens it.
type MessageView struct {
	domain.OutMessage
	From        string           `json:"from"`
	Text        string           `json:"text"`
	HTML        string           `json:"html"`
	Attachments []AttachmentInfo `json:"attachments"`
}

// AttachmentInfo names an attached file.
type AttachmentInfo struct {
	Name string `json:"name"`
	Type string `json:"type"`
	Size int    `json:"size"`
}

// Message opens one message of the outbox.
func (s *Mail) Message(id int64) (MessageView, error) {
	m, err := s.c.store.OutboxMessage(s.c.ctx, id)
	if err != nil {
		return MessageView{}, err
	}
	p, err := mail.Parse(m.Body)
	if err != nil {
		return MessageView{}, err
	}
	v := MessageView{OutMessage: m, From: p.From, Text: p.Text, HTML: p.HTML, Attachments: []AttachmentInfo{}}
	for _, a := range p.Attachments {
		v.Attachments = append(v.Attachments, AttachmentInfo{Name: a.Name, Type: a.Type, Size: len(a.Data)})
	}
	return v, nil
}

// Retry puts a failed message back in the queue and sends what is due.
func (s *Mail) Retry(id int64) (Delivery, error) {
	if _, err := s.c.store.RetryMail(s.c.ctx, id); err != nil {
		return Delivery{}, err
	}
	return s.SendNow()
}

// SendNow sends what the outbox holds due, with MailProgressEvent as it goes.
func (s *Mail) SendNow() (Delivery, error) {
	d, err := s.deliver()
	return deliveryDTO(d), err
}

func (s *Mail) deliver() (mailer.Delivery, error) {
	cfg, err := mailer.Config(s.c.ctx, s.c.store)
	if err != nil {
		return mailer.Delivery{}, err
	}
	last := time.Time{}
	return mailer.Deliver(s.c.ctx, s.c.store, cfg, time.Now(), func(done, total int) {
		if done == total || time.Since(last) > 100*time.Millisecond {
			last = time.Now()
			mailProgress.emit(s.c, MailProgress{Done: done, Total: total})
		}
	})
}

func (s *Mail) thenSend(q mailer.Queued, err error) (Queued, error) {
	out := queuedDTO(q)
	if err != nil || q.DryRun {
		return out, err
	}
	d, err := s.SendNow()
	out.Delivery = &d
	return out, err
}

// MailStatements queues each payout's statement e-mail of a run and sends them.
func (s *Mail) MailStatements(programID, runID int64) (Queued, error) {
	return s.thenSend(mailer.Statements(s.c.ctx, s.c.store, programID, runID, false, time.Now()))
}

// MailReports queues each active partner's report of a month (YYYY-MM) and sends them.
func (s *Mail) MailReports(programID int64, month string) (Queued, error) {
	return s.thenSend(mailer.Reports(s.c.ctx, s.c.store, programID, month, "", false, time.Now()))
}

// Welcome queues a partner's welcome e-mail and sends it.
func (s *Mail) Welcome(programID int64, key string) (Queued, error) {
	return s.thenSend(mailer.Welcome(s.c.ctx, s.c.store, programID, key, time.Now()))
}

// ReadLeads reads the IMAP leads folder into leads.
func (s *Mail) ReadLeads(programID int64) (LeadsResult, error) {
	cfg, err := mailer.Config(s.c.ctx, s.c.store)
	if err != nil {
		return LeadsResult{}, err
	}
	r, err := mailer.Leads(s.c.ctx, s.c.store, cfg, programID)
	return leadsDTO(r), err
}

// Test sends a test message (to mail.from when to is empty) and lists the IMAP folders.
func (s *Mail) Test(to string) (MailCheck, error) {
	cfg, err := mailer.Config(s.c.ctx, s.c.store)
	if err != nil {
		return MailCheck{}, err
	}
	set, err := s.c.store.Settings(s.c.ctx)
	if err != nil {
		return MailCheck{}, err
	}
	return MailCheck(mailer.Test(s.c.ctx, cfg, set.Company.Name, to, time.Now())), nil
}

// Template returns the template in use for a kind and language.
func (s *Mail) Template(kind, lang string) (domain.MailTemplate, error) {
	return mailer.Template(s.c.ctx, s.c.store, kind, lang)
}

// SaveTemplate stores the shop's version of a template, once it runs.
func (s *Mail) SaveTemplate(t domain.MailTemplate) (domain.MailTemplate, error) {
	if err := mailer.CheckTemplate(t); err != nil {
		return t, err
	}
	if err := s.c.store.SetMailTemplate(s.c.ctx, t); err != nil {
		return t, err
	}
	return s.Template(t.Kind, t.Language)
}

// ResetTemplate drops the shop's version: Partnerbook's own applies again.
func (s *Mail) ResetTemplate(kind, lang string) (domain.MailTemplate, error) {
	if err := s.c.store.ResetMailTemplate(s.c.ctx, kind, lang); err != nil {
		return domain.MailTemplate{}, err
	}
	return s.Template(kind, lang)
}

// Preview renders a template, as edited, with a real partner's figures.
func (s *Mail) Preview(programID int64, partner string, t domain.MailTemplate) (Rendered, error) {
	r, err := mailer.Preview(s.c.ctx, s.c.store, programID, partner, t, time.Now())
	return renderedDTO(r), err
}

// AutoSend sends what the outbox holds due every so often until ctx ends: retries after their
// back-off, and what waited while the SMTP server was down. The window runs it.
func (c *Core) AutoSend(ctx context.Context, every time.Duration) {
	everySoOften(ctx, every, func() {
		due, err := c.store.DueMail(ctx, time.Now())
		if err != nil || len(due) == 0 {
			return
		}
		cfg, err := mailer.Config(ctx, c.store)
		if err != nil || cfg.CheckSMTP() != nil {
			return
		}
		d, err := mailer.Deliver(ctx, c.store, cfg, time.Now(), nil)
		if err == nil && d.Sent+d.Filed+d.Found+d.Failed > 0 {
			mailSent.emit(c, deliveryDTO(d))
		}
	})
}
