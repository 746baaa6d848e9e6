// Package mail speaks to the shop's mail servers: it builds MIME messages, sends them by SMTP,
// keeps copies in the IMAP Sent folder, reads partners' lead messages from an IMAP folder, and
// renders the e-mail templates. It knows nothing of the store: plain values in and out.
package mail

import (
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"
)

// Server is one mail server account: SMTP or IMAP.
type Server struct {
	Host     string
	Port     int
	Security string // none, starttls, tls
	User     string
	Password string
	// Insecure skips the certificate check: for tests against loopback servers only.
	Insecure bool
}

// Config is what the settings say about mail.
type Config struct {
	SMTP, IMAP  Server
	From        string // the sender's bare address, also the SMTP envelope's
	FromName    string // the display name mail.from gave ("" when none)
	ReplyTo     string
	SentFolder  string // "" means "Sent"
	LeadsFolder string // "" means "Leads"
}

// Timeout bounds each dial and each exchange with a server.
const Timeout = 30 * time.Second

// Addr is host:port, with the port of the security mode when none is set.
func (s Server) Addr(smtp bool) string {
	port := s.Port
	if port == 0 {
		switch {
		case smtp && s.Security == "tls":
			port = 465
		case smtp && s.Security == "starttls":
			port = 587
		case smtp:
			port = 25
		case s.Security == "tls":
			port = 993
		default:
			port = 143
		}
	}
	return net.JoinHostPort(s.Host, strconv.Itoa(port))
}

// Sent is the Sent folder's name.
func (c Config) Sent() string {
	if strings.TrimSpace(c.SentFolder) == "" {
		return "Sent"
	}
	return c.SentFolder
}

// Leads is the leads folder's name.
func (c Config) Leads() string {
	if strings.TrimSpace(c.LeadsFolder) == "" {
		return "Leads"
	}
	return c.LeadsFolder
}

// CheckSMTP says what is missing before anything can be sent.
func (c Config) CheckSMTP() error {
	switch {
	case strings.TrimSpace(c.SMTP.Host) == "":
		return notSet("SMTP server", "smtp.host")
	case strings.TrimSpace(c.From) == "":
		return notSet("sender", "mail.from")
	}
	return nil
}

// notSet is the error for a setting that mail needs and nobody filled in.
func notSet(what, key string) *Error {
	return &Error{Kind: KindSetup, Text: fmt.Sprintf("no %s is set: fill in %s in the settings", what, key)}
}

// HasIMAP says whether an IMAP account is set up (the Sent copies and leads need one).
func (c Config) HasIMAP() bool { return strings.TrimSpace(c.IMAP.Host) != "" }

// Kind sorts mail errors by what a person can do about them.
type Kind string

const (
	KindSetup       Kind = "setup"       // a setting is missing
	KindHost        Kind = "host"        // no such host
	KindConnect     Kind = "connect"     // the server cannot be reached
	KindAuth        Kind = "auth"        // the server refused the user name or password
	KindCertificate Kind = "certificate" // the server's certificate is not trusted
	KindRejected    Kind = "rejected"    // the server refused this message for good
	KindTemporary   Kind = "temporary"   // the server asked to try again later
	KindProtocol    Kind = "protocol"    // anything else the server said
)

// Error is a mail error in words a person understands, with the server's own words kept.
type Error struct {
	Kind   Kind
	Text   string
	Server string // what the server or the network said
}

func (e *Error) Error() string {
	if e.Server == "" {
		return e.Text
	}
	return fmt.Sprintf("%s (%s)", e.Text, e.Server)
}

// Permanent says whether trying again cannot help without a change by a person.
func (e *Error) Permanent() bool {
	return e.Kind == KindRejected || e.Kind == KindSetup || e.Kind == KindAuth || e.Kind == KindCertificate
}

// Connection says whether the connection is gone: the rest of a run has to wait.
func (e *Error) Connection() bool {
	return e.Kind == KindHost || e.Kind == KindConnect || e.Kind == KindAuth || e.Kind == KindCertificate || e.Kind == KindSetup
}
