package cli

import (
	"bufio"
	"context"
	"database/sql"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"
)

// serving is `partnerbook serve` running on a data folder, in this process.
type serving struct {
	url  string
	stop func()
}

func (p *pb) serve(t *testing.T) serving {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	r, w := io.Pipe()
	done := make(chan int, 1)
	go func() {
		env := Env{Stdout: w, Stderr: io.Discard, Portal: p.portal, Getenv: func(k string) string {
			if k == "PARTNERBOOK_DATA" {
				return p.data
			}
			return ""
		}}
		done <- Run(ctx, []string{"serve", "--addr", "127.0.0.1:0"}, env)
		w.Close()
	}()
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil {
		cancel()
		t.Fatalf("serve printed no URL: %v", err)
	}
	go io.Copy(io.Discard, r)
	s := serving{url: strings.TrimSpace(line)}
	s.stop = func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("serve ended with %d", code)
		}
	}
	t.Cleanup(func() {
		if ctx.Err() == nil {
			s.stop()
		}
	})
	return s
}

func post(t *testing.T, url, body string, headers ...string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("POST", url, strings.NewReader(body))
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func query(t *testing.T, dir, q string) string {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+filepath.Join(dir, "partnerbook.db")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		rows.Scan(ptrs...)
		var parts []string
		for _, v := range vals {
			parts = append(parts, v.String)
		}
		out = append(out, strings.Join(parts, " "))
	}
	return strings.Join(out, "\n")
}

// Keys are made, listed (never their secret) and revoked; a server's folder refuses them.
func TestKeys(t *testing.T) {
	p := newPB(t)
	p.ok(nil, "program", "create", "--file", testdata("program-sync.json"))
	var made struct {
		ID  int64  `json:"id"`
		Key string `json:"key"`
	}
	p.ok(&made, "keys", "create", "--program", "1", "--kind", "secret", "--test", "--json")
	if !strings.HasPrefix(made.Key, "sk_test_") || made.ID == 0 {
		t.Fatalf("made %+v", made)
	}
	var list struct {
		Keys []struct {
			ID      int64   `json:"id"`
			Kind    string  `json:"kind"`
			Prefix  string  `json:"prefix"`
			Test    bool    `json:"test"`
			Revoked *string `json:"revoked"`
		} `json:"keys"`
	}
	out := p.ok(&list, "keys", "list", "--program", "1", "--json")
	if strings.Contains(out, made.Key) || len(list.Keys) != 1 || !list.Keys[0].Test || list.Keys[0].Kind != "secret" ||
		!strings.HasPrefix(made.Key, list.Keys[0].Prefix) || list.Keys[0].Revoked != nil {
		t.Fatalf("list %s", out)
	}
	p.ok(nil, "keys", "revoke", "1")
	p.ok(&list, "keys", "list", "--program", "1", "--json")
	if list.Keys[0].Revoked == nil {
		t.Errorf("not revoked: %+v", list.Keys[0])
	}
	if code, _, errs := p.run("keys", "create", "--program", "1", "--kind", "secret-ish"); code != 2 || !strings.Contains(errs, "--kind") {
		t.Errorf("a bad kind: %d %s", code, errs)
	}
	srv := newPB(t)
	srv.ok(nil, "init", "--server")
	if code, _, _ := srv.run("keys", "list", "--program", "1"); code != 1 {
		t.Errorf("a server's folder listed keys of a program it has not been told of: %d", code)
	}
}

// The desktop links to a headless server: before the first pull the server answers 401; the
// pull pushes programs, partners and keys; the shop's visit, signup and sale go to the server;
// the next pull fetches them, applies each once in order (the sale is the signed-up customer's,
// so the partner's), and a third pull fetches nothing.
func TestHeadlessServerAndPull(t *testing.T) {
	desk := newPB(t)
	desk.ok(nil, "program", "create", "--file", testdata("program-sync.json"))
	desk.ok(nil, "partner", "add", "--program", "1", "--name", "Lena", "--email", "lena@example.com", "--key", "lena")
	var pk, sk struct{ Key string }
	desk.ok(&pk, "keys", "create", "--program", "1", "--kind", "publishable", "--json")
	desk.ok(&sk, "keys", "create", "--program", "1", "--kind", "secret", "--json")

	server := newPB(t)
	var link struct {
		SyncKey string `json:"sync_key"`
	}
	server.ok(&link, "init", "--server", "--json")
	if !strings.HasPrefix(link.SyncKey, "sl_") {
		t.Fatalf("link secret %q", link.SyncKey)
	}
	s := server.serve(t)
	sale := `{"order_id":"W-1","customer":{"email":"mara@example.org"},"amount":"80.00","currency":"EUR"}`
	if code, body := post(t, s.url+"/v1/track/sale", sale, "Authorization", "Bearer "+sk.Key); code != 401 {
		t.Fatalf("a server never synced answered %d %s", code, body)
	}
	desk.ok(nil, "settings", "set", "sync.remote", s.url)
	desk.ok(nil, "settings", "set", "sync.key", link.SyncKey)
	var res struct {
		Pushed  struct{ Programs, Partners, Keys int }
		Fetched int
		Applied int
		Cursor  string
	}
	desk.ok(&res, "sync", "pull", "--json")
	if res.Pushed.Programs != 1 || res.Pushed.Partners != 1 || res.Pushed.Keys != 2 || res.Fetched != 0 {
		t.Fatalf("first pull %+v", res)
	}
	shop := []string{"Origin", "https://shop.example"}
	for _, c := range []struct{ path, body string }{
		{"visit", `{"event_id":"e1","program":"` + pk.Key + `","ref":"lena","visitor":"v1","url":"https://shop.example/?ref=lena"}`},
		{"signup", `{"event_id":"e2","program":"` + pk.Key + `","visitor":"v1","email":"Mara@example.org","name":"Mara"}`},
	} {
		if code, body := post(t, s.url+"/v1/track/"+c.path, c.body, shop...); code != 200 {
			t.Fatalf("%s: %d %s", c.path, code, body)
		}
	}
	if code, body := post(t, s.url+"/v1/track/sale", sale, "Authorization", "Bearer "+sk.Key); code != 200 {
		t.Fatalf("sale: %d %s", code, body)
	}
	desk.ok(&res, "sync", "pull", "--json")
	if res.Fetched != 3 || res.Applied != 3 || res.Cursor != "3" {
		t.Fatalf("second pull %+v", res)
	}
	got := query(t, desk.data, `SELECT o.source, o.order_key, o.total, p.key, o.reason FROM orders o JOIN partners p ON p.id = o.partner_id`)
	if got != "api W-1 8000 lena customer" {
		t.Errorf("the pulled sale: %q", got)
	}
	if got := query(t, desk.data, `SELECT amount FROM commission_lines`); got != "1600" {
		t.Errorf("its commission: %q", got)
	}
	desk.ok(&res, "sync", "pull", "--json")
	if res.Fetched != 0 || res.Applied != 0 {
		t.Errorf("third pull %+v", res)
	}
	if got := query(t, desk.data, `SELECT count(*) FROM events`); got != "3" {
		t.Errorf("the desktop keeps %s events", got)
	}
	if resp, err := http.Get(s.url + "/healthz"); err != nil || resp.StatusCode != 200 {
		t.Errorf("healthz: %v", err)
	} else {
		resp.Body.Close()
	}
}
