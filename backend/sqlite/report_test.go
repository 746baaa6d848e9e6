package sqlite

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerbook/backend/domain"
)

// reportProgram is a program in Berlin paying 20% of net with a 5% second tier, held 30 days,
// paid from 10.00: kira (coupon KIRA10) under lena (coupon LENA).
func reportProgram(t *testing.T, s *Store) domain.Program {
	t.Helper()
	p := domain.DefaultProgram("Atelier")
	p.Timezone = "Europe/Berlin"
	twenty, five := decimal.NewFromInt(20), decimal.NewFromInt(5)
	p.Rules = domain.Plan{Sale: &domain.Rate{Percent: &twenty}, SecondTier: &domain.Rate{Percent: &five}}
	p.PayoutThreshold = "10.00"
	prog, err := s.CreateProgram(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	mustAdd(t, s, prog.ID, partner("Lena", "lena@example.com", "lena", "LENA"))
	kp := partner("Kira", "kira@example.com", "kira", "KIRA10")
	kp.Parent = str("lena")
	mustAdd(t, s, prog.ID, kp)
	return prog
}

func at(id string, when time.Time, net, refunded int64, email, code string) domain.OrderItem {
	it := sale(id, 1, net, email, code)
	it.Order.Time, it.Order.Refunded = when, refunded
	return it
}

func mustReport(t *testing.T, s *Store, q domain.ReportQuery) domain.Report {
	t.Helper()
	r, err := s.Report(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func partnerLine(p domain.PartnerFigures) string {
	return fmt.Sprintf("%s %d %s %d %s %s %s %s", p.Partner, p.Orders, p.Revenue, p.NewCustomers, p.Commissions, p.Refunded, p.RefundRate, p.Owed)
}

// A small program worked by hand. March in Berlin runs from 28 Feb 23:00 UTC to 31 Mar 22:00
// UTC (summer time from 30 March), so #5 at 31 Mar 22:30 UTC is 1 April there.
//
//	#1 1 Mar  ana 52.00 KIRA10  kira 10.40, lena 2.60 (second tier)  ana's first purchase
//	#2 2 Mar  bo  30.00 LENA    lena 20% of 30.00 - 15.00 refunded = 3.00  bo's first
//	#3 3 Mar  cy  10.00         not credited
//	#4 5 Mar  ana 20.00 KIRA10  kira 4.00, lena 1.00                  repeat order
//	#5 1 Apr  bo  40.00 KIRA10  kira 8.00, lena 2.00                  repeat order, April
func TestReportWorkedByHand(t *testing.T) {
	s := open(t)
	prog := reportProgram(t, s)
	day := func(d, h, m int) time.Time { return time.Date(2025, 3, d, h, m, 0, 0, time.UTC) }
	if _, err := importItems(t, s, prog.ID, domain.OrderImport{},
		at("#1", day(1, 10, 0), 5200, 0, "ana@example.org", "KIRA10"), at("#2", day(2, 9, 0), 3000, 1500, "bo@example.org", "LENA"),
		at("#3", day(3, 9, 0), 1000, 0, "cy@example.org", ""), at("#4", day(5, 9, 0), 2000, 0, "ana@example.org", "kira10"),
		at("#5", day(31, 22, 30), 4000, 0, "bo@example.org", "KIRA10")); err != nil {
		t.Fatal(err)
	}
	march := mustReport(t, s, domain.ReportQuery{ProgramID: prog.ID, From: "2025-03-01", To: "2025-03-31", By: "week", AsOf: "2025-04-02"})
	tot := march.Totals
	got := fmt.Sprintf("%d %s %d %d %s %s %s", tot.Orders, tot.Revenue, tot.NewCustomers, tot.RepeatOrders, tot.Commissions, tot.Refunded, tot.RefundRate)
	if want := "3 102.00 2 1 21.00 15.00 0.3333"; got != want {
		t.Errorf("March totals = %s, want %s", got, want)
	}
	// As of 2 April: #1 (due 31 March) and #2 (due 1 April) are approved; #4 and #5 still held.
	// kira owes 10.40 (at the 10.00 threshold: due), lena 2.60 + 3.00 = 5.60 (below: carried).
	got = fmt.Sprintf("%s %s %s %s %d", tot.Pending, tot.Owed, tot.Due, tot.Paid, tot.PendingLines)
	if want := "15.00 16.00 10.40 0.00 4"; got != want {
		t.Errorf("balances = %s, want %s", got, want)
	}
	var ps []string
	for _, p := range march.Partners {
		ps = append(ps, partnerLine(p))
	}
	if got, want := strings.Join(ps, "\n"), "kira 2 72.00 1 14.40 0.00 0.0000 10.40\nlena 1 30.00 1 6.60 15.00 1.0000 5.60"; got != want {
		t.Errorf("partners:\n%s\nwant\n%s", got, want)
	}
	var series []string
	for _, p := range march.Series {
		series = append(series, fmt.Sprintf("%s %d %s %s", p.Period, p.Orders, p.Revenue, p.Commissions))
	}
	want := "2025-W09 2 82.00 16.00\n2025-W10 1 20.00 5.00\n2025-W11 0 0.00 0.00\n2025-W12 0 0.00 0.00\n2025-W13 0 0.00 0.00\n2025-W14 0 0.00 0.00"
	if got := strings.Join(series, "\n"); got != want {
		t.Errorf("series:\n%s\nwant\n%s", got, want)
	}
	if p := march.Previous; p.From != "2025-01-29" || p.To != "2025-02-28" || p.Orders != 0 || p.Revenue != "0.00" {
		t.Errorf("previous = %+v", p)
	}
	// 1 April in Berlin holds #5 alone: a repeat order. April's 30 days follow 2-31 March: #2, #4.
	april := mustReport(t, s, domain.ReportQuery{ProgramID: prog.ID, From: "2025-04-01", To: "2025-04-30", AsOf: "2025-04-02"})
	if tot := april.Totals; tot.Orders != 1 || tot.Revenue != "40.00" || tot.NewCustomers != 0 || tot.Commissions != "10.00" {
		t.Errorf("April = %+v", tot)
	}
	if p := april.Previous; p.From != "2025-03-02" || p.Orders != 2 || p.Revenue != "50.00" || p.Commissions != "8.00" {
		t.Errorf("April's previous = %+v", p)
	}
	one := mustReport(t, s, domain.ReportQuery{ProgramID: prog.ID, From: "2025-03-01", To: "2025-03-31", Partner: "LENA", AsOf: "2025-04-02"})
	if tot := one.Totals; len(one.Partners) != 1 || tot.Orders != 1 || tot.Commissions != "6.60" || tot.Owed != "5.60" || tot.Due != "0.00" {
		t.Errorf("lena alone = %+v %+v", tot, one.Partners)
	}
	// A cancelled order leaves; the first purchase moves to the customer's next order.
	cancelled := at("#1", day(1, 10, 0), 5200, 0, "ana@example.org", "KIRA10")
	cancelled.Order.Cancelled = true
	if _, err := importItems(t, s, prog.ID, domain.OrderImport{}, cancelled); err != nil {
		t.Fatal(err)
	}
	march = mustReport(t, s, domain.ReportQuery{ProgramID: prog.ID, From: "2025-03-01", To: "2025-03-31", AsOf: "2025-04-02"})
	if tot := march.Totals; tot.Orders != 2 || tot.Revenue != "50.00" || tot.NewCustomers != 2 || tot.RepeatOrders != 0 {
		t.Errorf("after cancelling #1 = %+v", tot)
	}
	// Tracking: three visits with kira's key in March (one a test event), one in April, a signup.
	if f := march.Funnel; f.Tracked {
		t.Errorf("untracked program has a funnel: %+v", f)
	}
	for i, v := range []struct {
		typ, key, time string
		test           int
	}{{"visit", "kira", "2025-03-02T10:00:00Z", 0}, {"visit", "KIRA", "2025-03-03T10:00:00Z", 0}, {"visit", "kira", "2025-03-03T11:00:00Z", 1},
		{"visit", "kira", "2025-04-01T10:00:00Z", 0}, {"signup", "kira", "2025-03-04T10:00:00Z", 0}} {
		r, err := s.db.Exec(`INSERT INTO events (event_id, program_id, type, payload, received_at, test) VALUES (?, ?, ?, '{}', ?, ?)`,
			fmt.Sprint("e", i), prog.ID, v.typ, v.time, v.test)
		if err != nil {
			t.Fatal(err)
		}
		id, _ := r.LastInsertId()
		q := `INSERT INTO visits (event_id, program_id, partner_key, visitor, time, test) VALUES (?, ?, ?, 'v1', ?, ?)`
		if v.typ == "signup" {
			q = `INSERT INTO signups (event_id, program_id, partner_key, visitor, email, time, test) VALUES (?, ?, ?, 'v1', 'x@example.org', ?, ?)`
		}
		if _, err := s.db.Exec(q, id, prog.ID, v.key, v.time, v.test); err != nil {
			t.Fatal(err)
		}
	}
	march = mustReport(t, s, domain.ReportQuery{ProgramID: prog.ID, From: "2025-03-01", To: "2025-03-31", AsOf: "2025-04-02"})
	if f := march.Funnel; !f.Tracked || f.Visits != 2 || f.Signups != 1 || f.Sales != 2 || f.SignupRate != "0.5000" || f.VisitToSale != "1.0000" {
		t.Errorf("funnel = %+v", f)
	}
	// kira earned 4.00 in March (#1 is cancelled now) over 2 visits; lena (30.00) ranks first
	if p := march.Partners[1]; p.Partner != "kira" || p.Visits != 2 || p.EarningsPerVisit != "2.00" {
		t.Errorf("kira tracked = %+v", p)
	}
	if _, err := s.Report(ctx, domain.ReportQuery{ProgramID: prog.ID, From: "2025-03-31", To: "2025-03-01"}); err == nil {
		t.Error("a period that ends before it begins was accepted")
	}
	if _, err := s.Report(ctx, domain.ReportQuery{ProgramID: prog.ID, Partner: "nobody"}); domain.ErrorCode(err) != domain.ENotFound {
		t.Errorf("unknown partner: %v", err)
	}
	assertReportSums(t, s)
}

// assertReportSums checks that the sums the writers keep equal the sums of the orders, first
// purchases and lines, computed from scratch.
func assertReportSums(t *testing.T, s *Store) {
	t.Helper()
	if err := sumsAgree(s.db); err != nil {
		t.Error(err)
	}
}
