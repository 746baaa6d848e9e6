package commission

import (
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerbook/backend/domain"
)

// The worked examples of docs/commissions.md, each computed by hand there. If a number here
// changes, the document is wrong too.

func pct(s string) *domain.Rate   { d := decimal.RequireFromString(s); return &domain.Rate{Percent: &d} }
func fixed(s string) *domain.Rate { d := decimal.RequireFromString(s); return &domain.Rate{Fixed: &d} }
func ptr(n int) *int              { return &n }

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t.UTC()
}

func minor(s, cur string) int64 {
	m, err := domain.ToMinor(decimal.RequireFromString(s), cur)
	if err != nil {
		panic(err)
	}
	return m
}

// order is an order of EUR unless cur says otherwise; net and total as amounts.
func order(id int64, when, customer string, net, total string) Order {
	return Order{ID: id, Key: "#" + decimal.NewFromInt(id).String(), Customer: custID(customer), Email: domain.NormalizeEmail(customer),
		Time: at(when), Currency: "EUR", Net: minor(net, "EUR"), Total: minor(total, "EUR")}
}

var customerIDs = map[string]int64{}

func custID(email string) int64 {
	e := domain.NormalizeEmail(email)
	if e == "" {
		return 0
	}
	if id, ok := customerIDs[e]; ok {
		return id
	}
	customerIDs[e] = int64(len(customerIDs) + 1)
	return customerIDs[e]
}

var (
	kira = Partner{ID: 1, Key: "kira", Email: "kira@example.com", Active: true, Coupons: []string{"KIRA10"}}
	lena = Partner{ID: 2, Key: "lena", Email: "lena@example.com", Active: true, Coupons: []string{"LENA"}}
)

func settings(plan domain.Plan) Settings {
	return Settings{Currency: "EUR", Location: time.UTC, Base: "net", SelfReferral: "reject", Plan: plan}
}

// summary renders lines as "kind partner amount [rejected:note]" for comparison.
func summary(lines []Line) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l.Kind + " " + keyOf(l.Partner) + " " + l.Amount.StringFixed(domain.MinorUnits(l.Currency)) + " " + l.Currency)
		if l.Rejected {
			b.WriteString(" rejected:" + l.Note)
		}
		b.WriteString("; ")
	}
	return strings.TrimSuffix(b.String(), "; ")
}

func keyOf(id int64) string {
	switch id {
	case 1:
		return "kira"
	case 2:
		return "lena"
	case 3:
		return "mo"
	}
	return "?"
}

func coupon(o Order, code string) Order { o.Codes = []string{code}; return o }

