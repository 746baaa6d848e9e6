package mail

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"syscall"

	"github.com/emersion/go-smtp"
)

// explain turns what the network, TLS or an SMTP server said into an Error a person can act
// on. where names the server ("SMTP server mail.example.org:587").
func explain(err error, where string) error {
	if err == nil {
		return nil
	}
	var me *Error
	if errors.As(err, &me) {
		return err
	}
	raw := err.Error()
	var dns *net.DNSError
	var unknownCA x509.UnknownAuthorityError
	var hostname x509.HostnameError
	var invalid x509.CertificateInvalidError
	var verify *tls.CertificateVerificationError
	var record tls.RecordHeaderError
	var se *smtp.SMTPError
	var ne net.Error
	switch {
	case errors.As(err, &dns) && dns.IsNotFound:
		return &Error{Kind: KindHost, Text: fmt.Sprintf("no such host: %s (check the host name of the %s)", dns.Name, where), Server: raw}
	case errors.As(err, &dns):
		return &Error{Kind: KindHost, Text: fmt.Sprintf("the name of the %s could not be looked up (is the computer online?)", where), Server: raw}
	case errors.As(err, &unknownCA), errors.As(err, &verify) && errors.As(verify.Err, &unknownCA):
		return &Error{Kind: KindCertificate, Text: fmt.Sprintf("certificate problem: the %s shows a certificate no trusted authority signed", where), Server: raw}
	case errors.As(err, &hostname):
		return &Error{Kind: KindCertificate, Text: fmt.Sprintf("certificate problem: the %s shows a certificate for another name", where), Server: raw}
	case errors.As(err, &invalid), errors.As(err, &verify):
		return &Error{Kind: KindCertificate, Text: fmt.Sprintf("certificate problem: the %s shows a certificate that is expired or not valid", where), Server: raw}
	case errors.As(err, &record):
		return &Error{Kind: KindProtocol, Text: fmt.Sprintf("the %s does not speak TLS on this port: try the security none or starttls, or another port", where), Server: raw}
	case errors.As(err, &se):
		return explainSMTP(se, where)
	case errors.Is(err, syscall.ECONNREFUSED):
		return &Error{Kind: KindConnect, Text: fmt.Sprintf("the %s refused the connection (is the port right, is the server running?)", where), Server: raw}
	case errors.As(err, &ne) && ne.Timeout():
		return &Error{Kind: KindConnect, Text: fmt.Sprintf("the %s did not answer in time", where), Server: raw}
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE),
		errors.Is(err, net.ErrClosed):
		return &Error{Kind: KindConnect, Text: fmt.Sprintf("the connection to the %s was lost", where), Server: raw}
	case errors.As(err, &ne):
		return &Error{Kind: KindConnect, Text: fmt.Sprintf("the %s cannot be reached", where), Server: raw}
	}
	return &Error{Kind: KindProtocol, Text: fmt.Sprintf("the %s answered unexpectedly", where), Server: raw}
}

func explainSMTP(se *smtp.SMTPError, where string) error {
	raw := fmt.Sprintf("%d %s", se.Code, se.Message)
	switch {
	case se.Code == 535 || se.Code == 534 || (se.Code == 530 && strings.Contains(strings.ToLower(se.Message), "auth")):
		return &Error{Kind: KindAuth, Text: fmt.Sprintf("wrong user name or password for the %s", where), Server: raw}
	case se.Code == 530 || se.Code == 538:
		return &Error{Kind: KindSetup, Text: fmt.Sprintf("the %s wants a secure connection first: set the security to starttls or tls", where), Server: raw}
	case se.Code >= 500:
		return &Error{Kind: KindRejected, Text: fmt.Sprintf("the %s refused the message", where), Server: raw}
	case se.Code >= 400:
		return &Error{Kind: KindTemporary, Text: fmt.Sprintf("the %s asked to try again later", where), Server: raw}
	}
	return &Error{Kind: KindProtocol, Text: fmt.Sprintf("the %s answered unexpectedly", where), Server: raw}
}
