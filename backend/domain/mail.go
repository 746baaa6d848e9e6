package domain

import "time"

// OutMessage is one e-mail in the outbox. It is written whole (with its fixed Message-ID and
// bytes) before it is sent, so a crash can neither lose it nor send it twice.
type OutMessage struct {
	ID          int64      `json:"id"`
	MessageID   string     `json:"message_id"`
	Kind        string     `json:"kind"` // statement, report, welcome, test
	DedupeKey   string     `json:"dedupe_key"`
	ProgramID   int64      `json:"program_id"`
	PartnerID   int64      `json:"-"`
	Partner     string     `json:"partner"` // the partner's key
	To          string     `json:"to"`
	Subject     string     `json:"subject"`
	State       string     `json:"state"` // queued, sending, sent, failed
	Attempts    int        `json:"attempts"`
	Error       string     `json:"error"`
	NextAttempt *time.Time `json:"next_attempt"`
	SentAt      *time.Time `json:"sent_at"`
	InSent      bool       `json:"in_sent"` // a copy is in the IMAP Sent folder
	CreatedAt   time.Time  `json:"created_at"`
	Body        []byte     `json:"-"` // the whole MIME message
}

// OutboxFilter selects outbox messages; ProgramID 0 means every program.
type OutboxFilter struct {
	ProgramID int64  `json:"program_id"`
	State     string `json:"state"`
	Kind      string `json:"kind"`
	Page
}

// MailTemplate is an e-mail's source as the shop edited it: Go templates for the subject, the
// plain text and the HTML.
type MailTemplate struct {
	Kind     string `json:"kind"` // statement, report, welcome
	Language string `json:"language"`
	Subject  string `json:"subject"`
	Text     string `json:"text"`
	HTML     string `json:"html"`
	Custom   bool   `json:"custom"` // edited by the shop (else Partnerbook's own)
}
