package importer

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"partnerbook/backend/domain"
)

// WooCommerce: Analytics → Orders → Download, the current header, the older one without
// "Payment method" (and before 8.5 without Attribution), and the e-mailed large export with
// "N. Revenue (formatted)" and "Net Sales". One row per order; a refund is a row of its own
// with the parent's number and negative net sales. No e-mail: customers are known by name.
func init() {
	register(format{name: "woocommerce", title: "WooCommerce's Analytics orders download", open: openWoo,
		columns: []string{"Date", "Order #", "Status", "Customer", "Net sales"}, detect: func(t *Table) bool {
			return hasAll(t, "Date", "Order #", "Status", "Customer", "Net sales") && !t.Has("Order Number")
		}})
}

type woo struct {
	rowReader
	opt Options
}

func openWoo(t *Table, opt Options) (OrderReader, error) {
	if _, ok := domain.NormalizeCurrency(opt.Currency); !ok {
		return nil, domain.Errorf(domain.EInvalid, "a WooCommerce Analytics file names no currency: import it into a program")
	}
	return &woo{rowReader: rowReader{t: t}, opt: opt}, nil
}

var wooLayouts = []string{"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02"}

func (w *woo) Next() (domain.OrderItem, bool, error) {
	ok, err := w.next()
	if err != nil || !ok {
		return domain.OrderItem{}, false, err
	}
	t := w.t
	c := &cells{t: t}
	cur := strings.ToUpper(w.opt.Currency)
	id := strings.TrimPrefix(t.Get("Order #"), "#")
	status := strings.TrimPrefix(strings.ToLower(t.Get("Status")), "wc-")
	when := c.when("Date", w.opt.Zone, wooLayouts...)
	net := c.money("Net sales", cur)
	if id == "" {
		c.fail("Order #", "", "the order number is missing")
	}
	if len(c.problems) > 0 {
		return domain.OrderItem{Problems: c.problems}, true, nil
	}
	if net < 0 {
		return domain.OrderItem{Refund: &domain.Refund{Source: "woocommerce", OrderID: id, Amount: -net, Currency: cur, Time: when, Row: t.Row(),
			Key: fmt.Sprintf("%s/%s/%d", id, when.Format("20060102150405"), -net)}}, true, nil
	}
	switch status {
	case "pending", "failed", "on-hold", "checkout-draft":
		return domain.OrderItem{Skip: &domain.Skip{Row: t.Row(), Reason: "order " + id + " is " + status}}, true, nil
	}
	name := t.Get("Customer")
	o := &domain.Order{Source: "woocommerce", ID: id, IDColumn: "Order #", Row: t.Row(), Time: when, Currency: cur, Total: net, Net: net,
		Status: status, CustomerName: name, CustomerRef: strings.ToLower(strings.Join(strings.Fields(name), " ")),
		DiscountCodes: splitCodes(t.Get("Coupon(s)")), Cancelled: status == "cancelled"}
	if t.Has("N. Revenue (formatted)") {
		if v, ok := number(stripSymbols(t.Get("N. Revenue (formatted)"))); ok {
			if m, err := domain.ToMinor(v, cur); err == nil && m >= net {
				o.Total = m
			}
		}
	}
	o.Lines = wooProducts(t.Get("Product(s)"))
	return domain.OrderItem{Order: o}, true, nil
}

var qtyName = regexp.MustCompile(`^(\d+)\s*[×x]\s*(.+)$`)

// wooProducts splits "2× Linen Tote, 1× Pin" into line items (no SKU, no price in this export).
func wooProducts(s string) []domain.OrderLine {
	var out []domain.OrderLine
	for _, p := range strings.Split(s, ", ") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		l := domain.OrderLine{Name: p, Quantity: 1}
		if m := qtyName.FindStringSubmatch(p); m != nil {
			l.Quantity, _ = strconv.ParseInt(m[1], 10, 64)
			l.Name = m[2]
		}
		out = append(out, l)
	}
	return out
}

// stripSymbols removes currency symbols and letters from a formatted amount ("€54.50").
func stripSymbols(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return !(r >= '0' && r <= '9') && r != '-' && r != '\'' })
}
