package commission

import (
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"partnerbook/backend/domain"
)

// orderBase is the order's base before refunds, in exact units of its currency.
func (e *Engine) orderBase(o Order) decimal.Decimal {
	m := o.Net
	if e.s.Base == "total" {
		m = o.Total
	}
	return domain.FromMinor(m, o.Currency)
}

// kept is the share of an order that refunds left: 1 − refunded / total; 0 when the order was
// cancelled or refunded in full.
func kept(o Order) decimal.Decimal {
	if o.Cancelled || o.Total <= 0 || o.Refunded >= o.Total {
		return decimal.Zero
	}
	if o.Refunded <= 0 {
		return decimal.NewFromInt(1)
	}
	return decimal.NewFromInt(o.Total-o.Refunded).DivRound(decimal.NewFromInt(o.Total), 20)
}

// apply applies a rate to a base (already lowered by refunds): a percent of it, or the fixed
// amount times units while anything of the order is kept. It rounds once: a percent is the
// exact product shifted two places (a division would round to 16 places first).
func apply(r domain.Rate, base decimal.Decimal, units int64, keptShare decimal.Decimal, currency string) (decimal.Decimal, string) {
	if r.Percent != nil {
		return domain.Round(base.Mul(*r.Percent).Shift(-2), currency), r.Percent.String() + "%"
	}
	if r.Fixed == nil {
		return decimal.Zero, ""
	}
	rule := fixedText(*r.Fixed, currency)
	if keptShare.IsZero() {
		return decimal.Zero, rule
	}
	if units != 1 {
		rule += " × " + strconv.FormatInt(units, 10)
	}
	return domain.Round(r.Fixed.Mul(decimal.NewFromInt(units)), currency), rule
}

// fixedText shows a fixed amount with at least the currency's decimals: "1.00 EUR".
func fixedText(d decimal.Decimal, currency string) string {
	places := domain.MinorUnits(currency)
	if d.Exponent() < -places {
		return d.String() + " " + currency
	}
	return d.StringFixed(places) + " " + currency
}

// reject says why the partner cannot earn on this customer's order, if they cannot.
func (e *Engine) reject(partner int64, customerEmail string) (bool, string) {
	p := e.partners[partner]
	if e.s.SelfReferral != "allow" && customerEmail != "" && p.Email != "" && p.Email == customerEmail {
		return true, "self_referral"
	}
	if !p.Active {
		return true, "partner_inactive"
	}
	return false, ""
}

func key(o Order, partner int64, kind string) string { return OrderKey(o.ID, partner, kind) }

// firstRules gives the product lines of an order that earns by products/tiers/sale, and the
// sale of the rest of its base (nil when nothing is left or the plan pays nothing on sales).
func (e *Engine) firstRules(o Order, partner int64, reason string) ([]Line, *Sale) {
	rejected, note := e.reject(partner, o.Email)
	share := kept(o)
	base := e.orderBase(o)
	var lines []Line
	if len(e.products) > 0 && len(o.Lines) > 0 {
		var gross int64
		for _, it := range o.Lines {
			gross += it.UnitPrice * it.Quantity
		}
		for _, it := range o.Lines {
			pr, ok := e.products[lowerTrim(it.SKU)]
			if !ok {
				continue
			}
			g := domain.FromMinor(it.UnitPrice*it.Quantity, o.Currency)
			lineBase := g
			if gross > 0 && o.Discount != 0 {
				lineBase = g.Sub(domain.FromMinor(o.Discount, o.Currency).Mul(decimal.NewFromInt(it.UnitPrice*it.Quantity)).
					DivRound(decimal.NewFromInt(gross), 20))
			}
			base = base.Sub(lineBase)
			lowered := lineBase.Mul(share)
			amount, rule := apply(pr.Rate, lowered, it.Quantity, share, o.Currency)
			l := Line{Key: key(o, partner, "product:"+strconv.Itoa(it.Position)), Partner: partner, Order: o.ID, Kind: "product",
				Reason: reason, Rule: "product " + pr.SKU + " " + rule, SKU: it.SKU, Base: lowered, Amount: amount,
				Currency: o.Currency, Time: o.Time, Rejected: rejected, Note: note}
			lines = e.appendWithSecondTier(lines, l)
		}
	}
	if (e.s.Plan.Sale == nil && e.s.Plan.Tiers == nil) || (len(lines) > 0 && !base.IsPositive()) {
		return lines, nil
	}
	if base.IsNegative() {
		base = decimal.Zero
	}
	return lines, &Sale{Order: o, Partner: partner, Reason: reason, Base: base, Rejected: rejected, Note: note}
}

// recurring gives the line of a repeat purchase credited by the customer's link alone, if the
// plan has `recurring` and its limits allow another (count: repeat purchases that earned so far).
func (e *Engine) recurring(o Order, partner int64, count int, firstAttributed time.Time) (Line, bool) {
	r := e.s.Plan.Recurring
	if r == nil {
		return Line{}, false
	}
	if r.MaxCount != nil && count >= *r.MaxCount {
		return Line{}, false
	}
	if r.MaxMonths != nil && !o.Time.Before(firstAttributed.In(e.s.Location).AddDate(0, *r.MaxMonths, 0)) {
		return Line{}, false
	}
	rejected, note := e.reject(partner, o.Email)
	share := kept(o)
	base := e.orderBase(o).Mul(share)
	amount, rule := apply(r.Rate, base, 1, share, o.Currency)
	return Line{Key: key(o, partner, "recurring"), Partner: partner, Order: o.ID, Kind: "recurring", Reason: "customer",
		Rule: "recurring " + rule, Base: base, Amount: amount, Currency: o.Currency, Time: o.Time, Rejected: rejected, Note: note}, true
}

