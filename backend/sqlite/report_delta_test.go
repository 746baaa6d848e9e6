package sqlite

import (
	"encoding/json"
	"testing"
	"unsafe"

	"partnerbook/backend/commission"
)

// The delta says, row for row, what the SQL of report_keep.go says (sumsAgree checks the two
// against the rows after every write of the store's tests); these are its cases worked by hand.
func TestSumsDelta(t *testing.T) {
	o := &commission.Order{ID: 1, Currency: "EUR", Net: 1000, Total: 1190, Refunded: 200}
	pending := lineRow{ID: 7, Partner: 3, Kind: "sale", Status: "pending", Amount: 150, Base: 1000, Currency: "EUR",
		TimeAt: "2025-03-14T08:15:00Z"}
	approved := pending
	approved.Status, approved.Due = "approved", "2025-04-13"
	for _, c := range []struct {
		name            string
		do              func(d *sumsDelta) error
		hours, balances string
	}{
		{"an order moves between partners: all partners' hour nets to nothing and is left out",
			func(d *sumsDelta) error { d.moveOrder(o, "2025-03-14T08", 3, 4); return nil },
			`[[3,"2025-03-14T08","EUR",-1,-1000,-1190,-200,-1,0,0],[4,"2025-03-14T08","EUR",1,1000,1190,200,1,0,0]]`, ``},
		{"an order credited for the first time counts for its partner and for all",
			func(d *sumsDelta) error { d.moveOrder(o, "2025-03-14T08", 0, 4); return nil },
			`[[0,"2025-03-14T08","EUR",1,1000,1190,200,1,0,0],[4,"2025-03-14T08","EUR",1,1000,1190,200,1,0,0]]`, ``},
		{"a cancelled order counts nowhere",
			func(d *sumsDelta) error {
				c := *o
				c.Cancelled = true
				d.moveOrder(&c, "2025-03-14T08", 0, 4)
				return nil
			}, ``, ``},
		{"a first order no longer credited: a new customer less",
			func(d *sumsDelta) error { d.moveFirst(9, "2025-03-14T08", "EUR", 4, 0); return nil },
			`[[0,"2025-03-14T08","EUR",0,0,0,0,0,-1,0],[4,"2025-03-14T08","EUR",0,0,0,0,0,-1,0]]`, ``},
		{"a new pending line without a due day: earned in its hour, due 9999-12-31",
			func(d *sumsDelta) error {
				return d.ops(nil, []commission.Op{{Row: pending}})
			},
			`[[0,"2025-03-14T08","EUR",0,0,0,0,0,0,150],[3,"2025-03-14T08","EUR",0,0,0,0,0,0,150]]`,
			`[[3,"EUR","pending","9999-12-31",150,1,1,1000]]`},
		{"a second tier counts in the balances, not among the sales",
			func(d *sumsDelta) error {
				r := pending
				r.Kind = "second_tier"
				return d.ops(nil, []commission.Op{{Row: r}})
			},
			`[[0,"2025-03-14T08","EUR",0,0,0,0,0,0,150],[3,"2025-03-14T08","EUR",0,0,0,0,0,0,150]]`,
			`[[3,"EUR","pending","9999-12-31",150,1,0,0]]`},
		{"a line approved in place moves in the balances only",
			func(d *sumsDelta) error {
				return d.ops(map[int64]*lineRow{7: &pending}, []commission.Op{{ID: 7, Row: approved}})
			}, ``,
			`[[3,"EUR","approved","",150,1,1,1000],[3,"EUR","pending","9999-12-31",-150,-1,-1,-1000]]`},
		{"a deleted rejected line leaves the balances and was never earned",
			func(d *sumsDelta) error {
				r := pending
				r.Status = "rejected"
				return d.ops(map[int64]*lineRow{7: &r}, []commission.Op{{ID: 7, Delete: true}})
			}, ``, `[[3,"EUR","rejected","",-150,-1,-1,-1000]]`},
		{"a change of a line the plan did not read is refused",
			func(d *sumsDelta) error { return d.ops(map[int64]*lineRow{}, []commission.Op{{ID: 8, Row: pending}}) }, ``, ``},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := newSumsDelta(1)
			err := c.do(d)
			if wantErr := c.name == "a change of a line the plan did not read is refused"; (err != nil) != wantErr {
				t.Fatalf("error %v", err)
			}
			if got := rowsText(hoursArgs(d.program, d.hours), hoursCols); got != c.hours {
				t.Errorf("hours\n got %s\nwant %s", got, c.hours)
			}
			if got := rowsText(d.balancesArgs(), balancesCols); got != c.balances {
				t.Errorf("balances\n got %s\nwant %s", got, c.balances)
			}
		})
	}
}

// TestSumsDeltaMonths: the months a delta writes are its hours summed by month; a month whose
// hours net to nothing is left out, as an hour is.
func TestSumsDeltaMonths(t *testing.T) {
	d := newSumsDelta(1)
	add := func(partner int64, hour string, orders, net int64) {
		d.hour(partner, hour, "EUR", func(s *hourSums) { s.Orders += orders; s.Net += net; s.Commissions += net / 10 })
	}
	read := `[[1,"2025-03-14T08:10:00Z"]]` // the text of a chunk's orders, which a month must not keep
	add(5, read[5:18], 1, 1000)
	add(5, "2025-03-31T23", 2, 500)
	add(5, "2025-04-01T00", 1, 300)
	add(7, "2025-05-01T01", 1, 200) // moved to another hour of its month: the month is as it was
	add(7, "2025-05-20T03", -1, -200)
	want := `[[0,"2025-03","EUR",3,1500,0,0,0,0,150],[0,"2025-04","EUR",1,300,0,0,0,0,30],` +
		`[5,"2025-03","EUR",3,1500,0,0,0,0,150],[5,"2025-04","EUR",1,300,0,0,0,0,30]]`
	months := map[hourKey]*hourSums{}
	addSums(months, d.hours, 7)
	if got := rowsText(hoursArgs(d.program, months), hoursCols); got != want {
		t.Errorf("months\n got %s\nwant %s", got, want)
	}
	for k := range months {
		if at := uintptr(unsafe.Pointer(unsafe.StringData(k.hour))); at >= uintptr(unsafe.Pointer(unsafe.StringData(read))) &&
			at < uintptr(unsafe.Pointer(unsafe.StringData(read)))+uintptr(len(read)) {
			t.Errorf("the month %s is a part of the text it was read from", k.hour)
		}
	}
	if got := len(hoursArgs(d.program, d.hours)) / hoursCols; got != 10 {
		t.Errorf("%d rows of hours, want 10: the months must leave the hours as they are", got)
	}
}

// rowsText is rows of cols values each as a JSON array of rows, without their first value (the
// program, the same in every row); "" for none.
func rowsText(args []any, cols int) string {
	if len(args) == 0 {
		return ""
	}
	var rows [][]any
	for i := 0; i < len(args); i += cols {
		rows = append(rows, args[i+1:i+cols])
	}
	out, _ := json.Marshal(rows)
	return string(out)
}
