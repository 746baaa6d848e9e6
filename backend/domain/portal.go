package domain

import "time"

// PortalAccount is a partner who may sign in to the portal: active, in a program whose portal
// is on.
type PortalAccount struct {
	PartnerID int64  `json:"partner_id"`
	ProgramID int64  `json:"program_id"`
	Program   string `json:"program"`
	Key       string `json:"key"`
	Name      string `json:"name"`
	Email     string `json:"email"`
	Language  string `json:"language"`
	Leads     bool   `json:"leads"` // the program pays lead bounties
	Timezone  string `json:"timezone"`
}

// PortalCode is a one-time sign-in code as stored: only hashes of the code and the link.
type PortalCode struct {
	ID       int64
	Email    string
	CodeHash string
	LinkHash string
	Expires  time.Time
}

// PortalSummary is a partner's overview: their money by state, what becomes payable when,
// earnings per month and what the shop tracks of their referrals.
type PortalSummary struct {
	AsOf      string            `json:"as_of"` // the day statuses are read as of (YYYY-MM-DD)
	Currency  string            `json:"currency"`
	Pending   string            `json:"pending"`
	Approved  string            `json:"approved"`
	Paid      string            `json:"paid"`
	Threshold string            `json:"threshold"`
	Upcoming  []PortalDue       `json:"upcoming"` // pending amounts by the day they become payable
	Months    []PortalMonth     `json:"months"`   // the last 12 months, oldest first
	Tracked   bool              `json:"tracked"`  // the shop tracks visits (the sync endpoint)
	Visits    int               `json:"visits"`
	Signups   int               `json:"signups"`
	Customers int               `json:"customers"`
	Orders    int               `json:"orders"`
	Sales     string            `json:"sales"`  // the orders' base, in Currency
	Others    []Balance         `json:"others"` // lines in other currencies
	Program   PortalProgramInfo `json:"program"`
}

// PortalProgramInfo is what a partner needs to know of their program.
type PortalProgramInfo struct {
	Name     string   `json:"name"`
	Site     string   `json:"site"` // referral links are SITE?ref=KEY
	Key      string   `json:"key"`
	Coupons  []string `json:"coupons"`
	Leads    bool     `json:"leads"` // the program pays lead bounties
	HoldDays int      `json:"hold_days"`
	Timezone string   `json:"timezone"`
}

// PortalDue is what becomes payable on a day.
type PortalDue struct {
	Day    string `json:"day"`
	Amount string `json:"amount"`
}

// PortalMonth is what a partner earned in a month (YYYY-MM), rejected and reversed lines left out.
type PortalMonth struct {
	Month  string `json:"month"`
	Amount string `json:"amount"`
}

// PortalLine is one commission line as its partner sees it: the customer masked.
type PortalLine struct {
	ID       int64  `json:"id"`
	Order    string `json:"order"`
	Day      string `json:"day"`
	Customer string `json:"customer"` // masked: "B. · example.org"
	Kind     string `json:"kind"`
	Status   string `json:"status"` // as of the day asked
	Base     string `json:"base"`
	Amount   string `json:"amount"`
	Currency string `json:"currency"`
	Due      string `json:"due"` // the day the hold ends
	Payout   string `json:"payout"`
	Refunded string `json:"refunded"` // what the order had refunded, "" none
}

// PortalPayout is one payout of a partner.
type PortalPayout struct {
	Number   string `json:"number"`
	Day      string `json:"day"`
	Kind     string `json:"kind"`
	Amount   string `json:"amount"` // what was paid: the gross where VAT was charged
	Net      string `json:"net"`
	VAT      string `json:"vat,omitempty"` // the VAT in Amount; empty where none was charged
	Currency string `json:"currency"`
	Lines    int    `json:"lines"`
	Method   string `json:"method"`
}

// PortalLead is a partner's lead as the portal shows it.
type PortalLead struct {
	Email  string `json:"email"` // masked
	Status string `json:"status"`
	Day    string `json:"day"`
}

// PortalProfile is a partner's contact and payout details, and their open requests.
type PortalProfile struct {
	Name        string          `json:"name"`
	Email       string          `json:"email"`
	Address     string          `json:"address"`
	Country     string          `json:"country"`
	VATID       string          `json:"vat_id"`
	Language    string          `json:"language"`
	IBAN        string          `json:"iban"` // masked
	PaypalEmail string          `json:"paypal_email"`
	Requests    []PortalRequest `json:"requests"`
	LastSignIn  string          `json:"last_sign_in"`
}

// PortalRequest is a change of payout details a partner asked for.
type PortalRequest struct {
	ID        int64  `json:"id"`
	Partner   string `json:"partner"` // the partner's key
	Name      string `json:"name"`
	Field     string `json:"field"` // iban, paypal_email
	Value     string `json:"value"`
	Status    string `json:"status"` // pending, approved, rejected
	CreatedAt string `json:"created_at"`
	DecidedAt string `json:"decided_at"`
	DecidedBy string `json:"decided_by"`
}

// PortalFields are the payout details a partner may ask to change.
var PortalFields = []string{"iban", "paypal_email"}

// MaskIBAN shows an IBAN's country and last four characters only.
func MaskIBAN(iban string) string {
	if len(iban) < 8 {
		return iban
	}
	return iban[:4] + " •••• " + iban[len(iban)-4:]
}
