package sqlite

import (
	"fmt"
	"math/rand"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerbook/backend/domain"
)

// randomProgram fills a program in Berlin (or Kolkata, for even seeds) with n random orders over four months, imported in
// batches (some orders again, changed: refunded, cancelled, moved), in two currencies, then
// an undone import, payout runs, rejected lines and adjustments.
func randomProgram(t *testing.T, s *Store, seed int64, n int) domain.Program {
	t.Helper()
	rnd := rand.New(rand.NewSource(seed))
	prog := reportProgram(t, s)
	if seed%2 == 0 { // a zone whose days start on the half hour: reports read the cut hours from the orders
		if _, err := s.db.Exec(`UPDATE programs SET timezone = 'Asia/Kolkata' WHERE id = ?`, prog.ID); err != nil {
			t.Fatal(err)
		}
		prog.Timezone = "Asia/Kolkata"
	}
	codes := []string{"KIRA10", "LENA"}
	for i := 0; i < 8; i++ {
		key := fmt.Sprintf("p%d", i)
		pp := partner("Partner "+key, key+"@example.com", key, "C"+key)
		if i%3 == 0 {
			pp.Parent = str("kira")
		}
		mustAdd(t, s, prog.ID, pp)
		codes = append(codes, "C"+key)
	}
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	var all []domain.OrderItem
	for i := 0; i < n; i++ {
		when := start.Add(time.Duration(rnd.Int63n(int64(120 * 24 * time.Hour)))).Truncate(time.Second)
		code := ""
		if rnd.Intn(10) < 7 {
			code = codes[rnd.Intn(len(codes))]
		}
		it := at(fmt.Sprintf("#%d", i), when, 500+rnd.Int63n(20000), 0, fmt.Sprintf("c%d@example.org", rnd.Intn(n/3+1)), code)
		if rnd.Intn(12) == 0 {
			it.Order.Currency = "USD"
		}
		all = append(all, it)
	}
	for lo := 0; lo < n; lo += n / 4 {
		if _, err := importItems(t, s, prog.ID, domain.OrderImport{File: fmt.Sprintf("b%d.csv", lo)}, all[lo:min(lo+n/4, n)]...); err != nil {
			t.Fatal(err)
		}
	}
	var changed []domain.OrderItem
	for _, k := range rnd.Perm(n)[:n/5] { // each order once: a file names an order once
		it := all[k]
		o := *it.Order
		switch rnd.Intn(3) {
		case 0:
			o.Refunded = o.Net / int64(1+rnd.Intn(3))
		case 1:
			o.Cancelled = true
		default:
			o.Time = o.Time.Add(time.Duration(rnd.Intn(72)-36) * time.Hour)
		}
		changed = append(changed, domain.OrderItem{Order: &o})
	}
	// the changes are imported, undone, and imported again
	for k := 0; k < 2; k++ {
		res, err := importItems(t, s, prog.ID, domain.OrderImport{File: fmt.Sprintf("changes%d.csv", k)}, changed...)
		if err != nil {
			t.Fatal(err)
		}
		if k == 0 {
			if _, err := s.UndoImport(ctx, res.Batch); err != nil {
				t.Fatal(err)
			}
		}
	}
	moreWriters(t, s, prog, rnd, all)
	for k, v := range map[string]string{"company.name": "Atelier GmbH", "company.address": "Hauptstraße 1, 10115 Berlin"} {
		if err := s.SetSetting(ctx, k, v); err != nil { // the issuer a payout run needs
			t.Fatal(err)
		}
	}
	for _, asOf := range []string{"2025-02-20", "2025-03-25"} {
		if _, err := s.RunPayouts(ctx, prog.ID, asOf, false); err != nil {
			t.Fatal(err)
		}
	}
	var ids []int64
	rows, _ := s.db.Query(`SELECT id FROM commission_lines WHERE status = 'pending' ORDER BY random() LIMIT 20`)
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	if _, err := s.RejectLines(ctx, prog.ID, ids, "test orders"); err != nil {
		t.Fatal(err)
	}
	approve := ids[:0]
	rows, _ = s.db.Query(`SELECT id FROM commission_lines WHERE status = 'pending' ORDER BY random() LIMIT 10`)
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		approve = append(approve, id)
	}
	rows.Close()
	if _, err := s.ApproveLines(ctx, prog.ID, approve); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		if _, err := s.AddAdjustment(ctx, prog.ID, domain.Adjustment{Partner: fmt.Sprintf("p%d", i), Amount: fmt.Sprintf("%d.25", i-2), Comment: "correction"}); err != nil {
			t.Fatal(err)
		}
	}
	return prog
}