// appendWithSecondTier appends the line and, where its partner has a parent and the plan pays a
// second tier, the parent's line to dst: a percent of the child's base, following its status.
func (e *Engine) appendWithSecondTier(dst []Line, l Line) []Line {
	st := e.s.Plan.SecondTier
	parent := e.partners[e.partners[l.Partner].Parent]
	if st == nil || st.Percent == nil || parent.ID == 0 {
		return append(dst, l)
	}
	t2 := Line{Key: SecondTierKey(l.Key, parent.ID), ParentKey: l.Key, Partner: parent.ID, Order: l.Order,
		Kind: "second_tier", Reason: l.Reason, Rule: e.secondTierRules[l.Partner],
		SKU: l.SKU, Base: l.Base, Amount: domain.Round(l.Base.Mul(*st.Percent).Shift(-2), l.Currency),
		Currency: l.Currency, Time: l.Time, Rejected: l.Rejected, Note: l.Note}
	if !t2.Rejected && !parent.Active {
		t2.Rejected, t2.Note = true, "partner_inactive"
	}
	return append(dst, l, t2)
}

// Sales turns one partner's sales into their lines, each at its tier: the last tier whose
// `from` is at most the count (or the sum of bases) of the partner's earlier sales that earn in
// the same calendar month. Sales of months outside the ones given are not needed: a month is
// counted on its own. Without tiers, every sale earns by `sale`.
func (e *Engine) Sales(sales []Sale) []Line {
	sort.Slice(sales, func(i, j int) bool {
		a, b := sales[i].Order, sales[j].Order
		if !a.Time.Equal(b.Time) {
			return a.Time.Before(b.Time)
		}
		return a.ID < b.ID
	})
	type counter struct {
		count   int64
		revenue decimal.Decimal
	}
	months := map[string]*counter{}
	var out []Line
	for _, s := range sales {
		if e.s.Plan.Tiers == nil {
			out = e.appendSaleLines(out, s, nil, 0)
			continue
		}
		k := fmt.Sprintf("%d:%s", s.Partner, e.Month(s.Order.Time))
		if e.s.Plan.Tiers.Measure == "revenue" {
			k += ":" + s.Order.Currency // bases add up within one currency
		}
		c := months[k]
		if c == nil {
			c = &counter{}
			months[k] = c
		}
		measure := decimal.NewFromInt(c.count)
		if e.s.Plan.Tiers.Measure == "revenue" {
			measure = c.revenue
		}
		tier := 0
		for i, t := range e.s.Plan.Tiers.Tiers {
			if t.From.LessThanOrEqual(measure) {
				tier = i
			}
		}
		out = e.appendSaleLines(out, s, &e.s.Plan.Tiers.Tiers[tier].Rate, tier+1)
		if !s.Rejected {
			c.count++
			c.revenue = c.revenue.Add(s.Base)
		}
	}
	return out
}

// appendSaleLines appends the line of a sale by `sale` (tier 0) or by a tier's rate, with its
// second tier, to dst.
func (e *Engine) appendSaleLines(dst []Line, s Sale, rate *domain.Rate, tier int) []Line {
	name := "sale"
	if rate == nil {
		rate = e.s.Plan.Sale
	} else {
		name = "tier " + strconv.Itoa(tier)
	}
	share := kept(s.Order)
	base := s.Base.Mul(share)
	amount, rule := apply(*rate, base, 1, share, s.Order.Currency)
	l := Line{Key: key(s.Order, s.Partner, "sale"), Partner: s.Partner, Order: s.Order.ID, Kind: "sale", Reason: s.Reason,
		Rule: name + " " + rule, Base: base, Amount: amount, Currency: s.Order.Currency, Time: s.Order.Time,
		Rejected: s.Rejected, Note: s.Note}
	return e.appendWithSecondTier(dst, l)
}

// LeadLine is the bounty of a lead that converted: at its first order (dated then; a percent
// is of that order's base), or when a person marked it converted (dated then, in the program's
// currency), whichever came first. It pays once, and nothing while it has not converted.
func (e *Engine) LeadLine(ld Lead, first *Order) (Line, bool) {
	r := e.s.Plan.Lead
	if r == nil || ld.Lost || e.partners[ld.Partner].ID == 0 {
		return Line{}, false
	}
	l := Line{Key: LeadKey(ld.ID, ld.Partner), Partner: ld.Partner, Lead: ld.ID, Kind: "lead", Reason: "lead"}
	switch {
	case first != nil && (ld.ConvertedAt == nil || !ld.ConvertedAt.Before(first.Time)):
		share := kept(*first)
		l.Order, l.Time, l.Currency = first.ID, first.Time, first.Currency
		l.Base = e.orderBase(*first).Mul(share)
		var rule string
		l.Amount, rule = apply(*r, l.Base, 1, decimal.NewFromInt(1), first.Currency)
		l.Rule = "lead " + rule
	case ld.ConvertedAt != nil:
		l.Time, l.Currency = *ld.ConvertedAt, e.s.Currency
		var rule string
		l.Amount, rule = apply(*r, decimal.Zero, 1, decimal.NewFromInt(1), e.s.Currency)
		l.Rule = "lead " + rule
	default:
		return Line{}, false
	}
	l.Rejected, l.Note = e.reject(ld.Partner, ld.Email)
	return l, true
}

// SaleOf is the sale of an order credited to partner, read back from the store (its base as
// Customer found it), with its rejection decided again from the partner's current status.
func (e *Engine) SaleOf(o Order, partner int64, reason string, base decimal.Decimal) Sale {
	rejected, note := e.reject(partner, o.Email)
	return Sale{Order: o, Partner: partner, Reason: reason, Base: base, Rejected: rejected, Note: note}
}
