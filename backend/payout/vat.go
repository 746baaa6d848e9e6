package payout

import (
	"strings"

	"github.com/shopspring/decimal"

	"partnerbook/backend/domain"
)

// The VAT treatments of a partner's self-billing invoices (EU VAT Directive 2006/112/EC,
// art. 196, 226 and 282-292; in Germany § 14 (2), § 13b and § 19 UStG).
const (
	Domestic      = "domestic"       // a VAT-registered business in the shop's country: VAT charged
	ReverseCharge = "reverse_charge" // a VAT-registered business in another EU country: the shop accounts for the VAT
	Exempt        = "exempt"         // a small business that charges no VAT (in Germany § 19 UStG)
	NoVAT         = "none"           // a private person, or a business outside the EU: no VAT
)

// Treatments lists the treatments in the order people choose from.
var Treatments = domain.VATTreatments

// euMembers are the member states by ISO 3166 code (Greece writes EL in VAT ids).
var euMembers = map[string]bool{"AT": true, "BE": true, "BG": true, "HR": true, "CY": true, "CZ": true, "DK": true, "EE": true,
	"FI": true, "FR": true, "DE": true, "GR": true, "EL": true, "HU": true, "IE": true, "IT": true, "LV": true, "LT": true,
	"LU": true, "MT": true, "NL": true, "PL": true, "PT": true, "RO": true, "SK": true, "SI": true, "ES": true, "SE": true}

// StandardRates are the EU member states' standard VAT rates in percent, as in force from
// 1 August 2025 (European Commission, "VAT rates applied in the Member States"; Estonia 24 %
// from 1 July 2025, Romania 21 % from 1 August 2025, Slovakia 23 % from 1 January 2025,
// Finland 25.5 % from 1 September 2024). They are offered for company.vat_rate, which a person
// can change when a rate changes.
var StandardRates = map[string]string{"AT": "20", "BE": "21", "BG": "20", "HR": "25", "CY": "19", "CZ": "21", "DK": "25",
	"EE": "24", "FI": "25.5", "FR": "20", "DE": "19", "GR": "24", "EL": "24", "HU": "27", "IE": "23", "IT": "22", "LV": "21",
	"LT": "21", "LU": "17", "MT": "18", "NL": "21", "PL": "23", "PT": "23", "RO": "21", "SK": "23", "SI": "22", "ES": "21",
	"SE": "25"}

// DeriveTreatment is the treatment a partner gets when saved, from the shop's country and the
// partner's country and VAT id; a person may change it (to exempt, which cannot be derived).
func DeriveTreatment(companyCountry, partnerCountry, partnerVATID string) string {
	cc := strings.ToUpper(strings.TrimSpace(companyCountry))
	pc := strings.ToUpper(strings.TrimSpace(partnerCountry))
	if pc == "" && len(strings.TrimSpace(partnerVATID)) >= 2 {
		pc = strings.ToUpper(strings.TrimSpace(partnerVATID)[:2]) // the id names its country
	}
	switch {
	case strings.TrimSpace(partnerVATID) == "" || !euMembers[pc] || !euMembers[cc]:
		return NoVAT
	case pc == cc || (pc == "GR" && cc == "EL") || (pc == "EL" && cc == "GR"):
		return Domestic
	default:
		return ReverseCharge
	}
}

// Amounts are a payout's net, VAT rate, VAT and gross (what is paid), in minor units.
type Amounts struct {
	Net, VAT, Gross int64
	Rate            decimal.Decimal // percent; zero where no VAT is charged
}

// VAT charges a payout's VAT: for a domestic partner the rate of the net, rounded once per
// payout to the currency's minor unit, half away from zero (a credit note's negative net gives
// a negative VAT of the same size); for every other treatment none.
func VAT(net int64, currency, treatment string, rate decimal.Decimal) Amounts {
	if treatment != Domestic || rate.IsZero() {
		return Amounts{Net: net, Gross: net}
	}
	exact := domain.FromMinor(net, currency).Mul(rate).Div(decimal.NewFromInt(100))
	places := domain.MinorUnits(currency)
	vat := exact.Abs().Round(places) // decimal rounds half away from zero
	if exact.IsNegative() {
		vat = vat.Neg()
	}
	minor, _ := domain.ToMinor(vat, currency)
	return Amounts{Net: net, VAT: minor, Gross: net + minor, Rate: rate}
}

// RunRate is the VAT rate a run charges domestic partners, in percent: the setting
// company.vat_rate where set, else the standard rate of the company's country ("" outside the
// EU). The run freezes it, so a later change of the setting changes no issued statement.
func RunRate(setting, companyCountry string) string {
	if s := strings.TrimSpace(setting); s != "" {
		return s
	}
	return StandardRates[strings.ToUpper(strings.TrimSpace(companyCountry))]
}

// Payout is the VAT of one payout: its own net (its lines and adjustments, without the credit
// notes it nets) charged by its treatment, and what it pays: the gross, less the credit notes
// it nets at their gross (their VAT was reversed on the credit notes themselves, so it is not
// reversed a second time by charging VAT on the netted amount).
type Payout struct {
	Amounts
	NettedNet, NettedVAT int64 // the credit notes it nets (negative)
}

// Paid is what the partner is paid: the gross of the payout's own commissions plus the
// netted credit notes' gross.
func (p Payout) Paid() int64 { return p.Gross + p.NettedNet + p.NettedVAT }

// Charge computes a payout's VAT from its net as the run decided it (credit notes netted
// included) and the net and VAT of the credit notes it nets.
func Charge(net, nettedNet, nettedVAT int64, currency, treatment string, rate decimal.Decimal) Payout {
	return Payout{Amounts: VAT(net-nettedNet, currency, treatment, rate), NettedNet: nettedNet, NettedVAT: nettedVAT}
}
