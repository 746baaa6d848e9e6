package domain

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Program kinds, attribution models, bases and self-referral policies (commissions.md).
var (
	ProgramKinds   = []string{"affiliate", "referral", "newsletter"}
	Attributions   = []string{"last_click", "first_click"}
	Bases          = []string{"net", "total"}
	SelfReferrals  = []string{"reject", "allow"}
	PortalModes    = []string{"off", "on"}
	TierMeasures   = []string{"sales", "revenue"}
	maxProgramName = 100
)

// Program is a partner program with its settings and commission plan.
type Program struct {
	ID              int64  `json:"id"`
	Name            string `json:"name"`
	Kind            string `json:"kind"`
	Currency        string `json:"currency"`
	Timezone        string `json:"timezone"`
	CookieDays      int    `json:"cookie_days"`
	Attribution     string `json:"attribution"`
	HoldDays        int    `json:"hold_days"`
	PayoutThreshold string `json:"payout_threshold"`
	Base            string `json:"base"`
	SelfReferral    string `json:"self_referral"`
	Rules           Plan   `json:"rules"`
	Portal          string `json:"portal"` // the partner portal: off, on (portal.md)
	// Origins are the sites allowed to send tracking calls with the program's publishable
	// keys, such as https://shop.example (sync.md).
	Origins []string `json:"origins"`
	// Site is where partners' referral links point (SITE?ref=KEY); empty: the shop's website.
	Site string `json:"site"`
	// Sample marks the sample program (sample.Create): its runs are issued by an invented
	// company in a series of their own (payout.IssueOf). Only the store sets it.
	Sample    bool      `json:"sample,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Rate is either a percent of the base or a fixed amount in the order's currency.
type Rate struct {
	Percent *decimal.Decimal `json:"percent,omitempty"`
	Fixed   *decimal.Decimal `json:"fixed,omitempty"`
}

// ProductRule pays per line item whose SKU matches.
type ProductRule struct {
	SKU string `json:"sku"`
	Rate
}

// Tier is one step of a tiered plan; From counts sales or revenue in the month.
type Tier struct {
	From decimal.Decimal `json:"from"`
	Rate
}

// Tiers replaces the sale rule when present.
type Tiers struct {
	Measure string `json:"measure"`
	Tiers   []Tier `json:"tiers"`
}

// Recurring is what repeat purchases earn, within its limits.
type Recurring struct {
	Rate
	MaxCount  *int `json:"max_count,omitempty"`
	MaxMonths *int `json:"max_months,omitempty"`
}

// Plan is the commission plan of a program; every rule is optional.
type Plan struct {
	Sale       *Rate         `json:"sale,omitempty"`
	Products   []ProductRule `json:"products,omitempty"`
	Tiers      *Tiers        `json:"tiers,omitempty"`
	Recurring  *Recurring    `json:"recurring,omitempty"`
	SecondTier *Rate         `json:"second_tier,omitempty"`
	Lead       *Rate         `json:"lead,omitempty"`
}

// UnmarshalJSON accepts the plan object, and also `[]` or null for an empty plan (the
// default commissions.md gives).
func (p *Plan) UnmarshalJSON(b []byte) error {
	t := bytes.TrimSpace(b)
	if bytes.Equal(t, []byte("null")) || bytes.Equal(bytes.Join(bytes.Fields(t), nil), []byte("[]")) {
		*p = Plan{}
		return nil
	}
	type plain Plan
	var q plain
	dec := json.NewDecoder(bytes.NewReader(t))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&q); err != nil {
		return err
	}
	*p = Plan(q)
	return nil
}

// DefaultProgram returns a program with the defaults of commissions.md.
func DefaultProgram(name string) Program {
	return Program{Name: name, Kind: "affiliate", Currency: "EUR", Timezone: "UTC", CookieDays: 30,
		Attribution: "last_click", HoldDays: 30, PayoutThreshold: "0", Base: "net", SelfReferral: "reject", Portal: "off"}
}

// ParseProgram reads a program file (program create --file): the defaults of commissions.md
// for every setting it leaves out. Unknown settings are refused, so typos do not pass silently.
func ParseProgram(file string, data []byte) (Program, error) {
	p := DefaultProgram("")
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return Program{}, Invalid("the program file is not valid", []Problem{{File: file, Message: jsonMessage(err)}})
	}
	if p.Sample {
		return Program{}, Invalid("the program file is not valid", []Problem{{File: file, Column: "sample",
			Message: "only partnerbook init --sample makes the sample program: leave the field out"}})
	}
	return p, nil
}

func jsonMessage(err error) string {
	var te *json.UnmarshalTypeError
	if ok := asType(err, &te); ok {
		return fmt.Sprintf("%q should be %s, not %s", te.Field, te.Type.String(), te.Value)
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// Location is the program's time zone, in which its days and months are counted (UTC if the
// zone cannot be loaded, which Validate refuses).
func (p Program) Location() *time.Location {
	loc, err := time.LoadLocation(p.Timezone)
	if err != nil {
		return time.UTC
	}
	return loc
}

// Normalize trims and upper-cases what has a canonical form.
func (p *Program) Normalize() {
	p.Name = strings.TrimSpace(p.Name)
	p.Currency = strings.ToUpper(strings.TrimSpace(p.Currency))
	p.Timezone = strings.TrimSpace(p.Timezone)
	p.PayoutThreshold = strings.TrimSpace(p.PayoutThreshold)
	if p.PayoutThreshold == "" {
		p.PayoutThreshold = "0"
	}
	p.Portal = strings.ToLower(strings.TrimSpace(p.Portal))
	if p.Portal == "" {
		p.Portal = "off"
	}
	for i := range p.Rules.Products {
		p.Rules.Products[i].SKU = strings.TrimSpace(p.Rules.Products[i].SKU)
	}
	p.Site = strings.TrimSpace(p.Site)
	origins := []string{}
	for _, o := range p.Origins {
		if o = NormalizeOrigin(o); o != "" && !contains(origins, o) {
			origins = append(origins, o)
		}
	}
	p.Origins = origins
}

// Validate checks every setting and rule; the problems name the setting as their column.
func (p *Program) Validate() error {
	p.Normalize()
	var ps Problems
	switch {
	case p.Name == "":
		ps.Add("name", "a program needs a name")
	case len([]rune(p.Name)) > maxProgramName:
		ps.Add("name", "is longer than %d characters", maxProgramName)
	case isDigits(p.Name):
		ps.Add("name", "cannot be only digits (it would read as a program id)")
	}
	OneOf(&ps, "kind", p.Kind, ProgramKinds)
	if _, ok := NormalizeCurrency(p.Currency); !ok {
		ps.Add("currency", "%q is not an ISO 4217 code such as EUR", p.Currency)
	}
	if _, err := time.LoadLocation(p.Timezone); err != nil || p.Timezone == "" || p.Timezone == "Local" {
		ps.Add("timezone", "%q is not an IANA time zone such as Europe/Berlin", p.Timezone)
	}
	between(&ps, "cookie_days", p.CookieDays, 1, 3650)
	OneOf(&ps, "attribution", p.Attribution, Attributions)
	between(&ps, "hold_days", p.HoldDays, 0, 3650)
	if d, err := ParseAmount(p.PayoutThreshold); err != nil {
		ps.Add("payout_threshold", "%q is not an amount", p.PayoutThreshold)
	} else if d.IsNegative() {
		ps.Add("payout_threshold", "cannot be negative")
	} else if _, err := ToMinor(d, p.Currency); err != nil && len(ps) == 0 {
		ps.Add("payout_threshold", "%s", err.Error())
	}
	OneOf(&ps, "base", p.Base, Bases)
	OneOf(&ps, "self_referral", p.SelfReferral, SelfReferrals)
	OneOf(&ps, "portal", p.Portal, PortalModes)
	p.Rules.validate(&ps)
	for i, o := range p.Origins {
		if msg := CheckOrigin(o); msg != "" {
			ps.Add(fmt.Sprintf("origins[%d]", i), "%q %s", o, msg)
		}
	}
	if p.Site != "" {
		if u, err := url.Parse(p.Site); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			ps.Add("site", "%q is not a web address such as https://shop.example", p.Site)
		}
	}
	return ps.Err("the program is not valid")
}

func (pl *Plan) validate(ps *Problems) {
	if pl.Sale != nil {
		pl.Sale.validate(ps, "rules.sale", false)
	}
	seen := map[string]bool{}
	for i, pr := range pl.Products {
		col := fmt.Sprintf("rules.products[%d]", i)
		if pr.SKU == "" {
			ps.Add(col+".sku", "a product rule needs a SKU")
		} else if seen[strings.ToLower(pr.SKU)] {
			ps.Add(col+".sku", "SKU %q has two rules", pr.SKU)
		}
		seen[strings.ToLower(pr.SKU)] = true
		pr.Rate.validate(ps, col, false)
	}
	if t := pl.Tiers; t != nil {
		OneOf(ps, "rules.tiers.measure", t.Measure, TierMeasures)
		if len(t.Tiers) == 0 {
			ps.Add("rules.tiers.tiers", "needs at least one tier")
		}
		for i, tr := range t.Tiers {
			col := fmt.Sprintf("rules.tiers.tiers[%d]", i)
			if i == 0 && !tr.From.IsZero() {
				ps.Add(col+".from", "the first tier starts at 0")
			}
			if i > 0 && !tr.From.GreaterThan(t.Tiers[i-1].From) {
				ps.Add(col+".from", "must be greater than the tier before")
			}
			if t.Measure == "sales" && !tr.From.IsInteger() {
				ps.Add(col+".from", "counts sales, a whole number")
			}
			tr.Rate.validate(ps, col, false)
		}
	}
	if r := pl.Recurring; r != nil {
		r.Rate.validate(ps, "rules.recurring", false)
		if r.MaxCount != nil && *r.MaxCount < 1 {
			ps.Add("rules.recurring.max_count", "must be at least 1 (leave it out for no limit)")
		}
		if r.MaxMonths != nil && *r.MaxMonths < 1 {
			ps.Add("rules.recurring.max_months", "must be at least 1 (leave it out for no limit)")
		}
	}
	if pl.SecondTier != nil {
		pl.SecondTier.validate(ps, "rules.second_tier", true)
	}
	if pl.Lead != nil {
		pl.Lead.validate(ps, "rules.lead", false)
	}
}

var hundred = decimal.NewFromInt(100)

func (r Rate) validate(ps *Problems, col string, percentOnly bool) {
	switch {
	case r.Percent != nil && r.Fixed != nil:
		ps.Add(col, "give percent or fixed, not both")
	case r.Percent == nil && r.Fixed == nil:
		ps.Add(col, "give percent or fixed")
	case r.Percent != nil && (r.Percent.IsNegative() || r.Percent.GreaterThan(hundred)):
		ps.Add(col+".percent", "must be between 0 and 100")
	case r.Fixed != nil && percentOnly:
		ps.Add(col+".fixed", "this rule is a percent of the child's base")
	case r.Fixed != nil && r.Fixed.IsNegative():
		ps.Add(col+".fixed", "cannot be negative")
	}
}

// OneOf adds a problem for col unless v is one of allowed.
func OneOf(ps *Problems, col, v string, allowed []string) {
	for _, a := range allowed {
		if v == a {
			return
		}
	}
	ps.Add(col, "%q is not one of %s", v, strings.Join(allowed, ", "))
}

func between(ps *Problems, col string, v, lo, hi int) {
	if v < lo || v > hi {
		ps.Add(col, "must be between %d and %d", lo, hi)
	}
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
