package domain

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestParseSettings(t *testing.T) {
	defaults := Settings{SMTP: MailServer{Security: "starttls"}, IMAP: MailServer{Security: "starttls"},
		Sync: SyncSettings{Addr: "127.0.0.1", Port: 8787}}
	for _, c := range []struct {
		name   string
		stored map[string]string
		want   func(*Settings)
		bad    []string // the keys the error names
	}{
		{name: "nothing stored: the defaults", stored: map[string]string{}, want: func(*Settings) {}},
		{name: "every kind of value", stored: map[string]string{
			"company.name": " Atelier Nord ", "company.country": "DE", "company.website": "https://atelier.test",
			"smtp.host": "smtp.atelier.test", "smtp.port": "465", "smtp.security": "tls", "smtp.user": "shop",
			"imap.port": "993", "mail.from": "Atelier Nord <Shop@Atelier.test>", "mail.reply_to": "help@atelier.test",
			"imap.sent_folder": "Sent", "sync.enabled": "true", "sync.addr": "0.0.0.0", "sync.port": "9000",
			"sync.remote": "https://track.atelier.test", "portal.url": "https://partners.atelier.test",
			"ui.sample_offered": "true", "sync.last_pull": `{"cursor":"7"}`, // kept by the store, not a setting
			"company.vat_rate": "25.5", "ui.checklist_hidden": "true", "ui.language": "de",
		}, want: func(s *Settings) {
			s.Company.Name, s.Company.Country, s.Company.Website = "Atelier Nord", "DE", "https://atelier.test"
			s.SMTP = MailServer{Host: "smtp.atelier.test", Port: 465, Security: "tls", User: "shop"}
			s.IMAP.Port = 993
			s.Mail = MailSettings{FromName: "Atelier Nord", From: "shop@atelier.test", ReplyTo: "help@atelier.test", SentFolder: "Sent"}
			s.Sync = SyncSettings{Enabled: true, Addr: "0.0.0.0", Port: 9000, Remote: "https://track.atelier.test"}
			s.Portal.URL = "https://partners.atelier.test"
			s.Company.VATRate = "25.5"
			s.UI = UISettings{SampleOffered: true, ChecklistHidden: true, Language: "de"}
		}},
		{name: "blank values are unset: the defaults", stored: map[string]string{
			"sync.addr": "  ", "sync.port": "", "smtp.security": " ", "company.name": "\t",
		}, want: func(*Settings) {}},
		{name: "secrets and the store's own keys are not read from the table", stored: map[string]string{
			"smtp.password": "not here", "sync.key": "nor here", "server.link_hash": "abc",
		}, want: func(*Settings) {}},
		{name: "a bad value of a setting no field holds is named too", stored: map[string]string{
			"ui.language": "fr", "ui.checklist_hidden": "1", "company.vat_rate": "150",
		}, want: func(*Settings) {}, bad: []string{"company.vat_rate", "ui.checklist_hidden", "ui.language"}},
		{name: "a bad port keeps its default, the others their value", stored: map[string]string{
			"sync.port": "99999", "sync.enabled": "true", "smtp.port": "0",
		}, want: func(s *Settings) { s.Sync.Enabled = true }, bad: []string{"smtp.port", "sync.port"}},
		{name: "a bare sender address", stored: map[string]string{"mail.from": "shop@atelier.test"}, want: func(s *Settings) {
			s.Mail.From = "shop@atelier.test"
		}},
		{name: "stored values that no longer pass their check", stored: map[string]string{
			"smtp.port": "smtp", "mail.from": "not an address", "sync.enabled": "yes", "company.name": "Atelier Nord",
		}, want: func(s *Settings) { s.Company.Name = "Atelier Nord" }, bad: []string{"mail.from", "smtp.port", "sync.enabled"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseSettings(c.stored)
			want := defaults
			c.want(&want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("settings =\n%+v\nwant\n%+v", got, want)
			}
			var named []string
			var e *Error
			if errors.As(err, &e) {
				for _, p := range e.Problems {
					named = append(named, p.Column)
					if p.Value != strings.TrimSpace(c.stored[p.Column]) {
						t.Errorf("the problem with %s shows the value %q, want %q", p.Column, p.Value, c.stored[p.Column])
					}
				}
			} else if err != nil {
				t.Fatalf("error %v is not a domain error", err)
			}
			if !reflect.DeepEqual(named, c.bad) {
				t.Errorf("the error names %v, want %v in key order (%v)", named, c.bad, err)
			}
		})
	}
}
