package sync

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerbook/backend/domain"
	"partnerbook/backend/secret"
	"partnerbook/backend/sqlite"
)

var ctx = domain.WithActor(context.Background(), "test")

// fixture is a desktop's data folder with one program (origin https://shop.example, 20 %
// a sale), two partners, and keys of every kind, served by the endpoint over real HTTP.
type fixture struct {
	store                  *sqlite.Store
	prog                   domain.Program
	pk, pkTest, sk, skTest string
	skRevoked, pkOther     string
	url                    string
	srv                    *Server
}

func newStore(t *testing.T) *sqlite.Store {
	t.Helper()
	dir := t.TempDir()
	st, err := sqlite.Open(ctx, filepath.Join(dir, "partnerbook.db"), sqlite.Options{Secrets: secret.NewFile(filepath.Join(dir, "secrets.json"))})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func addProgram(t *testing.T, st *sqlite.Store, name string, origins ...string) domain.Program {
	t.Helper()
	p := domain.DefaultProgram(name)
	twenty := decimal.NewFromInt(20)
	p.Rules = domain.Plan{Sale: &domain.Rate{Percent: &twenty}}
	p.Origins = origins
	prog, err := st.CreateProgram(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"lena", "kira"} {
		key, name, email := k, strings.ToUpper(k[:1])+k[1:], k+"@example.com"
		if _, err := st.AddPartner(ctx, prog.ID, domain.PartnerPatch{Key: &key, Name: &name, Email: &email}); err != nil {
			t.Fatal(err)
		}
	}
	return prog
}

func makeKey(t *testing.T, st *sqlite.Store, programID int64, kind string, test bool) (string, int64) {
	t.Helper()
	key, nk := NewKey(programID, kind, test)
	k, err := st.CreateAPIKey(ctx, nk)
	if err != nil {
		t.Fatal(err)
	}
	return key, k.ID
}

func newFixture(t *testing.T, opt Options) *fixture {
	t.Helper()
	st := newStore(t)
	f := &fixture{store: st, prog: addProgram(t, st, "Shop", "https://shop.example")}
	other := addProgram(t, st, "Other", "https://other.example")
	f.pk, _ = makeKey(t, st, f.prog.ID, domain.KeyPublishable, false)
	f.pkTest, _ = makeKey(t, st, f.prog.ID, domain.KeyPublishable, true)
	f.sk, _ = makeKey(t, st, f.prog.ID, domain.KeySecret, false)
	f.skTest, _ = makeKey(t, st, f.prog.ID, domain.KeySecret, true)
	f.pkOther, _ = makeKey(t, st, other.ID, domain.KeyPublishable, false)
	var id int64
	f.skRevoked, id = makeKey(t, st, f.prog.ID, domain.KeySecret, false)
	if _, err := st.RevokeAPIKey(ctx, id); err != nil {
		t.Fatal(err)
	}
	log, err := st.OpenEventLog()
	if err != nil {
		t.Fatal(err)
	}
	opt.Store, opt.Log = st, log
	f.srv = New(opt)
	ts := httptest.NewServer(f.srv.Handler())
	t.Cleanup(func() { ts.Close(); f.srv.Close(); log.Close() })
	f.url = ts.URL
	return f
}

// reply is an answer as a test reads it.
type reply struct {
	status int
	header http.Header
	body   map[string]any
	raw    string
}

func (r reply) errField(name string) string {
	e, _ := r.body["error"].(map[string]any)
	s, _ := e[name].(string)
	return s
}

func do(t *testing.T, method, url string, headers map[string]string, body string) reply {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	r := reply{status: resp.StatusCode, header: resp.Header, raw: string(b)}
	json.Unmarshal(b, &r.body)
	return r
}

func origin(o string) map[string]string { return map[string]string{"Origin": o} }
func auth(k string) map[string]string   { return map[string]string{"Authorization": "Bearer " + k} }

// Every status of sync.md, route by route.
func TestStatuses(t *testing.T) {
	f := newFixture(t, Options{Rate: -1})
	shop := origin("https://shop.example")
	visit := func(id, key string) string {
		return `{"event_id":"` + id + `","program":"` + key + `","ref":"lena","visitor":"v1","url":"https://shop.example/?ref=lena","referrer":""}`
	}
	sale := `{"order_id":"1001","customer":{"email":"Mara@Example.org"},"amount":"49.90","currency":"EUR","items":[{"sku":"A","name":"Mug","quantity":2,"price":"24.95"}]}`
	big := `{"order_id":"1002","amount":"1","currency":"EUR","coupon":"` + strings.Repeat("x", MaxBody) + `"}`
	cases := []struct {
		name         string
		method, path string
		headers      map[string]string
		body         string
		status       int
		code, field  string
	}{
		{"healthz", "GET", "/healthz", nil, "", 200, "", ""},
		{"a visit from an allowed origin", "POST", "/v1/track/visit", shop, visit("e1", f.pk), 200, "", ""},
		{"the same visit again", "POST", "/v1/track/visit", shop, visit("e1", f.pk), 200, "", ""},
		{"the same id, another body", "POST", "/v1/track/visit", shop, strings.Replace(visit("e1", f.pk), "v1", "v2", 1), 409, "conflict", ""},
		{"a visit without a key", "POST", "/v1/track/visit", shop, visit("e2", ""), 400, "invalid", "program"},
		{"a visit with an unknown key", "POST", "/v1/track/visit", shop, visit("e2", "pk_live_nobodyhasthiskeyatall"), 401, "unauthorized", ""},
		{"a visit with a secret key", "POST", "/v1/track/visit", shop, visit("e2", f.sk), 403, "forbidden", ""},
		{"a visit from another origin", "POST", "/v1/track/visit", origin("https://evil.example"), visit("e2", f.pk), 403, "forbidden", ""},
		{"a visit without an Origin", "POST", "/v1/track/visit", nil, visit("e2", f.pk), 403, "forbidden", ""},
		{"another program's key from this origin", "POST", "/v1/track/visit", shop, visit("e2", f.pkOther), 403, "forbidden", ""},
		{"a visit without a visitor", "POST", "/v1/track/visit", shop, `{"event_id":"e3","program":"` + f.pk + `","ref":"lena"}`, 400, "invalid", "visitor"},
		{"a visit that is not JSON", "POST", "/v1/track/visit", shop, `{"event_id":`, 400, "invalid", ""},
		{"a visit with a number for a text", "POST", "/v1/track/visit", shop, `{"event_id":5}`, 400, "invalid", "event_id"},
		{"a visit by GET", "GET", "/v1/track/visit", shop, "", 405, "method_not_allowed", ""},
		{"a preflight from an allowed origin", "OPTIONS", "/v1/track/visit", map[string]string{"Origin": "https://shop.example", "Access-Control-Request-Method": "POST"}, "", 204, "", ""},
		{"a preflight from another origin", "OPTIONS", "/v1/track/signup", origin("https://evil.example"), "", 403, "forbidden", ""},
		{"a signup", "POST", "/v1/track/signup", shop, `{"event_id":"s1","program":"` + f.pk + `","visitor":"v1","email":"mara@example.org","name":"Mara","key":""}`, 200, "", ""},
		{"a signup with a bad e-mail", "POST", "/v1/track/signup", shop, `{"event_id":"s2","program":"` + f.pk + `","visitor":"v1","email":"mara"}`, 400, "invalid", "email"},
		{"a sale", "POST", "/v1/track/sale", auth(f.sk), sale, 200, "", ""},
		{"the same sale again", "POST", "/v1/track/sale", auth(f.sk), sale, 200, "", ""},
		{"the same order id, another amount", "POST", "/v1/track/sale", auth(f.sk), strings.Replace(sale, "49.90", "59.90", 1), 409, "conflict", ""},
		{"a sale without a key", "POST", "/v1/track/sale", nil, sale, 401, "unauthorized", ""},
		{"a sale with a wrong key", "POST", "/v1/track/sale", auth("sk_live_wrongwrongwrongwrongwron"), sale, 401, "unauthorized", ""},
		{"a sale with a revoked key", "POST", "/v1/track/sale", auth(f.skRevoked), sale, 401, "unauthorized", ""},
		{"a sale with a publishable key", "POST", "/v1/track/sale", auth(f.pk), sale, 403, "forbidden", ""},
		{"a sale over 64 KiB", "POST", "/v1/track/sale", auth(f.sk), big, 413, "too_large", ""},
		{"a sale with too many decimals", "POST", "/v1/track/sale", auth(f.sk), `{"order_id":"1003","amount":"1.234","currency":"EUR"}`, 400, "invalid", "amount"},
		{"a sale with an amount as a number", "POST", "/v1/track/sale", auth(f.sk), `{"order_id":"1004","amount":12.5,"currency":"EUR"}`, 200, "", ""},
		{"a sale with a bad currency", "POST", "/v1/track/sale", auth(f.sk), `{"order_id":"1005","amount":"1","currency":"EURO"}`, 400, "invalid", "currency"},
		{"a sale with a bad item", "POST", "/v1/track/sale", auth(f.sk), `{"order_id":"1006","amount":"1","currency":"EUR","items":[{"sku":"A","quantity":0,"price":"1"}]}`, 400, "invalid", "items[0].quantity"},
		{"a sale with an unknown field", "POST", "/v1/track/sale", auth(f.sk), `{"order_id":"1007","amount":"1","currency":"EUR","total":"1"}`, 400, "invalid", "total"},
		{"a sale with a bad time", "POST", "/v1/track/sale", auth(f.sk), `{"order_id":"1008","amount":"1","currency":"EUR","time":"yesterday"}`, 400, "invalid", "time"},
		{"a refund", "POST", "/v1/track/refund", auth(f.sk), `{"order_id":"1001","amount":"10.00","time":"2026-03-02T10:00:00Z"}`, 200, "", ""},
		{"a refund of nothing", "POST", "/v1/track/refund", auth(f.sk), `{"order_id":"1001","amount":"0"}`, 400, "invalid", "amount"},
		{"a refund without a key", "POST", "/v1/track/refund", nil, `{"order_id":"1001","amount":"1"}`, 401, "unauthorized", ""},
		{"events with the secret key", "GET", "/v1/events?after=0&limit=10", auth(f.sk), "", 200, "", ""},
		{"events without a key", "GET", "/v1/events", nil, "", 401, "unauthorized", ""},
		{"events with a bad cursor", "GET", "/v1/events?after=x", auth(f.sk), "", 400, "invalid", "after"},
		{"events with too large a limit", "GET", "/v1/events?limit=5000", auth(f.sk), "", 400, "invalid", "limit"},
		{"a push to a desktop's folder", "POST", "/v1/sync/push", auth("sl_whatever"), `{"programs":[]}`, 401, "unauthorized", ""},
		{"an unknown path", "GET", "/v2/nothing", nil, "", 404, "not_found", ""},
		{"the script", "GET", "/pb.js", nil, "", 200, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := do(t, c.method, f.url+c.path, c.headers, c.body)
			if r.status != c.status || r.errField("code") != c.code || r.errField("field") != c.field {
				t.Fatalf("%d %s, want %d %q field %q", r.status, r.raw, c.status, c.code, c.field)
			}
			if c.status >= 400 && c.status != 405 && r.errField("message") == "" {
				t.Errorf("an error without a message: %s", r.raw)
			}
		})
	}
}

