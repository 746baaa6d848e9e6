package portal

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"partnerbook/backend/domain"
)

func TestSignInWithACode(t *testing.T) {
	f := newFixture(t)
	b := f.browser(t)
	if res, _ := b.get("/portal/api/me"); res.StatusCode != http.StatusUnauthorized {
		t.Fatalf("me before sign-in = %d", res.StatusCode)
	}
	b.postJSON("/portal/api/sign-in", map[string]string{"email": " Kira@Example.com "})
	m := f.mail.last(t)
	if m.To != "kira@example.com" || len(m.Code) != CodeDigits || strings.Trim(m.Code, "0123456789") != "" {
		t.Fatalf("mail = %+v", m)
	}
	wrong := fmt.Sprintf("%06d", (atoi(m.Code)+1)%1_000_000)
	if res, _ := b.postJSON("/portal/api/verify", map[string]string{"email": "kira@example.com", "code": wrong}); res.StatusCode != http.StatusUnauthorized {
		t.Fatalf("a wrong code = %d", res.StatusCode)
	}
	res, _ := b.postJSON("/portal/api/verify", map[string]string{"email": "kira@example.com", "code": m.Code})
	if res.StatusCode != http.StatusOK {
		t.Fatalf("the right code = %d", res.StatusCode)
	}
	c := res.Cookies()[0]
	if c.Name != CookieName || !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Secure || c.MaxAge != 30*24*3600 || c.Path != "/portal/" {
		t.Fatalf("cookie = %+v (on loopback: not Secure)", c)
	}
	if _, body := b.get("/portal/api/me"); !strings.Contains(body, `"key":"kira"`) {
		t.Fatalf("me = %s", body)
	}
	// The code is used up.
	if res, _ := f.browser(t).postJSON("/portal/api/verify", map[string]string{"email": "kira@example.com", "code": m.Code}); res.StatusCode != http.StatusUnauthorized {
		t.Fatalf("a used code = %d", res.StatusCode)
	}
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

func TestCookieIsSecureBeyondLoopback(t *testing.T) {
	f := newFixture(t)
	p := New(Config{Store: f.st, Mailer: f.mail, Now: f.clock.now})
	r := httptestRequest("POST", "https://partners.example/portal/api/sign-in", `{"email":"kira@example.com"}`)
	w := recorder(p, r)
	if w.Code != http.StatusAccepted {
		t.Fatalf("sign-in = %d", w.Code)
	}
	r = httptestRequest("POST", "https://partners.example/portal/api/verify", fmt.Sprintf(`{"email":"kira@example.com","code":%q}`, f.mail.last(t).Code))
	w = recorder(p, r)
	c := w.Result().Cookies()
	if w.Code != http.StatusOK || len(c) != 1 || !c[0].Secure || !c[0].HttpOnly {
		t.Fatalf("verify = %d, cookies %+v", w.Code, c)
	}
}

// Every address gets the same answer; only an active partner of a program with the portal on
// gets a mail.
func TestTheSameNeutralAnswerForAnyAddress(t *testing.T) {
	f := newFixture(t)
	suspended := "suspended"
	if _, err := f.st.UpdatePartner(ctx, f.prog.ID, "lena", domain.PartnerPatch{Status: &suspended}); err != nil {
		t.Fatal(err)
	}
	answers := map[string]string{}
	for _, email := range []string{"kira@example.com", "nobody@example.com", "lena@example.de", "not an address"} {
		res, body := f.browser(t).postJSON("/portal/api/sign-in", map[string]string{"email": email})
		answers[fmt.Sprintf("%d %s", res.StatusCode, body)] = email
	}
	if len(answers) != 1 {
		t.Fatalf("answers differ: %v", answers)
	}
	if f.mail.count() != 1 || f.mail.last(t).To != "kira@example.com" {
		t.Fatalf("mails = %+v", f.mail.sent)
	}
	// The same for the form: the page says the same for a partner and for anyone.
	pages := map[string]bool{}
	for _, email := range []string{"kira@example.com", "nobody@example.com"} {
		b := f.browser(t)
		_, body := b.postForm("/portal/sign-in", url.Values{"csrf": {b.csrf("/portal/sign-in")}, "email": {email}})
		pages[strings.ReplaceAll(csrfRe.ReplaceAllString(body, ""), email, "ADDRESS")] = true
	}
	if len(pages) != 1 {
		t.Fatal("the sign-in page tells a partner's address from another")
	}
}

func TestCodeExpiresAfterTenMinutes(t *testing.T) {
	f := newFixture(t)
	b := f.browser(t)
	b.postJSON("/portal/api/sign-in", map[string]string{"email": "kira@example.com"})
	f.clock.add(CodeTTL + time.Second)
	if res, _ := b.postJSON("/portal/api/verify", map[string]string{"email": "kira@example.com", "code": f.mail.last(t).Code}); res.StatusCode != http.StatusUnauthorized {
		t.Fatalf("an expired code = %d", res.StatusCode)
	}
	// Just before the ten minutes it works.
	b.postJSON("/portal/api/sign-in", map[string]string{"email": "kira@example.com"})
	f.clock.add(CodeTTL - time.Second)
	if res, _ := b.postJSON("/portal/api/verify", map[string]string{"email": "kira@example.com", "code": f.mail.last(t).Code}); res.StatusCode != http.StatusOK {
		t.Fatalf("a code after 9:59 = %d", res.StatusCode)
	}
}

func TestFiveTriesEndACode(t *testing.T) {
	f := newFixture(t)
	b := f.browser(t)
	b.postJSON("/portal/api/sign-in", map[string]string{"email": "kira@example.com"})
	code := f.mail.last(t).Code
	for i := 1; i <= CodeTries; i++ {
		wrong := fmt.Sprintf("%06d", (atoi(code)+i)%1_000_000)
		if res, _ := b.postJSON("/portal/api/verify", map[string]string{"email": "kira@example.com", "code": wrong}); res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("wrong code %d = %d", i, res.StatusCode)
		}
	}
	if res, _ := b.postJSON("/portal/api/verify", map[string]string{"email": "kira@example.com", "code": code}); res.StatusCode != http.StatusUnauthorized {
		t.Fatalf("the right code after five wrong ones = %d", res.StatusCode)
	}
	// A new code replaces the old one; the old one is dead even with tries left.
	b.postJSON("/portal/api/sign-in", map[string]string{"email": "kira@example.com"})
	first := f.mail.last(t).Code
	b.postJSON("/portal/api/sign-in", map[string]string{"email": "kira@example.com"})
	if second := f.mail.last(t).Code; second != first {
		if res, _ := b.postJSON("/portal/api/verify", map[string]string{"email": "kira@example.com", "code": first}); res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("a replaced code = %d", res.StatusCode)
		}
	}
}

