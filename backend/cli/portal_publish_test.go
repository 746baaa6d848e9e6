package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"os"
	"path/filepath"
	"strings"
	stdsync "sync"
	"testing"

	"partnerbook/backend/domain"
	"partnerbook/backend/portal"
)

// codes keeps the sign-in codes the headless portal hands to its mailer.
type codes struct {
	mu   stdsync.Mutex
	last map[string]string
}

func (c *codes) SignIn(_ context.Context, a domain.PortalAccount, _ int64, code, _ string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.last[a.Email] = code
	return nil
}

// portalDesk is a desktop whose program has the portal on, with partners, orders, an
// adjustment and a payout run (kira is paid), linked to a headless server that serves the
// portal from what the desktop publishes.
func portalDesk(t *testing.T) (desk, server *pb, s serving, link string, mail *codes) {
	desk = newPB(t)
	prog, err := os.ReadFile(testdata("program.json"))
	if err != nil {
		t.Fatal(err)
	}
	var p map[string]any
	json.Unmarshal(prog, &p)
	p["portal"] = "on"
	file := filepath.Join(t.TempDir(), "program.json")
	data, _ := json.Marshal(p)
	os.WriteFile(file, data, 0o600)
	desk.ok(nil, "program", "create", "--file", file)
	desk.ok(nil, "import", "partners", "--program", "1", testdata("partners.csv"))
	desk.ok(nil, "import", "orders", "--program", "1", filepath.Join("..", "importer", "testdata", "orders_export_1.csv"))
	desk.ok(nil, "commissions", "adjust", "--program", "1", "--partner", "kira", "--amount", "45.00", "--comment", "bonus")
	for _, kv := range [][2]string{{"company.name", "Linen & Co."}, {"company.address", "1 Mill Lane, Leeds"},
		{"company.country", "GB"}, {"company.vat_id", "GB123456789"}} {
		desk.ok(nil, "settings", "set", kv[0], kv[1])
	}
	desk.ok(nil, "--as-of", "2025-05-10", "payouts", "run", "--program", "1")

	server = newPB(t)
	var l struct {
		SyncKey string `json:"sync_key"`
	}
	server.ok(&l, "init", "--server", "--json")
	mail = &codes{last: map[string]string{}}
	server.portal = func(a *App) http.Handler {
		return portal.New(portal.Config{Store: a.Store.Published(), Mailer: mail, Logf: t.Logf})
	}
	s = server.serve(t)
	desk.ok(nil, "settings", "set", "sync.remote", s.url)
	desk.ok(nil, "settings", "set", "sync.key", l.SyncKey)
	return desk, server, s, l.SyncKey, mail
}

type pullResult struct {
	Pushed struct {
		Programs       int
		PortalPartners int `json:"portal_partners"`
		PortalLines    int `json:"portal_lines"`
		PortalPayouts  int `json:"portal_payouts"`
		Statements     int `json:"portal_statements"`
	}
	Fetched, Applied int
}

