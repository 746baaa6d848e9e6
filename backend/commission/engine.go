// Package commission is the commission engine of commissions.md: orders, links, leads and the
// plan in, commission lines out. It is pure: no clock, no database, no I/O. The store feeds it
// one customer's history at a time (Customer) and then each partner's sales of a month (Sales),
// so that a million orders are computed in flat memory; Compute does both in memory for tests.
package commission

import (
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"partnerbook/backend/domain"
)

// Settings are the program's settings that commissions depend on.
type Settings struct {
	Currency     string
	Location     *time.Location // months and days are counted here
	Base         string         // net or total
	SelfReferral string         // reject or allow
	Plan         domain.Plan
}

// Partner is what the engine knows of a partner.
type Partner struct {
	ID      int64
	Key     string
	Email   string // normalised
	Active  bool
	Parent  int64 // 0: none
	Coupons []string
}

// Order is one order, money in minor units of Currency.
type Order struct {
	ID        int64
	Key       string // the source's order id, for people
	Customer  int64  // 0: no customer known
	Email     string // the customer's e-mail, normalised
	Time      time.Time
	Currency  string
	Total     int64
	Net       int64
	Discount  int64
	Refunded  int64
	Cancelled bool
	Codes     []string
	Ref       string
	Lines     []Item
}

// Item is a line item of an order.
type Item struct {
	Position  int
	SKU       string
	Quantity  int64
	UnitPrice int64
}

// Link ties a customer to a partner from a moment on: a tracked signup or a person's
// assignment (reason "signup" or "manual").
type Link struct {
	Customer int64
	Partner  int64
	Reason   string
	Since    time.Time
}

// Lead is a lead a partner submitted.
type Lead struct {
	ID          int64
	Partner     int64
	Email       string // normalised
	Lost        bool
	ConvertedAt *time.Time // set when a person marked it converted
}

// Line is one commission line as the engine computes it. Key names it across recomputes:
// the same order, partner, kind and item always give the same key.
type Line struct {
	Key       string
	ParentKey string // second tier: the child's line
	Partner   int64
	Order     int64
	Lead      int64
	Kind      string // sale, product, recurring, second_tier, lead
	Reason    string // coupon, ref, customer, lead
	Rule      string // e.g. "sale 20%", "tier 2: 15%"
	SKU       string
	Base      decimal.Decimal // exact; after refunds
	Amount    decimal.Decimal // rounded once to the currency's minor units
	Currency  string
	Time      time.Time
	Rejected  bool
	Note      string // self_referral, partner_inactive
}

// Attribution is who an order is credited to, and by what evidence.
type Attribution struct {
	Order   int64
	Partner int64 // 0: nobody
	Reason  string
}

// Sale is an order that earns by `sale` or `tiers`: the input of Sales.
type Sale struct {
	Order    Order
	Partner  int64
	Reason   string
	Base     decimal.Decimal // before refunds: what tiers by revenue add up
	Rejected bool
	Note     string
}

// Engine computes with one program's settings and partners.
type Engine struct {
	s        Settings
	partners map[int64]Partner
	byKey    map[string]int64
	byCoupon map[string]int64
	products map[string]domain.ProductRule
	// The rule of the second tier on each partner's lines ("second tier 5% of anna"), made
	// once: made for every line, it was a tenth of the engine's time in a large recompute.
	secondTierRules map[int64]string
}

// New prepares an engine.
func New(s Settings, partners []Partner) *Engine {
	if s.Location == nil {
		s.Location = time.UTC
	}
	e := &Engine{s: s, partners: map[int64]Partner{}, byKey: map[string]int64{}, byCoupon: map[string]int64{},
		products: map[string]domain.ProductRule{}}
	for _, p := range partners {
		e.partners[p.ID] = p
		e.byKey[strings.ToLower(p.Key)] = p.ID
		for _, c := range p.Coupons {
			e.byCoupon[strings.ToLower(c)] = p.ID
		}
	}
	for _, pr := range s.Plan.Products {
		e.products[strings.ToLower(pr.SKU)] = pr
	}
	if st := s.Plan.SecondTier; st != nil && st.Percent != nil {
		e.secondTierRules = make(map[int64]string, len(partners))
		for _, p := range partners {
			e.secondTierRules[p.ID] = "second tier " + st.Percent.String() + "% of " + p.Key
		}
	}
	return e
}

// HasTiers says whether sales wait for Sales to learn their tier.
func (e *Engine) HasTiers() bool { return e.s.Plan.Tiers != nil }

// Month is the calendar month of t in the program's zone, as "2025-03".
func (e *Engine) Month(t time.Time) string { return t.In(e.s.Location).Format("2006-01") }

// MonthRange is the start and end (exclusive) in UTC of the month of t in the program's zone.
func (e *Engine) MonthRange(t time.Time) (time.Time, time.Time) {
	l := t.In(e.s.Location)
	start := time.Date(l.Year(), l.Month(), 1, 0, 0, 0, 0, e.s.Location)
	return start.UTC(), start.AddDate(0, 1, 0).UTC()
}

// History is one customer with all their orders in the program, their links and the lead
// submitted for their e-mail, if any. A customer of 0 is an order without a known customer
// (one order per history).
type History struct {
	Customer int64
	Orders   []Order
	Links    []Link
	Lead     *Lead
}