func TestRateLimits(t *testing.T) {
	f := newFixture(t)
	// Per address: three mails in 15 minutes, then none (the answer stays the same).
	for i := 0; i < 5; i++ {
		if res, _ := f.browser(t).postJSON("/portal/api/sign-in", map[string]string{"email": "kira@example.com"}); res.StatusCode != http.StatusAccepted {
			t.Fatalf("request %d = %d", i+1, res.StatusCode)
		}
		f.clock.add(time.Minute)
	}
	if f.mail.count() != 3 {
		t.Fatalf("%d mails to one address in 5 minutes, want 3", f.mail.count())
	}
	f.clock.add(15 * time.Minute)
	f.browser(t).postJSON("/portal/api/sign-in", map[string]string{"email": "kira@example.com"})
	if f.mail.count() != 4 {
		t.Fatalf("after 15 minutes: %d mails, want 4", f.mail.count())
	}
	// Per client: ten sign-in requests in 15 minutes, then 429.
	f.clock.add(16 * time.Minute)
	b := f.browser(t)
	for i := 0; i < 10; i++ {
		if res, _ := b.postJSON("/portal/api/sign-in", map[string]string{"email": fmt.Sprintf("x%d@example.com", i)}); res.StatusCode != http.StatusAccepted {
			t.Fatalf("request %d = %d", i, res.StatusCode)
		}
	}
	res, _ := b.postJSON("/portal/api/sign-in", map[string]string{"email": "y@example.com"})
	if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") == "" {
		t.Fatalf("the 11th request from one client = %d", res.StatusCode)
	}
	// Code checks per client: 20 in 15 minutes.
	for i := 0; i < 20; i++ {
		b.postJSON("/portal/api/verify", map[string]string{"email": "kira@example.com", "code": "000000"})
	}
	if res, _ := b.postJSON("/portal/api/verify", map[string]string{"email": "kira@example.com", "code": "000000"}); res.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("the 21st code check = %d", res.StatusCode)
	}
}