// onRandomPrograms runs f on the random programs of seeds 1 and 2 (randomProgram), of n orders
// (300 with -short), each in its own store, with the clock at 3 April 2025.
func onRandomPrograms(t *testing.T, n int, f func(t *testing.T, s *Store, prog domain.Program, seed int64)) {
	if testing.Short() {
		n = 300
	}
	for seed := int64(1); seed <= 2; seed++ {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			s := open(t)
			s.Now = func() time.Time { return time.Date(2025, 4, 3, 12, 0, 0, 0, time.UTC) }
			f(t, s, randomProgram(t, s, seed, n), seed)
		})
	}
}

// TestReportAgreesWithCommissionsAndBalances: on random programs, every partner's commissions
// of random periods equal the sum of `commissions` for the same filter (reversed and rejected
// left out), pending and owed equal `balances`, and order figures equal a count of the orders.
func TestReportAgreesWithCommissionsAndBalances(t *testing.T) {
	onRandomPrograms(t, 1200, func(t *testing.T, s *Store, prog domain.Program, seed int64) {
		assertReportSums(t, s)
		rnd := rand.New(rand.NewSource(seed))
		for k := 0; k < 6; k++ {
			from := time.Date(2024, 12, 20, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rnd.Intn(120))
			to := from.AddDate(0, 0, rnd.Intn(60))
			q := domain.ReportQuery{ProgramID: prog.ID, From: from.Format("2006-01-02"), To: to.Format("2006-01-02"),
				By: []string{"day", "week", "month"}[k%3], AsOf: from.AddDate(0, 0, 40).Format("2006-01-02")}
			agree(t, s, prog, q)
		}
	})
}

