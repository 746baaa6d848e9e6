package mailer

import (
	"context"
	"time"

	"partnerbook/backend/domain"
	"partnerbook/backend/mail"
)

// Check is what `mail test` found: a test message sent, and the IMAP folders.
type Check struct {
	SMTP      string   `json:"smtp"` // "ok", "not set", or the error
	SentTo    string   `json:"sent_to"`
	IMAP      string   `json:"imap"`
	Folders   []string `json:"folders"`
	SentOK    bool     `json:"sent_folder_exists"`
	LeadsOK   bool     `json:"leads_folder_exists"`
	MessageID string   `json:"message_id"`
}

// OK says whether sending works, and reading too where an IMAP account is set.
func (c Check) OK() bool { return c.SMTP == "ok" && (c.IMAP == "ok" || c.IMAP == "not set") }

// Test sends a test message to to (mail.from when empty) straight away, not through the
// outbox, and lists the IMAP folders. Errors are in the words of mail.Error.
func Test(ctx context.Context, cfg mail.Config, shop, to string, now time.Time) Check {
	c := Check{SMTP: "not set", IMAP: "not set", Folders: []string{}}
	if to == "" {
		to = cfg.From
	}
	if cfg.SMTP.Host != "" {
		c.SMTP = "ok"
		c.SentTo = to
		if err := cfg.CheckSMTP(); err != nil {
			c.SMTP = err.Error()
		} else if !domain.ValidEmail(to) {
			c.SMTP = "the test message needs a recipient: " + to + " is not an e-mail address"
		} else if err := sendTest(ctx, cfg, shop, to, now, &c); err != nil {
			c.SMTP = err.Error()
		}
	}
	if cfg.HasIMAP() {
		c.IMAP = "ok"
		box, err := mail.DialIMAP(ctx, cfg.IMAP)
		if err != nil {
			c.IMAP = err.Error()
			return c
		}
		defer box.Close()
		if c.Folders, err = box.Folders(); err != nil {
			c.IMAP = err.Error()
		}
		for _, f := range c.Folders {
			c.SentOK = c.SentOK || f == cfg.Sent()
			c.LeadsOK = c.LeadsOK || f == cfg.Leads()
		}
	}
	return c
}

func sendTest(ctx context.Context, cfg mail.Config, shop, to string, now time.Time, c *Check) error {
	if cfg.FromName != "" {
		shop = cfg.FromName
	}
	if shop == "" {
		shop = "Partnerbook"
	}
	c.MessageID = mail.NewMessageID("test", cfg.From)
	raw, err := mail.Build(mail.Draft{MessageID: c.MessageID, Date: now, FromName: shop, From: cfg.From, ReplyTo: cfg.ReplyTo, To: to,
		Subject: "Partnerbook test message", Text: "This message shows that " + shop + " can send e-mail to its partners.\n"})
	if err != nil {
		return err
	}
	s, err := mail.DialSMTP(ctx, cfg.SMTP)
	if err != nil {
		return err
	}
	defer s.Close()
	return s.Send(cfg.From, []string{to}, raw)
}
