package domain

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"
)

// Event types a headless server's partner portal records for the desktop (portal.md): a lead a
// partner submitted and a change of payout details they asked for. The desktop fetches them
// after its cursor at each pull and applies each once, by its event id.
const (
	PortalEventLead    = "lead"
	PortalEventRequest = "request"
)

// PortalEvent is what a partner did in a headless server's portal.
type PortalEvent struct {
	ID         int64           `json:"id"` // the server's cursor
	EventID    string          `json:"event_id"`
	ProgramID  int64           `json:"program"`
	PartnerID  int64           `json:"partner_id"`
	Type       string          `json:"type"`
	Payload    json.RawMessage `json:"payload"`
	ReceivedAt time.Time       `json:"received_at"`
}

// MaxPublishedLines is how many of a partner's newest commission lines a published snapshot
// carries: 40 pages of the portal's referrals.
const MaxPublishedLines = 2000

// PortalSnapshot is what the desktop publishes to its headless server for one program at a
// pull: every partner who may sign in, with what the portal shows them. A snapshot replaces
// the program's previous one whole.
type PortalSnapshot struct {
	ProgramID int64 `json:"program"`
	// AsOf is when the desktop read it: the portal's "as of".
	AsOf time.Time `json:"as_of"`
	// Cursor is the desktop's cursor of portal events when it read it: those after it are
	// not in the snapshot yet (the server still shows them as submitted).
	Cursor   int64                    `json:"cursor"`
	Partners []PortalPublishedPartner `json:"partners"`
	// LeadHashes are the hashes (LeadHash) of the program's lead addresses, so that the
	// server refuses a lead the program has already, as `lead add` does.
	LeadHashes []string `json:"lead_hashes"`
}

// PortalPublishedPartner is one partner's part of a snapshot.
type PortalPublishedPartner struct {
	Account PortalAccount           `json:"account"`
	Summary PortalSummary           `json:"summary"`
	Lines   []PortalLine            `json:"lines"` // newest first, at most MaxPublishedLines
	Payouts []PortalPublishedPayout `json:"payouts"`
	Leads   []PortalLead            `json:"leads"`
	Profile PortalProfile           `json:"profile"`
}

// PortalPublishedPayout is a payout with its statement's PDF: the bytes the shop filed.
type PortalPublishedPayout struct {
	PortalPayout
	PDF []byte `json:"pdf"`
}

// PortalPublishResult counts what a publish carried (sync pull's "pushed").
type PortalPublishResult struct {
	Partners   int `json:"portal_partners"`
	Lines      int `json:"portal_lines"`
	Payouts    int `json:"portal_payouts"`
	Statements int `json:"portal_statements"`
}

// PortalLeadEvent is the payload of a lead event.
type PortalLeadEvent struct {
	PartnerID int64  `json:"partner_id"`
	Partner   string `json:"partner"` // the partner's key
	Name      string `json:"name"`
	Email     string `json:"email"`
}

// PortalRequestEvent is the payload of a request event.
type PortalRequestEvent struct {
	PartnerID int64  `json:"partner_id"`
	Partner   string `json:"partner"`
	Field     string `json:"field"`
	Value     string `json:"value"`
}

// LeadHash is what a snapshot carries of a lead's address: enough to tell that an address is a
// lead of the program already, not the address itself.
func LeadHash(programID int64, email string) string {
	h := sha256.Sum256([]byte(fmt.Sprintf("lead\x00%d\x00%s", programID, NormalizeEmail(email))))
	return hex.EncodeToString(h[:16])
}
