package web

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"partnerbook/app"
	"partnerbook/backend/sqlite"
)

func server(t *testing.T) (*Server, *httptest.Server) {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "pb.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	assets := fstest.MapFS{"index.html": {Data: []byte("<html><head><title>Partnerbook</title></head><body></body></html>")},
		"assets/app.js": {Data: []byte("console.log(1)")}}
	var s *Server
	core := app.NewCore(st, "", emitter{func(n string, d ...any) { s.Emitter().Emit(n, d...) }}, nil)
	s = New(assets, app.Services(core))
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return s, ts
}

type emitter struct{ f func(string, ...any) }

func (e emitter) Emit(n string, d ...any) { e.f(n, d...) }

func post(t *testing.T, ts *httptest.Server, token, method, body string) map[string]json.RawMessage {
	t.Helper()
	req, _ := http.NewRequest("POST", ts.URL+"/__pb/call/"+method, strings.NewReader(body))
	req.Header.Set("X-Partnerbook-Token", token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out map[string]json.RawMessage
	json.NewDecoder(res.Body).Decode(&out)
	return out
}

func TestTokenRequired(t *testing.T) {
	s, ts := server(t)
	for _, path := range []string{"/", "/assets/app.js", "/__pb/bridge.js"} {
		res, _ := http.Get(ts.URL + path)
		if res.StatusCode != http.StatusUnauthorized {
			t.Errorf("GET %s without token: %d", path, res.StatusCode)
		}
	}
	if r := post(t, ts, "wrong", "Programs.List", "[]"); r["result"] != nil {
		t.Error("a call with a wrong token was answered")
	}
	res, err := http.Get(ts.URL + "/?token=" + s.Token())
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("with token: %v %v", res.StatusCode, err)
	}
	body, _ := io.ReadAll(res.Body)
	if !strings.Contains(string(body), `<head><script src="/__pb/bridge.js"></script>`) {
		t.Errorf("the bridge is not injected first: %s", body)
	}
	var cookie *http.Cookie
	for _, c := range res.Cookies() {
		if c.Name == "pb_token" {
			cookie = c
		}
	}
	if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteStrictMode {
		t.Fatalf("cookie = %+v", cookie)
	}
	req, _ := http.NewRequest("GET", ts.URL+"/assets/app.js", nil)
	req.AddCookie(cookie)
	if res, _ := http.DefaultClient.Do(req); res.StatusCode != 200 {
		t.Errorf("asset with the cookie: %d", res.StatusCode)
	}
}

func TestCalls(t *testing.T) {
	s, ts := server(t)
	tok := s.Token()
	r := post(t, ts, tok, "Programs.Defaults", "[]")
	var p app.Program
	json.Unmarshal(r["result"], &p)
	if p.Currency != "EUR" || p.HoldDays != 30 {
		t.Fatalf("defaults = %s", r["result"])
	}
	p.Name = "Shop"
	body, _ := json.Marshal([]any{p})
	r = post(t, ts, tok, "Programs.Create", string(body))
	if r["error"] != nil {
		t.Fatalf("create: %s", r["error"])
	}
	r = post(t, ts, tok, "Programs.Create", string(body))
	var e struct {
		Code     string
		Problems []struct{ Column, Message string }
	}
	json.Unmarshal(r["error"], &e)
	if e.Code != "invalid" || len(e.Problems) != 1 || e.Problems[0].Column != "name" {
		t.Errorf("a taken name: %s", r["error"])
	}
	r = post(t, ts, tok, "Partners.Add", `[1, {"name": "Kira", "email": "kira@example.org", "key": "kira", "coupons": ["K10"]}]`)
	if r["error"] != nil {
		t.Fatalf("add partner: %s", r["error"])
	}
	r = post(t, ts, tok, "Partners.List", `[{"program_id": 1, "limit": 10}]`)
	if !strings.Contains(string(r["result"]), `"key":"kira"`) || !strings.Contains(string(r["result"]), `"total":1`) {
		t.Errorf("list = %s", r["result"])
	}
	if r := post(t, ts, tok, "Partners.Nope", "[]"); !strings.Contains(string(r["error"]), "no such method") {
		t.Errorf("unknown method: %s", r["error"])
	}
	if r := post(t, ts, tok, "Partners.Get", `[1]`); !strings.Contains(string(r["error"]), "takes 2 arguments") {
		t.Errorf("wrong arity: %s", r["error"])
	}
	js := get(t, ts, tok, "/__pb/bridge.js")
	if !strings.Contains(js, `"Partners":[`) || !strings.Contains(js, "window.go = {app: app}") {
		t.Errorf("bridge.js lacks the services")
	}
}

