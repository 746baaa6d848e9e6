package cli

import (
	"strings"
	"testing"
)

// `report` over the importer's Shopify fixture (its lines are worked out in
// docs/commissions.md): #1001 in March (kira: 7.30 + 1.00, net 43.70) and #1003 in April (lena
// 5.22, kira 1.31 as her parent; net: 44.90 less 6.39 tax and 4.90 shipping, 33.61), each a first purchase.
func TestReportCommand(t *testing.T) {
	p := newPB(t)
	p.withProgram()
	p.ok(nil, "import", "partners", "--program", "1", testdata("partners.csv"))
	p.ok(nil, "import", "orders", "--program", "1", fixture("orders_export_1.csv"))
	var r struct {
		Program, Currency, From, To, By string
		Totals                          struct {
			Orders                                         int64
			NewCustomers                                   int64 `json:"new_customers"`
			Revenue, Commissions, Pending, Owed, Due, Paid string
		}
		Partners []struct {
			Partner, Revenue, Commissions, Owed string
			Orders                              int64
		}
		Series   []struct{ Period, Revenue, Commissions string }
		Previous struct{ Orders int64 }
	}
	p.ok(&r, "report", "--program", "1", "--from", "2025-03-01", "--to", "2025-04-30", "--by", "month", "--as-of", "2025-05-10")
	if r.From != "2025-03-01" || r.By != "month" || r.Totals.Orders != 2 || r.Totals.NewCustomers != 2 || r.Totals.Revenue != "77.31" ||
		r.Totals.Commissions != "14.83" || r.Totals.Owed != "14.83" {
		t.Fatalf("report = %+v", r)
	}
	if len(r.Partners) != 2 || r.Partners[0].Commissions != "9.61" || r.Partners[1].Partner != "lena" || r.Partners[1].Commissions != "5.22" {
		t.Fatalf("partners = %+v", r.Partners)
	}
	if len(r.Series) != 2 || r.Series[0].Period != "2025-03" || r.Series[0].Commissions != "8.30" || r.Series[1].Revenue != "33.61" {
		t.Fatalf("series = %+v", r.Series)
	}
	var one struct{ Partners []struct{ Partner string } }
	p.ok(&one, "report", "--program", "1", "--from", "2025-03-01", "--to", "2025-04-30", "--partner", "lena")
	if len(one.Partners) != 1 || one.Partners[0].Partner != "lena" {
		t.Fatalf("lena alone = %+v", one)
	}
	if code, _, errs := p.run("report", "--program", "1", "--from", "2025-03-31", "--to", "2025-03-01"); code != 1 || !strings.Contains(errs, "before") {
		t.Fatalf("a reversed period: exit %d, %s", code, errs)
	}
}
