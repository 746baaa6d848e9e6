package portal

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"net/url"
	"strings"

	"partnerbook/backend/domain"
)

// session is a signed-in partner and their cookie's token.
type session struct {
	domain.PortalAccount
	token string
}

func randomToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic("portal: no randomness: " + err.Error())
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

func randomCode() string {
	n, err := rand.Int(rand.Reader, big.NewInt(1_000_000))
	if err != nil {
		panic("portal: no randomness: " + err.Error())
	}
	return fmt.Sprintf("%06d", n.Int64())
}

func hash(parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(h[:])
}

// codeHash binds a code to its address, so that a code is no use for another.
func codeHash(email, code string) string { return hash("code", domain.NormalizeEmail(email), code) }

// csrfToken is the token forms carry: derived from the session's (or, before sign-in, the
// browser's own) secret cookie, which a page of another site can neither read nor set.
func csrfToken(secret string) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte("portal csrf"))
	return hex.EncodeToString(m.Sum(nil))
}

func (p *Portal) csrfOK(r *http.Request, secret string) bool {
	if secret == "" {
		return false
	}
	given := r.PostFormValue("csrf")
	return hmac.Equal([]byte(given), []byte(csrfToken(secret)))
}

// loopback says whether the request reached a loopback address: only there may a cookie go
// without Secure (a browser on the same machine, plain http).
func loopback(r *http.Request) bool {
	host := r.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

func (p *Portal) setCookie(w http.ResponseWriter, r *http.Request, name, value string, maxAge int) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, Path: "/portal/", MaxAge: maxAge, HttpOnly: true,
		Secure: !loopback(r), SameSite: http.SameSiteLaxMode})
}

// session finds the signed-in partner of the request's cookie.
func (p *Portal) session(w http.ResponseWriter, r *http.Request) (session, bool) {
	c, err := r.Cookie(CookieName)
	if err != nil || c.Value == "" || len(c.Value) > 100 {
		return session{}, false
	}
	a, ok, err := p.cfg.Store.PortalSession(r.Context(), hash("session", c.Value), p.cfg.Now())
	if err != nil {
		p.cfg.Logf("portal: session: %v", err)
		return session{}, false
	}
	if !ok {
		p.setCookie(w, r, CookieName, "", -1)
	}
	return session{PortalAccount: a, token: c.Value}, ok
}

// preSecret is the browser's CSRF secret before sign-in, made on first sight.
func (p *Portal) preSecret(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(preCookie); err == nil && len(c.Value) == 43 {
		return c.Value
	}
	v := randomToken()
	p.setCookie(w, r, preCookie, v, 86400)
	return v
}

func preCookieValue(r *http.Request) string {
	if c, err := r.Cookie(preCookie); err == nil {
		return c.Value
	}
	return ""
}

func clientOf(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// requestCode mails a code and link to an address that may sign in. Whatever the address, the
// caller answers the same: nothing tells whether it is a partner's. Per address, only a few
// mails go out in a while; the rest are quietly dropped.
func (p *Portal) requestCode(ctx context.Context, r *http.Request, email string) error {
	email = domain.NormalizeEmail(email)
	if !domain.ValidEmail(email) {
		return nil
	}
	accounts, err := p.cfg.Store.PortalAccounts(ctx, email)
	if err != nil || len(accounts) == 0 {
		return err
	}
	if !p.byAddr.allow(email, p.cfg.Now()) {
		return nil
	}
	code, link := randomCode(), randomToken()
	now := p.cfg.Now()
	id, err := p.cfg.Store.PortalNewCode(ctx, domain.PortalCode{Email: email, CodeHash: codeHash(email, code),
		LinkHash: hash("link", link), Expires: now.Add(CodeTTL)}, now)
	if err != nil {
		return err
	}
	return p.cfg.Mailer.SignIn(ctx, accounts[0], id, code, p.base(r)+"link?t="+url.QueryEscape(link))
}

// base is the portal's address for links in mails, ending in "/".
func (p *Portal) base(r *http.Request) string {
	if b := strings.TrimSpace(p.cfg.BaseURL()); b != "" {
		return strings.TrimSuffix(b, "/") + "/"
	}
	if loopback(r) {
		return "http://" + r.Host + "/portal/"
	}
	return "/portal/"
}

// verifyCode checks a code and, when right, starts a session of the address's partner.
func (p *Portal) verifyCode(w http.ResponseWriter, r *http.Request, email, code string) (bool, error) {
	email = domain.NormalizeEmail(email)
	code = strings.Join(strings.Fields(code), "")
	if len(code) != CodeDigits || email == "" {
		return false, nil
	}
	ok, err := p.cfg.Store.PortalCheckCode(r.Context(), email, codeHash(email, code), CodeTries, p.cfg.Now())
	if err != nil || !ok {
		return false, err
	}
	return p.startSession(w, r, email)
}

func (p *Portal) startSession(w http.ResponseWriter, r *http.Request, email string) (bool, error) {
	accounts, err := p.cfg.Store.PortalAccounts(r.Context(), email)
	if err != nil || len(accounts) == 0 {
		return false, err
	}
	token, now := randomToken(), p.cfg.Now()
	if err := p.cfg.Store.PortalStartSession(r.Context(), accounts[0].PartnerID, hash("session", token), now, now.Add(SessionTTL)); err != nil {
		return false, err
	}
	p.setCookie(w, r, CookieName, token, int(SessionTTL.Seconds()))
	return true, nil
}

func (p *Portal) tooMany(w http.ResponseWriter) {
	w.Header().Set("Retry-After", "900")
	http.Error(w, "too many attempts; please wait a few minutes", http.StatusTooManyRequests)
}

func (p *Portal) forbidden(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "this form has expired; please go back, reload the page and try again", http.StatusForbidden)
}
