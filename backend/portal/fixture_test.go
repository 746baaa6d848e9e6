package portal

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerbook/backend/domain"
	"partnerbook/backend/sqlite"
)

var ctx = context.Background()

// clock is the tests' time, shared by the portal and the store.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

// sentCode is a sign-in mail as the portal hands it to the mailer.
type sentCode struct {
	To, Code, Link string
}

// outbox records what the portal asks the mailer to send.
type outbox struct {
	mu   sync.Mutex
	sent []sentCode
}

func (o *outbox) SignIn(_ context.Context, a domain.PortalAccount, _ int64, code, link string) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.sent = append(o.sent, sentCode{To: a.Email, Code: code, Link: link})
	return nil
}

func (o *outbox) count() int { o.mu.Lock(); defer o.mu.Unlock(); return len(o.sent) }

func (o *outbox) last(t *testing.T) sentCode {
	t.Helper()
	o.mu.Lock()
	defer o.mu.Unlock()
	if len(o.sent) == 0 {
		t.Fatal("no sign-in mail was sent")
	}
	return o.sent[len(o.sent)-1]
}

// fixture is a program with the portal on and two partners with orders, lines and a payout
// each: kira (English) and lena (German); and a portal served by httptest.
type fixture struct {
	st     *sqlite.Store
	prog   domain.Program
	clock  *clock
	mail   *outbox
	srv    *httptest.Server
	lenaLn int64         // one of lena's lines
	kiraLn int64         // one of kira's lines
	lenaNo string        // lena's payout number
	kiraNo string        // kira's payout number
	pub    *sqlite.Store // the headless server's store, once published there
}

type orderList struct {
	list []domain.OrderItem
	i    int
}

func (r *orderList) Next() (domain.OrderItem, bool, error) {
	if r.i >= len(r.list) {
		return domain.OrderItem{}, false, nil
	}
	r.i++
	return r.list[r.i-1], true, nil
}

func (r *orderList) Rows() int { return r.i }

func order(id string, day int, net int64, email, name, coupon string) domain.OrderItem {
	return domain.OrderItem{Order: &domain.Order{Source: "shopify", ID: id, Time: time.Date(2026, 9, day, 10, 0, 0, 0, time.UTC),
		CustomerEmail: email, CustomerName: name, Currency: "EUR", Total: net, Net: net, DiscountCodes: []string{coupon},
		Lines: []domain.OrderLine{{SKU: "TOTE-01", Quantity: 1, UnitPrice: net}}}}
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "partnerbook.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	f := &fixture{st: st, clock: &clock{t: time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)}, mail: &outbox{}}
	st.Now = f.clock.now
	for k, v := range map[string]string{"company.name": "Tote & Co", "company.address": "Torstraße 1, 10119 Berlin", "company.website": "https://shop.example", "company.country": "DE"} {
		if err := st.SetSetting(ctx, k, v); err != nil {
			t.Fatal(err)
		}
	}
	p := domain.DefaultProgram("Totes")
	twenty, five := decimal.NewFromInt(20), decimal.NewFromInt(5)
	p.Rules = domain.Plan{Sale: &domain.Rate{Percent: &twenty}, Lead: &domain.Rate{Fixed: &five}}
	p.HoldDays, p.Portal = 10, "on"
	if f.prog, err = st.CreateProgram(ctx, p); err != nil {
		t.Fatal(err)
	}
	add := func(name, email, key, coupon, lang string) {
		pp := domain.PartnerPatch{Name: &name, Email: &email, Key: &key, Coupons: &[]string{coupon}, Language: &lang}
		if _, err := st.AddPartner(ctx, f.prog.ID, pp); err != nil {
			t.Fatal(err)
		}
	}
	add("Kira Berg", "kira@example.com", "kira", "KIRA10", "en")
	add("Lena Vogt", "lena@example.de", "lena", "LENA10", "de")
	_, err = st.ImportOrders(ctx, f.prog.ID, domain.OrderImport{File: "orders.csv"}, &orderList{list: []domain.OrderItem{
		order("#1001", 2, 5000, "bea.lind@example.org", "Bea Lind", "KIRA10"),
		order("#1002", 3, 8000, "carl@example.net", "Carl Ohm", "LENA10"),
		order("#1003", 28, 3000, "dora@example.org", "Dora Fen", "KIRA10"),
	}})
	if err != nil {
		t.Fatal(err)
	}
	run, err := st.RunPayouts(ctx, f.prog.ID, "2026-09-20", false)
	if err != nil || len(run.Payouts) != 2 {
		t.Fatalf("payout run = %+v, %v", run, err)
	}
	for _, py := range run.Payouts {
		if py.Partner == "kira" {
			f.kiraNo = py.Number
		} else {
			f.lenaNo = py.Number
		}
	}
	for key, id := range map[string]*int64{"kira": &f.kiraLn, "lena": &f.lenaLn} {
		page, err := st.ListCommissions(ctx, domain.CommissionFilter{ProgramID: f.prog.ID, Partner: key})
		if err != nil || len(page.Lines) == 0 {
			t.Fatalf("lines of %s: %+v, %v", key, page, err)
		}
		*id = page.Lines[0].ID
	}
	f.srv = httptest.NewServer(New(Config{Store: st, Mailer: f.mail, Now: f.clock.now, Logf: t.Logf}))
	t.Cleanup(f.srv.Close)
	return f
}

// browser is a client with its own cookies that does not follow redirects.
type browser struct {
	t *testing.T
	c *http.Client
	f *fixture
}

func (f *fixture) browser(t *testing.T) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, f: f, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

func (b *browser) do(method, path, contentType, body string) (*http.Response, string) {
	b.t.Helper()
	req, err := http.NewRequest(method, b.f.srv.URL+path, strings.NewReader(body))
	if err != nil {
		b.t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	res, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer res.Body.Close()
	data, _ := io.ReadAll(res.Body)
	return res, string(data)
}

func (b *browser) get(path string) (*http.Response, string) { return b.do("GET", path, "", "") }

func (b *browser) postJSON(path string, v any) (*http.Response, string) {
	data, _ := json.Marshal(v)
	return b.do("POST", path, "application/json", string(data))
}

func (b *browser) postForm(path string, form url.Values) (*http.Response, string) {
	return b.do("POST", path, "application/x-www-form-urlencoded", form.Encode())
}

var csrfRe = regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`)

// csrf is the form token of a page.
func (b *browser) csrf(path string) string {
	b.t.Helper()
	_, body := b.get(path)
	m := csrfRe.FindStringSubmatch(body)
	if m == nil {
		b.t.Fatalf("%s has no CSRF token:\n%s", path, body)
	}
	return m[1]
}

// signIn signs a partner in through the JSON API with the code mailed to them.
func (b *browser) signIn(email string) {
	b.t.Helper()
	if res, body := b.postJSON("/portal/api/sign-in", map[string]string{"email": email}); res.StatusCode != http.StatusAccepted {
		b.t.Fatalf("sign-in = %d %s", res.StatusCode, body)
	}
	code := b.f.mail.last(b.t).Code
	if res, body := b.postJSON("/portal/api/verify", map[string]string{"email": email, "code": code}); res.StatusCode != http.StatusOK {
		b.t.Fatalf("verify = %d %s", res.StatusCode, body)
	}
}
