package report

import (
	"testing"
	"time"
)

func TestMedianToSale(t *testing.T) {
	t0 := time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)
	path := func(visitAfter, sale time.Duration) ToSale {
		return ToSale{FirstVisit: t0.Add(visitAfter), FirstSale: t0.Add(sale)}
	}
	h := time.Hour
	for _, c := range []struct {
		name  string
		paths []ToSale
		want  string // Span of the median, then how many spans; "" none
		n     int
		secs  int64
	}{
		{"none", nil, "", 0, 0},
		{"one: bought 2 h 30 m after the first visit", []ToSale{path(0, 2*h+30*time.Minute)}, "2h 30m", 1, 9000},
		// 1 h, 26 h, 75 h: the middle one is 26 h = 1 day 2 hours
		{"odd count: the middle span", []ToSale{path(0, 75*h), path(0, h), path(0, 26*h)}, "1d 2h", 3, 93600},
		// 10 m and 50 m: (600 s + 3000 s) / 2 = 1800 s
		{"even count: the mean of the two middle spans", []ToSale{path(0, 50*time.Minute), path(0, 10*time.Minute)}, "30m", 2, 1800},
		// 1 s and 2 s: 1.5 s rounded down
		{"even count rounded down to the second", []ToSale{path(0, time.Second), path(0, 2*time.Second)}, "1s", 2, 1},
		{"a sale before the first visit has no span", []ToSale{path(5*h, h), path(0, 3*24*h+4*h)}, "3d 4h", 1, 273600},
		{"only sales before visits", []ToSale{path(5*h, h)}, "", 0, 0},
		{"a sale in the same second as the visit", []ToSale{path(0, 0)}, "0s", 1, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, n, ok := MedianToSale(c.paths)
			got := ""
			if ok {
				got = Span(m)
			}
			if got != c.want || n != c.n || int64(m/time.Second) != c.secs {
				t.Errorf("median %q (%d s) over %d; want %q (%d s) over %d", got, int64(m/time.Second), n, c.want, c.secs, c.n)
			}
		})
	}
}

func TestSpan(t *testing.T) {
	for d, want := range map[time.Duration]string{
		40 * time.Second:                    "40s",
		12*time.Minute + 59*time.Second:     "12m",
		5*time.Hour + 12*time.Minute:        "5h 12m",
		24 * time.Hour:                      "1d 0h",
		(30*24 + 23) * time.Hour:            "30d 23h",
		2*time.Hour + 1500*time.Millisecond: "2h 0m",
	} {
		if got := Span(d); got != want {
			t.Errorf("Span(%v) = %q, want %q", d, got, want)
		}
	}
}
