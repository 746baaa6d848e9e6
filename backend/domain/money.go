package domain

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/shopspring/decimal"
)

var amountRe = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// ParseAmount reads a plain decimal amount with a dot ("12.50", "-3.1", "7").
func ParseAmount(s string) (decimal.Decimal, error) {
	s = strings.TrimSpace(s)
	if !amountRe.MatchString(s) {
		return decimal.Zero, fmt.Errorf("%q is not an amount", s)
	}
	return decimal.NewFromString(s)
}

// Round rounds once, half away from zero, to the minor units of currency.
func Round(d decimal.Decimal, currency string) decimal.Decimal {
	places := MinorUnits(currency)
	// decimal.Round rounds half away from zero, which is what commissions.md asks for.
	return d.Round(places)
}

// ToMinor converts an amount to integer minor units. It refuses amounts with more decimals
// than the currency has, so that storing never rounds silently.
func ToMinor(d decimal.Decimal, currency string) (int64, error) {
	places := MinorUnits(currency)
	m := d.Shift(places)
	if !m.Equal(m.Truncate(0)) {
		return 0, fmt.Errorf("%s has more than %d decimals for %s", d.String(), places, currency)
	}
	if !m.IsInteger() || m.Abs().GreaterThan(decimal.New(1, 17)) {
		return 0, fmt.Errorf("%s is out of range", d.String())
	}
	return m.IntPart(), nil
}

// FromMinor turns integer minor units back into an exact amount.
func FromMinor(minor int64, currency string) decimal.Decimal {
	return decimal.New(minor, -MinorUnits(currency))
}

// FormatMinor renders minor units as the amount string of cli.md: "12.50", "-3.10", "1200".
func FormatMinor(minor int64, currency string) string {
	return FromMinor(minor, currency).StringFixed(MinorUnits(currency))
}
