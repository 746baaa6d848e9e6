package domain

import (
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"time"
)

// Event types of the sync endpoint (sync.md).
const (
	EventVisit  = "visit"
	EventSignup = "signup"
	EventSale   = "sale"
	EventRefund = "refund"
)

// Key kinds of the sync endpoint: publishable keys are public (the tracking script carries
// them), secret keys are for the shop's servers.
const (
	KeyPublishable = "publishable"
	KeySecret      = "secret"
)

// Event is one call of the sync endpoint as it is kept: its idempotency key, its program, its
// body as received (normalised), and whether a test key sent it.
type Event struct {
	ID         int64           `json:"id"` // the cursor: the order of commits
	EventID    string          `json:"event_id"`
	ProgramID  int64           `json:"program"`
	Type       string          `json:"type"`
	Test       bool            `json:"test"`
	Payload    json.RawMessage `json:"payload"`
	ReceivedAt time.Time       `json:"received_at"`
	// Visitor, Ref and Email repeat the payload's fields that the visits and signups rows keep.
	Visitor string `json:"-"`
	Ref     string `json:"-"`
	Email   string `json:"-"`
}

// EventOutcome is what committing an event came to: its cursor, and whether it was there
// already (the same id and body: answered as the first time).
type EventOutcome struct {
	ID         int64     `json:"id"`
	Duplicate  bool      `json:"-"`
	ReceivedAt time.Time `json:"received_at"`
}

// APIKey is a key of the sync endpoint as listed: never its secret.
type APIKey struct {
	ID        int64      `json:"id"`
	ProgramID int64      `json:"program"`
	Kind      string     `json:"kind"`
	Prefix    string     `json:"prefix"`
	Test      bool       `json:"test"`
	Created   time.Time  `json:"created"`
	Revoked   *time.Time `json:"revoked"`
	// Key is the whole key, for publishable keys only (they are public); "" for secret ones.
	Key string `json:"key,omitempty"`
}

// NewAPIKey is a key to store: its hash, never a secret key itself.
type NewAPIKey struct {
	ProgramID int64
	Kind      string
	Test      bool
	Prefix    string
	Hash      string
	Plain     string // publishable keys only
}

// NormalizeOrigin writes a site's origin as browsers send it: scheme and host in lower case,
// no trailing slash, no path.
func NormalizeOrigin(o string) string {
	o = strings.TrimRight(strings.ToLower(strings.TrimSpace(o)), "/")
	return o
}

// CheckOrigin says what is wrong with an origin ("" when it is one, such as
// https://shop.example or http://127.0.0.1:8080).
func CheckOrigin(o string) string {
	u, err := url.Parse(o)
	switch {
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
		return "is not a site origin such as https://shop.example"
	case u.Path != "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil:
		return "should be only scheme, host and port, such as https://shop.example"
	}
	return ""
}

func contains(list []string, s string) bool { return slices.Contains(list, s) }

// SyncPush is what the desktop tells its headless server (sync pull): per program what the
// endpoint needs to check calls and set cookies; the server keeps no other copy.
type SyncPush struct {
	Programs []SyncProgram `json:"programs"`
}

// SyncProgram is a program as a server knows it.
type SyncProgram struct {
	ID          int64         `json:"id"`
	Name        string        `json:"name"`
	Currency    string        `json:"currency"`
	CookieDays  int           `json:"cookie_days"`
	Attribution string        `json:"attribution"`
	Origins     []string      `json:"origins"`
	Partners    []SyncPartner `json:"partners"`
	Keys        []SyncKey     `json:"keys"`
}

// SyncPartner is a partner's key and status.
type SyncPartner struct {
	Key    string `json:"key"`
	Status string `json:"status"`
}

// SyncKey is an API key as a server knows it: its hash, never a secret key.
type SyncKey struct {
	ID      int64  `json:"id"`
	Kind    string `json:"kind"`
	Prefix  string `json:"prefix"`
	Hash    string `json:"hash"`
	Plain   string `json:"plain,omitempty"`
	Test    bool   `json:"test"`
	Revoked bool   `json:"revoked"`
}

// SyncPushResult counts what a push changed on the server.
type SyncPushResult struct {
	Programs int `json:"programs"`
	Partners int `json:"partners"`
	Keys     int `json:"keys"`
	// What the partner portal's snapshot carried (published after the events were applied).
	PortalPublishResult
}

// ApplyResult counts what applying the sync endpoint's events did.
type ApplyResult struct {
	Events   int `json:"events"`   // events looked at (each once)
	Orders   int `json:"orders"`   // sales that became orders
	Refunds  int `json:"refunds"`  // refunds applied
	Linked   int `json:"linked"`   // customers a signup linked
	Leads    int `json:"leads"`    // leads submitted in a headless server's portal
	Requests int `json:"requests"` // payout-detail requests made there
	Problems int `json:"problems"` // events that changed nothing, with why (kept with the event)
}
