package mail

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"net"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// SMTP is an open, logged-in connection to the SMTP server, used for a run of messages.
type SMTP struct {
	c     *smtp.Client
	where string
}

// RootCAs, when set, replaces the system's trusted authorities (tests with their own CA).
var RootCAs *x509.CertPool

func tlsConfig(s Server) *tls.Config {
	return &tls.Config{ServerName: s.Host, InsecureSkipVerify: s.Insecure, RootCAs: RootCAs, MinVersion: tls.VersionTLS12}
}

// dial opens a TCP connection, or a TLS one for the security "tls".
func dial(ctx context.Context, s Server, addr string) (net.Conn, error) {
	d := &net.Dialer{Timeout: Timeout}
	if s.Security == "tls" {
		td := &tls.Dialer{NetDialer: d, Config: tlsConfig(s)}
		return td.DialContext(ctx, "tcp", addr)
	}
	return d.DialContext(ctx, "tcp", addr)
}

// DialSMTP connects to the SMTP server and logs in when a user is set.
func DialSMTP(ctx context.Context, s Server) (*SMTP, error) {
	addr := s.Addr(true)
	where := "SMTP server " + addr
	if s.Host == "" {
		return nil, notSet("SMTP server", "smtp.host")
	}
	conn, err := dial(ctx, s, addr)
	if err != nil {
		return nil, explain(err, where)
	}
	var c *smtp.Client
	if s.Security == "starttls" {
		if c, err = smtp.NewClientStartTLS(conn, tlsConfig(s)); err != nil {
			conn.Close()
			return nil, explain(err, where)
		}
	} else {
		c = smtp.NewClient(conn)
	}
	c.CommandTimeout, c.SubmissionTimeout = Timeout, Timeout
	if err := c.Hello("localhost"); err != nil {
		c.Close()
		return nil, explain(err, where)
	}
	if s.User != "" {
		if ok, _ := c.Extension("AUTH"); !ok {
			c.Close()
			return nil, &Error{Kind: KindSetup, Text: "the " + where + " does not offer a login on this connection: try the security starttls or tls, or leave the user empty"}
		}
		if err := c.Auth(sasl.NewPlainClient("", s.User, s.Password)); err != nil {
			c.Close()
			return nil, explain(err, where)
		}
	}
	return &SMTP{c: c, where: where}, nil
}

// Send sends one message to its recipients. After an error the connection may be unusable:
// Error.Connection says so.
func (s *SMTP) Send(from string, to []string, raw []byte) error {
	if err := s.c.SendMail(from, to, bytes.NewReader(raw)); err != nil {
		e := explain(err, s.where)
		if me, ok := e.(*Error); ok && !me.Connection() {
			s.c.Reset() // a refused message leaves the connection usable for the next
		}
		return e
	}
	return nil
}

// Close says goodbye to the server.
func (s *SMTP) Close() error {
	if err := s.c.Quit(); err != nil {
		return s.c.Close()
	}
	return nil
}
