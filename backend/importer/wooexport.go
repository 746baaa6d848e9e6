package importer

import (
	"strings"

	"partnerbook/backend/domain"
)

// WooCommerce "Advanced Order Export" plugin, default CSV: one row per item, the order's
// columns repeated on each; e-mail, coupon and the running refund amount included.
func init() {
	register(format{name: "woocommerce-export", title: "the WooCommerce order export", open: openWooExport,
		columns: []string{"Order Number", "Order Status", "Order Date", "Order Total Amount"}})
}

type wooExport struct {
	grouped
	opt Options
}

func openWooExport(t *Table, opt Options) (OrderReader, error) {
	if _, ok := domain.NormalizeCurrency(opt.Currency); !ok {
		return nil, domain.Errorf(domain.EInvalid, "a WooCommerce export names no currency: import it into a program")
	}
	return &wooExport{grouped: grouped{rowReader: rowReader{t: t}}, opt: opt}, nil
}

func (w *wooExport) Next() (domain.OrderItem, bool, error) {
	if ok, err := w.first(); err != nil || !ok {
		return domain.OrderItem{}, false, err
	}
	t := w.t
	c := &cells{t: t}
	cur := strings.ToUpper(w.opt.Currency)
	id := t.Get("Order Number")
	status := strings.TrimPrefix(strings.ToLower(t.Get("Order Status")), "wc-")
	o := &domain.Order{Source: "woocommerce", ID: id, IDColumn: "Order Number", Row: t.Row(), Currency: cur, Status: status,
		CustomerEmail: domain.NormalizeEmail(t.Get("Email (Billing)")),
		CustomerName:  strings.TrimSpace(t.Get("First Name (Billing)") + " " + t.Get("Last Name (Billing)")),
		DiscountCodes: splitCodes(t.Get("Coupon Code")), Cancelled: status == "cancelled"}
	if id == "" {
		c.fail("Order Number", "", "the order number is missing")
	}
	o.Time = c.when("Order Date", w.opt.Zone, "2006-01-02 15:04", "2006-01-02 15:04:05", "2006-01-02")
	o.Total = c.notNegative("Order Total Amount", c.money("Order Total Amount", cur))
	tax := c.money("Order Total Tax Amount", cur)
	shipping := c.money("Order Shipping Amount", cur)
	o.Net = o.Total - tax - shipping
	o.Discount = c.money("Cart Discount Amount", cur)
	if o.Discount == 0 {
		o.Discount = c.money("Discount Amount", cur)
	}
	o.Refunded = c.money("Order Refund Amount", cur)
	if o.Refunded < 0 {
		o.Refunded = -o.Refunded
	}
	if o.Refunded > 0 {
		today := w.opt.Today.UTC()
		o.RefundedAt = &today
	}
	for more := true; more; {
		if t.Get("Item Name") != "" || t.Get("SKU") != "" {
			o.Lines = append(o.Lines, domain.OrderLine{SKU: t.Get("SKU"), Name: t.Get("Item Name"),
				Quantity: c.quantity("Quantity (- Refund)"), UnitPrice: c.money("Item Cost", cur)})
		}
		var err error
		if more, err = w.more("Order Number", id); err != nil {
			return domain.OrderItem{}, false, err
		}
	}
	if len(c.problems) > 0 {
		return domain.OrderItem{Problems: c.problems}, true, nil
	}
	switch status {
	case "pending", "failed", "on-hold", "checkout-draft":
		return domain.OrderItem{Skip: &domain.Skip{Row: o.Row, Reason: "order " + id + " is " + status}}, true, nil
	}
	return domain.OrderItem{Order: o}, true, nil
}
