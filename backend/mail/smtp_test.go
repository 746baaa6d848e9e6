package mail

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"net"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"partnerbook/backend/mail/mailtest"
)

type smtpServer struct{ *mailtest.SMTP }

func startSMTP(t *testing.T, tlsCfg *tls.Config) smtpServer {
	return smtpServer{mailtest.StartSMTP(t, tlsCfg)}
}

func (s smtpServer) server(security string) Server {
	return Server{Host: s.Host, Port: s.Port, Security: security, User: "shop", Password: mailtest.Password}
}

func testDraft() Draft {
	return Draft{MessageID: "pb-test-1@shop.example", Date: time.Date(2025, 4, 1, 9, 0, 0, 0, time.UTC), FromName: "Blumen Ørsted",
		From: "shop@shop.example", ReplyTo: "help@shop.example", To: "kira@example.org", ToName: "Kira Łukasik",
		Subject: "Ihre Abrechnung 2025-0001 über 1.234,50 EUR", Text: "Hallo Kira,\nanbei.", HTML: "<p>Hallo <b>Kira</b></p>",
		Attachments: []Attachment{{Name: "2025-0001-kira.pdf", Type: "application/pdf", Data: []byte("%PDF-1.4\x00\xff binary")}}}
}

func TestBuildParse(t *testing.T) {
	raw, err := Build(testDraft())
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	d := testDraft()
	if p.MessageID != d.MessageID || p.Subject != d.Subject || p.From != d.From || len(p.To) != 1 || p.To[0] != d.To {
		t.Errorf("headers read back: %+v", p)
	}
	if p.Text != d.Text || p.HTML != d.HTML {
		t.Errorf("bodies read back: %q %q", p.Text, p.HTML)
	}
	if len(p.Attachments) != 1 || p.Attachments[0].Name != "2025-0001-kira.pdf" || !bytes.Equal(p.Attachments[0].Data, d.Attachments[0].Data) {
		t.Errorf("attachment read back: %+v", p.Attachments)
	}
	if !bytes.Contains(raw, []byte("Reply-To: <help@shop.example>")) {
		t.Errorf("no Reply-To in\n%s", raw)
	}
	d.To = "not an address"
	if _, err := Build(d); err == nil {
		t.Error("a recipient that is no address must be refused")
	}
}

func TestSMTPSend(t *testing.T) {
	srv := startSMTP(t, nil)
	c, err := DialSMTP(context.Background(), srv.server("none"))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := Build(testDraft())
	if err := c.Send("shop@shop.example", []string{"kira@example.org"}, raw); err != nil {
		t.Fatal(err)
	}
	err = c.Send("shop@shop.example", []string{"nobody@example.org"}, raw)
	var me *Error
	if !errors.As(err, &me) || me.Kind != KindRejected || !strings.Contains(me.Error(), "550") {
		t.Errorf("a refused recipient: %v", err)
	}
	// The connection stays usable after a refused message.
	if err := c.Send("shop@shop.example", []string{"lena@example.de"}, raw); err != nil {
		t.Fatal(err)
	}
	c.Close()
	got := srv.Messages()
	if len(got) != 2 || got[0].To[0] != "kira@example.org" || got[1].To[0] != "lena@example.de" {
		t.Fatalf("server received %+v", got)
	}
	if !bytes.Equal(bytes.ReplaceAll(got[0].Data, []byte("\r\n"), []byte("\n")), bytes.ReplaceAll(raw, []byte("\r\n"), []byte("\n"))) {
		t.Error("the server did not receive the message's bytes")
	}
}

func TestSMTPErrorsAPersonUnderstands(t *testing.T) {
	srv := startSMTP(t, nil)
	wrong := srv.server("none")
	wrong.Password = "guess"
	cert := httptest.NewTLSServer(nil) // a certificate no trusted authority signed
	defer cert.Close()
	tlsSrv := startSMTP(t, cert.TLS)
	closed, _ := net.Listen("tcp", "127.0.0.1:0")
	closedAddr := closed.Addr().String()
	closed.Close()
	host, port, _ := net.SplitHostPort(closedAddr)
	p, _ := strconv.Atoi(port)
	for _, tc := range []struct {
		name string
		s    Server
		kind Kind
		says string
	}{
		{"wrong password", wrong, KindAuth, "wrong user name or password"},
		{"no such host", Server{Host: "no-such-host.invalid", Port: 25}, KindHost, "no such host: no-such-host.invalid"},
		{"nothing listens", Server{Host: host, Port: p}, KindConnect, "refused the connection"},
		{"certificate problem", tlsSrv.server("starttls"), KindCertificate, "certificate problem"},
		{"no host set", Server{}, KindSetup, "smtp.host"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DialSMTP(context.Background(), tc.s)
			var me *Error
			if !errors.As(err, &me) || me.Kind != tc.kind || !strings.Contains(me.Error(), tc.says) {
				t.Errorf("got %v, want a %s error saying %q", err, tc.kind, tc.says)
			}
			if strings.Contains(err.Error(), "secret") || strings.Contains(err.Error(), "guess") {
				t.Errorf("the error shows a password: %v", err)
			}
		})
	}
	// The same server with its certificate trusted works over STARTTLS.
	s := tlsSrv.server("starttls")
	s.Insecure = true
	c, err := DialSMTP(context.Background(), s)
	if err != nil {
		t.Fatalf("STARTTLS with the certificate accepted: %v", err)
	}
	c.Close()
}
