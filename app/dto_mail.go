package app

import (
	"partnerbook/backend/mail"
	"partnerbook/backend/mailer"
)

// The Mail screen's replies, in the window's own types. JSON names are the contract.

// Delivery is what a run of the outbox did.
type Delivery struct {
	Sent    int              `json:"sent"`
	Filed   int              `json:"filed"`   // copies put in the Sent folder
	Found   int              `json:"found"`   // caught by a crash while sending, found in Sent: not sent again
	Failed  int              `json:"failed"`  // failed in this run (tried again later, or by hand)
	Waiting int              `json:"waiting"` // still queued: the server could not be reached
	Errors  []DeliveryFailed `json:"errors"`
	Error   string           `json:"error"` // why the run stopped early, if it did
}

// DeliveryFailed is a message that failed, and why.
type DeliveryFailed struct {
	ID    int64  `json:"id"`
	To    string `json:"to"`
	Error string `json:"error"`
}

func deliveryDTO(d mailer.Delivery) Delivery {
	out := Delivery{Sent: d.Sent, Filed: d.Filed, Found: d.Found, Failed: d.Failed, Waiting: d.Waiting,
		Error: d.Error, Errors: make([]DeliveryFailed, 0, len(d.Errors))}
	for _, p := range d.Errors {
		out.Errors = append(out.Errors, DeliveryFailed(p))
	}
	return out
}

// Queued is what a mailing put in the outbox (or, in a dry run, would put), and what sending
// it then did.
type Queued struct {
	DryRun   bool            `json:"dry_run"`
	Queued   int             `json:"queued"`
	Already  int             `json:"already"` // in the outbox from an earlier mailing: not queued again
	Skipped  []Skip          `json:"skipped"`
	Messages []QueuedMessage `json:"messages"`
	Delivery *Delivery       `json:"delivery,omitempty"`
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

func queuedDTO(q mailer.Queued) Queued {
	out := Queued{DryRun: q.DryRun, Queued: q.Queued, Already: q.Already,
		Skipped: make([]Skip, 0, len(q.Skipped)), Messages: make([]QueuedMessage, 0, len(q.Messages))}
	for _, s := range q.Skipped {
		out.Skipped = append(out.Skipped, Skip(s))
	}
	for _, m := range q.Messages {
		out.Messages = append(out.Messages, QueuedMessage(m))
	}
	if q.Delivery != nil {
		d := deliveryDTO(*q.Delivery)
		out.Delivery = &d
	}
	return out
}

// LeadsResult is what reading the leads folder did.
type LeadsResult struct {
	Folder    string        `json:"folder"`
	Messages  int           `json:"messages"` // unread messages read
	Created   int           `json:"created"`
	Updated   int           `json:"updated"`
	Unchanged int           `json:"unchanged"`
	Left      []LeftMessage `json:"left"` // left alone (still unread), and why
}

// LeftMessage is a message that gave no leads.
type LeftMessage struct {
	From    string `json:"from"`
	Subject string `json:"subject"`
	Reason  string `json:"reason"`
}

func leadsDTO(r mailer.LeadsResult) LeadsResult {
	out := LeadsResult{Folder: r.Folder, Messages: r.Messages, Created: r.Created, Updated: r.Updated,
		Unchanged: r.Unchanged, Left: make([]LeftMessage, 0, len(r.Left))}
	for _, m := range r.Left {
		out.Left = append(out.Left, LeftMessage(m))
	}
	return out
}

// MailCheck is what the mail test found: whether sending works, and the IMAP folders.
type MailCheck struct {
	SMTP      string   `json:"smtp"` // "ok", "not set", or the error
	SentTo    string   `json:"sent_to"`
	IMAP      string   `json:"imap"`
	Folders   []string `json:"folders"`
	SentOK    bool     `json:"sent_folder_exists"`
	LeadsOK   bool     `json:"leads_folder_exists"`
	MessageID string   `json:"message_id"`
}

// Rendered is a template filled in: what the partner would read.
type Rendered struct {
	Subject string `json:"subject"`
	Text    string `json:"text"`
	HTML    string `json:"html"`
}

func renderedDTO(r mail.Rendered) Rendered { return Rendered(r) }
