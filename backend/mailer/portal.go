package mailer

import (
	"context"
	"fmt"
	"log"
	"net"
	"strconv"
	"strings"
	"sync"
	"time"

	"partnerbook/backend/domain"
	"partnerbook/backend/i18n"
	"partnerbook/backend/mail"
	"partnerbook/backend/sqlite"
)

// Portal sends the partner portal's sign-in codes through the outbox: each code is one message
// (dedupe key portal-code:ID), delivered right away in the background, by the rules of
// docs/mail.md, so a crash never sends it twice.
type Portal struct {
	Store *sqlite.Store
	// Now is the clock; nil: time.Now.
	Now func() time.Time
	// Logf hears delivery faults; nil: the standard logger.
	Logf func(format string, args ...any)
	// Server says the store is a headless server's folder, whose partners the portal knows
	// from the published snapshot, not as rows of its own: the outbox names them by key only.
	Server bool
	wg     sync.WaitGroup
}

func (m *Portal) now() time.Time {
	if m.Now != nil {
		return m.Now()
	}
	return time.Now().UTC()
}

// SignIn queues a partner's sign-in code and link and starts its delivery.
func (m *Portal) SignIn(ctx context.Context, a domain.PortalAccount, codeID int64, code, link string) error {
	s, err := senderOf(ctx, m.Store)
	if err != nil {
		return err
	}
	lang := i18n.Get(a.Language)
	partnerID := a.PartnerID
	if m.Server {
		partnerID = 0
	}
	msg, err := plainMessage(s, partnerID, a.ProgramID, a.Key, a.Name, a.Email, "portal-code", fmt.Sprintf("portal-code:%d", codeID),
		lang.T("portal.mail.subject", code), lang.T("portal.mail.body", a.Name, s.name, code, link), m.now())
	if err != nil {
		return err
	}
	if _, err := m.Store.QueueMail(ctx, []domain.OutMessage{msg}); err != nil {
		return err
	}
	m.wg.Add(1)
	go func() {
		defer m.wg.Done()
		m.deliver()
	}()
	return nil
}

// Wait waits for the deliveries started so far (tests, and a server shutting down).
func (m *Portal) Wait() { m.wg.Wait() }

func (m *Portal) deliver() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	logf := m.Logf
	if logf == nil {
		logf = log.Printf
	}
	cfg, err := Config(ctx, m.Store)
	if err != nil {
		logf("portal: mail settings: %v", err)
		return
	}
	d, err := Deliver(ctx, m.Store, cfg, m.now(), nil)
	if err != nil {
		logf("portal: sending mail: %v", err)
	} else if d.Error != "" {
		logf("portal: sending mail: %s", d.Error)
	}
}

// plainMessage builds a plain-text message to a partner for the outbox.
func plainMessage(s sender, partnerID, programID int64, key, name, to, kind, dedupe, subject, text string, now time.Time) (domain.OutMessage, error) {
	id := mail.NewMessageID(kind, s.from)
	raw, err := mail.Build(mail.Draft{MessageID: id, Date: now, FromName: s.name, From: s.from, ReplyTo: s.replyTo, To: to,
		ToName: name, Subject: subject, Text: text})
	if err != nil {
		return domain.OutMessage{}, domain.Errorf(domain.EInvalid, "the message to %s (%s) cannot be made: %v", key, to, err)
	}
	return domain.OutMessage{MessageID: id, Kind: kind, DedupeKey: dedupe, ProgramID: programID, PartnerID: partnerID, Partner: key,
		To: to, Subject: subject, Body: raw}, nil
}

// PortalInvite queues a mail that invites a partner to the portal at portalURL. Pressing the
// button twice within a minute queues one mail.
func PortalInvite(ctx context.Context, st *sqlite.Store, programID int64, key, portalURL string, now time.Time) (Queued, error) {
	var q Queued
	s, err := senderOf(ctx, st)
	if err != nil {
		return q, err
	}
	prog, err := st.FindProgram(ctx, fmt.Sprint(programID))
	if err != nil {
		return q, err
	}
	if prog.Portal != "on" {
		return q, domain.Errorf(domain.EInvalid, "the partner portal of %s is off: turn it on in the program's settings first", prog.Name)
	}
	if portalURL == "" {
		return q, domain.Errorf(domain.EInvalid, "the portal has no address yet: set portal.url in the settings")
	}
	p, err := st.FindPartner(ctx, programID, key)
	if err != nil {
		return q, err
	}
	if p.Email == "" || p.Status != "active" {
		return q, domain.Errorf(domain.EInvalid, "partner %s cannot sign in: the portal is for active partners with an e-mail address", p.Key)
	}
	lang := i18n.Get(p.Language)
	m, err := plainMessage(s, p.ID, programID, p.Key, p.Name, p.Email, "portal-invite",
		fmt.Sprintf("portal-invite:%d:%s", p.ID, now.UTC().Format("200601021504")),
		lang.T("portal.invite.subject", s.name), lang.T("portal.invite.body", p.Name, s.name, portalURL, p.Email), now)
	if err != nil {
		return q, err
	}
	q.out = []domain.OutMessage{m}
	return q, queue(ctx, st, &q)
}

// portalOf is the portal's address for a program's mails: "" where the program has it off.
// The address is the setting portal.url, else the in-app endpoint's (sync.addr) with /portal/.
func portalOf(ctx context.Context, st *sqlite.Store, programID int64) (string, error) {
	prog, err := st.FindProgram(ctx, fmt.Sprint(programID))
	if err != nil || prog.Portal != "on" {
		return "", err
	}
	set, err := st.Settings(ctx)
	if err != nil {
		return "", err
	}
	return PortalURL(set), nil
}

// PortalURL is the portal's address: the setting portal.url, else the in-app sync endpoint's
// address and port with /portal/ while it is on, else "".
func PortalURL(s domain.Settings) string {
	if u := s.Portal.URL; u != "" {
		return strings.TrimSuffix(u, "/") + "/"
	}
	if !s.Sync.Enabled {
		return ""
	}
	if strings.Contains(s.Sync.Addr, "://") {
		return strings.TrimSuffix(s.Sync.Addr, "/") + "/portal/"
	}
	return "http://" + net.JoinHostPort(s.Sync.Addr, strconv.Itoa(s.Sync.Port)) + "/portal/"
}
