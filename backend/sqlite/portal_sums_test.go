package sqlite

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"partnerbook/backend/domain"
)

// TestPortalOverviewAgreesWithLines: on random programs (report_agree_test.go: payout runs,
// rejected and approved lines, adjustments, two currencies, and for one seed a zone whose days
// start on the half hour), every partner's overview, read from the report's sums, says what
// their lines say when summed one by one.
func TestPortalOverviewAgreesWithLines(t *testing.T) {
	for seed := int64(1); seed <= 2; seed++ {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			s := open(t)
			s.Now = func() time.Time { return time.Date(2025, 4, 3, 12, 0, 0, 0, time.UTC) }
			prog := randomProgram(t, s, seed, 300)
			var partners []int64
			rows, err := s.db.Query(`SELECT id FROM partners WHERE program_id = ? ORDER BY id`, prog.ID)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var id int64
				rows.Scan(&id)
				partners = append(partners, id)
			}
			rows.Close()
			if len(partners) < 8 {
				t.Fatalf("partners %v", partners)
			}
			var upcoming, others int
			for _, id := range partners {
				sum, err := s.PortalSummary(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				got := overviewFigures{sum.Pending, sum.Approved, sum.Paid, sum.Sales, sum.Orders, sum.Others, sum.Upcoming, sum.Months}
				if want := overviewFromLines(t, s, id, sum.AsOf); !reflect.DeepEqual(got, want) {
					t.Errorf("partner %d:\n got %+v\nwant %+v", id, got, want)
				}
				upcoming, others = upcoming+len(sum.Upcoming), others+len(sum.Others)
			}
			if upcoming == 0 || others == 0 {
				t.Errorf("the programs must have upcoming days (%d) and other currencies (%d) to compare", upcoming, others)
			}
		})
	}
}

type overviewFigures struct {
	Pending, Approved, Paid, Sales string
	Orders                         int
	Others                         []domain.Balance
	Upcoming                       []domain.PortalDue
	Months                         []domain.PortalMonth
}

// overviewFromLines sums a partner's overview from their lines, one by one.
func overviewFromLines(t *testing.T, s *Store, partnerID int64, day string) overviewFigures {
	t.Helper()
	p, prog, err := s.portalPartner(ctx, partnerID)
	if err != nil {
		t.Fatal(err)
	}
	cur, f := prog.Currency, domain.FormatMinor
	w := overviewFigures{Pending: f(0, cur), Approved: f(0, cur), Paid: f(0, cur), Sales: f(0, cur), Others: []domain.Balance{},
		Upcoming: []domain.PortalDue{}}
	rows, err := s.db.Query(`SELECT currency,
			COALESCE(sum(CASE WHEN status = 'pending' AND NOT COALESCE(due <= ?2, 0) THEN amount END), 0),
			COALESCE(sum(CASE WHEN status = 'approved' OR status = 'pending' AND due <= ?2 THEN amount END), 0),
			COALESCE(sum(CASE WHEN status = 'paid' THEN amount END), 0),
			COALESCE(sum(kind IN ('sale', 'recurring') AND status IN ('pending', 'approved', 'paid')), 0),
			COALESCE(sum(CASE WHEN kind IN ('sale', 'recurring') AND status IN ('pending', 'approved', 'paid') THEN base END), 0)
		FROM commission_lines WHERE partner_id = ?1 GROUP BY currency ORDER BY currency`, partnerID, day)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var c string
		var pending, approved, paid, orders, sales int64
		if err := rows.Scan(&c, &pending, &approved, &paid, &orders, &sales); err != nil {
			t.Fatal(err)
		}
		if c == cur {
			w.Pending, w.Approved, w.Paid, w.Orders, w.Sales = f(pending, c), f(approved, c), f(paid, c), int(orders), f(sales, c)
			continue
		}
		w.Others = append(w.Others, domain.Balance{Partner: p.Key, Name: p.Name, Currency: c, Pending: f(pending, c),
			Approved: f(approved, c), Paid: f(paid, c)})
	}
	rows.Close()
	rows, err = s.db.Query(`SELECT due, sum(amount) FROM commission_lines WHERE partner_id = ? AND status = 'pending'
		AND currency = ? AND due > ? GROUP BY due ORDER BY due LIMIT 5`, partnerID, cur, day)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var d domain.PortalDue
		var amount int64
		rows.Scan(&d.Day, &amount)
		d.Amount = f(amount, cur)
		w.Upcoming = append(w.Upcoming, d)
	}
	rows.Close()
	// Months: each line in the month its UTC hour starts in, in the program's zone.
	loc := prog.Location()
	now := s.Now().In(loc)
	first := time.Date(now.Year(), now.Month()-11, 1, 0, 0, 0, 0, loc)
	byMonth := map[string]int64{}
	rows, err = s.db.Query(`SELECT order_time, amount FROM commission_lines WHERE partner_id = ? AND currency = ?
		AND status NOT IN ('rejected', 'reversed') AND order_time IS NOT NULL`, partnerID, cur)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var at string
		var amount int64
		rows.Scan(&at, &amount)
		hour := parseTime(at).Truncate(time.Hour)
		if !hour.Before(first.Truncate(time.Hour)) {
			byMonth[hour.In(loc).Format("2006-01")] += amount
		}
	}
	rows.Close()
	for i := 0; i < 12; i++ {
		m := first.AddDate(0, i, 0).Format("2006-01")
		w.Months = append(w.Months, domain.PortalMonth{Month: m, Amount: f(byMonth[m], cur)})
	}
	return w
}

