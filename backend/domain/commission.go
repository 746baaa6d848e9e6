package domain

import "github.com/shopspring/decimal"

// RateRow is one day of an exchange-rate file: units of each currency per 1 EUR.
type RateRow struct {
	Row   int
	Day   string
	Rates map[string]decimal.Decimal
}

// Line kinds, statuses and the reasons an order is credited (commissions.md, cli.md).
var (
	LineKinds    = []string{"sale", "product", "recurring", "second_tier", "lead", "adjustment"}
	LineStatuses = []string{"pending", "approved", "paid", "reversed", "rejected"}
)

// CommissionLine is one line of `commissions --json` (cli.md), with a few more fields.
type CommissionLine struct {
	ID         int64  `json:"id"`
	Partner    string `json:"partner"`
	Order      string `json:"order"`
	Source     string `json:"source"`
	Kind       string `json:"kind"`
	Reason     string `json:"reason"`
	Status     string `json:"status"` // as of the day asked
	Base       string `json:"base"`
	Amount     string `json:"amount"`
	Currency   string `json:"currency"`
	OrderTime  string `json:"order_time"`
	Note       string `json:"note"`
	Rule       string `json:"rule"`
	SKU        string `json:"sku"`
	Due        string `json:"due"`    // the day a pending line is approved
	Payout     string `json:"payout"` // the number of the payout that paid it
	Customer   string `json:"customer"`
	Lead       string `json:"lead"` // the lead's e-mail, for lead lines
	ApprovedBy string `json:"approved_by"`
	RejectedBy string `json:"rejected_by"`
}

// CommissionFilter selects commission lines of a program; dates are days in its zone.
type CommissionFilter struct {
	ProgramID int64  `json:"program_id"`
	Partner   string `json:"partner"`
	Status    string `json:"status"`
	Kind      string `json:"kind"`
	From      string `json:"from"`
	To        string `json:"to"`
	AsOf      string `json:"as_of"` // YYYY-MM-DD; "" today
	Limit     int    `json:"limit"`
	Offset    int    `json:"offset"`
}

// Total is a sum of lines of one status in one currency.
type Total struct {
	Status   string `json:"status"`
	Currency string `json:"currency"`
	Amount   string `json:"amount"`
	Lines    int    `json:"lines"`
}

// CommissionPage is one page of lines, how many match, and their totals.
type CommissionPage struct {
	Lines  []CommissionLine `json:"lines"`
	Count  int              `json:"count"`
	Totals []Total          `json:"totals"`
}

// Balance is one partner's lines in one currency by status (`balances --json`).
type Balance struct {
	Partner  string `json:"partner"`
	Name     string `json:"name"`
	Currency string `json:"currency"`
	Pending  string `json:"pending"`
	Approved string `json:"approved"`
	Paid     string `json:"paid"`
	Reversed string `json:"reversed"`
	Rejected string `json:"rejected"`
}

// LineAction is what a person did to some lines.
type LineAction struct {
	Changed int `json:"changed"`
}

// Adjustment is a manual line a person adds, with their comment.
type Adjustment struct {
	Partner  string `json:"partner"`
	Amount   string `json:"amount"`
	Currency string `json:"currency"` // "" the program's
	Comment  string `json:"comment"`
}

// CustomerRow is a customer as the Customers screen lists them: who they are linked to and why.
type CustomerRow struct {
	ID       int64  `json:"id"`
	Email    string `json:"email"`
	Name     string `json:"name"`
	Partner  string `json:"partner"`
	Reason   string `json:"reason"` // signup, lead, manual, order
	LinkedAt string `json:"linked_at"`
	Orders   int    `json:"orders"`
	First    string `json:"first_order"`
}

// CustomerFilter selects customers of a program.
type CustomerFilter struct {
	ProgramID int64  `json:"program_id"`
	Partner   string `json:"partner"`
	Search    string `json:"search"`
	Limit     int    `json:"limit"`
	Offset    int    `json:"offset"`
}

// PayoutFilter selects payouts of a program: of one partner, of one run (0: all).
type PayoutFilter struct {
	ProgramID int64  `json:"program_id"`
	Partner   string `json:"partner"`
	Run       int64  `json:"run"`
}

// PayoutRun is the JSON of `payouts run` (cli.md), with what a dry run would do.
type PayoutRun struct {
	Run      int64         `json:"run"`
	AsOf     string        `json:"as_of"`
	DryRun   bool          `json:"dry_run"`
	Payouts  []PayoutLine  `json:"payouts"`
	Carried  []CarriedLine `json:"carried"`
	Warnings []string      `json:"warnings"`
	// Fingerprint identifies what the run pays, carries and numbers: confirming a preview
	// passes it back, and a run that changed since is refused.
	Fingerprint string `json:"fingerprint,omitempty"`
	// Missing names the settings a real run needs and lacks (a dry run reports them; a real
	// run is refused).
	Missing []string `json:"missing,omitempty"`
	At      string   `json:"at,omitempty"`
	Actor   string   `json:"actor,omitempty"`
}

// PayoutLine is one payout of a run.
type PayoutLine struct {
	Number   string `json:"number"`
	Partner  string `json:"partner"`
	Name     string `json:"name,omitempty"`
	Currency string `json:"currency"`
	// Amount is what is paid: the gross (Net + VAT). A credit note's is negative.
	Amount string `json:"amount"`
	// Net is the payout's net (its lines and the credit notes it nets); VATRate the rate in
	// percent ("0" where no VAT is charged); VAT the VAT it charges, with that of the credit
	// notes it nets (docs/statements.md, "VAT").
	Net          string `json:"net"`
	VATRate      string `json:"vat_rate"`
	VAT          string `json:"vat"`
	VATTreatment string `json:"vat_treatment"`
	Lines        int    `json:"lines"`
	Method       string `json:"method,omitempty"`
	Kind         string `json:"kind"` // invoice, or credit_note (a negative balance, netted by the next payout)
	Run          int64  `json:"run,omitempty"`
	At           string `json:"at,omitempty"`
}

// CarriedLine is a balance a run carried forward, and why: Reason as a sentence, Code as a
// word a screen translates (below_threshold, no_rate, not_positive), Threshold the amount a
// below_threshold balance did not reach (in the program's currency).
type CarriedLine struct {
	Partner   string `json:"partner"`
	Name      string `json:"name,omitempty"`
	Currency  string `json:"currency"`
	Amount    string `json:"amount"`
	Reason    string `json:"reason,omitempty"`
	Code      string `json:"code,omitempty"`
	Threshold string `json:"threshold,omitempty"`
}
