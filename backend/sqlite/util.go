package sqlite

import (
	"strings"
	"time"
)

func lower(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// dayRange turns days in loc into conditions on a UTC time column: from the start of `from`,
// before the end of `to` (either may be ""). bad names "from" or "to" where the day is not
// YYYY-MM-DD.
func dayRange(loc *time.Location, column, from, to string) (conds []string, args []any, bad []string) {
	for _, d := range []struct {
		name, value, op string
		days            int
	}{{"from", from, ">=", 0}, {"to", to, "<", 1}} {
		if d.value == "" {
			continue
		}
		day, err := time.ParseInLocation("2006-01-02", d.value, loc)
		if err != nil {
			bad = append(bad, d.name)
			continue
		}
		conds, args = append(conds, column+" "+d.op+" ?"), append(args, day.AddDate(0, 0, d.days).UTC().Format(TimeLayout))
	}
	return conds, args, bad
}