// TestPortalSumsMigration: a database with lines before migration 017 gets the sales of its
// balances counted from its lines.
func TestPortalSumsMigration(t *testing.T) {
	s := migratedFrom(t, 16,
		`INSERT INTO programs (id, name, created_at, updated_at) VALUES (1, 'Shop', 'x', 'x')`,
		`INSERT INTO partners (id, program_id, name, email, key, created_at, updated_at) VALUES (1, 1, 'Kira', 'kira@example.org', 'kira', 'x', 'x')`,
		`INSERT INTO commission_lines (program_id, partner_id, kind, status, base, amount, currency, order_time, due, created_at, updated_at) VALUES
			(1, 1, 'sale', 'pending', 10000, 2000, 'EUR', '2025-03-01T10:00:00Z', '2025-03-31', 'x', 'x'),
			(1, 1, 'recurring', 'pending', 5000, 500, 'EUR', '2025-03-02T10:00:00Z', '2025-03-31', 'x', 'x'),
			(1, 1, 'second_tier', 'pending', 10000, 500, 'EUR', '2025-03-01T10:00:00Z', '2025-03-31', 'x', 'x'),
			(1, 1, 'sale', 'paid', 7000, 1400, 'EUR', '2025-01-01T10:00:00Z', '2025-01-31', 'x', 'x'),
			(1, 1, 'adjustment', 'approved', 0, -300, 'EUR', '2025-02-01T10:00:00Z', NULL, 'x', 'x')`,
		// the balances as 016 kept them
		`INSERT INTO report_balances (program_id, partner_id, currency, status, due, amount, lines)
			SELECT program_id, partner_id, currency, status, CASE WHEN status = 'pending' THEN COALESCE(due, '9999-12-31') ELSE '' END,
				sum(amount), count(*) FROM commission_lines GROUP BY 1, 2, 3, 4, 5`,
		linesSumsSQL("+1", "true")[0], // the hours, which 017 leaves as they are
	)
	var sales, base int64
	if err := s.db.QueryRow(`SELECT sum(sales), sum(sales_base) FROM report_balances`).Scan(&sales, &base); err != nil || sales != 3 || base != 22000 {
		t.Errorf("sales %d, bases %d (%v); want 3 and 22000", sales, base, err)
	}
	if err := sumsAgree(s.db); err != nil {
		t.Error(err)
	}
}
