package report

import (
	"sort"

	"github.com/shopspring/decimal"

	"partnerbook/backend/domain"
)

// Sums are what the store adds up for a period in one currency, in minor units: credited
// orders (a partner, not cancelled), their first purchases, refunds and commissions earned.
type Sums struct {
	Orders, NewCustomers, RefundedOrders int64
	Net, Total, Refunded, Commissions    int64
}

// Add adds b to s.
func (s *Sums) Add(b Sums) {
	s.Orders += b.Orders
	s.NewCustomers += b.NewCustomers
	s.RefundedOrders += b.RefundedOrders
	s.Net += b.Net
	s.Total += b.Total
	s.Refunded += b.Refunded
	s.Commissions += b.Commissions
}

// Money is sums by currency.
type Money map[string]*Sums

// Add adds b in currency cur.
func (m Money) Add(cur string, b Sums) {
	s := m[cur]
	if s == nil {
		s = &Sums{}
		m[cur] = s
	}
	s.Add(b)
}

// Of is the sums in one currency (zero when there are none).
func (m Money) Of(cur string) Sums {
	if s := m[cur]; s != nil {
		return *s
	}
	return Sums{}
}

// Revenue is the sum of bases: net or total of the credited orders, as the program's base says.
func Revenue(s Sums, base string) int64 {
	if base == "total" {
		return s.Total
	}
	return s.Net
}

// Rate is part of whole as a decimal fraction with four places ("0.0417"); "0.0000" of nothing.
func Rate(part, whole int64) string {
	if whole == 0 {
		return "0.0000"
	}
	return decimal.NewFromInt(part).DivRound(decimal.NewFromInt(whole), 4).StringFixed(4)
}

// RefundRate is the share of credited orders that were refunded, wholly or in part.
func RefundRate(s Sums) string { return Rate(s.RefundedOrders, s.Orders) }

// Balance is one partner's lines in one currency as of a day, in minor units.
type Balance struct {
	PartnerID    int64
	Currency     string
	Pending      int64 // still in their hold
	Owed         int64 // approved and not paid
	PendingLines int64
}

// Due is what the next payout run pays: each partner's owed balance that is positive and at
// or over the threshold (minor units), in the given currency.
func Due(bs []Balance, currency string, threshold int64) int64 {
	var due int64
	for _, b := range bs {
		if b.Currency == currency && b.Owed > 0 && b.Owed >= threshold {
			due += b.Owed
		}
	}
	return due
}

// PerVisit is an amount per visit, rounded to the currency; "" when there were no visits.
func PerVisit(minor, visits int64, currency string) string {
	if visits == 0 {
		return ""
	}
	d := domain.FromMinor(minor, currency).DivRound(decimal.NewFromInt(visits), domain.MinorUnits(currency))
	return d.StringFixed(domain.MinorUnits(currency))
}

// Partner is one partner's sums of the period.
type Partner struct {
	ID        int64
	Key, Name string
	Money     Money
	Visits    int64
	Signups   int64
}

// Rank orders partners by revenue in the currency, then commissions, then key; partners with
// nothing in the period are left out.
func Rank(ps []Partner, currency, base string) []Partner {
	out := make([]Partner, 0, len(ps))
	for _, p := range ps {
		s := p.Money.Of(currency)
		if s.Orders != 0 || s.Commissions != 0 || s.Refunded != 0 || p.Visits != 0 || p.Signups != 0 || len(p.Money) > 0 {
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Money.Of(currency), out[j].Money.Of(currency)
		if ra, rb := Revenue(a, base), Revenue(b, base); ra != rb {
			return ra > rb
		}
		if a.Commissions != b.Commissions {
			return a.Commissions > b.Commissions
		}
		return out[i].Key < out[j].Key
	})
	return out
}
