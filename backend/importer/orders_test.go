package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"partnerbook/backend/domain"
)

var today = time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)

// readAll reads every item of an order file.
func readAll(t *testing.T, file, format string, opt Options) ([]*domain.Order, []domain.Skip, domain.Problems, string) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return readFrom(t, file, f, format, opt)
}

func readFrom(t *testing.T, file string, r interface{ Read([]byte) (int, error) }, format string, opt Options) ([]*domain.Order, []domain.Skip, domain.Problems, string) {
	t.Helper()
	if opt.Today.IsZero() {
		opt.Today = today
	}
	rd, name, err := OpenOrders(file, r, format, opt)
	if err != nil {
		t.Fatal(err)
	}
	var orders []*domain.Order
	var skips []domain.Skip
	var problems domain.Problems
	for {
		it, ok, err := rd.Next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		switch {
		case it.Order != nil:
			orders = append(orders, it.Order)
		case it.Skip != nil:
			skips = append(skips, *it.Skip)
		default:
			problems = append(problems, it.Problems...)
		}
	}
	return orders, skips, problems, name
}

func byID(orders []*domain.Order) map[string]*domain.Order {
	m := map[string]*domain.Order{}
	for _, o := range orders {
		m[o.ID] = o
	}
	return m
}

func TestShopify(t *testing.T) {
	orders, skips, problems, format := readAll(t, "orders_export_1.csv", "auto", Options{})
	if format != "shopify" || len(problems) > 0 {
		t.Fatalf("format %s, problems %v", format, problems)
	}
	if len(orders) != 6 || len(skips) != 1 || skips[0].Row != 7 || !strings.Contains(skips[0].Reason, "#1005") {
		t.Fatalf("%d orders, skips %+v", len(orders), skips)
	}
	o := byID(orders)
	tests := []struct {
		id                             string
		time                           string
		email, currency                string
		total, net, discount, refunded int64
		codes, ref                     string
		lines                          int
		cancelled, refundDated         bool
	}{
		// prices include tax: net = Subtotal − Taxes; times in the file's offset, winter then summer
		{"#1001", "2025-03-14T08:12:45Z", "mara@example.org", "EUR", 5690, 5200 - 830, 578, 0, "KIRA10", "lena", 2, false, false},
		{"#1002", "2025-03-30T01:30:00Z", "jonas@example.com", "EUR", 11900, 10000, 0, 0, "", "", 1, false, false},
		{"#1003", "2025-04-02T08:00:00Z", "amelie@example.org", "EUR", 4490, 4000 - 639, 706, 1000, "LENA15,SPRING5", "", 1, false, true},
		{"#1004", "2025-04-03T09:00:00Z", "piotr@example.net", "EUR", 2000, 2000 - 319, 0, 2000, "", "", 1, false, true},
		{"#1006", "2025-04-05T06:00:00Z", "lea@example.com", "EUR", 1500, 1500 - 239, 0, 1500, "", "", 1, true, true},
		{"#1007", "2025-04-06T19:00:00Z", "ana@example.cl", "CLP", 28000, 25000 - 3992, 0, 0, "", "", 1, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			g := o[tt.id]
			if g == nil {
				t.Fatal("missing")
			}
			if got := g.Time.Format(time.RFC3339); got != tt.time {
				t.Errorf("time %s, want %s", got, tt.time)
			}
			if g.CustomerEmail != tt.email || g.Currency != tt.currency || g.Total != tt.total || g.Net != tt.net ||
				g.Discount != tt.discount || g.Refunded != tt.refunded || strings.Join(g.DiscountCodes, ",") != tt.codes ||
				g.RefKey != tt.ref || len(g.Lines) != tt.lines || g.Cancelled != tt.cancelled || (g.RefundedAt != nil) != tt.refundDated {
				t.Errorf("got %+v", *g)
			}
			if tt.refundDated && !g.RefundedAt.Equal(today) {
				t.Errorf("refund dated %v, want the import day", g.RefundedAt)
			}
		})
	}
	l := o["#1001"].Lines
	if l[0].SKU != "TOTE-01" || l[0].Quantity != 2 || l[0].UnitPrice != 2489 || l[0].Discount != 578 || l[1].SKU != "PIN-01" || l[1].UnitPrice != 800 {
		t.Errorf("lines of #1001: %+v", l)
	}
}

func TestShopifyBadCells(t *testing.T) {
	src, _ := os.ReadFile(filepath.Join("testdata", "orders_export_1.csv"))
	bad := strings.Replace(string(src), ",56.90,KIRA10,", ",\"12,3.0\",KIRA10,", 1)
	bad = strings.Replace(bad, "2025-03-30 03:30:00 +0200", "30/03/2025", 1)
	_, _, problems, _ := readFrom(t, "orders_export_1.csv", strings.NewReader(bad), "shopify", Options{})
	want := []string{`orders_export_1.csv:2: column "Total": "12,3.0" is not an amount`,
		`orders_export_1.csv:4: column "Created at": "30/03/2025" is not a time like 2006-01-02 15:04:05 -0700`}
	if len(problems) != len(want) {
		t.Fatalf("problems %v", problems)
	}
	for i := range want {
		if problems[i].String() != want[i] {
			t.Errorf("problem %d = %s\nwant %s", i, problems[i], want[i])
		}
	}
}

