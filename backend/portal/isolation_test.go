package portal

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"partnerbook/backend/statement"
)

func httptestRequest(method, target, body string) *http.Request {
	r := httptest.NewRequest(method, target, strings.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	return r
}

func recorder(h http.Handler, r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// Every route of a partner's data, asked with another partner's ids, is 404; and without a
// session nothing is shown at all.
func TestIsolation(t *testing.T) { testIsolation(t, newFixture(t)) }

func testIsolation(t *testing.T, f *fixture) {
	kira := f.browser(t)
	kira.signIn("kira@example.com")
	foreign := []string{
		fmt.Sprintf("/portal/referrals/%d", f.lenaLn),
		fmt.Sprintf("/portal/api/lines/%d", f.lenaLn),
		"/portal/payouts/" + f.lenaNo + "/statement.pdf",
		"/portal/api/payouts/" + f.lenaNo + "/statement.pdf",
		"/portal/referrals/999999",
		"/portal/payouts/2099-0001/statement.pdf",
	}
	for _, path := range foreign {
		if res, body := kira.get(path); res.StatusCode != http.StatusNotFound || strings.Contains(body, "Lena") || strings.Contains(body, "%PDF") {
			t.Errorf("kira GET %s = %d %q", path, res.StatusCode, body)
		}
	}
	// Her own are there.
	for _, path := range []string{fmt.Sprintf("/portal/referrals/%d", f.kiraLn), fmt.Sprintf("/portal/api/lines/%d", f.kiraLn),
		"/portal/payouts/" + f.kiraNo + "/statement.pdf"} {
		if res, _ := kira.get(path); res.StatusCode != http.StatusOK {
			t.Errorf("kira GET %s = %d", path, res.StatusCode)
		}
	}
	// Lists hold only her lines, payouts and customers, masked.
	for _, path := range []string{"/portal/", "/portal/referrals", "/portal/payouts", "/portal/api/lines", "/portal/api/payouts", "/portal/api/me", "/portal/leads", "/portal/profile"} {
		res, body := kira.get(path)
		if res.StatusCode != http.StatusOK {
			t.Errorf("GET %s = %d", path, res.StatusCode)
		}
		for _, leak := range []string{"#1002", "carl", "Lena", "lena@", f.lenaNo, "bea.lind@", "Bea Lind"} {
			if strings.Contains(body, leak) {
				t.Errorf("GET %s shows %q", path, leak)
			}
		}
	}
	if _, body := kira.get("/portal/referrals"); !strings.Contains(body, "B. L. · example.org") || !strings.Contains(body, "#1001") {
		t.Errorf("referrals do not show kira's masked customer:\n%s", body)
	}
	// Without a session: pages send to sign-in, data and actions answer 401.
	anon := f.browser(t)
	routes := append(foreign, "/portal/", "/portal/links", "/portal/referrals", "/portal/payouts", "/portal/leads", "/portal/profile",
		fmt.Sprintf("/portal/referrals/%d", f.kiraLn), "/portal/payouts/"+f.kiraNo+"/statement.pdf")
	for _, path := range routes {
		res, body := anon.get(path)
		page := !strings.HasSuffix(path, ".pdf") && !strings.HasPrefix(path, "/portal/api/")
		if page && (res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/portal/sign-in") ||
			!page && res.StatusCode != http.StatusUnauthorized || strings.Contains(body, "%PDF") {
			t.Errorf("anonymous GET %s = %d %s", path, res.StatusCode, res.Header.Get("Location"))
		}
	}
	for _, path := range []string{"/portal/api/me", "/portal/api/lines", "/portal/api/payouts", "/portal/api/leads"} {
		if res, _ := anon.get(path); res.StatusCode != http.StatusUnauthorized {
			t.Errorf("anonymous GET %s = %d", path, res.StatusCode)
		}
	}
	for _, path := range []string{"/portal/leads", "/portal/profile", "/portal/sign-out"} {
		if res, _ := anon.postForm(path, url.Values{"email": {"x@example.org"}}); res.StatusCode != http.StatusUnauthorized {
			t.Errorf("anonymous POST %s = %d", path, res.StatusCode)
		}
	}
	for _, path := range []string{"/portal/api/leads", "/portal/api/profile"} {
		if res, _ := anon.postJSON(path, map[string]string{"email": "x@example.org"}); res.StatusCode != http.StatusUnauthorized {
			t.Errorf("anonymous POST %s = %d", path, res.StatusCode)
		}
	}
}

// The statement downloaded is the PDF the shop files for that payout, byte for byte.
func TestStatementIsTheFiledPDF(t *testing.T) {
	f := newFixture(t)
	b := f.browser(t)
	b.signIn("kira@example.com")
	res, body := b.get("/portal/payouts/" + f.kiraNo + "/statement.pdf")
	st, err := f.st.Statement(ctx, f.prog.ID, f.kiraNo)
	if err != nil {
		t.Fatal(err)
	}
	filed, err := statement.PDF(st)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/pdf" || !bytes.Equal([]byte(body), filed) {
		t.Fatalf("statement = %d %s, %d bytes, filed %d", res.StatusCode, res.Header.Get("Content-Type"), len(body), len(filed))
	}
}

func TestCSRF(t *testing.T) {
	f := newFixture(t)
	b := f.browser(t)
	b.signIn("kira@example.com")
	lead := url.Values{"name": {"Eve Sand"}, "email": {"eve@example.org"}}
	for name, token := range map[string]string{"no token": "", "a wrong token": strings.Repeat("0", 64)} {
		form := url.Values{"name": lead["name"], "email": lead["email"]}
		if token != "" {
			form.Set("csrf", token)
		}
		if res, _ := b.postForm("/portal/leads", form); res.StatusCode != http.StatusForbidden {
			t.Errorf("%s: %d", name, res.StatusCode)
		}
	}
	// Another browser's token (its own session's) is no good for this session.
	other := f.browser(t)
	other.signIn("kira@example.com")
	lead.Set("csrf", other.csrf("/portal/leads"))
	if res, _ := b.postForm("/portal/leads", lead); res.StatusCode != http.StatusForbidden {
		t.Errorf("another session's token: %d", res.StatusCode)
	}
	var n int
	f.st.DB().QueryRow(`SELECT count(*) FROM leads`).Scan(&n)
	if n != 0 {
		t.Fatalf("%d leads made without a good token", n)
	}
	lead.Set("csrf", b.csrf("/portal/leads"))
	if res, _ := b.postForm("/portal/leads", lead); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("with the page's token: %d", res.StatusCode)
	}
	// Sign-in forms carry a token too.
	anon := f.browser(t)
	if res, _ := anon.postForm("/portal/sign-in", url.Values{"email": {"kira@example.com"}}); res.StatusCode != http.StatusForbidden {
		t.Errorf("sign-in form without a token: %d", res.StatusCode)
	}
	// The JSON API takes only JSON from the portal's own origin.
	if res, _ := b.do("POST", "/portal/api/leads", "text/plain", `{"email":"fay@example.org"}`); res.StatusCode != http.StatusForbidden {
		t.Errorf("text/plain: %d", res.StatusCode)
	}
	req, _ := http.NewRequest("POST", f.srv.URL+"/portal/api/leads", strings.NewReader(`{"email":"fay@example.org"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", "https://evil.example")
	if res, err := b.c.Do(req); err != nil || res.StatusCode != http.StatusForbidden {
		t.Errorf("another origin: %v %v", res.StatusCode, err)
	}
}

// A change of payout details is a request: nothing changes until the shop approves it.
func TestPayoutDetailChangeWaitsForTheShop(t *testing.T) {
	f := newFixture(t)
	b := f.browser(t)
	b.signIn("kira@example.com")
	form := url.Values{"csrf": {b.csrf("/portal/profile")}, "field": {"iban"}, "value": {"DE89 3704 0044 0532 0130 00"}}
	if res, _ := b.postForm("/portal/profile", form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("request = %d", res.StatusCode)
	}
	form.Set("value", "DE00 1234")
	if res, body := b.postForm("/portal/profile", form); res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "IBAN") {
		t.Fatalf("a bad IBAN = %d", res.StatusCode)
	}
	p, _ := f.st.FindPartner(ctx, f.prog.ID, "kira")
	if p.IBAN != "" {
		t.Fatalf("the IBAN changed before approval: %q", p.IBAN)
	}
	reqs, err := f.st.PortalRequests(ctx, f.prog.ID, "pending")
	if err != nil || len(reqs) != 1 || reqs[0].Partner != "kira" || reqs[0].Value != "DE89370400440532013000" {
		t.Fatalf("pending = %+v, %v", reqs, err)
	}
	if _, err := f.st.DecidePortalRequest(ctx, f.prog.ID, reqs[0].ID, true); err != nil {
		t.Fatal(err)
	}
	if p, _ = f.st.FindPartner(ctx, f.prog.ID, "kira"); p.IBAN != "DE89370400440532013000" {
		t.Fatalf("after approval the IBAN is %q", p.IBAN)
	}
	if _, err := f.st.DecidePortalRequest(ctx, f.prog.ID, reqs[0].ID, false); err == nil {
		t.Fatal("a request was decided twice")
	}
	if _, body := b.get("/portal/profile"); !strings.Contains(body, "DE89 •••• 3000") || strings.Contains(body, "DE89370400440532013000") {
		t.Fatal("the profile does not show the IBAN masked")
	}
}
