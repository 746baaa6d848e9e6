package sqlite

import (
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerbook/backend/domain"
)

// commissionProgram is a program paying 20% of net with a 5% second tier, held 30 days.
func commissionProgram(t *testing.T, s *Store, threshold string) (domain.Program, domain.Partner, domain.Partner) {
	t.Helper()
	return commissionProgramNamed(t, s, "Shop", threshold)
}

func commissionProgramNamed(t *testing.T, s *Store, name, threshold string) (domain.Program, domain.Partner, domain.Partner) {
	t.Helper()
	p := domain.DefaultProgram(name)
	twenty, five := decimal.NewFromInt(20), decimal.NewFromInt(5)
	p.Rules = domain.Plan{Sale: &domain.Rate{Percent: &twenty}, SecondTier: &domain.Rate{Percent: &five}}
	p.PayoutThreshold = threshold
	prog, err := s.CreateProgram(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	issuer(t, s)
	lena := mustAdd(t, s, prog.ID, partner("Lena", "lena@example.com", "lena", "LENA"))
	kp := partner("Kira", "kira@example.com", "kira", "KIRA10")
	kp.Parent = str("lena")
	kira := mustAdd(t, s, prog.ID, kp)
	return prog, kira, lena
}

// issuer sets the shop's name and address, which a payout run needs.
func issuer(t *testing.T, s *Store) {
	t.Helper()
	for k, v := range map[string]string{"company.name": "Kaffee Shop GmbH", "company.address": "Hauptstraße 1, 10115 Berlin"} {
		if err := s.SetSetting(ctx, k, v); err != nil {
			t.Fatal(err)
		}
	}
}

// payday sets the clock to the end of 2025, so that runs as of its days are not in the future.
func payday(s *Store) {
	s.Now = func() time.Time { return time.Date(2025, 12, 31, 12, 0, 0, 0, time.UTC) }
}

func sale(id string, day int, net int64, email, code string) domain.OrderItem {
	it := ord(id, net, email)
	it.Order.Time = time.Date(2025, 3, day, 10, 0, 0, 0, time.UTC)
	if code != "" {
		it.Order.DiscountCodes = []string{code}
	}
	return it
}

// lines renders the program's lines as of a day: "partner kind status amount".
func lines(t *testing.T, s *Store, pid int64, asOf string) string {
	t.Helper()
	var out []string
	err := s.EachCommission(ctx, domain.CommissionFilter{ProgramID: pid, AsOf: asOf}, func(c domain.CommissionLine) error {
		out = append(out, fmt.Sprintf("%s %s %s %s %s %s", c.Order, c.Partner, c.Kind, c.Status, c.Amount, c.Note))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(out, "\n")
}

func TestCommissionsThroughImportRefundAndPayout(t *testing.T) {
	s := open(t)
	prog, _, _ := commissionProgram(t, s, "10.00")
	defer wroteEverything(t, s, prog.ID)
	if _, err := importItems(t, s, prog.ID, domain.OrderImport{},
		sale("#1", 1, 5200, "ana@example.org", "kira10"), sale("#2", 2, 3000, "bo@example.org", "LENA"),
		sale("#3", 3, 1000, "cy@example.org", "")); err != nil {
		t.Fatal(err)
	}
	want := "#1 kira sale pending 10.40 \n#1 lena second_tier pending 2.60 \n#2 lena sale pending 6.00 "
	if got := lines(t, s, prog.ID, "2025-03-20"); got != want {
		t.Fatalf("lines:\n%s\nwant\n%s", got, want)
	}
	// 30 days after 1 March is 31 March: approved from then on, as of the day asked.
	if got := lines(t, s, prog.ID, "2025-03-31"); !strings.HasPrefix(got, "#1 kira sale approved 10.40") || !strings.Contains(got, "#2 lena sale pending") {
		t.Fatalf("as of 31 March:\n%s", got)
	}
	// A refund before payout changes the line in place.
	refunded := sale("#1", 1, 5200, "ana@example.org", "kira10")
	refunded.Order.Refunded = 2600
	if _, err := importItems(t, s, prog.ID, domain.OrderImport{}, refunded); err != nil {
		t.Fatal(err)
	}
	if got := lines(t, s, prog.ID, "2025-03-20"); !strings.Contains(got, "#1 kira sale pending 5.20") || !strings.Contains(got, "#1 lena second_tier pending 1.30") {
		t.Fatalf("after the refund:\n%s", got)
	}
	// As of 2 April: kira 5.20 is below 10.00 (carried); lena 6.00 + 1.30 = 7.30 also below.
	payday(s)
	run, err := s.RunPayouts(ctx, prog.ID, "2025-04-02", false)
	if err != nil || len(run.Payouts) != 0 || len(run.Carried) != 2 {
		t.Fatalf("run = %+v, %v", run, err)
	}
	// Each carried balance names its partner and says why as a code a screen translates, as
	// the run made it and as the list of runs reads it back.
	listed, err := s.ListPayoutRuns(ctx, prog.ID)
	if err != nil || len(listed) != 1 {
		t.Fatalf("runs = %+v, %v", listed, err)
	}
	for _, c := range append(run.Carried, listed[0].Carried...) {
		if c.Name == "" || c.Code != "below_threshold" || c.Threshold != "10.00" {
			t.Errorf("carried = %+v, want the name, below_threshold and 10.00", c)
		}
	}
	if _, err := s.AddAdjustment(ctx, prog.ID, domain.Adjustment{Partner: "kira", Amount: "5.00", Comment: "bonus for the spring campaign"}); err != nil {
		t.Fatal(err)
	}
	// A dry run shows the payout, writes nothing and uses no number.
	dry, err := s.RunPayouts(ctx, prog.ID, "2025-04-02", true)
	if err != nil || len(dry.Payouts) != 1 || dry.Payouts[0].Number != "2025-0001" || dry.Payouts[0].Partner != "kira" {
		t.Fatalf("dry run = %+v, %v", dry, err)
	}
	if count(t, s, "payouts") != 0 || count(t, s, "number_series") != 0 {
		t.Fatal("a dry run wrote a payout or took a number")
	}
	run, err = s.RunPayouts(ctx, prog.ID, "2025-04-02", false)
	if err != nil || len(run.Payouts) != 1 || run.Payouts[0].Amount != "10.20" || run.Payouts[0].Number != "2025-0001" || run.Payouts[0].Lines != 2 {
		t.Fatalf("second run = %+v, %v", run, err)
	}
	// A full refund after payout: the paid line stays, an adjustment takes it back.
	refunded.Order.Refunded = 5200
	if _, err := importItems(t, s, prog.ID, domain.OrderImport{}, refunded); err != nil {
		t.Fatal(err)
	}
	got := lines(t, s, prog.ID, "2025-04-02")
	if !strings.Contains(got, "#1 kira sale paid 5.20") || !strings.Contains(got, "#1 kira adjustment approved -5.20") ||
		!strings.Contains(got, "#1 lena second_tier reversed 0.00") {
		t.Fatalf("after a refund after payout:\n%s", got)
	}
	bal, err := s.Balances(ctx, prog.ID, "kira", "2025-04-02")
	if err != nil || len(bal) != 1 || bal[0].Approved != "-5.20" || bal[0].Paid != "10.20" {
		t.Fatalf("balances = %+v, %v", bal, err)
	}
	// The negative balance becomes a numbered credit note that corrects the invoice; it is not paid.
	run, err = s.RunPayouts(ctx, prog.ID, "2025-04-03", false)
	if err != nil || len(run.Payouts) != 1 || run.Payouts[0].Kind != "credit_note" || run.Payouts[0].Number != "2025-0002" ||
		run.Payouts[0].Amount != "-5.20" {
		t.Fatalf("third run = %+v, %v", run, err)
	}
	var corrects string
	s.db.QueryRow(`SELECT c.number FROM payouts p JOIN payouts c ON c.id = p.corrects WHERE p.number = '2025-0002'`).Scan(&corrects)
	if corrects != "2025-0001" {
		t.Fatalf("the credit note corrects %q", corrects)
	}
	// The next payout nets it: 20% of 80.00 = 16.00, less 5.20.
	if _, err := importItems(t, s, prog.ID, domain.OrderImport{}, sale("#4", 4, 8000, "di@example.org", "KIRA10")); err != nil {
		t.Fatal(err)
	}
	run, err = s.RunPayouts(ctx, prog.ID, "2025-05-10", false)
	if err != nil || len(run.Payouts) != 2 || run.Payouts[0].Partner != "kira" || run.Payouts[0].Amount != "10.80" || run.Payouts[0].Kind != "invoice" {
		t.Fatalf("fourth run = %+v, %v", run, err)
	}
	var open int
	s.db.QueryRow(`SELECT count(*) FROM payouts WHERE kind = 'credit_note' AND netted_by IS NULL`).Scan(&open)
	if open != 0 {
		t.Fatal("the credit note is still open after the payout that netted it")
	}
}

func TestPeoplesActions(t *testing.T) {
	s := open(t)
	prog, _, _ := commissionProgram(t, s, "0")
	defer wroteEverything(t, s, prog.ID)
	if _, err := importItems(t, s, prog.ID, domain.OrderImport{}, sale("#1", 1, 5000, "ana@example.org", "KIRA10"),
		sale("#2", 2, 4000, "bo@example.org", "KIRA10")); err != nil {
		t.Fatal(err)
	}
	page, err := s.ListCommissions(ctx, domain.CommissionFilter{ProgramID: prog.ID, Kind: "sale", AsOf: "2025-03-05"})
	if err != nil || len(page.Lines) != 2 {
		t.Fatalf("page = %+v, %v", page, err)
	}
	first, second := page.Lines[1], page.Lines[0] // newest first
	// Days in the program's zone: 2 March only, then two bad days named by their columns.
	if p, err := s.ListCommissions(ctx, domain.CommissionFilter{ProgramID: prog.ID, Kind: "sale", From: "2025-03-02", To: "2025-03-02"}); err != nil ||
		len(p.Lines) != 1 || p.Lines[0].Order != "#2" {
		t.Fatalf("2 March = %+v, %v", p.Lines, err)
	}
	_, err = s.ListCommissions(ctx, domain.CommissionFilter{ProgramID: prog.ID, From: "1.3.2025", To: "March"})
	wantProblem(t, err, "from", "is not a date")
	wantProblem(t, err, "to", `"March" is not a date`)
	if _, err := s.RejectLines(ctx, prog.ID, []int64{first.ID}, " "); err == nil {
		t.Fatal("a rejection without a reason was taken")
	}
	if res, err := s.RejectLines(ctx, prog.ID, []int64{first.ID}, "test order"); err != nil || res.Changed != 2 {
		t.Fatalf("reject = %+v, %v (the line and its second tier)", res, err)
	}
	if res, err := s.ApproveLines(ctx, prog.ID, []int64{second.ID}); err != nil || res.Changed != 2 {
		t.Fatalf("approve = %+v, %v", res, err)
	}
	// Recomputing (a refund of #2) keeps what people decided.
	r := sale("#2", 2, 4000, "bo@example.org", "KIRA10")
	r.Order.Refunded = 1000
	if _, err := importItems(t, s, prog.ID, domain.OrderImport{}, r); err != nil {
		t.Fatal(err)
	}
	got := lines(t, s, prog.ID, "2025-03-05")
	for _, w := range []string{"#1 kira sale rejected 10.00 test order", "#1 lena second_tier rejected 2.50 test order",
		"#2 kira sale approved 6.00", "#2 lena second_tier approved 1.50"} {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in\n%s", w, got)
		}
	}
	// Reassign: the customer's later orders go to lena; the earlier stay with kira.
	var cust int64
	s.db.QueryRow(`SELECT id FROM customers WHERE email = 'ana@example.org'`).Scan(&cust)
	s.Now = func() time.Time { return time.Date(2025, 3, 10, 0, 0, 0, 0, time.UTC) }
	if _, err := s.AssignCustomer(ctx, prog.ID, cust, "lena", "moved to Lena's region"); err != nil {
		t.Fatal(err)
	}
	if _, err := importItems(t, s, prog.ID, domain.OrderImport{}, sale("#3", 5, 1000, "ana@example.org", ""),
		sale("#4", 12, 2000, "ana@example.org", "")); err != nil {
		t.Fatal(err)
	}
	got = lines(t, s, prog.ID, "2025-03-05")
	if strings.Contains(got, "#3 ") || strings.Contains(got, "#4 ") {
		t.Fatalf("repeat purchases without a recurring rule earned:\n%s", got)
	}
	// With a recurring rule (a change of plan recomputes everything), #3 before the
	// reassignment stays with kira and #4 after it goes to lena.
	ten := decimal.NewFromInt(10)
	prog.Rules.Recurring = &domain.Recurring{Rate: domain.Rate{Percent: &ten}}
	if _, err := s.UpdateProgram(ctx, prog); err != nil {
		t.Fatal(err)
	}
	got = lines(t, s, prog.ID, "2025-03-05")
	if !strings.Contains(got, "#3 kira recurring pending 1.00") || !strings.Contains(got, "#4 lena recurring pending 2.00") ||
		!strings.Contains(got, "#1 kira sale rejected 10.00 test order") {
		t.Fatalf("after the reassignment:\n%s", got)
	}
	rows, _, err := s.ListCustomers(ctx, domain.CustomerFilter{ProgramID: prog.ID, Search: "ana"})
	if err != nil || len(rows) != 1 || rows[0].Partner != "lena" || rows[0].Reason != "manual" || rows[0].Orders != 3 {
		t.Fatalf("customers = %+v, %v", rows, err)
	}
	var action string
	var n int
	s.db.QueryRow(`SELECT count(*) FROM audit_log WHERE action IN ('commission.reject','commission.approve','commission.adjust','customer.assign')`).Scan(&n)
	s.db.QueryRow(`SELECT action FROM audit_log WHERE action = 'customer.assign'`).Scan(&action)
	if n != 3 || action != "customer.assign" {
		t.Errorf("audit entries %d", n)
	}
}

// The same orders imported in shuffled batches give the same lines, whatever the order.
func TestCommissionsDoNotDependOnImportOrder(t *testing.T) {
	build := func(seed int64) string {
		s := open(t)
		p := domain.DefaultProgram("Shop")
		ten, fifteen, five, two := decimal.NewFromInt(10), decimal.NewFromInt(15), decimal.NewFromInt(5), decimal.NewFromInt(2)
		mc := 2
		p.Rules = domain.Plan{Tiers: &domain.Tiers{Measure: "sales", Tiers: []domain.Tier{{From: decimal.Zero, Rate: domain.Rate{Percent: &ten}},
			{From: two, Rate: domain.Rate{Percent: &fifteen}}}}, Recurring: &domain.Recurring{Rate: domain.Rate{Percent: &five}, MaxCount: &mc},
			SecondTier: &domain.Rate{Percent: &five}, Lead: &domain.Rate{Fixed: &two}}
		prog, err := s.CreateProgram(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		mustAdd(t, s, prog.ID, partner("Lena", "lena@example.com", "lena", "LENA"))
		kp := partner("Kira", "kira@example.com", "kira", "KIRA10")
		kp.Parent = str("lena")
		mustAdd(t, s, prog.ID, kp)
		if _, err := s.AddLead(ctx, prog.ID, domain.Lead{Partner: "kira", Email: "c3@example.org"}); err != nil {
			t.Fatal(err)
		}
		var all []domain.OrderItem
		rnd := rand.New(rand.NewSource(7))
		for i := 0; i < 60; i++ {
			code := []string{"", "", "KIRA10", "LENA"}[rnd.Intn(4)]
			it := sale(fmt.Sprintf("#%d", i), 1+rnd.Intn(28), int64(1000+rnd.Intn(9000)), fmt.Sprintf("c%d@example.org", rnd.Intn(12)), code)
			it.Order.Time = it.Order.Time.AddDate(0, rnd.Intn(3), 0)
			if rnd.Intn(5) == 0 {
				it.Order.Refunded = it.Order.Total / 2
			}
			all = append(all, it)
		}
		shuffle := rand.New(rand.NewSource(seed))
		shuffle.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
		for start := 0; start < len(all); start += 7 {
			if _, err := importItems(t, s, prog.ID, domain.OrderImport{}, all[start:min(start+7, len(all))]...); err != nil {
				t.Fatal(err)
			}
		}
		// Each import recomputed what it touched, skipping the orders whose fingerprints held.
		if c := readingEverything(t, s, prog.ID); c != (domain.LineCounts{}) {
			t.Fatalf("seed %d: reading every line would write %+v", seed, c)
		}
		var out []string
		rows, err := s.db.Query(`SELECT line_key, kind, status, base, amount, note FROM commission_lines ORDER BY line_key, kind`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var k, kind, st, note string
			var base, amount int64
			rows.Scan(&k, &kind, &st, &base, &amount, &note)
			// Keys carry database ids, which follow the import order: name orders by their own id.
			out = append(out, fmt.Sprintf("%s %s %s %d %d %s", keyName(t, s, k), kind, st, base, amount, note))
		}
		sort.Strings(out)
		return strings.Join(out, "\n")
	}
	first := build(1)
	for seed := int64(2); seed <= 4; seed++ {
		if got := build(seed); got != first {
			t.Fatalf("seed %d gave other lines:\n%s\nthan\n%s", seed, got, first)
		}
	}
	for _, kind := range []string{" sale ", " recurring ", " second_tier ", " lead "} {
		if !strings.Contains(first, kind) {
			t.Errorf("the property test produced no %s lines:\n%s", kind, first)
		}
	}
}

// keyName replaces the database ids in a line key by the order's source id and the partner's key.
func keyName(t *testing.T, s *Store, key string) string {
	parts := strings.Split(key, ":")
	for i, p := range parts {
		var name string
		switch {
		case strings.HasPrefix(p, "o"):
			s.db.QueryRow(`SELECT order_key FROM orders WHERE id = ?`, p[1:]).Scan(&name)
		case strings.HasPrefix(p, "p") && len(p) > 1 && p[1] >= '0' && p[1] <= '9':
			s.db.QueryRow(`SELECT key FROM partners WHERE id = ?`, p[1:]).Scan(&name)
		case strings.HasPrefix(p, "l") && len(p) > 1 && p[1] >= '0' && p[1] <= '9':
			s.db.QueryRow(`SELECT email FROM leads WHERE id = ?`, p[1:]).Scan(&name)
		}
		if name != "" {
			parts[i] = name
		}
	}
	return strings.Join(parts, ":")
}

// leadProgram is a program paying 2.00 a lead, its partner kira, and kira's lead
// ana@example.org, not converted yet.
func leadProgram(t *testing.T, s *Store) (domain.Program, domain.Lead) {
	t.Helper()
	p := domain.DefaultProgram("Shop")
	two := decimal.NewFromInt(2)
	p.Rules = domain.Plan{Lead: &domain.Rate{Fixed: &two}}
	prog, err := s.CreateProgram(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	mustAdd(t, s, prog.ID, partner("Kira", "kira@example.com", "kira"))
	l, err := s.AddLead(ctx, prog.ID, domain.Lead{Partner: "kira", Email: "ana@example.org"})
	if err != nil {
		t.Fatal(err)
	}
	return prog, l
}

// A lead a person marks converted earns its bounty then, once; imported again unchanged, or
// updated by an import of the leads file, it still has one line.
func TestLeadConvertedByAPerson(t *testing.T) {
	s := open(t)
	prog, l := leadProgram(t, s)
	defer wroteEverything(t, s, prog.ID)
	if got := lines(t, s, prog.ID, "2025-03-20"); got != "" {
		t.Fatalf("a new lead earned: %s", got)
	}
	if _, err := s.SetLeadStatus(ctx, prog.ID, l.ID, "converted", time.Date(2025, 3, 2, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if got := lines(t, s, prog.ID, "2025-03-20"); got != " kira lead pending 2.00 " {
		t.Fatalf("after conversion: %q", got)
	}
	rows := []domain.LeadRow{{Row: 2, Lead: domain.Lead{Partner: "kira", Email: "ana@example.org", Name: "Ana", Status: "converted"}}}
	if _, err := s.ImportLeads(ctx, prog.ID, "leads.csv", rows); err != nil {
		t.Fatal(err)
	}
	if got := lines(t, s, prog.ID, "2025-03-20"); got != " kira lead pending 2.00 " {
		t.Fatalf("after a leads import: %q", got)
	}
}

// A change of hold_days moves the due days; a new name moves nothing.
func TestProgramChangesRecompute(t *testing.T) {
	s := open(t)
	prog, _, _ := commissionProgram(t, s, "0")
	if _, err := importItems(t, s, prog.ID, domain.OrderImport{}, sale("#1", 1, 5000, "ana@example.org", "KIRA10")); err != nil {
		t.Fatal(err)
	}
	if got := lines(t, s, prog.ID, "2025-03-12"); !strings.HasPrefix(got, "#1 kira sale pending") {
		t.Fatalf("held 30 days: %s", got)
	}
	prog.HoldDays = 10
	if _, err := s.UpdateProgram(ctx, prog); err != nil {
		t.Fatal(err)
	}
	if got := lines(t, s, prog.ID, "2025-03-12"); !strings.HasPrefix(got, "#1 kira sale approved") {
		t.Fatalf("held 10 days: %s", got)
	}
	if !commissionsChange(prog, func() domain.Program { p := prog; p.Rules.Sale = nil; return p }()) ||
		commissionsChange(prog, func() domain.Program { p := prog; p.Name, p.CookieDays = "Shop 2", 7; return p }()) {
		t.Error("commissionsChange does not tell a plan change from a rename")
	}
}

// TestExistingLinesOfALeadAlone: a lead's bounty dated at its first order carries that order;
// read by the lead alone (a recompute of standalone leads names no orders), it is still read.
func TestExistingLinesOfALeadAlone(t *testing.T) {
	s := open(t)
	prog, l := leadProgram(t, s)
	if _, err := importItems(t, s, prog.ID, domain.OrderImport{}, sale("#1", 1, 5000, "ana@example.org", "")); err != nil {
		t.Fatal(err)
	}
	var withOrder int
	s.db.QueryRow(`SELECT count(*) FROM commission_lines WHERE lead_id = ? AND order_id IS NOT NULL`, l.ID).Scan(&withOrder)
	if withOrder != 1 {
		t.Fatalf("%d lines of the lead dated at an order, want 1", withOrder)
	}
	err := s.write(ctx, func(tx *Tx) error {
		ex, err := existingLines(ctx, tx, nil, []int64{l.ID})
		if err == nil && len(ex) != 1 {
			err = fmt.Errorf("read %d keys of the lead's lines, want 1", len(ex))
		}
		return err
	})
	if err != nil {
		t.Error(err)
	}
}
