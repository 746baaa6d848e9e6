package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"partnerbook/backend/domain"
)

// fillOrders writes n orders straight in SQL (an import would take longer than the benchmark):
// a customer for every third, a partner on every fifth, PayPal every 1000th, Gumroad 10 of
// them, every 20th partly refunded, every 97th cancelled, 90 s apart from 2025-01-01.
func fillOrders(t testing.TB, s *Store, pid int64, n int) {
	t.Helper()
	for _, q := range []string{`
		WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 200 + 0 * ?2)
		INSERT INTO partners (program_id, name, email, key, created_at, updated_at)
			SELECT ?1, 'Partner ' || i, 'p' || i || '@example.org', 'p' || i, '2025-01-01', '2025-01-01' FROM k`, `
		WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?2 / 3 + 1)
		INSERT INTO customers (id, program_id, email, name, created_at)
			SELECT i, ?1, 'customer' || i || '@example.org', 'Customer ' || i, '2025-01-01' FROM k`, `
		WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?2)
		INSERT INTO orders (program_id, source, order_key, time, customer_id, customer_email, currency, total, net,
			refunded, cancelled, partner_id, created_at, updated_at)
			SELECT ?1, CASE WHEN i % 1000 = 0 THEN 'paypal' WHEN i % 100000 = 7 THEN 'gumroad' ELSE 'shopify' END,
				'#' || i, strftime('%Y-%m-%dT%H:%M:%SZ', 1735689600 + i * 90, 'unixepoch'), 1 + i % (?2 / 3 + 1),
				'customer' || (1 + i % (?2 / 3 + 1)) || '@example.org', 'EUR', 1000 + (i * 7919) % 50000,
				(1000 + (i * 7919) % 50000) * 4 / 5, CASE WHEN i % 20 = 0 THEN (1000 + (i * 7919) % 50000) / 4 ELSE 0 END,
				i % 97 = 0, CASE WHEN i % 5 = 0 THEN 1 + i % 200 END, '2025-01-01', '2025-01-01' FROM k`} {
		if _, err := s.db.Exec(q, pid, n); err != nil {
			t.Fatal(err)
		}
	}
	rebuildSums(t, s)
}

// benchOrders is how many orders the million-order benchmarks fill in: PB_BENCH_ORDERS, for a
// quick smoke run of bench/all.sh --quick, else a million (the size the budgets are set for).
func benchOrders(b *testing.B) int {
	v := os.Getenv("PB_BENCH_ORDERS")
	if v == "" {
		return 1_000_000
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 10_000 {
		b.Fatalf("PB_BENCH_ORDERS=%q: want a number of orders, at least 10000", v)
	}
	return n
}

// benchStore opens a store in a temporary folder that lasts until the benchmark ends.
func benchStore(b *testing.B) *Store {
	dir, err := os.MkdirTemp("", "pb-bench")
	if err != nil {
		b.Fatal(err)
	}
	s, err := Open(context.Background(), filepath.Join(dir, "pb.db"), Options{BackupDir: filepath.Join(dir, "backups")})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close(); os.RemoveAll(dir) })
	s.Now = func() time.Time { return time.Date(2025, 3, 14, 8, 0, 0, 0, time.UTC) }
	return s
}

func ids(p domain.OrderPage) string {
	var out []string
	for _, o := range p.Orders {
		out = append(out, o.ID)
	}
	return strings.Join(out, " ")
}

