package i18n

import (
	"testing"
	"time"
)

func TestEveryLanguageHasEveryKey(t *testing.T) {
	en := Get("en")
	for _, code := range Codes() {
		l := Get(code)
		for k := range en.Strings {
			if _, ok := l.Strings[k]; !ok {
				t.Errorf("%s lacks %q", code, k)
			}
		}
		for k := range l.Strings {
			if _, ok := en.Strings[k]; !ok {
				t.Errorf("%s has %q, which English lacks", code, k)
			}
		}
	}
}

func TestFormats(t *testing.T) {
	day := time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ lang, dec, money, day, month string }{
		{"en", "-1234567.50", "-1,234,567.50 EUR", "4 Mar 2025", "March 2025"},
		{"de", "-1234567.50", "-1.234.567,50 EUR", "04.03.2025", "März 2025"},
		{"DE-at", "999.00", "999,00 EUR", "04.03.2025", "März 2025"},
		{"fr", "1000", "1,000 EUR", "4 Mar 2025", "March 2025"},
	} {
		l := Get(c.lang)
		if got := l.Money(c.dec, "EUR"); got != c.money {
			t.Errorf("%s money %s = %q, want %q", c.lang, c.dec, got, c.money)
		}
		if got := l.Day(day); got != c.day {
			t.Errorf("%s day = %q, want %q", c.lang, got, c.day)
		}
		if got := l.Month(day); got != c.month {
			t.Errorf("%s month = %q, want %q", c.lang, got, c.month)
		}
	}
	if got := Get("de").T("statement.page", 2, "3"); got != "Seite 2 von 3" {
		t.Errorf("page = %q", got)
	}
	if got := Get("de").T("no.such.key"); got != "{no.such.key}" {
		t.Errorf("missing key = %q", got)
	}
}
