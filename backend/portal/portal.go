// Package portal is the partner portal of portal.md: a small server-rendered website (and the
// same data as JSON) where a partner signs in with a one-time code sent by e-mail and sees their
// own figures, lines, payouts and statements, submits leads and asks for a change of payout
// details. It is an http.Handler built from small interfaces (its store, a mail sender, a
// clock), so the in-app endpoint and `partnerbook serve` mount the same code under /portal/.
package portal

import (
	"context"
	"log"
	"net/http"
	"strings"
	"time"

	"partnerbook/backend/domain"
)

// Sign-in rules of portal.md.
const (
	CodeDigits  = 6
	CodeTTL     = 10 * time.Minute
	CodeTries   = 5
	SessionTTL  = 30 * 24 * time.Hour
	CookieName  = "pb_portal"
	preCookie   = "pb_portal_pre" // the CSRF secret of forms shown before sign-in
	maxBody     = 16 << 10
	linesOnPage = 50
)

// Auth keeps sign-in codes and sessions. Codes, links and tokens reach it only as hashes.
type Auth interface {
	PortalAccounts(ctx context.Context, email string) ([]domain.PortalAccount, error)
	PortalNewCode(ctx context.Context, c domain.PortalCode, now time.Time) (int64, error)
	PortalCheckCode(ctx context.Context, email, codeHash string, maxTries int, now time.Time) (bool, error)
	PortalUseLink(ctx context.Context, linkHash string, maxTries int, now time.Time) (string, bool, error)
	PortalStartSession(ctx context.Context, partnerID int64, hash string, now, expires time.Time) error
	PortalSession(ctx context.Context, hash string, now time.Time) (domain.PortalAccount, bool, error)
	PortalEndSession(ctx context.Context, hash string, now time.Time) error
}

// Data is what a partner sees, always asked for by the signed-in partner's id: a store answers
// "not found" for anything of another partner.
type Data interface {
	// PortalAsOf is when the data a partner sees (partnerID 0: any) was read: the zero time
	// where it is read live (in the app), the publish time on a headless server.
	PortalAsOf(ctx context.Context, partnerID int64) (time.Time, error)
	PortalSummary(ctx context.Context, partnerID int64) (domain.PortalSummary, error)
	PortalLines(ctx context.Context, partnerID int64, offset, limit int) ([]domain.PortalLine, int, error)
	PortalLine(ctx context.Context, partnerID, lineID int64) (domain.PortalLine, error)
	PortalPayouts(ctx context.Context, partnerID int64) ([]domain.PortalPayout, error)
	PortalStatement(ctx context.Context, partnerID int64, number string) ([]byte, error)
	PortalLeads(ctx context.Context, partnerID int64) ([]domain.PortalLead, error)
	PortalAddLead(ctx context.Context, partnerID int64, name, email string) (domain.PortalLead, error)
	PortalProfile(ctx context.Context, partnerID int64) (domain.PortalProfile, error)
	PortalRequestChange(ctx context.Context, partnerID int64, field, value string) (domain.PortalRequest, error)
}

// Store is everything the portal reads and writes.
type Store interface {
	Auth
	Data
}

// Mailer sends a partner their sign-in code and link (through the shop's outbox, once).
type Mailer interface {
	SignIn(ctx context.Context, a domain.PortalAccount, codeID int64, code, link string) error
}

// Config is what a portal is built from.
type Config struct {
	Store  Store
	Mailer Mailer
	// Now is the clock (UTC); nil: time.Now.
	Now func() time.Time
	// BaseURL is the portal's address as partners reach it ("https://partners.example.com/portal/"),
	// for the links in sign-in mails; "" makes them from the request's own address on loopback only.
	BaseURL func() string
	// Logf hears faults that a partner is not shown; nil: the standard logger.
	Logf func(format string, args ...any)
}

// Portal is the partner portal's http.Handler, to be mounted at /portal/.
type Portal struct {
	cfg      Config
	mux      *http.ServeMux
	pages    *pages
	byAddr   *limiter // sign-in mails per address
	byClient *limiter // sign-in requests per client
	verifies *limiter // code checks per client
}

