package importer

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"partnerbook/backend/domain"
)

// cells reads typed values out of the current record of a table, collecting a problem (with
// file, row, column and value) for every cell that does not read.
type cells struct {
	t        *Table
	problems domain.Problems
}

func (c *cells) fail(col, value, format string, a ...any) {
	c.problems = append(c.problems, domain.Problem{File: c.t.File, Row: c.t.Row(), Column: col, Value: value,
		Message: fmt.Sprintf(format, a...)})
}

var (
	plainNumber = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)
	groupedDot  = regexp.MustCompile(`^-?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$`)   // 1,250.00
	groupedComa = regexp.MustCompile(`^-?[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?$`)   // 1.250,00
	commaOnly   = regexp.MustCompile(`^-?[0-9]+,[0-9]{1,2}$`)                   // 12,50
	spaceGroups = regexp.MustCompile(`^-?[0-9]{1,3}( [0-9]{3})+([.,][0-9]+)?$`) // 1 250,00
)

// number reads a decimal written by a person's locale: a leading apostrophe (spreadsheet
// guard), thousands separators ("1,250.00", "1.250,00", "1 250,00") and a decimal comma
// ("12,50") are understood. "1,250" is a thousand two hundred and fifty.
func number(s string) (decimal.Decimal, bool) {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "'"))
	s = strings.ReplaceAll(s, "\u00a0", " ")
	switch {
	case plainNumber.MatchString(s):
	case groupedDot.MatchString(s):
		s = strings.ReplaceAll(s, ",", "")
	case groupedComa.MatchString(s):
		s = strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", ".")
	case commaOnly.MatchString(s):
		s = strings.ReplaceAll(s, ",", ".")
	case spaceGroups.MatchString(s):
		s = strings.ReplaceAll(strings.ReplaceAll(s, " ", ""), ",", ".")
	default:
		return decimal.Zero, false
	}
	d, err := decimal.NewFromString(s)
	return d, err == nil
}

// plainDigits splits a plain number (digits, a point and digits, at most 15 digits in all, as
// exports write amounts) into its digits without the point (with its minus sign) and how many
// follow the point; false for any other writing, which number reads.
func plainDigits(s string) (digits string, frac int, ok bool) {
	body := strings.TrimPrefix(s, "-")
	whole, fraction, dot := strings.Cut(body, ".")
	if whole == "" || (dot && fraction == "") || len(whole)+len(fraction) > 15 {
		return "", 0, false
	}
	for _, part := range []string{whole, fraction} {
		for i := 0; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				return "", 0, false
			}
		}
	}
	return s[:len(s)-len(body)] + whole + fraction, len(fraction), true
}

// digitsValue is the value of plainDigits' digits (at most 15, so no overflow).
func digitsValue(digits string) int64 {
	neg := digits[0] == '-'
	if neg {
		digits = digits[1:]
	}
	var n int64
	for i := 0; i < len(digits); i++ {
		n = n*10 + int64(digits[i]-'0')
	}
	if neg {
		return -n
	}
	return n
}

// plainMinor reads a plain amount with no more decimals than the currency has straight into
// minor units, as money would through number and domain.ToMinor, without a decimal; false
// for anything else (and for an unknown currency), which money reads the long way.
func plainMinor(s, currency string) (int64, bool) {
	digits, frac, ok := plainDigits(s)
	if !ok {
		return 0, false
	}
	if _, known := domain.NormalizeCurrency(currency); !known {
		return 0, false
	}
	places := int(domain.MinorUnits(currency))
	if frac > places || len(strings.TrimPrefix(digits, "-"))+places-frac > 17 { // ToMinor's range: below 10^17
		return 0, false
	}
	m := digitsValue(digits)
	for ; frac < places; frac++ {
		m *= 10
	}
	return m, true
}

// money reads an amount of currency into minor units; empty reads as zero.
func (c *cells) money(col, currency string) int64 {
	v := c.t.Get(col)
	if v == "" {
		return 0
	}
	if m, ok := plainMinor(v, currency); ok {
		return m
	}
	d, ok := number(v)
	if !ok {
		c.fail(col, v, "%q is not an amount", v)
		return 0
	}
	if _, known := domain.NormalizeCurrency(currency); !known {
		return 0 // the currency cell is refused already; its decimals say nothing
	}
	m, err := domain.ToMinor(d, currency)
	switch {
	case err == nil:
		return m
	case -d.Exponent() > domain.MinorUnits(currency) && !d.Equal(d.Truncate(domain.MinorUnits(currency))):
		c.fail(col, v, "%q has more decimals than %s has (%d)", v, currency, domain.MinorUnits(currency))
	default:
		c.fail(col, v, "%q is too large an amount", v)
	}
	return 0
}

// notNegative refuses a negative amount in a column of a format that writes refunds in other
// columns or rows, never as a negative sale.
func (c *cells) notNegative(col string, m int64) int64 {
	if m < 0 {
		c.fail(col, c.t.Get(col), "a negative amount: this export writes refunds apart, not as a negative %s", col)
		return 0
	}
	return m
}

// quantity reads a whole number of items; empty reads as one.
func (c *cells) quantity(col string) int64 {
	v := c.t.Get(col)
	if v == "" {
		return 1
	}
	if n, frac, ok := plainDigits(v); ok && frac == 0 && n[0] != '-' {
		return digitsValue(n)
	}
	d, ok := number(v)
	if !ok || !d.IsInteger() || d.IsNegative() {
		c.fail(col, v, "%q is not a number of items", v)
		return 0
	}
	return d.IntPart()
}

// currency reads a currency code, upper-cased.
func (c *cells) currency(col string) string {
	v := c.t.Get(col)
	cur, ok := domain.NormalizeCurrency(v)
	if !ok {
		c.fail(col, v, "%q is not an ISO 4217 currency code such as EUR", v)
		return "EUR"
	}
	return cur
}

// when reads a time in one of layouts; a layout without a zone is read in loc.
func (c *cells) when(col string, loc *time.Location, layouts ...string) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	v := c.t.Get(col)
	for _, l := range layouts {
		if t, err := time.ParseInLocation(l, v, loc); err == nil {
			return c.plausible(col, v, t)
		}
	}
	if v == "" {
		c.fail(col, v, "the time is missing")
	} else {
		c.fail(col, v, "%q is not a time like %s", v, layouts[0])
	}
	return time.Time{}
}

// flag reads 1/0, true/false, yes/no.
func flag(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "true", "yes", "y":
		return true
	}
	return false
}

// splitCodes splits discount codes joined by commas (and spaces).
func splitCodes(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

func parseUTC(layout, value string) (time.Time, error) {
	return time.ParseInLocation(layout, value, time.UTC)
}

// plausible refuses times no shop's order has (a year before 1990 or after 2200), which
// come from damaged cells rather than from sales.
func (c *cells) plausible(col, v string, t time.Time) time.Time {
	if y := t.Year(); y < 1990 || y > 2200 {
		c.fail(col, v, "%q is not a plausible order time", v)
		return time.Time{}
	}
	return t.UTC()
}
