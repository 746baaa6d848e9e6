package pbjs

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestParseRef(t *testing.T) {
	tests := []struct {
		name, value string
		ok          bool
	}{
		{"as the script writes it", "kira.k-2|0f1e2d3c4b5a69788796a5b4c3d2e1f0|1780000000", true},
		{"no time", "kira|0f1e2d", false},
		{"bad time", "kira|0f1e2d|soon", false},
		{"negative time", "kira|0f1e2d|-5", false},
		{"key with a space", "ki ra|0f1e2d|1780000000", false},
		{"key starting with a dot", ".kira|0f1e2d|1780000000", false},
		{"empty visitor", "kira||1780000000", false},
		{"visitor with a semicolon", "kira|0f;1e|1780000000", false},
		{"four parts", "kira|0f1e|1780000000|x", false},
		{"empty", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, ok := ParseRef(tc.value)
			if ok != tc.ok {
				t.Fatalf("ok %v, want %v (%+v)", ok, tc.ok, r)
			}
			if ok && r.Value() != tc.value {
				t.Fatalf("round trip: %q", r.Value())
			}
		})
	}
}

func TestVisitCookie(t *testing.T) {
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	const visitor = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
	existing := &http.Cookie{Name: CookieName, Value: "anna|" + visitor + "|1780000000"}
	tests := []struct {
		name       string
		key        string
		cookie     *http.Cookie
		firstClick bool
		https      string // "", "tls", "proxy"
		set        bool
		secure     bool
	}{
		{"new visitor", "kira", nil, false, "", true, false},
		{"last click replaces", "kira", existing, false, "", true, false},
		{"first click keeps", "kira", existing, true, "", false, false},
		{"first click, malformed cookie is replaced", "kira", &http.Cookie{Name: CookieName, Value: "junk"}, true, "", true, false},
		{"first click, no cookie", "kira", nil, true, "", true, false},
		{"not a key", "ki ra", nil, false, "", false, false},
		{"behind an https proxy", "kira", nil, false, "proxy", true, true},
		{"tls", "kira", nil, false, "tls", true, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest("POST", "/v1/track/visit", nil)
			if tc.cookie != nil {
				r.AddCookie(tc.cookie)
			}
			switch tc.https {
			case "proxy":
				r.Header.Set("X-Forwarded-Proto", "https")
			case "tls":
				r.TLS = &tls.ConnectionState{}
			}
			c := VisitCookie(r, tc.key, visitor, now, 45, tc.firstClick)
			if (c != nil) != tc.set {
				t.Fatalf("cookie %v, want set %v", c, tc.set)
			}
			if c == nil {
				return
			}
			ref, ok := ParseRef(c.Value)
			if !ok || ref.Key != tc.key || ref.Visitor != visitor || !ref.Time.Equal(now) {
				t.Fatalf("value %q", c.Value)
			}
			if c.MaxAge != 45*86400 || c.Path != "/" || c.SameSite != http.SameSiteLaxMode || c.Secure != tc.secure || c.HttpOnly {
				t.Fatalf("attributes %+v", c)
			}
			if err := c.Valid(); err != nil {
				t.Fatal(err)
			}
		})
	}
}