func agree(t *testing.T, s *Store, prog domain.Program, q domain.ReportQuery) {
	t.Helper()
	r := mustReport(t, s, q)
	earned := map[string]int64{}
	err := s.EachCommission(ctx, domain.CommissionFilter{ProgramID: prog.ID, From: q.From, To: q.To, AsOf: q.AsOf}, func(c domain.CommissionLine) error {
		if c.Status != "reversed" && c.Status != "rejected" && c.Currency == prog.Currency {
			earned[c.Partner] += minor(t, c.Amount)
			earned[""] += minor(t, c.Amount)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	bal, err := s.Balances(ctx, prog.ID, "", q.AsOf)
	if err != nil {
		t.Fatal(err)
	}
	owed, pending := map[string]int64{}, int64(0)
	var allOwed int64
	for _, b := range bal {
		if b.Currency == prog.Currency {
			owed[b.Partner] += minor(t, b.Approved)
			allOwed += minor(t, b.Approved)
			pending += minor(t, b.Pending)
		}
	}
	var orders, revenue, firsts int64
	loc := prog.Location()
	f, _ := time.ParseInLocation("2006-01-02", q.From, loc)
	e, _ := time.ParseInLocation("2006-01-02", q.To, loc)
	err = s.db.QueryRow(`SELECT count(*), COALESCE(sum(net), 0), COALESCE(sum(o.id = (SELECT x.id FROM orders x
		WHERE x.customer_id = o.customer_id AND x.cancelled = 0 ORDER BY x.time, x.id LIMIT 1)), 0)
		FROM orders o WHERE o.program_id = ? AND o.partner_id IS NOT NULL AND o.cancelled = 0 AND o.currency = ? AND o.time >= ? AND o.time < ?`,
		prog.ID, prog.Currency, f.UTC().Format(TimeLayout), e.AddDate(0, 0, 1).UTC().Format(TimeLayout)).Scan(&orders, &revenue, &firsts)
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("%s..%s by %s as of %s", q.From, q.To, q.By, q.AsOf)
	tot := r.Totals
	if minor(t, tot.Commissions) != earned[""] || minor(t, tot.Owed) != allOwed || minor(t, tot.Pending) != pending {
		t.Errorf("%s: commissions %s owed %s pending %s; lines say %d %d %d", name, tot.Commissions, tot.Owed, tot.Pending, earned[""], allOwed, pending)
	}
	if tot.Orders != orders || minor(t, tot.Revenue) != revenue || tot.NewCustomers != firsts {
		t.Errorf("%s: orders %d revenue %s new %d; orders say %d %d %d", name, tot.Orders, tot.Revenue, tot.NewCustomers, orders, revenue, firsts)
	}
	var seriesOrders, seriesComm int64
	for _, p := range r.Series {
		seriesOrders += p.Orders
		seriesComm += minor(t, p.Commissions)
	}
	if seriesOrders != orders || seriesComm != earned[""] {
		t.Errorf("%s: the series adds up to %d orders and %d, not %d and %d", name, seriesOrders, seriesComm, orders, earned[""])
	}
	var partnersComm int64
	for _, p := range r.Partners {
		partnersComm += minor(t, p.Commissions)
		if minor(t, p.Commissions) != earned[p.Partner] || minor(t, p.Owed) != owed[p.Partner] {
			t.Errorf("%s: %s earned %s owes %s; lines say %d %d", name, p.Partner, p.Commissions, p.Owed, earned[p.Partner], owed[p.Partner])
		}
	}
	if partnersComm != earned[""] {
		t.Errorf("%s: partners add up to %d, not %d", name, partnersComm, earned[""])
	}
}

func minor(t *testing.T, amount string) int64 {
	t.Helper()
	d, err := domain.ParseAmount(amount)
	if err != nil {
		t.Fatal(err)
	}
	m, err := domain.ToMinor(d, "EUR")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// moreWriters writes the program's orders and lines the other ways there are: refund rows of
// credited orders, sales and refunds through the sync endpoint's events (created, then
// changed), and a plan change, which recomputes every line.
func moreWriters(t *testing.T, s *Store, prog domain.Program, rnd *rand.Rand, all []domain.OrderItem) {
	t.Helper()
	var refunds []domain.OrderItem
	for k, it := range all {
		if it.Order.Currency == "EUR" && len(refunds) < 15 && rnd.Intn(4) == 0 {
			refunds = append(refunds, domain.OrderItem{Refund: &domain.Refund{Source: it.Order.Source, OrderID: it.Order.ID,
				Key: fmt.Sprint("r", k), Amount: 100, Currency: "EUR", Time: it.Order.Time.Add(time.Hour), Row: k}})
		}
	}
	// an order refunded whole before cannot take another: skipped
	if res, err := importItems(t, s, prog.ID, domain.OrderImport{File: "refunds.csv", SkipInvalid: true}, refunds...); err != nil || res.Refunds < 5 {
		t.Fatalf("refunds: %+v, %v", res, err)
	}
	for i := 0; i < 12; i++ {
		day := 1 + rnd.Intn(28)
		sale := fmt.Sprintf(`{"order_id":"s%d","customer":{"email":"c%d@example.org"},"amount":"%d.00","currency":"EUR","coupon":"LENA","time":"2025-02-%02dT10:00:00Z"}`,
			i%8, rnd.Intn(50), 20+i, day) // s0..s3 come twice: the second changes them
		event(t, s, prog.ID, fmt.Sprint("sale", i), "sale", sale, day, 10)
		if i%5 == 4 {
			event(t, s, prog.ID, fmt.Sprint("refund", i), "refund", fmt.Sprintf(`{"order_id":"s%d","amount":"3.00","refund_id":"x%d"}`, i%8, i), day, 11)
		}
	}
	if res, err := s.ApplyEvents(ctx, 100); err != nil || res.Orders == 0 {
		t.Fatalf("sync events: %+v, %v", res, err)
	}
	p, err := s.FindProgram(ctx, fmt.Sprint(prog.ID))
	if err != nil {
		t.Fatal(err)
	}
	rate := decimal.NewFromInt(25)
	p.Rules.Sale = &domain.Rate{Percent: &rate}
	if _, err := s.UpdateProgram(ctx, p); err != nil {
		t.Fatal(err)
	}
}
