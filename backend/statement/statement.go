// Package statement renders what the bookkeeper files: a PDF self-billing invoice (or credit
// note) per payout and a summary per payout run. It reads plain values, never the database, so
// the same payout always gives the same bytes.
package statement

import (
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Party is the issuer (the shop, the customer of the service) or the partner (the supplier).
type Party struct {
	Name    string `json:"name"`
	Address string `json:"address"`
	Country string `json:"country"` // ISO 3166 alpha-2
	VATID   string `json:"vat_id"`
	Email   string `json:"email,omitempty"`
}

// Line is one commission line as the statement shows it. Amounts are decimal text in the
// statement's currency, rounded once by the engine.
type Line struct {
	Date     string `json:"date"` // YYYY-MM-DD in the program's zone
	Order    string `json:"order"`
	Customer string `json:"customer"` // already made private: see Private
	Kind     string `json:"kind"`
	Rule     string `json:"rule"`
	Note     string `json:"note"`
	Base     string `json:"base"`
	Amount   string `json:"amount"`
}

// Netted is an earlier credit note whose amount this payout nets.
type Netted struct {
	Number string `json:"number"`
	Amount string `json:"amount"`        // net
	VAT    string `json:"vat,omitempty"` // the VAT the credit note reversed, netted with it
}

// Carried is a balance the run carried forward for the partner, with its reason.
type Carried struct {
	Currency string `json:"currency"`
	Amount   string `json:"amount"`
	Reason   string `json:"reason"`
}

// Statement is one payout's document.
type Statement struct {
	Lang         string    `json:"lang"`
	Issuer       Party     `json:"issuer"`
	Logo         []byte    `json:"-"` // PNG or JPEG, optional
	Partner      Party     `json:"partner"`
	PartnerKey   string    `json:"partner_key"`
	Number       string    `json:"number"`
	Credit       bool      `json:"credit"`   // a credit note: the total is negative
	Corrects     []string  `json:"corrects"` // for a credit note: the invoices it corrects
	Issued       time.Time `json:"issued"`   // the run's time: also the PDF's creation date
	PeriodFrom   string    `json:"period_from"`
	PeriodTo     string    `json:"period_to"`
	Method       string    `json:"method"` // iban, paypal, other
	MethodDetail string    `json:"method_detail"`
	Currency     string    `json:"currency"`
	Lines        []Line    `json:"lines"`       // earned commissions
	Adjustments  []Line    `json:"adjustments"` // clawbacks and manual adjustments
	Netted       []Netted  `json:"netted"`
	Carried      []Carried `json:"carried"`
	// VATTreatment is the partner's treatment when the statement was issued: domestic,
	// reverse_charge, exempt or none; "" in statements issued before VAT was shown, which print
	// the reverse-charge note by the countries as they always did. VATRate (percent) and VAT
	// (on the payout's own net, decimal text) are set for domestic.
	VATTreatment string `json:"vat_treatment,omitempty"`
	VATRate      string `json:"vat_rate,omitempty"`
	VAT          string `json:"vat,omitempty"`
	// Sample marks a statement of the sample program: it says so, and that it is no invoice.
	Sample bool `json:"sample,omitempty"`
}

// Totals are the sums a statement prints: Net is the payout's own (lines and adjustments),
// Gross that with its VAT; Netted the credit notes it nets (net) and NettedVAT their VAT; Total
// what is paid (or, for a credit note, owed).
type Totals struct {
	Lines, Adjustments, Netted, Total decimal.Decimal
	Net, VAT, Gross, NettedVAT        decimal.Decimal
}

// Totals adds the statement's amounts exactly.
func (s Statement) Totals() Totals {
	var t Totals
	for _, l := range s.Lines {
		t.Lines = t.Lines.Add(dec(l.Amount))
	}
	for _, l := range s.Adjustments {
		t.Adjustments = t.Adjustments.Add(dec(l.Amount))
	}
	for _, n := range s.Netted {
		t.Netted = t.Netted.Add(dec(n.Amount))
		t.NettedVAT = t.NettedVAT.Add(dec(n.VAT))
	}
	t.Net = t.Lines.Add(t.Adjustments)
	t.VAT = dec(s.VAT)
	t.Gross = t.Net.Add(t.VAT)
	t.Total = t.Gross.Add(t.Netted).Add(t.NettedVAT)
	return t
}

// Charged says whether the statement charges VAT (a domestic partner's).
func (s Statement) Charged() bool { return s.VATTreatment == "domestic" }

func dec(s string) decimal.Decimal {
	if s == "" {
		return decimal.Zero
	}
	d, _ := decimal.NewFromString(s)
	return d
}

// eu are the member states, for the reverse-charge note (Greece writes EL in VAT ids).
var eu = map[string]bool{"AT": true, "BE": true, "BG": true, "HR": true, "CY": true, "CZ": true, "DK": true, "EE": true,
	"FI": true, "FR": true, "DE": true, "GR": true, "EL": true, "HU": true, "IE": true, "IT": true, "LV": true, "LT": true,
	"LU": true, "MT": true, "NL": true, "PL": true, "PT": true, "RO": true, "SK": true, "SI": true, "ES": true, "SE": true}

// ReverseCharge says whether the partner is a business (a VAT id) in another EU country than
// the issuer: then the recipient accounts for the VAT and the statement says so. Statements
// issued with a VAT treatment follow it.
func (s Statement) ReverseCharge() bool {
	if s.VATTreatment != "" {
		return s.VATTreatment == "reverse_charge"
	}
	ic, pc := strings.ToUpper(strings.TrimSpace(s.Issuer.Country)), strings.ToUpper(strings.TrimSpace(s.Partner.Country))
	return strings.TrimSpace(s.Partner.VATID) != "" && eu[ic] && eu[pc] && ic != pc
}

// Private shows a customer without giving them away: initials and the e-mail's domain
// ("J. D. · example.com").
func Private(name, email string) string {
	var initials []string
	for _, w := range strings.Fields(name) {
		r := []rune(w)
		initials = append(initials, strings.ToUpper(string(r[0]))+".")
	}
	local, domain, ok := strings.Cut(strings.TrimSpace(email), "@")
	if len(initials) == 0 && local != "" {
		initials = append(initials, strings.ToUpper(string([]rune(local)[0]))+".")
	}
	out := strings.Join(initials, " ")
	if ok && domain != "" {
		if out != "" {
			out += " · "
		}
		out += strings.ToLower(domain)
	}
	return out
}
