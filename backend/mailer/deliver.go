package mailer

import (
	"context"
	"errors"
	"time"

	"partnerbook/backend/domain"
	"partnerbook/backend/mail"
	"partnerbook/backend/sqlite"
)

// Delivery is what a delivery run did.
type Delivery struct {
	Sent    int       `json:"sent"`
	Filed   int       `json:"filed"`   // copies put in the Sent folder
	Found   int       `json:"found"`   // caught by a crash while sending, found in Sent: not sent again
	Failed  int       `json:"failed"`  // failed in this run (tried again later, or by hand)
	Waiting int       `json:"waiting"` // still queued: the server could not be reached
	Errors  []Problem `json:"errors"`
	Error   string    `json:"error"` // why the run stopped early, if it did
}

// Problem is a message that failed, and why.
type Problem struct {
	ID    int64  `json:"id"`
	To    string `json:"to"`
	Error string `json:"error"`
}

// Lease is how long a sender holds a message it marked "sending": after it, the message counts
// as caught by a crash (and is looked up in Sent before it is sent again).
const Lease = 10 * time.Minute

// Progress hears how far a delivery run is.
type Progress func(done, total int)

// backoff is how long a failed message waits before its next attempt; after the last, it waits
// for a person (Retry).
var backoff = []time.Duration{time.Minute, 5 * time.Minute, 30 * time.Minute, 2 * time.Hour, 12 * time.Hour}

func nextAttempt(now time.Time, attempts int) *time.Time {
	if attempts < 1 || attempts > len(backoff) {
		return nil
	}
	t := now.Add(backoff[attempts-1])
	return &t
}

// Deliver sends what the outbox holds due at now, oldest first, over one SMTP connection, and
// puts a copy of each in the IMAP Sent folder (flagged as read) when an IMAP account is set.
//
// Each message is marked "sending" before it goes to the server and "sent" right after: a
// message found "sending" after its sender's lease ran out was interrupted by a crash, and is
// looked up in the Sent folder by its Message-ID before it is sent again. A message is claimed
// before it is sent, so two senders at once never send the same one. When the SMTP server cannot be reached, the run
// stops and the rest stays queued for the next run.
func Deliver(ctx context.Context, st *sqlite.Store, cfg mail.Config, now time.Time, progress Progress) (Delivery, error) {
	d := Delivery{Errors: []Problem{}}
	due, err := st.DueMail(ctx, now)
	if err != nil || len(due) == 0 {
		return d, err
	}
	if err := cfg.CheckSMTP(); err != nil {
		d.Waiting, d.Error = len(due), err.Error()
		return d, nil
	}
	r := &run{ctx: ctx, st: st, cfg: cfg, now: now, d: &d}
	defer r.close()
	for i, m := range due {
		if progress != nil {
			progress(i, len(due))
		}
		if err := ctx.Err(); err != nil {
			d.Waiting += len(due) - i
			d.Error = "stopped"
			break
		}
		stop, err := r.one(m)
		if err != nil {
			return d, err
		}
		if stop {
			for _, rest := range due[i+1:] {
				if rest.State != "sent" {
					d.Waiting++
				}
			}
			break
		}
	}
	if progress != nil {
		progress(len(due), len(due))
	}
	return d, nil
}

type run struct {
	ctx      context.Context
	st       *sqlite.Store
	cfg      mail.Config
	now      time.Time
	d        *Delivery
	smtp     *mail.SMTP
	box      *mail.IMAP
	boxErr   error
	boxTried bool
}

func (r *run) close() {
	if r.smtp != nil {
		r.smtp.Close()
	}
	if r.box != nil {
		r.box.Close()
	}
}

// mailbox is the IMAP connection, opened on first use; nil when no IMAP account is set or it
// cannot be reached (boxErr says why).
func (r *run) mailbox() *mail.IMAP {
	if !r.boxTried && r.cfg.HasIMAP() {
		r.boxTried = true
		r.box, r.boxErr = mail.DialIMAP(r.ctx, r.cfg.IMAP)
	}
	return r.box
}

// one handles one due message; stop says the SMTP server is gone for this run.
func (r *run) one(m domain.OutMessage) (stop bool, err error) {
	if m.Body, err = r.st.MailBody(r.ctx, m.ID); err != nil { // one message's bytes in memory at a time
		return false, err
	}
	switch m.State {
	case "sent": // sent, but its copy is not in Sent yet
		return false, r.file(m)
	case "sending": // a crash caught it: did it go out?
		if r.cfg.HasIMAP() {
			box := r.mailbox()
			if box == nil {
				r.problem(m, "interrupted while sending, and the Sent folder cannot be checked: "+r.boxErr.Error())
				return false, nil
			}
			found, err := box.HasMessageID(r.cfg.Sent(), m.MessageID)
			if err != nil {
				r.problem(m, "interrupted while sending, and the Sent folder cannot be checked: "+err.Error())
				return false, nil
			}
			if found {
				r.d.Found++
				return false, r.st.MailState(r.ctx, m.ID, "sent", "", nil, true)
			}
		}
	}
	if r.smtp == nil {
		if r.smtp, err = mail.DialSMTP(r.ctx, r.cfg.SMTP); err != nil {
			r.d.Waiting++
			r.d.Error = err.Error()
			return true, nil
		}
	}
	claimed, err := r.st.ClaimMail(r.ctx, m.ID, r.now, r.now.Add(Lease))
	if err != nil {
		return false, err
	}
	if !claimed {
		return false, nil // another sender took it
	}
	sendErr := r.smtp.Send(r.cfg.From, []string{m.To}, m.Body)
	if sendErr == nil {
		r.d.Sent++
		if err := r.st.MailState(r.ctx, m.ID, "sent", "", nil, false); err != nil {
			return false, err
		}
		return false, r.file(m)
	}
	var me *mail.Error
	next := nextAttempt(r.now, m.Attempts+1)
	if errors.As(sendErr, &me) && me.Permanent() {
		next = nil
	}
	r.d.Failed++
	r.d.Errors = append(r.d.Errors, Problem{ID: m.ID, To: m.To, Error: sendErr.Error()})
	if err := r.st.MailState(r.ctx, m.ID, "failed", sendErr.Error(), next, false); err != nil {
		return false, err
	}
	if me != nil && me.Connection() {
		r.d.Error = sendErr.Error()
		return true, nil
	}
	return false, nil
}

// file puts the copy of a sent message in the Sent folder, unless it is there already.
func (r *run) file(m domain.OutMessage) error {
	if !r.cfg.HasIMAP() {
		return nil
	}
	box := r.mailbox()
	if box == nil {
		r.problem(m, "sent, but the copy could not be put in the Sent folder: "+r.boxErr.Error())
		return nil
	}
	found, err := box.HasMessageID(r.cfg.Sent(), m.MessageID)
	if err == nil && !found {
		err = box.AppendSeen(r.cfg.Sent(), r.now, m.Body)
	}
	if err != nil {
		r.problem(m, "sent, but the copy could not be put in the Sent folder: "+err.Error())
		return nil
	}
	r.d.Filed++
	return r.st.MailState(r.ctx, m.ID, "sent", "", nil, true)
}

func (r *run) problem(m domain.OutMessage, text string) {
	r.d.Errors = append(r.d.Errors, Problem{ID: m.ID, To: m.To, Error: text})
}
