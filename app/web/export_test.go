package web

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"partnerbook/app"
)

func getExport(t *testing.T, ts string, token, list, filter string, header map[string]string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", ts+"/__pb/export/"+list+"?filter="+url.QueryEscape(filter), nil)
	if token != "" {
		req.Header.Set("X-Partnerbook-Token", token)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

// TestExportDownload: a list's CSV is a download for the page that holds the token, with the
// list's filter; a refused filter or an unknown list is an error before any row.
func TestExportDownload(t *testing.T) {
	s, ts := server(t)
	var p app.Program
	json.Unmarshal(post(t, ts, s.Token(), "Programs.Defaults", "[]")["result"], &p)
	p.Name = "Atelier Nord"
	prog, _ := json.Marshal([]any{p})
	for _, c := range []string{string(prog),
		`[1, {"name": "Kira", "email": "kira@example.org", "key": "kira", "coupons": ["KIRA10"], "status": "active"}]`,
		`[1, {"name": "=HYPERLINK(\"http://evil.test\")", "email": "eve@example.org", "key": "eve", "coupons": [], "status": "pending"}]`} {
		method := "Programs.Create"
		if strings.HasPrefix(c, "[1") {
			method = "Partners.Add"
		}
		if r := post(t, ts, s.Token(), method, c); r["error"] != nil {
			t.Fatalf("%s: %s", method, r["error"])
		}
	}
	res, body := getExport(t, ts.URL, s.Token(), "partners", `{"program_id": 1, "status": "pending"}`, nil)
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/csv; charset=utf-8" {
		t.Fatalf("download: %d %v\n%s", res.StatusCode, res.Header, body)
	}
	if d := res.Header.Get("Content-Disposition"); !strings.HasPrefix(d, `attachment; filename=atelier-nord-partners-`) || !strings.HasSuffix(d, ".csv") {
		t.Errorf("Content-Disposition = %q", d)
	}
	recs, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil || len(recs) != 2 || recs[0][0] != "name" || recs[1][2] != "eve" || recs[1][0] != `'=HYPERLINK("http://evil.test")` {
		t.Errorf("pending partners = %q, %v", recs, err)
	}
	for _, c := range []struct {
		name, token, list, filter string
		header                    map[string]string
		status                    int
	}{
		{"no token", "", "partners", `{"program_id": 1}`, nil, 401},
		{"another site's page", s.Token(), "partners", `{"program_id": 1}`, map[string]string{"Sec-Fetch-Site": "same-site"}, 403},
		{"an unknown list", s.Token(), "secrets", `{"program_id": 1}`, nil, 404},
		{"an unknown program", s.Token(), "orders", `{"program_id": 9}`, nil, 404},
		{"not JSON", s.Token(), "orders", `{program`, nil, 400},
		{"a refused filter", s.Token(), "orders", `{"program_id": 1, "from": "1.3.2025"}`, nil, 400},
		{"a filter too long", s.Token(), "orders", `{"program_id": 1, "search": "` + strings.Repeat("x", 9000) + `"}`, nil, 413},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, body := getExport(t, ts.URL, c.token, c.list, c.filter, c.header)
			if res.StatusCode != c.status || strings.Contains(body, "name,email") {
				t.Errorf("%d, want %d: %s", res.StatusCode, c.status, body)
			}
		})
	}
	// An empty list is a file with its header.
	if res, body := getExport(t, ts.URL, s.Token(), "orders", `{"program_id": 1}`, nil); res.StatusCode != 200 || !strings.HasPrefix(body, "time,source,order,") {
		t.Errorf("no orders: %d %q", res.StatusCode, body)
	}
}
