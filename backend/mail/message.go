package mail

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/mail"
	"strings"
	"time"

	_ "github.com/emersion/go-message/charset" // messages in other charsets
	gomail "github.com/emersion/go-message/mail"
)

// Attachment is a file sent with a message.
type Attachment struct {
	Name string
	Type string // e.g. application/pdf
	Data []byte
}

// Draft is a message before it is built: everything its bytes are made of.
type Draft struct {
	MessageID   string // without angle brackets
	Date        time.Time
	FromName    string
	From        string
	ReplyTo     string
	To          string
	ToName      string
	Subject     string
	Text, HTML  string
	Attachments []Attachment
}

// NewMessageID returns a Message-ID that nobody else uses, in the sender's domain. It is fixed
// when a message enters the outbox, so a copy in Sent tells that the message went out.
func NewMessageID(kind, from string) string {
	b := make([]byte, 12)
	rand.Read(b)
	domain := "partnerbook.invalid"
	if _, d, ok := strings.Cut(from, "@"); ok && d != "" {
		domain = strings.Trim(d, "> ")
	}
	return fmt.Sprintf("pb-%s-%s@%s", kind, hex.EncodeToString(b), domain)
}

// Build writes the draft as a MIME message: text and HTML as alternatives, then attachments.
func Build(d Draft) ([]byte, error) {
	if _, err := mail.ParseAddress(d.To); err != nil {
		return nil, fmt.Errorf("mail: the recipient %q is not an e-mail address", d.To)
	}
	if _, err := mail.ParseAddress(d.From); err != nil {
		return nil, fmt.Errorf("mail: the sender %q is not an e-mail address", d.From)
	}
	var h gomail.Header
	h.SetDate(d.Date)
	h.SetMessageID(d.MessageID)
	h.SetAddressList("From", []*gomail.Address{{Name: d.FromName, Address: d.From}})
	h.SetAddressList("To", []*gomail.Address{{Name: d.ToName, Address: d.To}})
	if d.ReplyTo != "" {
		h.SetAddressList("Reply-To", []*gomail.Address{{Address: d.ReplyTo}})
	}
	h.SetSubject(d.Subject)
	h.Set("Auto-Submitted", "auto-generated")
	var buf bytes.Buffer
	w, err := gomail.CreateWriter(&buf, h)
	if err != nil {
		return nil, fmt.Errorf("mail: build: %w", err)
	}
	alt, err := w.CreateInline()
	if err != nil {
		return nil, fmt.Errorf("mail: build: %w", err)
	}
	for _, part := range []struct{ typ, body string }{{"text/plain", d.Text}, {"text/html", d.HTML}} {
		if part.body == "" {
			continue
		}
		var ph gomail.InlineHeader
		ph.SetContentType(part.typ, map[string]string{"charset": "utf-8"})
		pw, err := alt.CreatePart(ph)
		if err != nil {
			return nil, fmt.Errorf("mail: build: %w", err)
		}
		io.WriteString(pw, part.body)
		pw.Close()
	}
	alt.Close()
	for _, a := range d.Attachments {
		var ah gomail.AttachmentHeader
		ah.SetContentType(a.Type, nil)
		ah.SetFilename(a.Name)
		aw, err := w.CreateAttachment(ah)
		if err != nil {
			return nil, fmt.Errorf("mail: build: %w", err)
		}
		aw.Write(a.Data)
		aw.Close()
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("mail: build: %w", err)
	}
	return buf.Bytes(), nil
}

// Parsed is what a received or stored message says, for reading leads and showing the outbox.
type Parsed struct {
	MessageID   string
	From        string // the sender's address, lower case
	To          []string
	Subject     string
	Date        time.Time
	Text, HTML  string
	Attachments []Attachment
}

// Parse reads a MIME message.
func Parse(raw []byte) (Parsed, error) {
	r, err := gomail.CreateReader(bytes.NewReader(raw))
	if err != nil && r == nil {
		return Parsed{}, fmt.Errorf("mail: read message: %w", err)
	}
	defer r.Close()
	var p Parsed
	p.MessageID, _ = r.Header.MessageID()
	p.Subject, _ = r.Header.Subject()
	p.Date, _ = r.Header.Date()
	if from, err := r.Header.AddressList("From"); err == nil && len(from) > 0 {
		p.From = strings.ToLower(strings.TrimSpace(from[0].Address))
	}
	if to, err := r.Header.AddressList("To"); err == nil {
		for _, a := range to {
			p.To = append(p.To, a.Address)
		}
	}
	for {
		part, err := r.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return p, fmt.Errorf("mail: read message: %w", err)
		}
		body, err := io.ReadAll(io.LimitReader(part.Body, 20<<20))
		if err != nil {
			return p, fmt.Errorf("mail: read message: %w", err)
		}
		switch h := part.Header.(type) {
		case *gomail.InlineHeader:
			typ, _, _ := h.ContentType()
			switch {
			case typ == "text/plain" && p.Text == "":
				p.Text = strings.ReplaceAll(string(body), "\r\n", "\n")
			case typ == "text/html" && p.HTML == "":
				p.HTML = string(body)
			case typ != "text/plain" && typ != "text/html":
				p.Attachments = append(p.Attachments, Attachment{Type: typ, Data: body})
			}
		case *gomail.AttachmentHeader:
			typ, _, _ := h.ContentType()
			name, _ := h.Filename()
			p.Attachments = append(p.Attachments, Attachment{Name: name, Type: typ, Data: body})
		}
	}
	return p, nil
}
