package app

import (
	"fmt"
	"strconv"

	"github.com/shopspring/decimal"

	"partnerbook/backend/domain"
)

// Rate is a percent or a fixed amount, as decimal strings; "" means not given.
type Rate struct {
	Percent string `json:"percent"`
	Fixed   string `json:"fixed"`
}

// ProductRule pays per line item whose SKU matches.
type ProductRule struct {
	SKU     string `json:"sku"`
	Percent string `json:"percent"`
	Fixed   string `json:"fixed"`
}

// Tier is one step of a tiered plan.
type Tier struct {
	From    string `json:"from"`
	Percent string `json:"percent"`
	Fixed   string `json:"fixed"`
}

// Tiers is the tiered plan; Measure is sales or revenue.
type Tiers struct {
	Measure string `json:"measure"`
	Tiers   []Tier `json:"tiers"`
}

// Recurring is what repeat purchases earn; 0 limits mean none.
type Recurring struct {
	Percent   string `json:"percent"`
	Fixed     string `json:"fixed"`
	MaxCount  int    `json:"max_count"`
	MaxMonths int    `json:"max_months"`
}

// Plan is the commission plan; a nil rule is absent.
type Plan struct {
	Sale       *Rate         `json:"sale"`
	Products   []ProductRule `json:"products"`
	Tiers      *Tiers        `json:"tiers"`
	Recurring  *Recurring    `json:"recurring"`
	SecondTier *Rate         `json:"second_tier"`
	Lead       *Rate         `json:"lead"`
}

func str(d *decimal.Decimal) string {
	if d == nil {
		return ""
	}
	return d.String()
}

func rateDTO(r *domain.Rate) *Rate {
	if r == nil {
		return nil
	}
	return &Rate{Percent: str(r.Percent), Fixed: str(r.Fixed)}
}

func planDTO(p domain.Plan) Plan {
	out := Plan{Sale: rateDTO(p.Sale), SecondTier: rateDTO(p.SecondTier), Lead: rateDTO(p.Lead), Products: []ProductRule{}}
	for _, pr := range p.Products {
		out.Products = append(out.Products, ProductRule{SKU: pr.SKU, Percent: str(pr.Percent), Fixed: str(pr.Fixed)})
	}
	if p.Tiers != nil {
		t := &Tiers{Measure: p.Tiers.Measure, Tiers: []Tier{}}
		for _, tr := range p.Tiers.Tiers {
			from := tr.From
			t.Tiers = append(t.Tiers, Tier{From: from.String(), Percent: str(tr.Percent), Fixed: str(tr.Fixed)})
		}
		out.Tiers = t
	}
	if r := p.Recurring; r != nil {
		out.Recurring = &Recurring{Percent: str(r.Percent), Fixed: str(r.Fixed)}
		if r.MaxCount != nil {
			out.Recurring.MaxCount = *r.MaxCount
		}
		if r.MaxMonths != nil {
			out.Recurring.MaxMonths = *r.MaxMonths
		}
	}
	return out
}

// dec reads an optional decimal field, naming the setting in its problem.
type decReader struct{ ps domain.Problems }

func (d *decReader) dec(col, s string) *decimal.Decimal {
	if s == "" {
		return nil
	}
	v, err := domain.ParseAmount(s)
	if err != nil {
		d.ps.Add(col, "%q is not a number", s)
		return nil
	}
	return &v
}

func (d *decReader) rate(col string, r *Rate) *domain.Rate {
	if r == nil {
		return nil
	}
	return &domain.Rate{Percent: d.dec(col+".percent", r.Percent), Fixed: d.dec(col+".fixed", r.Fixed)}
}

func planFromDTO(p Plan) (domain.Plan, error) {
	var d decReader
	out := domain.Plan{Sale: d.rate("rules.sale", p.Sale), SecondTier: d.rate("rules.second_tier", p.SecondTier),
		Lead: d.rate("rules.lead", p.Lead)}
	for i, pr := range p.Products {
		col := fmt.Sprintf("rules.products[%d]", i)
		out.Products = append(out.Products, domain.ProductRule{SKU: pr.SKU,
			Rate: domain.Rate{Percent: d.dec(col+".percent", pr.Percent), Fixed: d.dec(col+".fixed", pr.Fixed)}})
	}
	if p.Tiers != nil {
		t := &domain.Tiers{Measure: p.Tiers.Measure}
		for i, tr := range p.Tiers.Tiers {
			col := fmt.Sprintf("rules.tiers.tiers[%d]", i)
			from := d.dec(col+".from", tr.From)
			if from == nil {
				from = &decimal.Zero
			}
			t.Tiers = append(t.Tiers, domain.Tier{From: *from,
				Rate: domain.Rate{Percent: d.dec(col+".percent", tr.Percent), Fixed: d.dec(col+".fixed", tr.Fixed)}})
		}
		out.Tiers = t
	}
	if r := p.Recurring; r != nil {
		rec := &domain.Recurring{Rate: domain.Rate{Percent: d.dec("rules.recurring.percent", r.Percent),
			Fixed: d.dec("rules.recurring.fixed", r.Fixed)}}
		if r.MaxCount > 0 {
			rec.MaxCount = &r.MaxCount
		}
		if r.MaxMonths > 0 {
			rec.MaxMonths = &r.MaxMonths
		}
		out.Recurring = rec
	}
	return out, d.ps.Err("the program is not valid")
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }
