package importer

import (
	"io"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"partnerbook/backend/domain"
)

// ReadRates reads the ECB's reference rates CSV: a `Date` column, then one column per
// currency with the units of it that 1 EUR buys. Both of the ECB's files are read: the daily
// one ("21 November 2025", spaces after commas, a trailing comma) and the history (dates
// 2025-11-21, "N/A" where a currency had no rate). All or nothing: every bad cell is named.
func ReadRates(file string, r io.Reader) ([]domain.RateRow, error) {
	t, err := NewTable(file, r)
	if err != nil {
		return nil, err
	}
	if err := t.Require("Date"); err != nil {
		return nil, err
	}
	var out []domain.RateRow
	var ps []domain.Problem
	bad := func(col, msg string) {
		ps = append(ps, domain.Problem{File: file, Row: t.Row(), Column: col, Message: msg})
	}
	for {
		ok, err := t.Next()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		row := domain.RateRow{Row: t.Row(), Rates: map[string]decimal.Decimal{}}
		day := strings.TrimSpace(t.Get("Date"))
		var d time.Time
		for _, layout := range []string{"2006-01-02", "2 January 2006", "02 January 2006"} {
			if d, err = time.Parse(layout, day); err == nil {
				break
			}
		}
		if err != nil {
			bad("Date", "\""+day+"\" is not a date such as 2025-11-21")
			continue
		}
		row.Day = d.Format("2006-01-02")
		for _, col := range t.Header {
			cur, ok := domain.NormalizeCurrency(col)
			if col == "" || strings.EqualFold(col, "Date") {
				continue
			}
			v := strings.TrimSpace(t.Get(col))
			if v == "" || strings.EqualFold(v, "N/A") {
				continue
			}
			rate, err := domain.ParseAmount(v)
			if !ok || err != nil || !rate.IsPositive() {
				bad(col, "\""+v+"\" is not a rate of a currency (units per 1 EUR, such as 1.0512)")
				continue
			}
			row.Rates[cur] = rate
		}
		out = append(out, row)
	}
	if len(ps) > 0 {
		return nil, domain.Invalid(file+" was not imported: bad rates; nothing was changed", ps)
	}
	return out, nil
}
