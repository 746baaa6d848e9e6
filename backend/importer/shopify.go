package importer

import (
	"strings"

	"partnerbook/backend/domain"
)

// Shopify: Orders → Export. One row per line item; the order's own fields stand on its first
// row; rows of one order follow each other and share Name.
func init() {
	register(format{name: "shopify", title: "Shopify's orders export", open: openShopify,
		columns: []string{"Name", "Email", "Financial Status", "Currency", "Subtotal", "Shipping", "Taxes", "Total", "Created at",
			"Lineitem quantity", "Lineitem price", "Lineitem sku"},
		detect: func(t *Table) bool {
			return hasAll(t, "Name", "Financial Status", "Lineitem quantity", "Lineitem sku", "Subtotal")
		}})
}

const shopifyTime = "2006-01-02 15:04:05 -0700"

type shopify struct {
	grouped
	opt Options
}

func openShopify(t *Table, opt Options) (OrderReader, error) {
	if err := t.Require("Name", "Email", "Financial Status", "Currency", "Subtotal", "Shipping", "Taxes", "Total",
		"Created at", "Lineitem quantity", "Lineitem price"); err != nil {
		return nil, err
	}
	return &shopify{grouped: grouped{rowReader: rowReader{t: t}}, opt: opt}, nil
}

func (s *shopify) Next() (domain.OrderItem, bool, error) {
	if ok, err := s.first(); err != nil || !ok {
		return domain.OrderItem{}, false, err
	}
	c := &cells{t: s.t}
	name := s.t.Get("Name")
	o := s.header(c, name)
	for more := true; more; {
		s.line(c, o)
		var err error
		if more, err = s.more("Name", name); err != nil {
			return domain.OrderItem{}, false, err
		}
	}
	if len(c.problems) > 0 {
		return domain.OrderItem{Problems: c.problems}, true, nil
	}
	switch o.Status {
	case "pending", "authorized":
		return domain.OrderItem{Skip: &domain.Skip{Row: o.Row, Reason: "order " + name + " is not paid (" + o.Status + ")"}}, true, nil
	}
	return domain.OrderItem{Order: o}, true, nil
}

// header reads the order's own fields from its first row.
func (s *shopify) header(c *cells, name string) *domain.Order {
	t := s.t
	o := &domain.Order{Source: "shopify", ID: name, IDColumn: "Name", Row: t.Row(), CustomerEmail: domain.NormalizeEmail(t.Get("Email")),
		CustomerName: t.Get("Billing Name"), Status: strings.ToLower(t.Get("Financial Status"))}
	if name == "" {
		c.fail("Name", "", "the order has no Name")
	}
	o.Currency = c.currency("Currency")
	o.Time = c.when("Created at", s.opt.Zone, shopifyTime, "2006-01-02 15:04:05 MST", "2006-01-02 15:04:05")
	subtotal := c.money("Subtotal", o.Currency)
	shipping := c.money("Shipping", o.Currency)
	taxes := c.money("Taxes", o.Currency)
	o.Total = c.notNegative("Total", c.money("Total", o.Currency))
	o.Discount = c.money("Discount Amount", o.Currency)
	o.Refunded = c.money("Refunded Amount", o.Currency)
	// Subtotal is after discounts and without shipping. It holds the taxes where prices
	// include them: then Total = Subtotal + Shipping, else Total = Subtotal + Shipping + Taxes.
	o.Net = subtotal
	if o.Total == subtotal+shipping && taxes != 0 {
		o.Net = subtotal - taxes
	}
	o.DiscountCodes = splitCodes(t.Get("Discount Code"))
	o.RefKey = noteAttribute(t.Get("Note Attributes"), "ref")
	if t.Get("Cancelled at") != "" || o.Status == "voided" {
		o.Cancelled = true
	}
	if o.Refunded > 0 || o.Status == "refunded" {
		today := s.opt.Today.UTC()
		o.RefundedAt = &today
		if o.Status == "refunded" && o.Refunded == 0 {
			o.Refunded = o.Total
		}
	}
	if o.Refunded > o.Total {
		c.fail("Refunded Amount", t.Get("Refunded Amount"), "more is refunded than the order's Total %s", t.Get("Total"))
	}
	return o
}

// line adds the current row's line item.
func (s *shopify) line(c *cells, o *domain.Order) {
	if s.t.Get("Lineitem name") == "" && s.t.Get("Lineitem sku") == "" && s.t.Get("Lineitem price") == "" {
		return
	}
	o.Lines = append(o.Lines, domain.OrderLine{SKU: s.t.Get("Lineitem sku"), Name: s.t.Get("Lineitem name"),
		Quantity: c.quantity("Lineitem quantity"), UnitPrice: c.money("Lineitem price", o.Currency),
		Discount: c.money("Lineitem discount", o.Currency)})
}

// noteAttribute finds `key: value` among the lines of Shopify's Note Attributes cell.
func noteAttribute(cell, key string) string {
	for _, line := range strings.Split(cell, "\n") {
		k, v, ok := strings.Cut(line, ":")
		if ok && strings.EqualFold(strings.TrimSpace(k), key) {
			return strings.TrimSpace(v)
		}
	}
	return ""
}
