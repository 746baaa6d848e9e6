package portal

import (
	"sync"
	"time"
)

// limiter allows max events per key within a window (a sliding window of the events' times).
// It keeps at most maxKeys keys: when full, keys whose events all left the window go first, and
// if none did the map starts over, so a flood of addresses cannot grow it without end.
type limiter struct {
	mu     sync.Mutex
	max    int
	window time.Duration
	hits   map[string][]time.Time
}

const maxKeys = 50_000

func newLimiter(max int, window time.Duration) *limiter {
	return &limiter{max: max, window: window, hits: map[string][]time.Time{}}
}

// allow records an event of key at now, if fewer than max happened in the window before it.
func (l *limiter) allow(key string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	recent := l.recent(key, now)
	if len(recent) >= l.max {
		l.hits[key] = recent
		return false
	}
	if len(l.hits) >= maxKeys {
		l.prune(now)
	}
	l.hits[key] = append(recent, now)
	return true
}

func (l *limiter) recent(key string, now time.Time) []time.Time {
	var out []time.Time
	for _, t := range l.hits[key] {
		if now.Sub(t) < l.window {
			out = append(out, t)
		}
	}
	return out
}

func (l *limiter) prune(now time.Time) {
	for k := range l.hits {
		if len(l.recent(k, now)) == 0 {
			delete(l.hits, k)
		}
	}
	if len(l.hits) >= maxKeys {
		l.hits = map[string][]time.Time{}
	}
}