func TestSignInByLink(t *testing.T) {
	f := newFixture(t)
	b := f.browser(t)
	b.postJSON("/portal/api/sign-in", map[string]string{"email": "lena@example.de"})
	link, err := url.Parse(f.mail.last(t).Link)
	if err != nil || link.Path != "/portal/link" {
		t.Fatalf("link = %v, %v", link, err)
	}
	// Opening the link (as a mail scanner does) signs nobody in.
	_, body := b.get(link.RequestURI())
	if res, _ := b.get("/portal/api/me"); res.StatusCode != http.StatusUnauthorized {
		t.Fatal("opening the link signed in")
	}
	token := link.Query().Get("t")
	res, _ := b.postForm("/portal/link", url.Values{"csrf": {csrfRe.FindStringSubmatch(body)[1]}, "t": {token}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/portal/" {
		t.Fatalf("confirming the link = %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	if _, body := b.get("/portal/"); !strings.Contains(body, "Übersicht") || !strings.Contains(body, "Lena Vogt") {
		t.Fatalf("lena's overview is not in German:\n%s", body)
	}
	b2 := f.browser(t)
	res, _ = b2.postForm("/portal/link", url.Values{"csrf": {b2.csrf("/portal/sign-in")}, "t": {token}})
	if res.StatusCode != http.StatusUnauthorized {
		t.Fatalf("a used link = %d", res.StatusCode)
	}
}

func TestSessionsEnd(t *testing.T) {
	f := newFixture(t)
	cases := []struct {
		name string
		end  func(b *browser)
	}{
		{"sign-out", func(b *browser) {
			res, _ := b.postForm("/portal/sign-out", url.Values{"csrf": {b.csrf("/portal/")}})
			if res.StatusCode != http.StatusSeeOther {
				t.Fatalf("sign-out = %d", res.StatusCode)
			}
		}},
		{"expiry after 30 days", func(*browser) { f.clock.add(SessionTTL + time.Second) }},
		{"the partner is suspended", func(*browser) {
			s := "suspended"
			if _, err := f.st.UpdatePartner(ctx, f.prog.ID, "kira", domain.PartnerPatch{Status: &s}); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := f.browser(t)
			b.signIn("kira@example.com")
			cookie := b.c.Jar.Cookies(mustURL(f.srv.URL + "/portal/"))
			f.clock.add(29 * 24 * time.Hour) // still valid after 29 days
			if res, _ := b.get("/portal/api/me"); res.StatusCode != http.StatusOK {
				t.Fatalf("after 29 days = %d", res.StatusCode)
			}
			c.end(b)
			// The same cookie, sent again, opens nothing.
			again := f.browser(t)
			again.c.Jar.SetCookies(mustURL(f.srv.URL+"/portal/"), cookie)
			if res, _ := again.get("/portal/api/me"); res.StatusCode != http.StatusUnauthorized {
				t.Fatalf("after %s = %d", c.name, res.StatusCode)
			}
		})
	}
	// Suspension ended the stored sessions, so that reactivating does not revive them.
	var open int
	f.st.DB().QueryRow(`SELECT count(*) FROM portal_sessions s JOIN partners p ON p.id = s.partner_id WHERE p.key = 'kira' AND s.ended_at IS NULL`).Scan(&open)
	if open != 0 {
		t.Fatalf("%d of kira's sessions still open after suspension", open)
	}
	// The cookie holds the token; the database only its hash.
	var n int
	f.st.DB().QueryRow(`SELECT count(*) FROM portal_sessions WHERE length(hash) = 64`).Scan(&n)
	if n == 0 {
		t.Fatal("sessions are not stored as hashes")
	}
}

func mustURL(s string) *url.URL { u, _ := url.Parse(s); return u }
