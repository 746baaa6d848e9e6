package mailer

import (
	"testing"

	"partnerbook/backend/domain"
)

func TestPortalURL(t *testing.T) {
	for _, c := range []struct {
		name     string
		settings map[string]string
		want     string
	}{
		{"the shop's own address", map[string]string{"portal.url": "https://partners.example.com/portal", "sync.enabled": "true"}, "https://partners.example.com/portal/"},
		{"the in-app endpoint", map[string]string{"sync.enabled": "true", "sync.addr": "127.0.0.1", "sync.port": "9090"}, "http://127.0.0.1:9090/portal/"},
		{"the endpoint's defaults", map[string]string{"sync.enabled": "true"}, "http://127.0.0.1:8787/portal/"},
		{"an IPv6 endpoint", map[string]string{"sync.enabled": "true", "sync.addr": "::1", "sync.port": "8787"}, "http://[::1]:8787/portal/"},
		{"the endpoint off", map[string]string{"sync.addr": "127.0.0.1"}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := domain.ParseSettings(c.settings)
			if err != nil {
				t.Fatal(err)
			}
			if got := PortalURL(s); got != c.want {
				t.Fatalf("PortalURL = %q, want %q", got, c.want)
			}
		})
	}
}