// The same event again is answered as the first time, byte for byte, and stored once.
func TestRepeatAnsweredAsFirst(t *testing.T) {
	f := newFixture(t, Options{Rate: -1})
	body := `{"order_id":"7","amount":"49.9","currency":"eur"}`
	first := do(t, "POST", f.url+"/v1/track/sale", auth(f.sk), body)
	time.Sleep(1100 * time.Millisecond) // a second later: the answer keeps the first time
	again := do(t, "POST", f.url+"/v1/track/sale", auth(f.sk), `{"order_id":"7", "amount":"49.90","currency":"EUR"}`)
	if first.status != 200 || first.raw != again.raw {
		t.Fatalf("first %d %s, again %d %s", first.status, first.raw, again.status, again.raw)
	}
	evs, err := f.store.EventsAfter(ctx, 0, 0, 100)
	if err != nil || len(evs) != 1 {
		t.Fatalf("stored %d events, %v", len(evs), err)
	}
}

// Browser calls get 429 with Retry-After past the per-address bound; a shop's server pushing
// sales with its secret key is not bound.
func TestRateLimit(t *testing.T) {
	f := newFixture(t, Options{Rate: 1, Burst: 3})
	shop := origin("https://shop.example")
	var last reply
	for i := 0; i < 4; i++ {
		last = do(t, "POST", f.url+"/v1/track/visit", shop, `{"event_id":"r`+string(rune('a'+i))+`","program":"`+f.pk+`","ref":"lena","visitor":"v"}`)
	}
	if last.status != 429 || last.errField("code") != "rate_limited" || last.header.Get("Retry-After") == "" {
		t.Fatalf("the 4th call: %d %s (Retry-After %q)", last.status, last.raw, last.header.Get("Retry-After"))
	}
	for i := 0; i < 20; i++ {
		r := do(t, "POST", f.url+"/v1/track/sale", auth(f.sk), `{"order_id":"s`+string(rune('a'+i))+`","amount":"1","currency":"EUR"}`)
		if r.status != 200 {
			t.Fatalf("sale %d: %d %s", i, r.status, r.raw)
		}
	}
}

