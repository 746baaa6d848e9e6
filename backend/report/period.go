// Package report holds the rules of the dashboard and `partnerbook report` (docs/reports.md):
// which days a period covers in the program's zone, the period before it, the buckets of a
// chart, and how figures are derived from sums (refund rate, revenue, what is due at the next
// run). It is pure: no clock, no database; the store reads the sums.
package report

import (
	"fmt"
	"time"

	"partnerbook/backend/domain"
)

// Layouts of days and stored times.
const (
	DayLayout  = "2006-01-02"
	TimeLayout = "2006-01-02T15:04:05Z"
)

// Presets the dashboard offers; "" and "custom" take From and To as given.
var Presets = []string{"last_30_days", "this_month", "last_month", "this_year", "custom"}

// Bys are the sizes of a chart's buckets.
var Bys = []string{"day", "week", "month"}

// Period is a run of whole days in the program's zone, both ends included.
type Period struct {
	From, To string // YYYY-MM-DD
	Loc      *time.Location
}

// Resolve turns a preset or From and To into a period; today is the day in the program's zone.
// With neither, it is the last 30 days up to today.
func Resolve(loc *time.Location, preset, from, to, today string) (Period, error) {
	var ps domain.Problems
	t, err := time.ParseInLocation(DayLayout, today, loc)
	if err != nil {
		return Period{}, fmt.Errorf("report: today %q: %w", today, err)
	}
	switch preset {
	case "", "custom":
	case "last_30_days":
		from, to = t.AddDate(0, 0, -29).Format(DayLayout), today
	case "this_month":
		from, to = firstOfMonth(t).Format(DayLayout), today
	case "last_month":
		first := firstOfMonth(t)
		from, to = first.AddDate(0, -1, 0).Format(DayLayout), first.AddDate(0, 0, -1).Format(DayLayout)
	case "this_year":
		from, to = time.Date(t.Year(), 1, 1, 0, 0, 0, 0, loc).Format(DayLayout), today
	default:
		domain.OneOf(&ps, "preset", preset, Presets)
	}
	if from == "" && to == "" {
		from, to = t.AddDate(0, 0, -29).Format(DayLayout), today
	}
	if to == "" {
		to = today
	}
	f, ferr := time.ParseInLocation(DayLayout, from, loc)
	e, terr := time.ParseInLocation(DayLayout, to, loc)
	if from == "" {
		f, ferr = e.AddDate(0, 0, -29), nil
		from = f.Format(DayLayout)
	}
	if ferr != nil {
		ps.Add("from", "%q is not a date YYYY-MM-DD", from)
	}
	if terr != nil {
		ps.Add("to", "%q is not a date YYYY-MM-DD", to)
	}
	if ferr == nil && terr == nil && e.Before(f) {
		ps.Add("to", "%s is before %s", to, from)
	}
	if ferr == nil && terr == nil && e.Sub(f) > 20*366*24*time.Hour {
		ps.Add("from", "a report covers at most 20 years")
	}
	if err := ps.Err("the period is not valid"); err != nil {
		return Period{}, err
	}
	return Period{From: from, To: to, Loc: loc}, nil
}

func firstOfMonth(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, t.Location())
}

func (p Period) day(s string) time.Time {
	t, _ := time.ParseInLocation(DayLayout, s, p.Loc)
	return t
}

// Days is how many days the period covers.
func (p Period) Days() int {
	n := 0
	for d := p.day(p.From); !d.After(p.day(p.To)); d = d.AddDate(0, 0, 1) {
		n++
	}
	return n
}

// Start is the instant the period begins, as a stored UTC time.
func (p Period) Start() string { return utc(p.day(p.From)) }

// End is the instant after the period (midnight after its last day), as a stored UTC time.
func (p Period) End() string { return utc(p.day(p.To).AddDate(0, 0, 1)) }

// Previous is the period of as many days that ends the day before this one begins.
func (p Period) Previous() Period {
	n := p.Days()
	first := p.day(p.From)
	return Period{From: first.AddDate(0, 0, -n).Format(DayLayout), To: first.AddDate(0, 0, -1).Format(DayLayout), Loc: p.Loc}
}

func utc(t time.Time) string { return t.UTC().Format(TimeLayout) }

// Bucket is one point of a chart: its label and the instant it begins (stored UTC time).
type Bucket struct {
	Label string
	Start string
}

// Buckets cuts the period into days, ISO weeks or calendar months in the program's zone; the
// first and last bucket are cut at the period's ends. Labels: 2025-03-14, 2025-W11, 2025-03.
func (p Period) Buckets(by string) ([]Bucket, error) {
	var out []Bucket
	end := p.day(p.To).AddDate(0, 0, 1)
	for d := p.day(p.From); d.Before(end); {
		var label string
		var next time.Time
		switch by {
		case "day", "":
			label, next = d.Format(DayLayout), d.AddDate(0, 0, 1)
		case "week":
			y, w := d.ISOWeek()
			label = fmt.Sprintf("%d-W%02d", y, w)
			next = d.AddDate(0, 0, (8-int(d.Weekday()))%7)
			if next.Equal(d) {
				next = d.AddDate(0, 0, 7)
			}
		case "month":
			label, next = d.Format("2006-01"), firstOfMonth(d).AddDate(0, 1, 0)
		default:
			var ps domain.Problems
			domain.OneOf(&ps, "by", by, Bys)
			return nil, ps.Err("the report is not valid")
		}
		out = append(out, Bucket{Label: label, Start: utc(d)})
		d = next
	}
	return out, nil
}

// DefaultBy is the bucket size that keeps a chart readable: days up to two months, weeks up to
// half a year, months beyond.
func (p Period) DefaultBy() string {
	switch n := p.Days(); {
	case n <= 62:
		return "day"
	case n <= 190:
		return "week"
	default:
		return "month"
	}
}
