package report

import (
	"sort"
	"time"

	"partnerbook/backend/domain"
)

// Data is what the store read for a report: sums of the period, of the period before, of each
// bucket and of each partner, the balances as of the day asked, payouts of the period and the
// tracked funnel.
type Data struct {
	Totals, Previous Money
	Series           []Money // one per bucket
	Partners         []Partner
	Balances         []Balance
	Paid             map[string]int64 // payouts made in the period, by currency
	Tracked          bool             // the program receives visits or signups
	Visits, Signups  int64
	ToSale           []ToSale // the period's new customers whose first visit is known
}

// Assemble turns the sums into the report of reports.md; amounts in the program's currency,
// other currencies listed apart. threshold is the payout threshold in minor units.
func Assemble(prog domain.Program, p Period, by, asOf string, buckets []Bucket, d Data, threshold int64) domain.Report {
	cur := prog.Currency
	money := func(m int64) string { return domain.FormatMinor(m, cur) }
	t := d.Totals.Of(cur)
	r := domain.Report{Program: prog.Name, Currency: cur, From: p.From, To: p.To, By: by, AsOf: asOf,
		Partners: []domain.PartnerFigures{}, Series: []domain.SeriesPoint{}, Other: []domain.CurrencyFigures{}}
	var pending, owed, lines int64
	for _, b := range d.Balances {
		if b.Currency == cur {
			pending, owed, lines = pending+b.Pending, owed+b.Owed, lines+b.PendingLines
		}
	}
	r.Totals = domain.Figures{Orders: t.Orders, Revenue: money(Revenue(t, prog.Base)), NewCustomers: t.NewCustomers,
		RepeatOrders: t.Orders - t.NewCustomers, Commissions: money(t.Commissions), Pending: money(pending), Owed: money(owed),
		Due: money(Due(d.Balances, cur, threshold)), Paid: money(d.Paid[cur]), Refunded: money(t.Refunded),
		RefundRate: RefundRate(t), Visits: d.Visits, Signups: d.Signups, PendingLines: lines}
	prev, pp := d.Previous.Of(cur), p.Previous()
	r.Previous = domain.PreviousFigures{From: pp.From, To: pp.To, Orders: prev.Orders, Revenue: money(Revenue(prev, prog.Base)),
		NewCustomers: prev.NewCustomers, Commissions: money(prev.Commissions), Refunded: money(prev.Refunded), RefundRate: RefundRate(prev)}
	for i, b := range buckets {
		var s Sums
		if i < len(d.Series) {
			s = d.Series[i].Of(cur)
		}
		r.Series = append(r.Series, domain.SeriesPoint{Period: b.Label, Orders: s.Orders, Revenue: money(Revenue(s, prog.Base)),
			Commissions: money(s.Commissions), NewCustomers: s.NewCustomers})
	}
	owedBy := map[int64]int64{}
	for _, b := range d.Balances {
		if b.Currency == cur {
			owedBy[b.PartnerID] += b.Owed
		}
	}
	for _, pt := range Rank(d.Partners, cur, prog.Base) {
		s := pt.Money.Of(cur)
		r.Partners = append(r.Partners, domain.PartnerFigures{Partner: pt.Key, Name: pt.Name, Orders: s.Orders,
			Revenue: money(Revenue(s, prog.Base)), NewCustomers: s.NewCustomers, Commissions: money(s.Commissions),
			Owed: money(owedBy[pt.ID]), Refunded: money(s.Refunded), RefundRate: RefundRate(s), Visits: pt.Visits,
			Signups: pt.Signups, EarningsPerVisit: PerVisit(s.Commissions, pt.Visits, cur)})
	}
	for c, s := range d.Totals {
		if c != cur && (s.Orders != 0 || s.Commissions != 0 || s.Refunded != 0) {
			r.Other = append(r.Other, domain.CurrencyFigures{Currency: c, Orders: s.Orders,
				Revenue: domain.FormatMinor(Revenue(*s, prog.Base), c), Commissions: domain.FormatMinor(s.Commissions, c),
				Refunded: domain.FormatMinor(s.Refunded, c)})
		}
	}
	sort.Slice(r.Other, func(i, j int) bool { return r.Other[i].Currency < r.Other[j].Currency })
	r.Funnel = Funnel(d.Tracked, d.Visits, d.Signups, t.NewCustomers, t.Orders)
	if m, n, ok := MedianToSale(d.ToSale); ok {
		r.Funnel.MedianToSale, r.Funnel.MedianToSaleSeconds, r.Funnel.TimedSales = Span(m), int64(m/time.Second), int64(n)
	}
	return r
}

// Funnel is the tracked path with its conversion rates.
func Funnel(tracked bool, visits, signups, customers, sales int64) domain.Funnel {
	return domain.Funnel{Tracked: tracked, Visits: visits, Signups: signups, Customers: customers, Sales: sales,
		SignupRate: Rate(signups, visits), CustomerRate: Rate(customers, signups), VisitToSale: Rate(sales, visits)}
}