func TestWorkedExamples(t *testing.T) {
	tz, _ := time.LoadLocation("Europe/Berlin")
	lenaChild := kira
	lenaChild.Parent = lena.ID
	suspended := kira
	suspended.Active = false
	pin := Order{Lines: []Item{{Position: 1, SKU: "PIN-01", Quantity: 3, UnitPrice: 500}, {Position: 2, SKU: "TEE", Quantity: 1, UnitPrice: 2000}}}
	withLines := func(o Order) Order { o.Lines, o.Discount = pin.Lines, 700; return o }
	cases := []struct {
		name     string
		s        Settings
		partners []Partner
		orders   []Order
		links    []Link
		leads    []Lead
		want     string
	}{
		{"1 sale: 20% of the net", settings(domain.Plan{Sale: pct("20")}), []Partner{kira},
			[]Order{coupon(order(1, "2025-03-14T08:12:44Z", "ana@example.com", "52.00", "61.88"), "kira10")},
			nil, nil, "sale kira 10.40 EUR"},
		{"2 base total: 20% of 61.88 = 12.376", func() Settings { s := settings(domain.Plan{Sale: pct("20")}); s.Base = "total"; return s }(),
			[]Partner{kira}, []Order{coupon(order(1, "2025-03-14T08:12:44Z", "ana@example.com", "52.00", "61.88"), "KIRA10")},
			nil, nil, "sale kira 12.38 EUR"},
		{"3 half a cent rounds away from zero: 10% of 1.25", settings(domain.Plan{Sale: pct("10")}), []Partner{kira},
			[]Order{coupon(order(1, "2025-03-14T08:00:00Z", "ana@example.com", "1.25", "1.25"), "KIRA10")},
			nil, nil, "sale kira 0.13 EUR"},
		{"4 yen has no minor unit: 10% of ¥1,235 = 123.5", settings(domain.Plan{Sale: pct("10")}), []Partner{kira},
			[]Order{func() Order {
				o := coupon(order(1, "2025-03-14T08:00:00Z", "ana@example.com", "0", "0"), "KIRA10")
				o.Currency, o.Net, o.Total = "JPY", 1235, 1235
				return o
			}()}, nil, nil, "sale kira 124 JPY"},
		{"5 three decimals: 10% of 10.005 KWD", settings(domain.Plan{Sale: pct("10")}), []Partner{kira},
			[]Order{func() Order {
				o := coupon(order(1, "2025-03-14T08:00:00Z", "ana@example.com", "0", "0"), "KIRA10")
				o.Currency, o.Net, o.Total = "KWD", 10005, 10005
				return o
			}()}, nil, nil, "sale kira 1.001 KWD"},
		{"6 tiers cross inside March and reset in April (Berlin)", func() Settings {
			s := settings(domain.Plan{Tiers: &domain.Tiers{Measure: "sales", Tiers: []domain.Tier{{From: decimal.Zero, Rate: *pct("10")}, {From: decimal.NewFromInt(2), Rate: *pct("15")}}}})
			s.Location = tz
			return s
		}(), []Partner{kira}, []Order{
			coupon(order(1, "2025-03-03T10:00:00Z", "a@example.com", "100.00", "119.00"), "KIRA10"),
			coupon(order(2, "2025-03-10T10:00:00Z", "b@example.com", "100.00", "119.00"), "KIRA10"),
			coupon(order(3, "2025-03-20T10:00:00Z", "c@example.com", "100.00", "119.00"), "KIRA10"),
			coupon(order(4, "2025-03-31T22:30:00Z", "d@example.com", "100.00", "119.00"), "KIRA10"), // 1 April 00:30 in Berlin
		}, nil, nil, "sale kira 10.00 EUR; sale kira 10.00 EUR; sale kira 15.00 EUR; sale kira 10.00 EUR"},
		{"7 a partial refund halves the base", settings(domain.Plan{Sale: pct("20")}), []Partner{kira},
			[]Order{func() Order {
				o := coupon(order(1, "2025-03-14T08:00:00Z", "ana@example.com", "100.00", "119.00"), "KIRA10")
				o.Refunded = minor("59.50", "EUR")
				return o
			}()}, nil, nil, "sale kira 10.00 EUR"},
		{"8 product rules per unit and the rest by sale", settings(domain.Plan{Sale: pct("20"),
			Products: []domain.ProductRule{{SKU: "PIN-01", Rate: *fixed("1.00")}}}), []Partner{kira},
			[]Order{withLines(coupon(order(1, "2025-03-14T08:00:00Z", "ana@example.com", "28.00", "33.32"), "KIRA10"))},
			nil, nil, "product kira 3.00 EUR; sale kira 3.20 EUR"},
		{"9 a product percent of the line less its share of the discount", settings(domain.Plan{
			Products: []domain.ProductRule{{SKU: "pin-01", Rate: *pct("50")}}}), []Partner{kira},
			[]Order{withLines(coupon(order(1, "2025-03-14T08:00:00Z", "ana@example.com", "28.00", "33.32"), "KIRA10"))},
			nil, nil, "product kira 6.00 EUR"},
		{"10 repeat purchases past both limits", settings(domain.Plan{Sale: pct("20"),
			Recurring: &domain.Recurring{Rate: *pct("10"), MaxCount: ptr(2), MaxMonths: ptr(12)}}), []Partner{kira}, []Order{
			coupon(order(1, "2025-01-10T10:00:00Z", "ana@example.com", "50.00", "50.00"), "KIRA10"),
			order(2, "2025-02-10T10:00:00Z", "ana@example.com", "50.00", "50.00"),
			order(3, "2025-03-10T10:00:00Z", "ana@example.com", "50.00", "50.00"),
			order(4, "2025-04-10T10:00:00Z", "ana@example.com", "50.00", "50.00"), // past max_count
			order(5, "2025-05-10T10:00:00Z", "bo@example.com", "50.00", "50.00"),
		}, nil, nil, "sale kira 10.00 EUR; recurring kira 5.00 EUR; recurring kira 5.00 EUR"},
		{"11 months limit: a repeat 12 months after the first attributed order earns nothing", settings(domain.Plan{Sale: pct("20"),
			Recurring: &domain.Recurring{Rate: *pct("10"), MaxMonths: ptr(12)}}), []Partner{kira}, []Order{
			coupon(order(1, "2025-01-10T10:00:00Z", "ana@example.com", "50.00", "50.00"), "KIRA10"),
			order(2, "2026-01-10T09:59:59Z", "ana@example.com", "50.00", "50.00"),
			order(3, "2026-01-10T10:00:00Z", "ana@example.com", "50.00", "50.00"),
		}, nil, nil, "sale kira 10.00 EUR; recurring kira 5.00 EUR"},
		{"12 a repeat purchase with a coupon earns by sale again", settings(domain.Plan{Sale: pct("20")}), []Partner{kira}, []Order{
			coupon(order(1, "2025-01-10T10:00:00Z", "ana@example.com", "50.00", "50.00"), "KIRA10"),
			order(2, "2025-02-10T10:00:00Z", "ana@example.com", "50.00", "50.00"),
			coupon(order(3, "2025-03-10T10:00:00Z", "ana@example.com", "30.00", "30.00"), "KIRA10"),
		}, nil, nil, "sale kira 10.00 EUR; sale kira 6.00 EUR"},
		{"13 second tier of a half-refunded sale", settings(domain.Plan{Sale: pct("20"), SecondTier: pct("5")}), []Partner{lenaChild, lena},
			[]Order{func() Order {
				o := coupon(order(1, "2025-03-14T08:00:00Z", "ana@example.com", "52.00", "52.00"), "KIRA10")
				o.Refunded = minor("26.00", "EUR")
				return o
			}()}, nil, nil, "sale kira 5.20 EUR; second_tier lena 1.30 EUR"},
		{"14 a lead that converts at its first order", settings(domain.Plan{Sale: pct("20"), Lead: fixed("2.00")}), []Partner{kira},
			[]Order{order(1, "2025-03-14T08:00:00Z", " Ana@Example.com", "40.00", "47.60")},
			nil, []Lead{{ID: 7, Partner: 1, Email: "ana@example.com"}}, "lead kira 2.00 EUR; sale kira 8.00 EUR"},
		{"15 self-referral with other case and spaces", settings(domain.Plan{Sale: pct("20")}), []Partner{kira},
			[]Order{coupon(order(1, "2025-03-14T08:00:00Z", "  KIRA@example.COM ", "52.00", "52.00"), "KIRA10")},
			nil, nil, "sale kira 10.40 EUR rejected:self_referral"},
		{"16 a suspended partner's sale", settings(domain.Plan{Sale: pct("20")}), []Partner{suspended},
			[]Order{coupon(order(1, "2025-03-14T08:00:00Z", "ana@example.com", "52.00", "52.00"), "KIRA10")},
			nil, nil, "sale kira 10.40 EUR rejected:partner_inactive"},
		{"17 reassigned: future orders go to the new partner", settings(domain.Plan{Sale: pct("20"), Recurring: &domain.Recurring{Rate: *pct("10")}}),
			[]Partner{kira, lena}, []Order{
				coupon(order(1, "2025-01-10T10:00:00Z", "ana@example.com", "50.00", "50.00"), "KIRA10"),
				order(2, "2025-02-10T10:00:00Z", "ana@example.com", "50.00", "50.00"),
				order(3, "2025-04-10T10:00:00Z", "ana@example.com", "50.00", "50.00"),
			}, []Link{{Customer: custID("ana@example.com"), Partner: 2, Reason: "manual", Since: at("2025-03-01T00:00:00Z")}}, nil,
			"sale kira 10.00 EUR; recurring kira 5.00 EUR; recurring lena 5.00 EUR"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := Compute(Input{Settings: c.s, Partners: c.partners, Orders: c.orders, Links: c.links, Leads: c.leads})
			if got := summary(out.Lines); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}
