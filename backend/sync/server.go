// Package sync is the sync endpoint of sync.md: the HTTP API a shop's site and servers call
// (visits, signups, sales, refunds), the events feed a desktop pulls, and the pull itself.
// The same handlers run in the window, under `partnerbook serve` on the desktop's data folder,
// and on a headless server's. It checks every caller (publishable keys only from the program's
// origins, secret keys by Bearer, the link secret), bounds what it reads, and answers 2xx only
// once an event is committed and fsynced; requests that arrive together share that commit.
package sync

import (
	"context"
	"net/http"
	"time"

	"partnerbook/backend/domain"
	"partnerbook/backend/sync/pbjs"
)

// Store is what the endpoint reads: keys, programs, partners, the events feed, and on a
// headless server what the desktop pushes. *sqlite.Store is one.
type Store interface {
	KeyByHash(ctx context.Context, hash string) (domain.APIKey, error)
	FindProgram(ctx context.Context, nameOrID string) (domain.Program, error)
	// ActivePartnerKey returns an active partner's key as stored (its case), if there is one.
	ActivePartnerKey(ctx context.Context, programID int64, key string) (string, bool, error)
	// OriginAllowed says whether some program allows origin (answering CORS preflights,
	// which carry no key).
	OriginAllowed(ctx context.Context, origin string) (bool, error)
	EventsAfter(ctx context.Context, cursor, programID int64, limit int) ([]domain.Event, error)
	// LinkHash is the hash of a headless server's link secret ("" in a desktop's folder).
	LinkHash(ctx context.Context) (string, error)
	ApplyPush(ctx context.Context, p domain.SyncPush) (domain.SyncPushResult, error)
	// ApplyPortalSnapshot keeps a program's portal snapshot, replacing its earlier one.
	ApplyPortalSnapshot(ctx context.Context, snap domain.PortalSnapshot) (domain.PortalPublishResult, error)
	// PortalEventsAfter lists what partners did in the server's portal after a cursor.
	PortalEventsAfter(ctx context.Context, cursor int64, limit int) ([]domain.PortalEvent, error)
}

// Options configure a Server.
type Options struct {
	Store Store
	Log   Log
	// Portal, when set, is mounted under /portal/ (the partner portal, portal.md).
	Portal http.Handler
	// Rate and Burst bound browser calls per client address (publishable keys, preflights):
	// Rate a second on average, Burst at once. Zero: 20 and 100. Negative Rate: no bound.
	Rate  float64
	Burst int
	// Committed is told after a commit that stored new events (the app applies them).
	Committed func()
	// Applied and ApplyFailed, when set, hear what the applier of a running endpoint did.
	Applied     func(domain.ApplyResult)
	ApplyFailed func(error)
	// MaxPublish bounds a portal snapshot's body; zero: MaxPublish.
	MaxPublish int64
	// Now is the clock (cookies' expiry); nil: time.Now.
	Now func() time.Time
}

// Server is the endpoint; Handler serves it, Close stops its commits.
type Server struct {
	opt    Options
	commit *committer
	limit  *limiter
	keys   *keyCache
	mux    *http.ServeMux
}

// New builds the endpoint over a store and its event log.
func New(opt Options) *Server {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Rate == 0 {
		opt.Rate = 20
	}
	if opt.Burst == 0 {
		opt.Burst = 100
	}
	if opt.MaxPublish <= 0 {
		opt.MaxPublish = MaxPublish
	}
	s := &Server{opt: opt, commit: newCommitter(opt.Log, opt.Committed), keys: newKeyCache(opt.Store, opt.Now)}
	if opt.Rate > 0 {
		s.limit = newLimiter(opt.Rate, opt.Burst, opt.Now)
	}
	s.mux = s.routes()
	return s
}

// routes is every route of the endpoint, in one place.
func (s *Server) routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", only("GET", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"ok": true})
	}))
	mux.Handle("/pb.js", pbjs.Handler())
	mux.HandleFunc("/v1/track/visit", s.browser(s.visit))
	mux.HandleFunc("/v1/track/signup", s.browser(s.signup))
	mux.HandleFunc("/v1/track/sale", only("POST", s.server(s.sale)))
	mux.HandleFunc("/v1/track/refund", only("POST", s.server(s.refund)))
	mux.HandleFunc("/v1/events", only("GET", s.events))
	mux.HandleFunc("/v1/sync/push", only("POST", s.push))
	mux.HandleFunc("/v1/sync/portal", only("POST", s.publish))
	mux.HandleFunc("/v1/sync/portal/events", only("GET", s.portalEvents))
	if s.opt.Portal != nil {
		mux.Handle("/portal/", s.opt.Portal)
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "not_found", "there is no "+r.URL.Path+" here; the API is under /v1/ (sync.md)", "")
	})
	return mux
}

// Handler is the endpoint's HTTP handler.
func (s *Server) Handler() http.Handler { return s.mux }

// Close stops taking events, once those handed over are committed.
func (s *Server) Close() { s.commit.close() }

// only refuses other methods with 405.
func only(method string, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != method && !(method == "GET" && r.Method == "HEAD") {
			w.Header().Set("Allow", method)
			writeError(w, http.StatusMethodNotAllowed, "method_not_allowed", r.URL.Path+" takes "+method, "")
			return
		}
		h(w, r)
	}
}