// Result is what one history gives: each order's attribution, the customer's derived link, the
// lines that do not depend on other customers, and the sales that wait for their tier.
type Result struct {
	Attributions []Attribution
	LinkPartner  int64
	LinkReason   string    // signup, lead, manual, order
	LinkSince    time.Time // when that link began
	Lines        []Line
	Sales        []Sale
}

// sortOrders orders by time, then id: the order in which commissions.md counts.
func sortOrders(os []Order) {
	sort.Slice(os, func(i, j int) bool { return before(&os[i], &os[j]) })
}

func before(a, b *Order) bool {
	if !a.Time.Equal(b.Time) {
		return a.Time.Before(b.Time)
	}
	return a.ID < b.ID
}

// inOrder is os in the order of sortOrders, without changing os: os itself when it is in that
// order already (the store reads a customer's orders so), else a sorted copy. A recompute of a
// million orders copied every order here, a fifth of what its engine allocated.
func inOrder(os []Order) []Order {
	for i := 1; i < len(os); i++ {
		if before(&os[i], &os[i-1]) {
			sorted := append([]Order(nil), os...)
			sortOrders(sorted)
			return sorted
		}
	}
	return os
}

func lowerTrim(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// evidence finds the partner an order itself names: a coupon, else a referral key.
func (e *Engine) evidence(o Order) (int64, string) {
	for _, c := range o.Codes {
		if id, ok := e.byCoupon[strings.ToLower(strings.TrimSpace(c))]; ok {
			return id, "coupon"
		}
	}
	if o.Ref != "" {
		if id, ok := e.byKey[strings.ToLower(strings.TrimSpace(o.Ref))]; ok {
			return id, "ref"
		}
	}
	return 0, ""
}

// Customer computes one customer's history.
func (e *Engine) Customer(h History) Result {
	orders := inOrder(h.Orders)
	res := Result{Attributions: make([]Attribution, 0, len(orders))}
	var signup, latestManual *Link
	links := append([]Link(nil), h.Links...)
	sort.Slice(links, func(i, j int) bool { return links[i].Since.Before(links[j].Since) })
	for i := range links {
		if links[i].Reason == "signup" && signup == nil {
			signup = &links[i]
		}
	}
	lead := h.Lead
	if lead != nil && (lead.Lost || e.partners[lead.Partner].ID == 0) {
		lead = nil
	}
	var firstCredited int64 // the partner of the first order credited by coupon or ref
	var firstCreditedAt time.Time
	var firstAttributed time.Time
	recurringCount := 0
	for i, o := range orders {
		// The link in force at the order's time.
		var linkPartner int64
		latestManual = nil
		for j := range links {
			if links[j].Reason == "manual" && !links[j].Since.After(o.Time) {
				latestManual = &links[j]
			}
		}
		switch {
		case h.Customer == 0:
		case latestManual != nil:
			linkPartner = latestManual.Partner
		case signup != nil && !signup.Since.After(o.Time):
			linkPartner = signup.Partner
		case lead != nil:
			linkPartner = lead.Partner
		case firstCredited != 0:
			linkPartner = firstCredited
		}
		partner, reason := e.evidence(o)
		if partner == 0 && linkPartner != 0 {
			partner, reason = linkPartner, "customer"
		}
		res.Attributions = append(res.Attributions, Attribution{Order: o.ID, Partner: partner, Reason: reason})
		if partner == 0 {
			continue
		}
		if res.Lines == nil {
			// Room for a line and its second tier an order, and a lead's line: grown from
			// nothing by appending, a million orders' lines were copied some three times over.
			res.Lines = make([]Line, 0, 2*(len(orders)-i)+1)
		}
		if firstAttributed.IsZero() {
			firstAttributed = o.Time
		}
		if firstCredited == 0 && reason != "customer" {
			firstCredited, firstCreditedAt = partner, o.Time
		}
		first := i == 0
		if reason == "customer" && !first {
			if line, ok := e.recurring(o, partner, recurringCount, firstAttributed); ok {
				recurringCount++
				res.Lines = e.appendWithSecondTier(res.Lines, line)
			}
			continue
		}
		lines, sale := e.firstRules(o, partner, reason)
		res.Lines = append(res.Lines, lines...)
		if sale != nil {
			if e.HasTiers() {
				res.Sales = append(res.Sales, *sale)
			} else {
				res.Lines = e.appendSaleLines(res.Lines, *sale, nil, 0)
			}
		}
	}
	if lead != nil {
		var conv *Order
		if len(orders) > 0 && h.Customer != 0 {
			conv = &orders[0]
		}
		if l, ok := e.LeadLine(*lead, conv); ok {
			res.Lines = append(res.Lines, l)
		}
	}
	// The customer's link as the Customers screen shows it: the one in force now.
	switch {
	case len(links) > 0 && links[len(links)-1].Reason == "manual":
		l := links[len(links)-1]
		res.LinkPartner, res.LinkReason, res.LinkSince = l.Partner, "manual", l.Since
	case signup != nil:
		res.LinkPartner, res.LinkReason, res.LinkSince = signup.Partner, "signup", signup.Since
	case lead != nil:
		res.LinkPartner, res.LinkReason = lead.Partner, "lead"
		if len(orders) > 0 {
			res.LinkSince = orders[0].Time
		}
	case firstCredited != 0:
		res.LinkPartner, res.LinkReason, res.LinkSince = firstCredited, "order", firstCreditedAt
	}
	return res
}
