// Package mailtest runs real mail servers in the test's process, on loopback: go-smtp's server
// keeping what it receives (and able to go down mid-run), and go-imap's in-memory server.
package mailtest

import (
	"crypto/tls"
	"io"
	"log"
	"net"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/emersion/go-imap/backend/memory"
	imapserver "github.com/emersion/go-imap/server"
	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// Received is one message an SMTP server accepted.
type Received struct {
	From string
	To   []string
	Data []byte
}

// SMTP is an SMTP server that accepts user "shop" with password "secret".
type SMTP struct {
	Host string
	Port int
	mu   sync.Mutex
	got  []Received
	down bool
	// DownAfter, when above 0, takes the server down once it accepted that many messages:
	// the connection drops and new ones are refused, until Up.
	DownAfter int
}

// Password is the password the test servers accept.
const Password = "secret"

type session struct {
	srv  *SMTP
	conn *smtp.Conn
	from string
	to   []string
}

func (s *session) AuthMechanisms() []string { return []string{sasl.Plain} }
func (s *session) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, pass string) error {
		if pass != Password {
			return &smtp.SMTPError{Code: 535, EnhancedCode: smtp.EnhancedCode{5, 7, 8}, Message: "Authentication credentials invalid"}
		}
		return nil
	}), nil
}
func (s *session) Mail(from string, _ *smtp.MailOptions) error {
	if s.srv.isDown() {
		s.conn.Close()
		return &smtp.SMTPError{Code: 421, Message: "going down"}
	}
	s.from = from
	return nil
}
func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	if strings.HasPrefix(to, "nobody@") {
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "No such user here"}
	}
	s.to = append(s.to, to)
	return nil
}
func (s *session) Data(r io.Reader) error {
	b, _ := io.ReadAll(r)
	s.srv.mu.Lock()
	defer s.srv.mu.Unlock()
	s.srv.got = append(s.srv.got, Received{s.from, s.to, b})
	if s.srv.DownAfter > 0 && len(s.srv.got) >= s.srv.DownAfter {
		s.srv.down = true
	}
	return nil
}
func (s *session) Reset()        { s.from, s.to = "", nil }
func (s *session) Logout() error { return nil }

// StartSMTP starts an SMTP server; tlsCfg, when set, offers STARTTLS with it.
func StartSMTP(t testing.TB, tlsCfg *tls.Config) *SMTP {
	t.Helper()
	srv := &SMTP{}
	s := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) {
		if srv.isDown() {
			return nil, &smtp.SMTPError{Code: 421, Message: "service not available"}
		}
		return &session{srv: srv, conn: c}, nil
	}))
	s.Domain, s.AllowInsecureAuth, s.TLSConfig = "localhost", true, tlsCfg
	s.ErrorLog = log.New(io.Discard, "", 0)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv.Host, srv.Port = split(l.Addr())
	go s.Serve(l)
	t.Cleanup(func() { s.Close() })
	return srv
}

func (s *SMTP) isDown() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.down
}

// Up brings the server back.
func (s *SMTP) Up() {
	s.mu.Lock()
	s.down, s.DownAfter = false, 0
	s.mu.Unlock()
}

// Messages returns what the server accepted, in order.
func (s *SMTP) Messages() []Received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Received(nil), s.got...)
}

// IMAP is go-imap's in-memory server: user "username", password "password", an INBOX. Its
// backend is not safe for two connections at once: use one at a time.
type IMAP struct {
	Host string
	Port int
}

// StartIMAP starts an IMAP server.
func StartIMAP(t testing.TB) *IMAP {
	t.Helper()
	s := imapserver.New(memory.New())
	s.AllowInsecureAuth = true
	s.ErrorLog = log.New(io.Discard, "", 0)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go s.Serve(l)
	t.Cleanup(func() { s.Close() })
	srv := &IMAP{}
	srv.Host, srv.Port = split(l.Addr())
	return srv
}

func split(a net.Addr) (string, int) {
	host, port, _ := net.SplitHostPort(a.String())
	p, _ := strconv.Atoi(port)
	return host, p
}
