package domain

import (
	"fmt"
	"regexp"
	"strings"
)

// bicRe is the BIC of ISO 9362 as pain.001.001.03's schema has it (BICIdentifier): four
// letters of the bank, two of the country, two of the place (the second not the letter O, which
// marks a test BIC), and optionally three of the branch.
var bicRe = regexp.MustCompile(`^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$`)

// NormalizeBIC removes spaces and upper-cases.
func NormalizeBIC(s string) string { return strings.ToUpper(strings.Join(strings.Fields(s), "")) }

// CheckBIC checks a BIC's shape: 8 or 11 characters, as SEPA files take it.
func CheckBIC(bic string) error {
	if len(bic) != 8 && len(bic) != 11 {
		return fmt.Errorf("%q is not a BIC: it has %d characters, not 8 or 11", bic, len(bic))
	}
	if !bicRe.MatchString(bic) {
		return fmt.Errorf("%q is not a BIC: 4 letters of the bank, 2 of the country, 2 letters or digits of the place, optionally 3 of the branch", bic)
	}
	return nil
}

func bicOrEmpty(v string) string {
	if v == "" {
		return ""
	}
	if err := CheckBIC(NormalizeBIC(v)); err != nil {
		return err.Error()
	}
	return ""
}