func TestListOrders(t *testing.T) {
	s := open(t)
	prog := domain.DefaultProgram("Shop")
	prog.Timezone = "Europe/Berlin"
	created, err := s.CreateProgram(ctx, prog)
	if err != nil {
		t.Fatal(err)
	}
	pid := created.ID
	fillOrders(t, s, pid, 3000)
	list := func(q domain.OrderQuery) domain.OrderPage {
		t.Helper()
		q.ProgramID = pid
		p, err := s.ListOrders(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	first := list(domain.OrderQuery{Limit: 3})
	if ids(first) != "#1 #2 #3" || first.Next == "" {
		t.Fatalf("first page = %q next %q", ids(first), first.Next)
	}
	if second := list(domain.OrderQuery{Limit: 3, After: first.Next}); ids(second) != "#4 #5 #6" {
		t.Errorf("second page = %q", ids(second))
	}
	if last := list(domain.OrderQuery{Limit: 3, Desc: true}); ids(last) != "#3000 #2999 #2998" {
		t.Errorf("newest first = %q", ids(last))
	}
	// Walking every page of a filter meets each match once, in order.
	seen, after := 0, ""
	for {
		p := list(domain.OrderQuery{Status: "cancelled", Limit: 7, After: after})
		for _, o := range p.Orders {
			seen++
			if o.Status != "cancelled" {
				t.Fatalf("%s is %s", o.ID, o.Status)
			}
		}
		if after = p.Next; after == "" {
			break
		}
	}
	if seen != 3000/97 {
		t.Errorf("%d cancelled orders, want %d", seen, 3000/97)
	}
	byTotal := list(domain.OrderQuery{Sort: "total", Desc: true, Limit: 2})
	next := list(domain.OrderQuery{Sort: "total", Desc: true, Limit: 2, After: byTotal.Next})
	if byTotal.Orders[0].Total < byTotal.Orders[1].Total || byTotal.Orders[1].Total < next.Orders[0].Total {
		t.Errorf("by total = %v then %v", byTotal.Orders, next.Orders)
	}
	if p := list(domain.OrderQuery{Partner: "P6", Limit: 500}); len(p.Orders) != 3000/200 || p.Orders[0].Partner != "p6" {
		t.Errorf("partner p6 = %q", ids(p))
	}
	if p := list(domain.OrderQuery{Source: "paypal"}); ids(p) != "#1000 #2000 #3000" {
		t.Errorf("paypal = %q", ids(p))
	}
	if p := list(domain.OrderQuery{Search: "1234"}); ids(p) != "#1234" {
		t.Errorf("search 1234 = %q", ids(p))
	}
	if p := list(domain.OrderQuery{Search: "CUSTOMER17@"}); ids(p) != "#16 #1017 #2018" {
		t.Errorf("search by e-mail = %q", ids(p))
	}
	if p := list(domain.OrderQuery{Search: "customer 17"}); !strings.HasPrefix(ids(p), "#16 #169 #170") {
		t.Errorf("search by name = %q", ids(p))
	}
	// 90 s apart from 2025-01-01 00:00 UTC: 2025-01-01 in Berlin ends at 23:00 UTC, order #920.
	if p := list(domain.OrderQuery{To: "2025-01-01", Desc: true, Limit: 1}); ids(p) != "#919" {
		t.Errorf("to 2025-01-01 = %q", ids(p))
	}
	if p := list(domain.OrderQuery{From: "2025-01-02", Limit: 1}); ids(p) != "#920" {
		t.Errorf("from 2025-01-02 = %q", ids(p))
	}
	for _, bad := range []domain.OrderQuery{{Status: "lost"}, {From: "1.2.2025"}, {Sort: "name"}, {After: "nonsense"}} {
		bad.ProgramID = pid
		if _, err := s.ListOrders(ctx, bad); domain.AsError(err).Code != domain.EInvalid {
			t.Errorf("%+v: %v", bad, err)
		}
	}
	if src, _ := s.OrderSources(ctx, pid); strings.Join(src, ",") != "gumroad,paypal,shopify" {
		t.Errorf("sources = %v", src)
	}
}

// BenchmarkOrdersPage times one page of the Orders screen at a million orders (goal: under
// 100 ms), for each filter, sort and search, and deep in the list.
func BenchmarkOrdersPage(b *testing.B) {
	s := benchStore(b)
	pid := program(&testing.T{}, s, "Shop").ID
	fillOrders(b, s, pid, 1_000_000)
	if os.Getenv("PB_ANALYZE") != "" {
		s.db.Exec("ANALYZE")
	}
	deep, _ := s.ListOrders(ctx, domain.OrderQuery{ProgramID: pid, Limit: 500})
	for i := 0; i < 1000; i++ { // 500,000 orders in
		deep, _ = s.ListOrders(ctx, domain.OrderQuery{ProgramID: pid, Limit: 500, After: deep.Next})
	}
	for _, c := range []struct {
		name string
		q    domain.OrderQuery
	}{
		{"first", domain.OrderQuery{}},
		{"newest", domain.OrderQuery{Desc: true}},
		{"deep", domain.OrderQuery{After: deep.Next}},
		{"partner", domain.OrderQuery{Partner: "p41", Desc: true}},
		{"status", domain.OrderQuery{Status: "cancelled", Desc: true}},
		{"source", domain.OrderQuery{Source: "paypal"}},
		{"rare-source", domain.OrderQuery{Source: "gumroad"}},
		{"dates", domain.OrderQuery{From: "2026-06-01", To: "2026-06-30"}},
		{"by-total", domain.OrderQuery{Sort: "total", Desc: true}},
		{"search-id", domain.OrderQuery{Search: "#654321"}},
		{"search-email", domain.OrderQuery{Search: "customer4242@"}},
		{"search-name", domain.OrderQuery{Search: "Customer 99999"}},
		{"search-broad", domain.OrderQuery{Search: "customer1"}},
	} {
		c.q.ProgramID = pid
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				p, err := s.ListOrders(ctx, c.q)
				if err != nil || len(p.Orders) == 0 {
					b.Fatalf("%d orders, %v", len(p.Orders), err)
				}
			}
		})
	}
}
