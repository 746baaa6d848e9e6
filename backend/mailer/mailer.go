// Package mailer runs the shop's mail: it queues statements, monthly reports and welcome
// e-mails in the outbox, delivers what is queued (SMTP, then a copy in the IMAP Sent folder),
// and reads partners' leads from an IMAP folder. The command line and the window both call it;
// the protocols live in mail, the state in the store.
package mailer

import (
	"context"
	"fmt"
	"strings"
	"time"

	"partnerbook/backend/domain"
	"partnerbook/backend/i18n"
	"partnerbook/backend/mail"
	"partnerbook/backend/sqlite"
)

// Config reads the mail settings and the passwords from the secret store.
func Config(ctx context.Context, st *sqlite.Store) (mail.Config, error) {
	var c mail.Config
	set, err := st.Settings(ctx)
	if err != nil {
		return c, err
	}
	server := func(s domain.MailServer, prefix string) (mail.Server, error) {
		pw, err := st.SecretValue(prefix + ".password")
		if err != nil {
			err = fmt.Errorf("mailer: setting %s.password: %w", prefix, err)
		}
		return mail.Server{Host: s.Host, Port: s.Port, Security: s.Security, User: s.User, Password: pw}, err
	}
	if c.SMTP, err = server(set.SMTP, "smtp"); err != nil {
		return c, err
	}
	if c.IMAP, err = server(set.IMAP, "imap"); err != nil {
		return c, err
	}
	c.FromName, c.From, c.ReplyTo = set.Mail.FromName, set.Mail.From, set.Mail.ReplyTo
	c.SentFolder, c.LeadsFolder = set.Mail.SentFolder, set.Mail.LeadsFolder
	return c, nil
}

// Queued is what a mailing put in the outbox (or, in a dry run, would put).
type Queued struct {
	DryRun   bool            `json:"dry_run"`
	Queued   int             `json:"queued"`
	Already  int             `json:"already"` // in the outbox from an earlier mailing: not queued again
	Skipped  []Skip          `json:"skipped"`
	Messages []QueuedMessage `json:"messages"`
	Delivery *Delivery       `json:"delivery,omitempty"`
	out      []domain.OutMessage
}

// QueuedMessage is one message of a mailing.
type QueuedMessage struct {
	ID      int64  `json:"id"` // 0 in a dry run
	Partner string `json:"partner"`
	To      string `json:"to"`
	Subject string `json:"subject"`
}

// Skip is a partner a mailing left out, and why.
type Skip struct {
	Partner string `json:"partner"`
	Reason  string `json:"reason"`
}

// sender is who the messages come from.
type sender struct {
	name, from, replyTo, website string
}

func senderOf(ctx context.Context, st *sqlite.Store) (sender, error) {
	set, err := st.Settings(ctx)
	if err != nil {
		return sender{}, err
	}
	s := sender{name: set.Company.Name, replyTo: set.Mail.ReplyTo, website: set.Company.Website}
	name, from := set.Mail.FromName, set.Mail.From
	if from == "" {
		return s, domain.Errorf(domain.EInvalid, "no sender is set: fill in mail.from in the settings")
	}
	s.from = from
	if name != "" {
		s.name = name
	}
	if s.name == "" {
		s.name = "Partnerbook"
	}
	return s, nil
}

// template is the shop's version of a template, or Partnerbook's own.
func template(ctx context.Context, st *sqlite.Store, kind, lang string) (mail.Template, error) {
	lang = i18n.Get(lang).Code
	if t, ok, err := st.MailTemplate(ctx, kind, lang); err != nil || ok {
		return t, err
	}
	t, _ := mail.Default(kind, lang)
	return t, nil
}

// compose renders the template for a partner and builds the message for the outbox.
func compose(ctx context.Context, st *sqlite.Store, s sender, p domain.Partner, kind, key string, f mail.Figures,
	files []mail.Attachment, now time.Time) (domain.OutMessage, error) {
	t, err := template(ctx, st, kind, p.Language)
	if err != nil {
		return domain.OutMessage{}, err
	}
	r, err := mail.Render(t, f)
	if err != nil {
		return domain.OutMessage{}, domain.Errorf(domain.EInvalid, "the %s template (%s) does not work: %v", kind, t.Language, err)
	}
	id := mail.NewMessageID(kind, s.from)
	raw, err := mail.Build(mail.Draft{MessageID: id, Date: now, FromName: s.name, From: s.from, ReplyTo: s.replyTo, To: p.Email,
		ToName: p.Name, Subject: r.Subject, Text: r.Text, HTML: r.HTML, Attachments: files})
	if err != nil {
		return domain.OutMessage{}, domain.Errorf(domain.EInvalid, "the message to %s (%s) cannot be made: %v", p.Key, p.Email, err)
	}
	return domain.OutMessage{MessageID: id, Kind: kind, DedupeKey: key, ProgramID: p.ProgramID, PartnerID: p.ID, Partner: p.Key,
		To: p.Email, Subject: r.Subject, Body: raw}, nil
}

// queue writes the composed messages to the outbox, or only lists them in a dry run.
func queue(ctx context.Context, st *sqlite.Store, q *Queued) error {
	q.Messages = []QueuedMessage{}
	if q.Skipped == nil {
		q.Skipped = []Skip{}
	}
	msgs := q.out
	if !q.DryRun {
		var err error
		if msgs, err = st.QueueMail(ctx, q.out); err != nil {
			return err
		}
		q.Already += len(q.out) - len(msgs)
	}
	for _, m := range msgs {
		q.Messages = append(q.Messages, QueuedMessage{ID: m.ID, Partner: m.Partner, To: m.To, Subject: m.Subject})
	}
	q.Queued = len(msgs)
	return nil
}

// links are a partner's referral links: the shop's website with their key.
func (s sender) links(key string) []string {
	if s.website == "" {
		return []string{}
	}
	sep := "?"
	if strings.Contains(s.website, "?") {
		sep = "&"
	}
	return []string{s.website + sep + "ref=" + key}
}
