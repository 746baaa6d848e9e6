package report

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"partnerbook/backend/domain"
)

func berlin(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestResolve(t *testing.T) {
	loc := berlin(t)
	for _, c := range []struct {
		name, preset, from, to, today string
		want                          string // from to start end previous, or the error's field
	}{
		{"default is the last 30 days", "", "", "", "2025-03-14", "2025-02-13 2025-03-14 2025-02-12T23:00:00Z 2025-03-14T23:00:00Z 2025-01-14..2025-02-12"},
		{"last 30 days", "last_30_days", "", "", "2025-03-14", "2025-02-13 2025-03-14 2025-02-12T23:00:00Z 2025-03-14T23:00:00Z 2025-01-14..2025-02-12"},
		{"this month", "this_month", "", "", "2025-03-14", "2025-03-01 2025-03-14 2025-02-28T23:00:00Z 2025-03-14T23:00:00Z 2025-02-15..2025-02-28"},
		{"last month across summer time", "last_month", "", "", "2025-04-10", "2025-03-01 2025-03-31 2025-02-28T23:00:00Z 2025-03-31T22:00:00Z 2025-01-29..2025-02-28"},
		{"last month in January", "last_month", "", "", "2025-01-10", "2024-12-01 2024-12-31 2024-11-30T23:00:00Z 2024-12-31T23:00:00Z 2024-10-31..2024-11-30"},
		{"this year", "this_year", "", "", "2025-03-14", "2025-01-01 2025-03-14 2024-12-31T23:00:00Z 2025-03-14T23:00:00Z 2024-10-20..2024-12-31"},
		{"custom", "custom", "2025-03-01", "2025-03-01", "2025-03-14", "2025-03-01 2025-03-01 2025-02-28T23:00:00Z 2025-03-01T23:00:00Z 2025-02-28..2025-02-28"},
		{"only to: 30 days up to it", "", "", "2025-02-28", "2025-03-14", "2025-01-30 2025-02-28 2025-01-29T23:00:00Z 2025-02-28T23:00:00Z 2024-12-31..2025-01-29"},
		{"only from: up to today", "", "2025-03-10", "", "2025-03-14", "2025-03-10 2025-03-14 2025-03-09T23:00:00Z 2025-03-14T23:00:00Z 2025-03-05..2025-03-09"},
		{"reversed", "", "2025-03-10", "2025-03-01", "2025-03-14", "error to"},
		{"not a date", "", "10.03.2025", "", "2025-03-14", "error from"},
		{"unknown preset", "yesterday", "", "", "2025-03-14", "error preset"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, err := Resolve(loc, c.preset, c.from, c.to, c.today)
			var got string
			if err != nil {
				got = "error " + problemsOf(err)[0].Column
			} else {
				prev := p.Previous()
				got = fmt.Sprintf("%s %s %s %s %s..%s", p.From, p.To, p.Start(), p.End(), prev.From, prev.To)
			}
			if got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

func problemsOf(err error) domain.Problems {
	if e := domain.AsError(err); e != nil && len(e.Problems) > 0 {
		return e.Problems
	}
	return domain.Problems{{Column: "?" + err.Error()}}
}

func TestBuckets(t *testing.T) {
	loc := berlin(t)
	for _, c := range []struct{ from, to, by, want string }{
		{"2025-03-29", "2025-03-31", "day", "2025-03-29@2025-03-28T23:00:00Z 2025-03-30@2025-03-29T23:00:00Z 2025-03-31@2025-03-30T22:00:00Z"},
		{"2025-03-01", "2025-03-17", "week", "2025-W09@2025-02-28T23:00:00Z 2025-W10@2025-03-02T23:00:00Z 2025-W11@2025-03-09T23:00:00Z 2025-W12@2025-03-16T23:00:00Z"},
		{"2024-12-30", "2025-01-06", "week", "2025-W01@2024-12-29T23:00:00Z 2025-W02@2025-01-05T23:00:00Z"},
		{"2025-01-15", "2025-04-02", "month", "2025-01@2025-01-14T23:00:00Z 2025-02@2025-01-31T23:00:00Z 2025-03@2025-02-28T23:00:00Z 2025-04@2025-03-31T22:00:00Z"},
	} {
		p := Period{From: c.from, To: c.to, Loc: loc}
		bs, err := p.Buckets(c.by)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, b := range bs {
			got = append(got, b.Label+"@"+b.Start)
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("%s..%s by %s:\n got %s\nwant %s", c.from, c.to, c.by, g, c.want)
		}
	}
	if _, err := (Period{From: "2025-03-01", To: "2025-03-02", Loc: loc}).Buckets("hour"); err == nil {
		t.Error("buckets of an hour were accepted")
	}
	for days, want := range map[int]string{1: "day", 62: "day", 63: "week", 190: "week", 191: "month"} {
		to := time.Date(2025, 1, 1, 0, 0, 0, 0, loc).AddDate(0, 0, days-1).Format(DayLayout)
		if got := (Period{From: "2025-01-01", To: to, Loc: loc}).DefaultBy(); got != want {
			t.Errorf("%d days: by %s, want %s", days, got, want)
		}
	}
}

func TestFigureRules(t *testing.T) {
	for _, c := range []struct {
		name, got, want string
	}{
		{"refund rate counts refunded orders", RefundRate(Sums{Orders: 46, RefundedOrders: 2}), "0.0435"},
		{"refund rate of no orders", RefundRate(Sums{}), "0.0000"},
		{"revenue on net", fmt.Sprint(Revenue(Sums{Net: 100, Total: 119}, "net")), "100"},
		{"revenue on total", fmt.Sprint(Revenue(Sums{Net: 100, Total: 119}, "total")), "119"},
		{"earnings per visit", PerVisit(26203, 1000, "EUR"), "0.26"},
		{"earnings per visit rounds half up", PerVisit(1005, 2, "EUR"), "5.03"},
		{"earnings per visit in yen", PerVisit(1000, 3, "JPY"), "333"},
		{"earnings without visits", PerVisit(1000, 0, "EUR"), ""},
		{"due: at or over the threshold", fmt.Sprint(Due([]Balance{{PartnerID: 1, Currency: "EUR", Owed: 1000},
			{PartnerID: 2, Currency: "EUR", Owed: 999}, {PartnerID: 3, Currency: "USD", Owed: 5000}, {PartnerID: 4, Currency: "EUR", Owed: -300}}, "EUR", 1000)), "1000"},
		{"due without threshold: every positive balance", fmt.Sprint(Due([]Balance{{Currency: "EUR", Owed: 1}, {Currency: "EUR", Owed: -5}}, "EUR", 0)), "1"},
	} {
		if c.got != c.want {
			t.Errorf("%s: got %s, want %s", c.name, c.got, c.want)
		}
	}
}

func TestRankAndAssemble(t *testing.T) {
	loc := berlin(t)
	p := Period{From: "2025-03-01", To: "2025-03-02", Loc: loc}
	bs, _ := p.Buckets("day")
	eur := func(s Sums) Money { return Money{"EUR": &s} }
	d := Data{
		Totals:   Money{"EUR": {Orders: 3, Net: 9000, NewCustomers: 2, Commissions: 1800, Refunded: 500, RefundedOrders: 1}, "USD": {Orders: 1, Net: 700}},
		Previous: eur(Sums{Orders: 1, Net: 1000}),
		Series:   []Money{eur(Sums{Orders: 2, Net: 5000, Commissions: 1000}), eur(Sums{Orders: 1, Net: 4000, Commissions: 800})},
		Partners: []Partner{{ID: 1, Key: "ana", Money: eur(Sums{Orders: 1, Net: 4000})}, {ID: 2, Key: "bo", Money: eur(Sums{Orders: 2, Net: 5000, Commissions: 1000}), Visits: 40},
			{ID: 3, Key: "cy", Money: Money{}}, {ID: 4, Key: "di", Money: eur(Sums{Orders: 0, Commissions: 0, Refunded: 100})}},
		Balances: []Balance{{PartnerID: 2, Currency: "EUR", Owed: 1500, Pending: 300, PendingLines: 2}, {PartnerID: 1, Currency: "EUR", Owed: 200}},
		Paid:     map[string]int64{"EUR": 4200},
		Tracked:  true, Visits: 100, Signups: 10,
	}
	prog := domain.Program{Name: "Atelier", Currency: "EUR", Base: "net"}
	r := Assemble(prog, p, "day", "2025-03-03", bs, d, 1000)
	got := fmt.Sprintf("%d %s %d %d %s %s %s %s %s %s", r.Totals.Orders, r.Totals.Revenue, r.Totals.NewCustomers, r.Totals.RepeatOrders,
		r.Totals.Commissions, r.Totals.Owed, r.Totals.Due, r.Totals.Pending, r.Totals.Paid, r.Totals.RefundRate)
	if want := "3 90.00 2 1 18.00 17.00 15.00 3.00 42.00 0.3333"; got != want {
		t.Errorf("totals %s, want %s", got, want)
	}
	var keys []string
	for _, pf := range r.Partners {
		keys = append(keys, pf.Partner+":"+pf.EarningsPerVisit)
	}
	if got := strings.Join(keys, " "); got != "bo:0.25 ana: di:" {
		t.Errorf("ranking %s", got)
	}
	if len(r.Series) != 2 || r.Series[0].Period != "2025-03-01" || r.Series[1].Revenue != "40.00" {
		t.Errorf("series %+v", r.Series)
	}
	if len(r.Other) != 1 || r.Other[0].Currency != "USD" || r.Other[0].Revenue != "7.00" {
		t.Errorf("other currencies %+v", r.Other)
	}
	if f := r.Funnel; !f.Tracked || f.SignupRate != "0.1000" || f.CustomerRate != "0.2000" || f.VisitToSale != "0.0300" {
		t.Errorf("funnel %+v", f)
	}
	if r.Previous.From != "2025-02-27" || r.Previous.Revenue != "10.00" {
		t.Errorf("previous %+v", r.Previous)
	}
}
