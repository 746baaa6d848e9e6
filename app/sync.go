package app

import (
	"context"
	"net"
	"strconv"
	stdsync "sync"
	"time"

	"partnerbook/backend/domain"
	"partnerbook/backend/sqlite"
	"partnerbook/backend/sync"
)

// Sync is the Sync screen: the keys of the sync endpoint, the program's allowed origins, the
// endpoint in the window (Settings → Sync endpoint), the install check (the last events), and
// the link to a headless server.
type Sync struct{ c *Core }

// APIKey is a key as the Sync screen lists it; a publishable key shows whole (it is public).
type APIKey struct {
	ID      int64  `json:"id"`
	Kind    string `json:"kind"`
	Prefix  string `json:"prefix"`
	Key     string `json:"key"` // publishable keys only
	Test    bool   `json:"test"`
	Created string `json:"created"`
	Revoked string `json:"revoked"` // "" while it works
}

// NewAPIKey is a key just made: Key is shown this once.
type NewAPIKey struct {
	APIKey APIKey `json:"api_key"`
	Key    string `json:"key"`
}

// Keys lists a program's keys, newest first.
func (s *Sync) Keys(programID int64) ([]APIKey, error) {
	ks, err := s.c.store.ListAPIKeys(s.c.ctx, programID)
	if err != nil {
		return nil, err
	}
	out := make([]APIKey, 0, len(ks))
	for _, k := range ks {
		out = append(out, keyDTO(k))
	}
	return out, nil
}

// CreateKey makes a key (kind "publishable" or "secret"; test: its events never earn).
func (s *Sync) CreateKey(programID int64, kind string, test bool) (NewAPIKey, error) {
	if kind != domain.KeyPublishable && kind != domain.KeySecret {
		return NewAPIKey{}, domain.Invalid("the key is not valid", []domain.Problem{{Column: "kind", Message: "is publishable or secret"}})
	}
	key, nk := sync.NewKey(programID, kind, test)
	k, err := s.c.store.CreateAPIKey(s.c.ctx, nk)
	return NewAPIKey{APIKey: keyDTO(k), Key: key}, err
}

// RevokeKey revokes a key for good.
func (s *Sync) RevokeKey(id int64) (APIKey, error) {
	k, err := s.c.store.RevokeAPIKey(s.c.ctx, id)
	return keyDTO(k), err
}

func keyDTO(k domain.APIKey) APIKey {
	out := APIKey{ID: k.ID, Kind: k.Kind, Prefix: k.Prefix, Key: k.Key, Test: k.Test, Created: k.Created.UTC().Format(time.RFC3339)}
	if k.Revoked != nil {
		out.Revoked = k.Revoked.UTC().Format(time.RFC3339)
	}
	return out
}

// SiteSetup is what a program tells the tracking script's set-up: the sites allowed to use
// its publishable keys and where partners' links point.
type SiteSetup struct {
	Origins     []string `json:"origins"`
	Site        string   `json:"site"`
	CookieDays  int      `json:"cookie_days"`
	Attribution string   `json:"attribution"`
}

// Site returns a program's origins and site.
func (s *Sync) Site(programID int64) (SiteSetup, error) {
	p, err := s.c.store.FindProgram(s.c.ctx, itoa(programID))
	return SiteSetup{Origins: p.Origins, Site: p.Site, CookieDays: p.CookieDays, Attribution: p.Attribution}, err
}

// SetSite replaces a program's origins and site (each origin such as https://shop.example).
func (s *Sync) SetSite(programID int64, origins []string, site string) (SiteSetup, error) {
	p, err := s.c.store.FindProgram(s.c.ctx, itoa(programID))
	if err != nil {
		return SiteSetup{}, err
	}
	if origins == nil {
		origins = []string{}
	}
	p.Origins, p.Site = origins, site
	if _, err := s.c.store.UpdateProgram(s.c.ctx, p); err != nil {
		return SiteSetup{}, err
	}
	return s.Site(programID)
}

// Event is an event as the install check lists it.
type Event struct {
	ID         int64  `json:"id"`
	EventID    string `json:"event_id"`
	Type       string `json:"type"`
	Test       bool   `json:"test"`
	ReceivedAt string `json:"received_at"`
	Applied    bool   `json:"applied"`
	Problem    string `json:"problem"`
	Payload    string `json:"payload"` // the body as kept, JSON
}

// RecentEvents lists a program's last events, newest first (limit 1 to 500).
func (s *Sync) RecentEvents(programID int64, limit int) ([]Event, error) {
	evs, err := s.c.store.RecentEvents(s.c.ctx, programID, limit)
	if err != nil {
		return nil, err
	}
	out := make([]Event, 0, len(evs))
	for _, e := range evs {
		out = append(out, Event{ID: e.ID, EventID: e.EventID, Type: e.Type, Test: e.Test, ReceivedAt: e.ReceivedAt,
			Applied: e.Applied, Problem: e.Problem, Payload: string(e.Payload)})
	}
	return out, nil
}

// PurgeTestEvents deletes a program's test events; it returns how many went.
func (s *Sync) PurgeTestEvents(programID int64) (int, error) {
	return s.c.store.PurgeTestEvents(s.c.ctx, programID)
}

// Endpoint is the sync endpoint in the window: its settings and whether it runs.
type Endpoint struct {
	Enabled bool   `json:"enabled"`
	Addr    string `json:"addr"`
	Port    int    `json:"port"`
	Running bool   `json:"running"`
	URL     string `json:"url"`   // where it listens, while it runs
	Error   string `json:"error"` // why it does not run although on
}

