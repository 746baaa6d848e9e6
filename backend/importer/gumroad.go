package importer

import (
	"strings"

	"partnerbook/backend/domain"
)

// Gumroad: the sales export. One row per sale, money in USD, flags 1/0, a closing Totals row.
func init() {
	register(format{name: "gumroad", open: openGumroad, detect: func(t *Table) bool {
		return hasAll(t, "Purchase ID", "Purchase Date", "Sale Price ($)", "Recurring Charge?")
	}})
}

type gumroad struct {
	rowReader
	opt Options
}

func openGumroad(t *Table, opt Options) (OrderReader, error) {
	return &gumroad{rowReader: rowReader{t: t}, opt: opt}, nil
}

var gumroadDays = []string{"2006-01-02", "1/2/2006", "01/02/2006", "Jan 2, 2006"}

func (g *gumroad) Next() (domain.OrderItem, bool, error) {
	ok, err := g.next()
	if err != nil || !ok {
		return domain.OrderItem{}, false, err
	}
	t := g.t
	id := t.Get("Purchase ID")
	if strings.EqualFold(id, "Totals") || strings.EqualFold(t.Get(t.Header[0]), "Totals") {
		return domain.OrderItem{Skip: &domain.Skip{Row: t.Row(), Reason: "the Totals row"}}, true, nil
	}
	c := &cells{t: t}
	if id == "" {
		c.fail("Purchase ID", "", "the purchase id is missing")
	}
	o := &domain.Order{Source: "gumroad", ID: id, Row: t.Row(), Currency: "USD", CustomerName: t.Get("Buyer Name"),
		DiscountCodes: splitCodes(t.Get("Discount Code")), Recurring: flag(t.Get("Recurring Charge?"))}
	o.CustomerEmail = domain.NormalizeEmail(t.Get("Purchase Email"))
	if o.CustomerEmail == "" {
		o.CustomerEmail = domain.NormalizeEmail(t.Get("Buyer Email"))
	}
	// The day and the UTC time of day stand in two columns.
	day := t.Get("Purchase Date")
	clock := t.Get("Purchase Time (UTC timezone)")
	parsed := false
	for _, l := range gumroadDays {
		for _, tl := range []string{"15:04:05", "15:04", ""} {
			layout, value := l, day
			if tl != "" {
				layout, value = l+" "+tl, day+" "+clock
			} else if clock != "" {
				continue
			}
			if tm, err := parseUTC(layout, value); err == nil {
				o.Time, parsed = c.plausible("Purchase Date", value, tm), true
				break
			}
		}
		if parsed {
			break
		}
	}
	if !parsed {
		c.fail("Purchase Date", day+" "+clock, "%q is not a day like 2025-03-14 with a time like 08:12:45", day+" "+clock)
	}
	o.Total = c.money("Sale Price ($)", "USD")
	o.Net = c.money("Subtotal ($)", "USD")
	if !t.Has("Subtotal ($)") {
		o.Net = o.Total - c.money("Taxes ($)", "USD") - c.money("Shipping ($)", "USD")
	}
	switch {
	case flag(t.Get("Fully Refunded?")):
		o.Refunded = o.Total
	case flag(t.Get("Refunded?")) || t.Get("Partial Refund ($)") != "":
		o.Refunded = c.money("Partial Refund ($)", "USD")
	}
	if o.Refunded > 0 {
		today := g.opt.Today.UTC()
		o.RefundedAt = &today
	}
	if t.Get("Item Name") != "" {
		o.Lines = []domain.OrderLine{{SKU: t.Get("SKU ID"), Name: t.Get("Item Name"), Quantity: c.quantity("Quantity"),
			UnitPrice: c.money("Item Price ($)", "USD")}}
	}
	if len(c.problems) > 0 {
		return domain.OrderItem{Problems: c.problems}, true, nil
	}
	return domain.OrderItem{Order: o}, true, nil
}
