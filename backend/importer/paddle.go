package importer

import (
	"strings"

	"partnerbook/backend/domain"
)

// Paddle Billing: the transactions report. Its columns mirror the API's fields; no exact
// header is known, so each field is looked up under the names it is known by.
func init() {
	register(format{name: "paddle", title: "Paddle's transactions report", open: openPaddle,
		columns: []string{"billed_at", "origin", "status", "currency_code"}, detect: func(t *Table) bool {
			return t.Has("billed_at") && t.Has("origin") && pick(t, paddleNames["id"]) != ""
		}})
}

var paddleNames = map[string][]string{
	"id":              {"transaction_id", "id"},
	"status":          {"status", "transaction_status"},
	"customer":        {"customer_id"},
	"email":           {"customer_email", "email"},
	"discount":        {"discount_id", "discount_ids", "discount_code"},
	"currency":        {"currency_code", "currency"},
	"subtotal":        {"subtotal", "totals_subtotal", "details_totals_subtotal"},
	"discount_amount": {"discount", "totals_discount", "details_totals_discount"},
	"tax":             {"tax", "totals_tax", "details_totals_tax"},
	"total":           {"total", "grand_total", "totals_grand_total", "details_totals_grand_total", "totals_total"},
	"ref":             {"custom_data_ref", "ref"},
}

// pick returns the first of names the table has.
func pick(t *Table, names []string) string {
	for _, n := range names {
		if t.Has(n) {
			return n
		}
	}
	return ""
}

type paddle struct {
	rowReader
	opt Options
	col map[string]string
}

func openPaddle(t *Table, opt Options) (OrderReader, error) {
	p := &paddle{rowReader: rowReader{t: t}, opt: opt, col: map[string]string{}}
	for field, names := range paddleNames {
		p.col[field] = pick(t, names)
	}
	var missing []string
	for _, f := range []string{"id", "status", "currency", "total"} {
		if p.col[f] == "" {
			missing = append(missing, paddleNames[f][0])
		}
	}
	if len(missing) > 0 {
		return nil, t.Require(missing...)
	}
	return p, nil
}

func (p *paddle) get(field string) string {
	if c := p.col[field]; c != "" {
		return p.t.Get(c)
	}
	return ""
}

func (p *paddle) Next() (domain.OrderItem, bool, error) {
	ok, err := p.next()
	if err != nil || !ok {
		return domain.OrderItem{}, false, err
	}
	t := p.t
	id, status := p.get("id"), strings.ToLower(p.get("status"))
	switch status {
	case "completed", "paid", "billed":
	default:
		return domain.OrderItem{Skip: &domain.Skip{Row: t.Row(), Reason: "transaction " + id + " is " + status}}, true, nil
	}
	c := &cells{t: t}
	o := &domain.Order{Source: "paddle", ID: id, IDColumn: p.col["id"], Row: t.Row(), Status: status, CustomerRef: p.get("customer"),
		CustomerEmail: domain.NormalizeEmail(p.get("email")), DiscountCodes: splitCodes(p.get("discount")), RefKey: p.get("ref"),
		Recurring: strings.EqualFold(t.Get("origin"), "subscription_recurring")}
	o.Currency = c.currency(p.col["currency"])
	o.Time = c.when("billed_at", nil, "2006-01-02T15:04:05.999999999Z07:00", "2006-01-02 15:04:05")
	o.Total = c.notNegative(p.col["total"], c.money(p.col["total"], o.Currency))
	o.Net = o.Total
	if p.col["subtotal"] != "" {
		o.Net = c.money(p.col["subtotal"], o.Currency)
		if p.col["discount_amount"] != "" {
			o.Discount = c.money(p.col["discount_amount"], o.Currency)
			o.Net -= o.Discount
		}
	} else if p.col["tax"] != "" {
		o.Net = o.Total - c.money(p.col["tax"], o.Currency)
	}
	if id == "" {
		c.fail(p.col["id"], "", "the transaction id is missing")
	}
	if len(c.problems) > 0 {
		return domain.OrderItem{Problems: c.problems}, true, nil
	}
	return domain.OrderItem{Order: o}, true, nil
}
