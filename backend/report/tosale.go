package report

import (
	"fmt"
	"slices"
	"time"
)

// ToSale is one customer's path: their first tracked visit and their first purchase.
type ToSale struct {
	FirstVisit, FirstSale time.Time
}

// MedianToSale is the median time from first visit to first sale over the customers given,
// whole seconds (the mean of the two middle spans, rounded down, for an even count), and how
// many spans it is taken over. A customer whose first sale came before their first visit (a
// visit after buying) has no span and is left out; ok is false when none is left.
func MedianToSale(paths []ToSale) (median time.Duration, n int, ok bool) {
	spans := make([]time.Duration, 0, len(paths))
	for _, p := range paths {
		if d := p.FirstSale.Sub(p.FirstVisit); d >= 0 {
			spans = append(spans, d.Truncate(time.Second))
		}
	}
	if len(spans) == 0 {
		return 0, 0, false
	}
	slices.Sort(spans)
	mid := len(spans) / 2
	if len(spans)%2 == 1 {
		return spans[mid], len(spans), true
	}
	return ((spans[mid-1] + spans[mid]) / 2).Truncate(time.Second), len(spans), true
}

// Span says a duration as a person reads it, to the two largest units: "3d 4h", "5h 12m",
// "12m", "40s".
func Span(d time.Duration) string {
	s := int64(d / time.Second)
	days, hours, mins := s/86400, s%86400/3600, s%3600/60
	switch {
	case days > 0:
		return fmt.Sprintf("%dd %dh", days, hours)
	case hours > 0:
		return fmt.Sprintf("%dh %dm", hours, mins)
	case mins > 0:
		return fmt.Sprintf("%dm", mins)
	}
	return fmt.Sprintf("%ds", s)
}
