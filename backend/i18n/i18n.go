// Package i18n holds every string a partner reads (statements, e-mails) in one table per
// language, and formats amounts and dates the way that language writes them. Another language
// is one more file: a Lang value registered in langs.
package i18n

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Lang is one language: its strings and how it writes numbers and dates.
type Lang struct {
	Code      string
	Name      string
	Decimal   string // decimal separator
	Thousands string // group separator
	Date      string // Go layout of a day
	Months    [12]string
	Strings   map[string]string
}

var langs = map[string]Lang{}

func register(l Lang) { langs[l.Code] = l }

// Get is the language of code ("de", "de-AT", "DE"), English where there is none.
func Get(code string) Lang {
	code = strings.ToLower(strings.TrimSpace(code))
	if l, ok := langs[code]; ok {
		return l
	}
	if base, _, ok := strings.Cut(code, "-"); ok {
		if l, ok := langs[base]; ok {
			return l
		}
	}
	return langs["en"]
}

// Codes lists the languages there are.
func Codes() []string {
	out := make([]string, 0, len(langs))
	for c := range langs {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// T is the string of key, formatted with args; a missing key shows itself, so that a test
// finds it.
func (l Lang) T(key string, args ...any) string {
	s, ok := l.Strings[key]
	if !ok {
		s, ok = langs["en"].Strings[key]
	}
	if !ok {
		return "{" + key + "}"
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// Has says whether the language, or English, has a string for key.
func (l Lang) Has(key string) bool {
	_, ok := l.Strings[key]
	_, en := langs["en"].Strings[key]
	return ok || en
}

// Number writes a decimal text ("-1234.5") with the language's separators ("-1.234,5").
func (l Lang) Number(dec string) string {
	sign := ""
	if strings.HasPrefix(dec, "-") {
		sign, dec = "-", dec[1:]
	}
	whole, frac, hasFrac := strings.Cut(dec, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(l.Thousands)
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteString(l.Decimal)
		b.WriteString(frac)
	}
	return sign + b.String()
}

// Money is an amount (decimal text, already rounded to its currency) with its currency code.
func (l Lang) Money(dec, currency string) string { return l.Number(dec) + " " + currency }

// Day writes a day.
func (l Lang) Day(t time.Time) string { return t.Format(l.Date) }

// DayText writes a day given as YYYY-MM-DD (or an RFC 3339 time); text it cannot read is
// returned as it is.
func (l Lang) DayText(s string) string {
	if len(s) >= 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return l.Day(t)
		}
	}
	return s
}

// Month writes a month ("March 2025", "März 2025").
func (l Lang) Month(t time.Time) string { return fmt.Sprintf("%s %d", l.Months[t.Month()-1], t.Year()) }