// New builds the portal.
func New(cfg Config) *Portal {
	if cfg.Now == nil {
		cfg.Now = func() time.Time { return time.Now().UTC() }
	}
	if cfg.Logf == nil {
		cfg.Logf = log.Printf
	}
	if cfg.BaseURL == nil {
		cfg.BaseURL = func() string { return "" }
	}
	p := &Portal{cfg: cfg, mux: http.NewServeMux(), pages: mustPages(),
		byAddr:   newLimiter(3, 15*time.Minute),
		byClient: newLimiter(10, 15*time.Minute),
		verifies: newLimiter(20, 15*time.Minute)}
	p.routes()
	return p
}

func (p *Portal) routes() {
	m := p.mux
	m.HandleFunc("GET /portal/style.css", p.style)
	m.HandleFunc("GET /portal/sign-in", p.signInPage)
	m.HandleFunc("POST /portal/sign-in", p.guestPost(p.byClient, p.signInForm))
	m.HandleFunc("POST /portal/verify", p.guestPost(p.verifies, p.verifyForm))
	m.HandleFunc("GET /portal/link", p.linkPage)
	m.HandleFunc("POST /portal/link", p.guestPost(p.verifies, p.linkForm))
	m.HandleFunc("POST /portal/sign-out", p.signed(p.signOut))
	m.HandleFunc("GET /portal/{$}", p.signed(p.overview))
	m.HandleFunc("GET /portal/links", p.signed(p.links))
	m.HandleFunc("GET /portal/referrals", p.signed(p.referrals))
	m.HandleFunc("GET /portal/referrals/{id}", p.signed(p.referral))
	m.HandleFunc("GET /portal/payouts", p.signed(p.payouts))
	m.HandleFunc("GET /portal/payouts/{number}/statement.pdf", p.signed(p.statement))
	m.HandleFunc("GET /portal/leads", p.signed(p.leads))
	m.HandleFunc("POST /portal/leads", p.signed(p.addLead))
	m.HandleFunc("GET /portal/profile", p.signed(p.profile))
	m.HandleFunc("POST /portal/profile", p.signed(p.requestChange))

	m.HandleFunc("POST /portal/api/sign-in", p.apiSignIn)
	m.HandleFunc("POST /portal/api/verify", p.apiVerify)
	m.HandleFunc("GET /portal/api/me", p.api(p.apiMe))
	m.HandleFunc("GET /portal/api/lines", p.api(p.apiLines))
	m.HandleFunc("GET /portal/api/lines/{id}", p.api(p.apiLine))
	m.HandleFunc("GET /portal/api/payouts", p.api(p.apiPayouts))
	m.HandleFunc("GET /portal/api/payouts/{number}/statement.pdf", p.api(p.statement))
	m.HandleFunc("GET /portal/api/leads", p.api(p.apiLeads))
	m.HandleFunc("POST /portal/api/leads", p.api(p.apiAddLead))
	m.HandleFunc("POST /portal/api/profile", p.api(p.apiRequestChange))
}

// ServeHTTP answers a request under /portal/.
func (p *Portal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	h.Set("Cache-Control", "no-store")
	if r.URL.Path == "/portal" {
		http.Redirect(w, r, "/portal/", http.StatusMovedPermanently)
		return
	}
	if r.Body != nil {
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	}
	p.mux.ServeHTTP(w, r)
}

// partnerHandler is a handler for a signed-in partner.
type partnerHandler func(w http.ResponseWriter, r *http.Request, s session)

// signed runs h for a signed-in partner; without a session a page sends them to sign in.
func (p *Portal) signed(h partnerHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s, ok := p.session(w, r)
		if !ok {
			if r.Method == http.MethodGet && !strings.HasSuffix(r.URL.Path, ".pdf") {
				http.Redirect(w, r, "/portal/sign-in", http.StatusSeeOther)
				return
			}
			http.Error(w, "not signed in", http.StatusUnauthorized)
			return
		}
		if r.Method == http.MethodPost && !p.csrfOK(r, s.token) {
			p.forbidden(w, r)
			return
		}
		h(w, r, s)
	}
}

// fault answers an error: not found as 404 (another partner's things too), the input's
// problems as 400, anything else as 500 without its details.
func (p *Portal) fault(w http.ResponseWriter, err error) {
	switch domain.ErrorCode(err) {
	case domain.ENotFound:
		http.Error(w, "not found", http.StatusNotFound)
	case domain.EInvalid, domain.EConflict:
		http.Error(w, err.Error(), http.StatusBadRequest)
	default:
		p.cfg.Logf("portal: %v", err)
		http.Error(w, "something went wrong; please try again later", http.StatusInternalServerError)
	}
}