// A visit with an active partner's key answers that key (as stored) and sets pb_ref from the
// server; one with a key no partner has answers null and sets nothing. Test keys mark events.
func TestVisitAnswerAndCookie(t *testing.T) {
	f := newFixture(t, Options{Rate: -1, Now: func() time.Time { return time.Unix(1_800_000_000, 0) }})
	shop := origin("https://shop.example")
	r := do(t, "POST", f.url+"/v1/track/visit", shop, `{"event_id":"c1","program":"`+f.pkTest+`","ref":"LENA","visitor":"v9"}`)
	if r.status != 200 || r.body["ref"] != "lena" || r.header.Get("Access-Control-Allow-Origin") != "https://shop.example" {
		t.Fatalf("%d %s %v", r.status, r.raw, r.header)
	}
	if ev := r.body["event"].(map[string]any); ev["test"] != true {
		t.Errorf("a test key's event is not marked: %s", r.raw)
	}
	c := r.header.Get("Set-Cookie")
	if !strings.HasPrefix(c, "pb_ref=lena|v9|1800000000;") || !strings.Contains(c, "Max-Age=2592000") || !strings.Contains(c, "SameSite=Lax") {
		t.Errorf("cookie %q", c)
	}
	r = do(t, "POST", f.url+"/v1/track/visit", shop, `{"event_id":"c2","program":"`+f.pk+`","ref":"nobody","visitor":"v9"}`)
	if r.status != 200 || r.body["ref"] != nil || r.header.Get("Set-Cookie") != "" {
		t.Fatalf("unknown key: %d %s %q", r.status, r.raw, r.header.Get("Set-Cookie"))
	}
}

type domainEvent = domain.Event

func orderCount(t *testing.T, st *sqlite.Store) int {
	t.Helper()
	var n int
	if err := st.DB().QueryRow(`SELECT count(*) FROM orders WHERE source = 'api'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
