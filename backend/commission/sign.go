package commission

import (
	"math"
	"time"

	"github.com/shopspring/decimal"
)

// Signer fingerprints what Plan is given for each order: the lines computed for it, the
// sales that keep their stored lines while they wait for their tier (see Waiting), and the
// planner's own settings (hold days, zone). The store keeps an order's fingerprint beside it
// when it has planned the order's lines; when the next recompute computes the same
// fingerprint, and nobody touched the order's lines since (the store clears the fingerprint
// then), planning them again would write nothing, so their stored lines need not be read.
//
// Equal inputs give equal fingerprints; unequal ones differ but for a 64-bit hash's chance
// (one in 2^64 an order). A value with another representation (1.5 and 1.50) may differ,
// which only costs a read.
//
// What the planner makes of equal inputs can change too: a release that plans otherwise
// raises planVersion, and the zone is signed by its offsets and the instants they change, not
// its name, so that new time zone data plans the due days again. (The instants are those the
// time package gives, which also mark some ends of years, depending on how the zone's file is
// built and on Go's version: a new build of the same rules costs one read of every line.)
type Signer struct{ seed uint64 }

// planVersion is raised by a change of what Plan writes for the same lines and stored rows:
// every order's fingerprint then differs, and the next recompute plans every line again.
const planVersion = 1

// NewSigner signs for a program's hold days and zone.
func NewSigner(holdDays int, loc *time.Location) Signer {
	h := newHash().int(planVersion).int(int64(holdDays)).str(loc.String())
	return Signer{seed: zoneRules(h, loc).sum()}
}

// zoneRules adds the zone's offsets and the instants they change at, from 1970 to 2100 (about
// 300 to 380 steps where clocks move twice a year; under a millisecond).
func zoneRules(h hash, loc *time.Location) hash {
	end := time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
	for t := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC); t.Before(end); {
		_, offset := t.In(loc).Zone()
		h = h.int(t.Unix()).int(int64(offset))
		_, next := t.In(loc).ZoneBounds()
		switch {
		case next.IsZero(): // no change after t
			return h
		case !next.After(t): // the time package says so at the end of a year its rules compute
			next = t.Add(24 * time.Hour)
		}
		t = next
	}
	return h
}

// Orders gives each of the orders its fingerprint (never 0, which the store keeps for "none
// yet") from the lines and sales of results. Lines of no order (a lead's bounty of no order)
// and of orders not named are left out.
func (s Signer) Orders(orders []int64, results []Result) map[int64]int64 {
	// Sums of hashes, kept as the int64 the store keeps: the same bits as unsigned sums, since
	// Go's signed addition wraps.
	sums := make(map[int64]int64, len(orders))
	for _, id := range orders {
		sums[id] = int64(s.seed)
	}
	for i := range results {
		r := &results[i]
		for j := range r.Lines {
			l := &r.Lines[j]
			if v, ok := sums[l.Order]; ok {
				sums[l.Order] = v + int64(lineHash(l))
			}
		}
		for j := range r.Sales {
			sale := &r.Sales[j]
			if v, ok := sums[sale.Order.ID]; ok {
				sums[sale.Order.ID] = v + int64(newHash().str("waits").int(sale.Order.ID).int(sale.Partner).sum())
			}
		}
	}
	for id, v := range sums {
		if v == 0 {
			sums[id] = 1
		}
	}
	return sums
}

// lineHash is every field of a line the planner reads.
func lineHash(l *Line) uint64 {
	h := newHash().str(l.Key).str(l.ParentKey).int(l.Partner).int(l.Order).int(l.Lead).str(l.Kind).str(l.Reason).
		str(l.Rule).str(l.SKU).dec(l.Base).dec(l.Amount).str(l.Currency).int(l.Time.Unix()).int(int64(l.Time.Nanosecond())).
		str(l.Note)
	if l.Rejected {
		h = h.int(1)
	}
	return h.sum()
}

// hash is 64-bit FNV-1a, with each field's length or kind mixed in so that fields cannot run
// into each other; sum mixes the result once more (so that sums of hashes stay spread).
type hash uint64

func newHash() hash { return 14695981039346656037 }

func (h hash) byte(b byte) hash { return (h ^ hash(b)) * 1099511628211 }

func (h hash) int(v int64) hash {
	for i := 0; i < 64; i += 8 {
		h = h.byte(byte(v >> i))
	}
	return h
}

func (h hash) str(s string) hash {
	h = h.int(int64(len(s)))
	for i := 0; i < len(s); i++ {
		h = h.byte(s[i])
	}
	return h
}

// dec is an amount by its coefficient and exponent, or its text when the coefficient is large.
func (h hash) dec(d decimal.Decimal) hash {
	if d.NumDigits() <= 18 {
		return h.int(d.CoefficientInt64()).int(int64(d.Exponent()))
	}
	return h.int(math.MinInt64).str(d.String())
}

// sum is the hash, through the finaliser of splitmix64.
func (h hash) sum() uint64 {
	z := uint64(h)
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}