func get(t *testing.T, ts *httptest.Server, tok, path string) string {
	req, _ := http.NewRequest("GET", ts.URL+path, nil)
	req.Header.Set("X-Partnerbook-Token", tok)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	return string(b)
}

func TestEvents(t *testing.T) {
	s, ts := server(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+"/__pb/events", nil)
	req.Header.Set("X-Partnerbook-Token", s.Token())
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	rd := bufio.NewReader(res.Body)
	rd.ReadString('\n') // ": ok"
	s.Emitter().Emit("import:progress", map[string]int{"done": 3})
	for {
		line, err := rd.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(line, "data: ") {
			if !strings.Contains(line, `"name":"import:progress"`) || !strings.Contains(line, `"done":3`) {
				t.Errorf("event = %s", line)
			}
			return
		}
	}
}

func TestListenLoopbackOnly(t *testing.T) {
	s, _ := server(t)
	if _, err := s.Listen("0.0.0.0:0"); err == nil || !strings.Contains(err.Error(), "loopback") {
		t.Errorf("0.0.0.0 accepted: %v", err)
	}
	url, err := s.Listen("127.0.0.1:0")
	if err != nil || !strings.Contains(url, "?token="+s.Token()) {
		t.Errorf("url = %s, %v", url, err)
	}
	s.listener.Close()
}

// TestOtherOriginsRefused: a page elsewhere that the browser sends the cookie with (another
// port of localhost is the same site) cannot call the services, upload or listen.
func TestOtherOriginsRefused(t *testing.T) {
	s, ts := server(t)
	res, err := http.Get(ts.URL + "/?token=" + s.Token())
	if err != nil {
		t.Fatal(err)
	}
	var cookie *http.Cookie
	for _, c := range res.Cookies() {
		if c.Name == "pb_token" {
			cookie = c
		}
	}
	own := "http://" + strings.TrimPrefix(ts.URL, "http://")
	cases := []struct {
		name, method, path, origin, site string
		want                             int
	}{
		{"settings from evil.test", "POST", "/__pb/call/Settings.Set", "http://evil.test", "", http.StatusForbidden},
		{"cross-site fetch", "POST", "/__pb/call/Settings.Set", "", "cross-site", http.StatusForbidden},
		{"same-site other port", "POST", "/__pb/call/Settings.Set", "http://127.0.0.1:1", "same-site", http.StatusForbidden},
		{"upload from evil.test", "POST", "/__pb/upload?name=a.csv", "http://evil.test", "cross-site", http.StatusForbidden},
		{"events from evil.test", "GET", "/__pb/events", "http://evil.test", "cross-site", http.StatusForbidden},
		{"bridge from evil.test", "GET", "/__pb/bridge.js", "", "cross-site", http.StatusForbidden},
		{"own page", "POST", "/__pb/call/Settings.Set", own, "same-origin", http.StatusOK},
		{"own page, old browser", "POST", "/__pb/call/Settings.Set", own, "", http.StatusOK},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			value := "Evil"
			if c.want == http.StatusOK {
				value = "Ours"
			}
			req, _ := http.NewRequest(c.method, ts.URL+c.path, strings.NewReader(`["company.name", "`+value+`"]`))
			req.AddCookie(cookie)
			if c.origin != "" {
				req.Header.Set("Origin", c.origin)
			}
			if c.site != "" {
				req.Header.Set("Sec-Fetch-Site", c.site)
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != c.want {
				t.Errorf("status %d, want %d", res.StatusCode, c.want)
			}
		})
	}
	r := post(t, ts, s.Token(), "Settings.List", `[]`)
	if !strings.Contains(string(r["result"]), "Ours") || strings.Contains(string(r["result"]), "Evil") {
		t.Errorf("company.name after the calls: %s", r["result"])
	}
}
