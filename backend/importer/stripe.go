package importer

import (
	"strings"

	"partnerbook/backend/domain"
)

// Stripe: Payments → Export (unified_payments.csv), the default, "all columns" and 2023
// layouts. One row per charge; metadata columns are named "KEY (metadata)".
func init() {
	register(format{name: "stripe", title: "Stripe's payments export", open: openStripe,
		columns: []string{"id", "Amount", "Amount Refunded", "Currency", "Status", "Created date (UTC)"}, detect: func(t *Table) bool {
			return hasAll(t, "id", "Amount", "Amount Refunded", "Currency", "Status") && (t.Has("Created date (UTC)") || t.Has("Created (UTC)"))
		}})
}

type stripe struct {
	rowReader
	opt     Options
	created string
}

func openStripe(t *Table, opt Options) (OrderReader, error) {
	created := "Created date (UTC)"
	if !t.Has(created) {
		created = "Created (UTC)"
	}
	return &stripe{rowReader: rowReader{t: t}, opt: opt, created: created}, nil
}

var stripeLayouts = []string{"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02T15:04:05Z07:00"}

func (s *stripe) Next() (domain.OrderItem, bool, error) {
	ok, err := s.next()
	if err != nil || !ok {
		return domain.OrderItem{}, false, err
	}
	t := s.t
	row := t.Row()
	status := strings.ToLower(t.Get("Status"))
	id := t.Get("id")
	switch {
	case id == "":
		return domain.OrderItem{Skip: &domain.Skip{Row: row, Reason: "a payment that never charged (no id)"}}, true, nil
	case status == "failed" || status == "pending" || status == "canceled":
		return domain.OrderItem{Skip: &domain.Skip{Row: row, Reason: "payment " + id + " is " + status}}, true, nil
	case t.Has("Captured") && strings.EqualFold(t.Get("Captured"), "false"):
		return domain.OrderItem{Skip: &domain.Skip{Row: row, Reason: "payment " + id + " was not captured"}}, true, nil
	}
	c := &cells{t: t}
	o := &domain.Order{Source: "stripe", ID: id, IDColumn: "id", Row: row, Status: status, CustomerRef: t.Get("Customer ID"),
		CustomerEmail: domain.NormalizeEmail(t.Get("Customer Email")), CustomerName: t.Get("Customer Description"),
		RefKey: t.Get("ref (metadata)"), DiscountCodes: splitCodes(t.Get("coupon (metadata)"))}
	o.Currency = c.currency("Currency")
	// Stripe times are UTC whatever the program's zone.
	o.Time = c.when(s.created, nil, stripeLayouts...)
	o.Total = c.notNegative("Amount", c.money("Amount", o.Currency))
	o.Net = o.Total // a payment carries no tax or shipping apart: the base is what was paid
	o.Refunded = c.money("Amount Refunded", o.Currency)
	if o.Refunded > 0 {
		when := s.opt.Today.UTC()
		if v := t.Get("Refunded date (UTC)"); v != "" {
			when = c.when("Refunded date (UTC)", nil, stripeLayouts...)
		}
		o.RefundedAt = &when
	}
	if o.Refunded > o.Total {
		c.fail("Amount Refunded", t.Get("Amount Refunded"), "more is refunded than the Amount %s", t.Get("Amount"))
	}
	o.Recurring = strings.EqualFold(t.Get("Description"), "Subscription update")
	if len(c.problems) > 0 {
		return domain.OrderItem{Problems: c.problems}, true, nil
	}
	return domain.OrderItem{Order: o}, true, nil
}