func TestUnknownHeaderIsShown(t *testing.T) {
	_, _, err := OpenOrders("x.csv", strings.NewReader("Order,When,Sum\n1,2,3\n"), "auto", Options{})
	if err == nil || !strings.Contains(err.Error(), "Order,When,Sum") {
		t.Errorf("err = %v", err)
	}
	_, _, err = OpenOrders("x.csv", strings.NewReader("Order,When,Sum\n"), "stripey", Options{})
	if err == nil || !strings.Contains(err.Error(), "there is no format") {
		t.Errorf("err = %v", err)
	}
}

func TestNumber(t *testing.T) {
	tests := map[string]string{"12.50": "12.5", "'-12.5": "-12.5", "1,250.00": "1250", "1.250,00": "1250", "12,50": "12.5",
		"1 250,00": "1250", "25": "25", "-3": "-3", "1,250": "1250"}
	for in, want := range tests {
		d, ok := number(in)
		if !ok || d.String() != want {
			t.Errorf("number(%q) = %s %v, want %s", in, d, ok, want)
		}
	}
	for _, bad := range []string{"12,3.0", "abc", "", "1.2.3", "€5"} {
		if _, ok := number(bad); ok {
			t.Errorf("number(%q) accepted", bad)
		}
	}
}

// fuzzReader feeds a reader mutations of its fixtures: it must never panic, never loop, and
// every order it yields must have a key and a time.
func fuzzReader(f *testing.F, format string, opt Options, fixtures ...string) {
	for _, fx := range fixtures {
		src, err := os.ReadFile(filepath.Join("testdata", fx))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(src))
	}
	opt.Today = today
	f.Fuzz(func(t *testing.T, s string) {
		rd, _, err := OpenOrders("f.csv", strings.NewReader(s), format, opt)
		if err != nil {
			return
		}
		for i := 0; i < 100000; i++ {
			it, ok, err := rd.Next()
			if err != nil || !ok {
				return
			}
			if o := it.Order; o != nil && (o.ID == "" || o.Source == "" || o.Time.IsZero() || o.Currency == "") {
				t.Fatalf("an order without key, time or currency: %+v", o)
			}
			if it.Order == nil && it.Refund == nil && it.Skip == nil && len(it.Problems) == 0 {
				t.Fatal("an empty item")
			}
		}
		t.Fatal("the reader did not end")
	})
}

func FuzzShopify(f *testing.F) { fuzzReader(f, "shopify", Options{}, "orders_export_1.csv") }
func FuzzStripe(f *testing.F) {
	fuzzReader(f, "stripe", Options{}, "unified_payments.csv", "stripe_2023.csv")
}
func FuzzWooCommerce(f *testing.F) {
	fuzzReader(f, "woocommerce", Options{Currency: "EUR"}, "wc-analytics.csv", "wc-analytics-old.csv", "wc-analytics-email.csv")
}
func FuzzWooCommerceExport(f *testing.F) {
	fuzzReader(f, "woocommerce-export", Options{Currency: "EUR"}, "woo-order-export.csv")
}
func FuzzGumroad(f *testing.F) { fuzzReader(f, "gumroad", Options{}, "gumroad_sales.csv") }
func FuzzPaypal(f *testing.F)  { fuzzReader(f, "paypal", Options{}, "paypal-us.csv", "paypal-de.csv") }
func FuzzPaddle(f *testing.F)  { fuzzReader(f, "paddle", Options{}, "paddle-transactions.csv") }
func FuzzPaddleAdjustments(f *testing.F) {
	fuzzReader(f, "paddle-adjustments", Options{}, "paddle-adjustments.csv")
}
func FuzzGeneric(f *testing.F) {
	b, _ := os.ReadFile(filepath.Join("testdata", "kasse-mapping.json"))
	m, err := ParseMapping("kasse-mapping.json", b)
	if err != nil {
		f.Fatal(err)
	}
	fuzzReader(f, "generic", Options{Mapping: m}, "kasse.csv")
}

func openFile(t *testing.T, file string, opt Options) (OrderReader, string) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	if opt.Today.IsZero() {
		opt.Today = today
	}
	rd, name, err := OpenOrders(file, f, "auto", opt)
	if err != nil {
		t.Fatal(err)
	}
	return rd, name
}

func drain(t *testing.T, rd OrderReader) []domain.OrderItem {
	t.Helper()
	var out []domain.OrderItem
	for {
		it, ok, err := rd.Next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			return out
		}
		if len(it.Problems) > 0 {
			t.Fatalf("problems: %v", it.Problems)
		}
		out = append(out, it)
	}
}

func stringsReader(s string) *strings.Reader { return strings.NewReader(s) }
