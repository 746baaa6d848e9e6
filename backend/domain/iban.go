package domain

import (
	"fmt"
	"math/big"
	"strings"
)

// ibanLengths are the IBAN lengths of the SEPA countries and a few more shops meet.
var ibanLengths = map[string]int{
	"AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18,
	"EE": 20, "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GI": 23, "GR": 27, "HR": 21, "HU": 28,
	"IE": 22, "IS": 26, "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31,
	"NL": 18, "NO": 15, "PL": 28, "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27,
	"VA": 22,
}

// NormalizeIBAN removes spaces and upper-cases.
func NormalizeIBAN(s string) string { return strings.ToUpper(strings.Join(strings.Fields(s), "")) }

// CheckIBAN checks an IBAN's shape, its country's length and its mod-97 check digits.
func CheckIBAN(iban string) error {
	if len(iban) < 15 || len(iban) > 34 {
		return fmt.Errorf("%q is not an IBAN: it has %d characters", iban, len(iban))
	}
	for i, r := range iban {
		isLetter, isDigit := r >= 'A' && r <= 'Z', r >= '0' && r <= '9'
		if (i < 2 && !isLetter) || (i >= 2 && i < 4 && !isDigit) || (!isLetter && !isDigit) {
			return fmt.Errorf("%q is not an IBAN: it starts with a country code and two check digits", iban)
		}
	}
	if n, ok := ibanLengths[iban[:2]]; ok && n != len(iban) {
		return fmt.Errorf("%q is not an IBAN: one from %s has %d characters, not %d", iban, iban[:2], n, len(iban))
	}
	var digits strings.Builder
	for _, r := range iban[4:] + iban[:4] {
		if r >= 'A' && r <= 'Z' {
			fmt.Fprintf(&digits, "%d", r-'A'+10)
		} else {
			digits.WriteRune(r)
		}
	}
	n, _ := new(big.Int).SetString(digits.String(), 10)
	if new(big.Int).Mod(n, big.NewInt(97)).Int64() != 1 {
		return fmt.Errorf("%q is not a valid IBAN: its check digits do not match (mistyped?)", iban)
	}
	return nil
}
