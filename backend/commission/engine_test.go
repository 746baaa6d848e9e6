package commission

import (
	"reflect"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerbook/backend/domain"
)

// The engine takes a customer's orders as they come and never changes them: in order already,
// it reads them where they are; otherwise it sorts a copy, by time and then id.
func TestInOrder(t *testing.T) {
	at := func(h int) time.Time { return time.Date(2026, 3, 1, h, 0, 0, 0, time.UTC) }
	o := func(id int64, h int) Order { return Order{ID: id, Time: at(h)} }
	for name, c := range map[string]struct {
		in   []Order
		want []int64
		same bool // the same array back
	}{
		"none":                 {nil, nil, true},
		"one":                  {[]Order{o(5, 1)}, []int64{5}, true},
		"by time":              {[]Order{o(9, 1), o(2, 2), o(7, 3)}, []int64{9, 2, 7}, true},
		"same time, by id":     {[]Order{o(2, 1), o(3, 1)}, []int64{2, 3}, true},
		"out of time":          {[]Order{o(1, 3), o(2, 1), o(3, 2)}, []int64{2, 3, 1}, false},
		"same time, id behind": {[]Order{o(3, 1), o(2, 1)}, []int64{2, 3}, false},
	} {
		t.Run(name, func(t *testing.T) {
			before := append([]Order(nil), c.in...)
			got := inOrder(c.in)
			var ids []int64
			for _, g := range got {
				ids = append(ids, g.ID)
			}
			if !reflect.DeepEqual(ids, c.want) {
				t.Errorf("order %v, want %v", ids, c.want)
			}
			if !reflect.DeepEqual(c.in, before) {
				t.Errorf("the history's orders changed: %v", c.in)
			}
			if same := len(got) == 0 || &got[0] == &c.in[0]; same != c.same {
				t.Errorf("read in place: %v, want %v", same, c.same)
			}
		})
	}
}

// A customer's orders given out of order give what they give in order, and stay as given.
func TestCustomerOrdersInAnyOrder(t *testing.T) {
	twenty, ten := decimal.NewFromInt(20), decimal.NewFromInt(10)
	e := New(Settings{Currency: "EUR", Base: "net", Plan: domain.Plan{Sale: &domain.Rate{Percent: &twenty},
		Recurring: &domain.Recurring{Rate: domain.Rate{Percent: &ten}}}},
		[]Partner{{ID: 1, Key: "anna", Active: true, Coupons: []string{"ANNA"}}})
	at := func(d int) time.Time { return time.Date(2026, 3, d, 9, 0, 0, 0, time.UTC) }
	first := Order{ID: 1, Customer: 4, Time: at(1), Currency: "EUR", Total: 5000, Net: 5000, Codes: []string{"ANNA"}}
	second := Order{ID: 2, Customer: 4, Time: at(2), Currency: "EUR", Total: 3000, Net: 3000}
	inOrder := e.Customer(History{Customer: 4, Orders: []Order{first, second}})
	given := []Order{second, first}
	outOfOrder := e.Customer(History{Customer: 4, Orders: given})
	if !reflect.DeepEqual(inOrder, outOfOrder) {
		t.Errorf("in order:\n%+v\nout of order:\n%+v", inOrder, outOfOrder)
	}
	if given[0].ID != 2 || given[1].ID != 1 {
		t.Errorf("the history's orders were reordered: %d, %d", given[0].ID, given[1].ID)
	}
	if len(inOrder.Lines) != 2 || inOrder.Lines[0].Kind != "sale" || inOrder.Lines[1].Kind != "recurring" {
		t.Errorf("lines %+v, want a sale and a recurring line", inOrder.Lines)
	}
}

// A second tier names its rate and the partner whose line it follows.
func TestSecondTierRule(t *testing.T) {
	twenty, five := decimal.NewFromInt(20), decimal.RequireFromString("5.5")
	e := New(Settings{Currency: "EUR", Base: "net", Plan: domain.Plan{Sale: &domain.Rate{Percent: &twenty},
		SecondTier: &domain.Rate{Percent: &five}}},
		[]Partner{{ID: 1, Key: "anna", Active: true, Parent: 2, Coupons: []string{"ANNA"}}, {ID: 2, Key: "olga", Active: true}})
	r := e.Customer(History{Customer: 4, Orders: []Order{{ID: 1, Customer: 4, Time: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC),
		Currency: "EUR", Total: 5000, Net: 5000, Codes: []string{"ANNA"}}}})
	if len(r.Lines) != 2 {
		t.Fatalf("lines %+v, want a sale and its second tier", r.Lines)
	}
	if t2 := r.Lines[1]; t2.Partner != 2 || t2.Rule != "second tier 5.5% of anna" || t2.Amount.String() != "2.75" {
		t.Errorf("second tier %s %s for %d, want 2.75 by \"second tier 5.5%% of anna\" for 2", t2.Rule, t2.Amount, t2.Partner)
	}
}
