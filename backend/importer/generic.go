package importer

import (
	"encoding/json"
	"fmt"
	"strings"

	"partnerbook/backend/domain"
)

// Mapping tells the generic reader which column holds what. Saved by name for next time.
type Mapping struct {
	Name       string            `json:"name"`
	Source     string            `json:"source"`      // how the orders are keyed, e.g. "shop-b"; default "generic"
	Columns    map[string]string `json:"columns"`     // field → column
	TimeLayout string            `json:"time_layout"` // Go layout; default: several common ones
	Currency   string            `json:"currency"`    // when the file has no currency column
}

// MappingFields are the fields a mapping can fill; order_id, time and amount are required.
var MappingFields = []string{"order_id", "time", "customer_email", "customer_name", "amount", "net", "currency",
	"coupon", "ref", "refunded", "status", "sku", "quantity", "price"}

// ParseMapping reads a mapping file.
func ParseMapping(file string, b []byte) (*Mapping, error) {
	var m Mapping
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, domain.Invalid("the mapping is not valid", []domain.Problem{{File: file, Message: err.Error()}})
	}
	var ps domain.Problems
	known := map[string]bool{}
	for _, f := range MappingFields {
		known[f] = true
	}
	for f := range m.Columns {
		if !known[f] {
			ps.Add("columns."+f, "is not a field; the fields are %s", strings.Join(MappingFields, ", "))
		}
	}
	for _, f := range []string{"order_id", "time", "amount"} {
		if m.Columns[f] == "" {
			ps.Add("columns."+f, "must name a column")
		}
	}
	if m.Columns["currency"] == "" {
		if _, ok := domain.NormalizeCurrency(m.Currency); !ok {
			ps.Add("currency", "without a currency column the mapping needs a currency such as EUR")
		}
	}
	return &m, ps.At(file, 0).Err("the mapping is not valid")
}

var genericLayouts = []string{"2006-01-02T15:04:05Z07:00", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02",
	"02.01.2006 15:04", "02.01.2006", "01/02/2006 15:04", "01/02/2006"}

type generic struct {
	rowReader
	opt Options
	m   *Mapping
}

func openGeneric(t *Table, opt Options) (OrderReader, error) {
	m := opt.Mapping
	if m == nil {
		return nil, domain.Errorf(domain.EInvalid, "a generic file needs a column mapping (--mapping M.json)")
	}
	var missing []string
	for _, col := range m.Columns {
		if col != "" && !t.Has(col) {
			missing = append(missing, col)
		}
	}
	if len(missing) > 0 {
		return nil, t.Require(missing...)
	}
	return &generic{rowReader: rowReader{t: t}, opt: opt, m: m}, nil
}

func (g *generic) col(field string) string { return g.m.Columns[field] }

func (g *generic) get(field string) string {
	if c := g.col(field); c != "" {
		return g.t.Get(c)
	}
	return ""
}

// Next reads one row as one order (a file with a row per line item repeats the order id; the
// store adds up nothing, so such files map sku/quantity/price and keep one row per order).
func (g *generic) Next() (domain.OrderItem, bool, error) {
	ok, err := g.next()
	if err != nil || !ok {
		return domain.OrderItem{}, false, err
	}
	c := &cells{t: g.t}
	source := g.m.Source
	if source == "" {
		source = "generic"
	}
	o := &domain.Order{Source: source, ID: g.get("order_id"), IDColumn: g.col("order_id"), Row: g.t.Row(), CustomerEmail: domain.NormalizeEmail(g.get("customer_email")),
		CustomerName: g.get("customer_name"), RefKey: g.get("ref"), DiscountCodes: splitCodes(g.get("coupon")),
		Status: strings.ToLower(g.get("status"))}
	if o.ID == "" {
		c.fail(g.col("order_id"), "", "the order id is missing")
	}
	o.Currency = strings.ToUpper(g.m.Currency)
	if g.col("currency") != "" {
		o.Currency = c.currency(g.col("currency"))
	}
	layouts := genericLayouts
	if g.m.TimeLayout != "" {
		layouts = []string{g.m.TimeLayout}
	}
	o.Time = c.when(g.col("time"), g.opt.Zone, layouts...)
	o.Total = c.notNegative(g.col("amount"), c.money(g.col("amount"), o.Currency))
	o.Net = o.Total
	if g.col("net") != "" {
		o.Net = c.money(g.col("net"), o.Currency)
	}
	if g.col("refunded") != "" {
		o.Refunded = c.money(g.col("refunded"), o.Currency)
		if o.Refunded > 0 {
			today := g.opt.Today.UTC()
			o.RefundedAt = &today
		}
	}
	if g.col("sku") != "" || g.col("price") != "" {
		l := domain.OrderLine{SKU: g.get("sku"), Quantity: 1}
		if g.col("quantity") != "" {
			l.Quantity = c.quantity(g.col("quantity"))
		}
		if g.col("price") != "" {
			l.UnitPrice = c.money(g.col("price"), o.Currency)
		} else if l.Quantity > 0 {
			l.UnitPrice = o.Net / l.Quantity
		}
		o.Lines = []domain.OrderLine{l}
	}
	if len(c.problems) > 0 {
		return domain.OrderItem{Problems: c.problems}, true, nil
	}
	switch o.Status {
	case "failed", "pending", "declined", "canceled", "cancelled", "void", "voided":
		if o.Status == "cancelled" || o.Status == "canceled" || o.Status == "void" || o.Status == "voided" {
			o.Cancelled = true
			break
		}
		return domain.OrderItem{Skip: &domain.Skip{Row: o.Row, Reason: fmt.Sprintf("order %s is %s", o.ID, o.Status)}}, true, nil
	}
	return domain.OrderItem{Order: o}, true, nil
}
