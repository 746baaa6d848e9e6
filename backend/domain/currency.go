package domain

import (
	"strings"

	"golang.org/x/text/currency"
)

// currencies maps every ISO 4217 code that is or was the money of a country (CLDR's data, as
// golang.org/x/text keeps it up to date) to the decimals of its minor unit. Codes that are
// not money a shop is paid in (XXX "no currency", XTS "testing", gold, funds) are not in it.
var currencies = func() map[string]int32 {
	out := map[string]int32{}
	for it := currency.Query(currency.Historical); it.Next(); {
		u := it.Unit()
		scale, _ := currency.Standard.Rounding(u)
		out[u.String()] = int32(scale)
	}
	delete(out, "XXX")
	return out
}()

// MinorUnits is the number of decimals of a currency's minor unit: 2 for EUR, 0 for JPY, 3
// for KWD. An unknown code has 2.
func MinorUnits(code string) int32 {
	if n, ok := currencies[code]; ok {
		return n
	}
	return 2
}

// NormalizeCurrency trims and upper-cases a currency code and says whether it is an ISO 4217
// currency (XXX, XTS and made-up codes such as QQQ are not).
func NormalizeCurrency(s string) (string, bool) {
	c := strings.ToUpper(strings.TrimSpace(s))
	_, ok := currencies[c]
	return c, ok
}