// At each pull the desktop publishes the portal; sent again it replaces, never doubles; a
// publish without the link secret or over the bound is refused.
func TestPortalPublishedAtPull(t *testing.T) {
	desk, server, s, link, _ := portalDesk(t)
	var res pullResult
	desk.ok(&res, "sync", "pull", "--json")
	if res.Pushed.PortalPartners != 2 || res.Pushed.PortalPayouts != 1 || res.Pushed.Statements != 1 || res.Pushed.PortalLines == 0 {
		t.Fatalf("first pull published %+v", res.Pushed)
	}
	rows := `SELECT (SELECT count(*) FROM portal_pub_partners), (SELECT count(*) FROM portal_pub_lines), (SELECT count(*) FROM portal_pub_payouts)`
	first := query(t, server.data, rows)
	desk.ok(&res, "sync", "pull", "--json")
	if again := query(t, server.data, rows); again != first {
		t.Fatalf("published rows after the second pull %q, after the first %q", again, first)
	}
	// The statement kept is the one the desktop filed.
	out := t.TempDir()
	desk.ok(nil, "statements", "--program", "1", "--payout", "2025-0001", "--out", out)
	filed, err := os.ReadFile(filepath.Join(out, "2025-0001-kira.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if got := query(t, server.data, `SELECT hex(pdf) FROM portal_pub_payouts WHERE number = '2025-0001'`); got != strings.ToUpper(hexOf(filed)) {
		t.Errorf("the published statement (%d hex digits) is not the filed one (%d bytes)", len(got), len(filed))
	}

	send := func(secret string, body io.Reader) (int, string) {
		req, _ := http.NewRequest("POST", s.url+"/v1/sync/portal", body)
		req.Header.Set("Authorization", "Bearer "+secret)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	empty := `{"program":1,"as_of":"2026-01-01T00:00:00Z","cursor":0,"partners":[],"lead_hashes":[]}`
	wrong := "sl_" + strings.Repeat("x", len(link)-3)
	if code, body := send(wrong, strings.NewReader(empty)); code != http.StatusUnauthorized {
		t.Errorf("a wrong link secret: %d %s", code, body)
	}
	if got := query(t, server.data, rows); got != first {
		t.Errorf("a refused publish changed the snapshot: %q", got)
	}
	if code, body := send(link, strings.NewReader(empty)); code != http.StatusOK {
		t.Fatalf("an empty snapshot: %d %s", code, body)
	}
	if got := query(t, server.data, `SELECT count(*) FROM portal_pub_partners`); got != "0" {
		t.Errorf("an empty snapshot left %s partners", got)
	}
}

func hexOf(b []byte) string {
	const digits = "0123456789abcdef"
	var sb strings.Builder
	for _, c := range b {
		sb.WriteByte(digits[c>>4])
		sb.WriteByte(digits[c&15])
	}
	return sb.String()
}

// A lead and a payout-detail request made on the headless portal reach the desktop at the
// next pull, applied once however often the desktop pulls.
func TestHeadlessPortalEventsApplyOnce(t *testing.T) {
	desk, _, s, _, mail := portalDesk(t)
	desk.ok(nil, "sync", "pull", "--json")
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	postJSON := func(path string, v any) int {
		b, _ := json.Marshal(v)
		resp, err := c.Post(s.url+path, "application/json", bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	postJSON("/portal/api/sign-in", map[string]string{"email": "kira@example.org"})
	mail.mu.Lock()
	code := mail.last["kira@example.org"]
	mail.mu.Unlock()
	if got := postJSON("/portal/api/verify", map[string]string{"email": "kira@example.org", "code": code}); got != http.StatusOK {
		t.Fatalf("verify with the code mailed: %d", got)
	}
	if got := postJSON("/portal/api/leads", map[string]string{"name": "Edda Stein", "email": "edda@example.org"}); got != http.StatusCreated {
		t.Fatalf("lead: %d", got)
	}
	if got := postJSON("/portal/api/profile", map[string]string{"field": "iban", "value": "DE89 3704 0044 0532 0130 00"}); got != http.StatusCreated {
		t.Fatalf("request: %d", got)
	}
	var res pullResult
	desk.ok(&res, "sync", "pull", "--json")
	if res.Fetched != 2 || res.Applied != 2 {
		t.Errorf("the pull after fetched %d, applied %d", res.Fetched, res.Applied)
	}
	for i := 0; i < 2; i++ {
		desk.ok(&res, "sync", "pull", "--json")
		if res.Fetched != 0 || res.Applied != 0 {
			t.Errorf("a later pull fetched %d, applied %d", res.Fetched, res.Applied)
		}
	}
	var leads struct{ Leads []domain.Lead }
	desk.ok(&leads, "leads", "--program", "1", "--json")
	if len(leads.Leads) != 1 || leads.Leads[0].Email != "edda@example.org" || leads.Leads[0].Partner != "kira" || leads.Leads[0].Source != "portal" {
		t.Errorf("desktop leads = %+v", leads.Leads)
	}
	var reqs struct{ Requests []domain.PortalRequest }
	desk.ok(&reqs, "portal", "requests", "--program", "1", "--json")
	if len(reqs.Requests) != 1 || reqs.Requests[0].Status != "pending" || reqs.Requests[0].Value != "DE89370400440532013000" {
		t.Errorf("desktop requests = %+v", reqs.Requests)
	}
}
