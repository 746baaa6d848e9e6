package payout

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"partnerbook/backend/domain"
)

// CheckDay refuses a real run as of a day after today (both YYYY-MM-DD in the program's
// zone): lines are approved as of the run's day, so a run into the future would pay lines
// still in their hold. A dry run may look ahead.
func CheckDay(asOf, today string, dryRun bool) error {
	if dryRun || asOf <= today {
		return nil
	}
	return domain.Errorf(domain.EInvalid, "as of %s is after today (%s): a payout run cannot be made for a day to come; preview it with --dry-run", asOf, today)
}

// Issuer is the company of the settings, as a run's invoices print it.
type Issuer struct {
	Name, Address, Country, VATID string
	VATRate                       string // the rate the run charges domestic partners (RunRate)
}

// Missing names the settings an issuer lacks before a real run may issue invoices: the name and
// the address always, the VAT id where the invoices need it (needVATID: a partner with a VAT
// id, whose reverse-charge or VAT invoice must show both parties' ids), and the VAT rate where
// a domestic partner is paid (needRate).
func (i Issuer) Missing(needVATID, needRate bool) []string {
	var out []string
	if strings.TrimSpace(i.Name) == "" {
		out = append(out, "company.name")
	}
	if strings.TrimSpace(i.Address) == "" {
		out = append(out, "company.address")
	}
	if needVATID && strings.TrimSpace(i.VATID) == "" {
		out = append(out, "company.vat_id")
	}
	if r, err := decimal.NewFromString(i.VATRate); needRate && (err != nil || !r.IsPositive()) {
		out = append(out, "company.vat_rate")
	}
	return out
}

// CheckIssuer refuses a real run whose issuer lacks a setting its invoices print.
func CheckIssuer(i Issuer, needVATID, needRate, dryRun bool) error {
	missing := i.Missing(needVATID, needRate)
	if dryRun || len(missing) == 0 {
		return nil
	}
	return domain.Errorf(domain.EInvalid, "no invoice without an issuer: set %s first (partnerbook settings set KEY VALUE, or Settings in the window)",
		strings.Join(missing, ", "))
}

// Fingerprint identifies a run: its head (the day, and what the run prints of the issuer), each
// decision with its number ("" when carried) and each balance's digest (the store's: which
// lines, their amounts, what the statement prints of the partner).
// A preview and the run confirmed after it have the same fingerprint only when the run would
// pay, carry and number exactly the same.
func Fingerprint(head string, ds []Decision, numbers []string, digests []string) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n", head)
	for i, d := range ds {
		fmt.Fprintf(h, "%d|%s|%s|%d|%d|%d|%s|%t|%s|%s\n", d.Partner, d.Currency, d.Kind, d.Amount, d.Lines, d.Credit, d.Reason, d.Nets,
			at(numbers, i), at(digests, i))
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}

// ErrChanged is the answer when a confirmed run is not the one previewed.
func ErrChanged() error {
	return domain.Errorf(domain.EConflict, "the run changed since the preview: preview again")
}
