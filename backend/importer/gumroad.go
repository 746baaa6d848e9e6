package importer

import (
	"strings"
	"time"

	"partnerbook/backend/domain"
)

// Gumroad: the sales export. One row per sale, money in USD, flags 1/0, a closing Totals row.
func init() {
	register(format{name: "gumroad", title: "Gumroad's sales export", open: openGumroad,
		columns: []string{"Purchase ID", "Purchase Date", "Purchase Email", "Sale Price ($)", "Recurring Charge?", "Fully Refunded?"},
		detect: func(t *Table) bool {
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

// gumroadStamps are the full timestamps Gumroad's own exporter writes in the time column
// (Ruby's Time#to_s: "2024-01-02 10:00:00 UTC").
// "UTC" is literal text in the first layout: an abbreviation such as PST would read as UTC.
var gumroadStamps = []string{"2006-01-02 15:04:05 UTC", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05"}

// gumroadTime reads the purchase time: the time column holds the whole UTC timestamp
// (Gumroad's exporter), or the time of day beside the day column (older exports, tools that
// rewrite the file), or nothing.
func gumroadTime(c *cells, day, clock string) time.Time {
	for _, l := range gumroadStamps {
		if tm, err := parseUTC(l, clock); err == nil {
			return c.plausible("Purchase Time (UTC timezone)", clock, tm)
		}
	}
	for _, l := range gumroadDays {
		for _, tl := range []string{"15:04:05", "15:04", ""} {
			layout, value := l, day
			if tl != "" {
				layout, value = l+" "+tl, day+" "+clock
			} else if clock != "" {
				continue
			}
			if tm, err := parseUTC(layout, value); err == nil {
				return c.plausible("Purchase Date", value, tm)
			}
		}
	}
	c.fail("Purchase Date", strings.TrimSpace(day+" "+clock), "%q is not a day like 2025-03-14 with a time like 08:12:45 (or 2025-03-14 08:12:45 UTC)", strings.TrimSpace(day+" "+clock))
	return time.Time{}
}

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
	o := &domain.Order{Source: "gumroad", ID: id, IDColumn: "Purchase ID", Row: t.Row(), Currency: "USD", CustomerName: t.Get("Buyer Name"),
		DiscountCodes: splitCodes(t.Get("Discount Code")), Recurring: flag(t.Get("Recurring Charge?"))}
	o.CustomerEmail = domain.NormalizeEmail(t.Get("Purchase Email"))
	if o.CustomerEmail == "" {
		o.CustomerEmail = domain.NormalizeEmail(t.Get("Buyer Email"))
	}
	o.Time = gumroadTime(c, t.Get("Purchase Date"), t.Get("Purchase Time (UTC timezone)"))
	o.Total = c.notNegative("Sale Price ($)", c.money("Sale Price ($)", "USD"))
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