// Endpoint returns the endpoint's settings and state.
func (s *Sync) Endpoint() (Endpoint, error) {
	s.c.sync.mu.Lock()
	defer s.c.sync.mu.Unlock()
	return s.c.endpoint()
}

// SetEndpoint stores the endpoint's settings (Settings → Sync endpoint) and starts, restarts
// or stops it accordingly.
func (s *Sync) SetEndpoint(enabled bool, addr string, port int) (Endpoint, error) {
	st := s.c.store
	if err := st.SetSetting(s.c.ctx, "sync.addr", addr); err != nil {
		return Endpoint{}, err
	}
	if err := st.SetSetting(s.c.ctx, "sync.port", strconv.Itoa(port)); err != nil {
		return Endpoint{}, err
	}
	if err := st.SetSetting(s.c.ctx, "sync.enabled", strconv.FormatBool(enabled)); err != nil {
		return Endpoint{}, err
	}
	s.c.StartSync(s.c.ctx)
	return s.Endpoint()
}

// Remote is the link to a headless server and how the last pull went.
type Remote struct {
	URL       string `json:"url"`
	SecretSet bool   `json:"secret_set"`
	LastPull  string `json:"last_pull"` // "" never
	OK        bool   `json:"ok"`
	Message   string `json:"message"`
}

// Remote returns the link's state.
func (s *Sync) Remote() (Remote, error) {
	set, err := s.c.settingsShown()
	if err != nil {
		return Remote{}, err
	}
	secret, err := s.c.store.SecretValue("sync.key")
	if err != nil {
		return Remote{}, err
	}
	last, err := s.c.store.LastPull(s.c.ctx)
	return Remote{URL: set.Sync.Remote, SecretSet: secret != "", LastPull: last.At, OK: last.OK, Message: last.Message}, err
}

// SetRemote links to a headless server: its URL, and its link secret ("" keeps the one set).
func (s *Sync) SetRemote(url, secret string) (Remote, error) {
	if err := s.c.store.SetSetting(s.c.ctx, "sync.remote", url); err != nil {
		return Remote{}, err
	}
	if secret != "" {
		if err := s.c.store.SetSetting(s.c.ctx, "sync.key", secret); err != nil {
			return Remote{}, err
		}
	}
	return s.Remote()
}

// PullNow pulls from the headless server (the Sync button).
func (s *Sync) PullNow() (PullResult, error) {
	r, err := sync.PullLinked(s.c.ctx, s.c.store)
	res := pullDTO(r)
	if err == nil && res.Applied > 0 {
		syncApplied.emit(s.c, SyncApplied{Events: res.Applied})
	}
	return res, err
}

// endpointState is the endpoint the window runs.
type endpointState struct {
	mu      stdsync.Mutex
	running *sync.Running
	err     string
}

// StartSync starts the sync endpoint if Settings say it is on (stopping one that runs first),
// or stops it if they say off. The window calls it at start; SetEndpoint after a change.
func (c *Core) StartSync(ctx context.Context) {
	e := &c.sync
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.running != nil {
		e.running.Close()
		e.running = nil
	}
	e.err = ""
	set, err := c.store.Settings(ctx)
	if !set.Sync.Enabled {
		return
	}
	if err != nil {
		e.err = err.Error() // names the settings to correct
		return
	}
	log, err := c.store.OpenEventLog()
	if err != nil {
		e.err = err.Error()
		return
	}
	opt := sync.Options{Applied: func(r domain.ApplyResult) {
		syncApplied.emit(c, SyncApplied{Events: r.Events})
	}}
	opt.Portal = PortalHandler(c.store)
	e.running, err = sync.Listen(ctx, c.store, log, net.JoinHostPort(set.Sync.Addr, strconv.Itoa(set.Sync.Port)), opt)
	if err != nil {
		log.Close()
		e.err = domain.AsError(err).Message
	}
}

// StopSync stops the endpoint (the window closes).
func (c *Core) StopSync() {
	c.sync.mu.Lock()
	defer c.sync.mu.Unlock()
	if c.sync.running != nil {
		c.sync.running.Close()
		c.sync.running = nil
	}
}

// endpoint reads the settings and the state; the caller holds c.sync.mu.
func (c *Core) endpoint() (Endpoint, error) {
	set, err := c.settingsShown()
	if err != nil {
		return Endpoint{}, err
	}
	out := Endpoint{Enabled: set.Sync.Enabled, Addr: set.Sync.Addr, Port: set.Sync.Port, Error: c.sync.err}
	if r := c.sync.running; r != nil {
		out.Running, out.URL = true, r.URL
	}
	return out, nil
}

// AutoPull pulls from the headless server every so often while the window is open, when
// one is set; how each pull went is kept for the Sync screen.
func (c *Core) AutoPull(ctx context.Context, every time.Duration) {
	everySoOften(ctx, every, func() {
		// Only while a server is set (of settings that fail their check, those that pass).
		// The error is not dropped: PullLinked reads the settings again, refuses them, and
		// keeps why for the Sync screen; while no server is set there is no pull to fail.
		if set, _ := c.store.Settings(ctx); set.Sync.Remote == "" {
			return
		}
		res, err := sync.PullLinked(ctx, c.store)
		if err == nil && res.Applied > 0 {
			syncApplied.emit(c, SyncApplied{Events: res.Applied})
		}
	})
}

var _ sync.Linked = (*sqlite.Store)(nil)
