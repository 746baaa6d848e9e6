package portal

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"partnerbook/backend/domain"
	"partnerbook/backend/sqlite"
)

// headless makes a headless server's folder for the fixture's desktop (linked, pushed) and
// serves the portal from what the desktop publishes there instead of from its live database.
func (f *fixture) headless(t *testing.T) *sqlite.Store {
	t.Helper()
	srv, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "server.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	srv.Now = f.clock.now
	if err := srv.MakeServer(ctx, strings.Repeat("ab", 32)); err != nil {
		t.Fatal(err)
	}
	push, err := f.st.SyncPushOf(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srv.ApplyPush(ctx, push); err != nil {
		t.Fatal(err)
	}
	f.pub = srv
	f.republish(t, 0)
	f.srv.Close()
	f.srv = httptest.NewServer(New(Config{Store: srv.Published(), Mailer: f.mail, Now: f.clock.now, Logf: t.Logf}))
	t.Cleanup(f.srv.Close)
	return srv
}

// republish publishes the desktop's snapshot again, read at the desktop's events cursor.
func (f *fixture) republish(t *testing.T, cursor int64) domain.PortalPublishResult {
	t.Helper()
	snap, err := f.st.PortalSnapshotOf(ctx, f.prog.ID, cursor)
	if err != nil {
		t.Fatal(err)
	}
	// Through JSON, as it travels.
	data, err := json.Marshal(snap)
	if err != nil {
		t.Fatal(err)
	}
	var got domain.PortalSnapshot
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	res, err := f.pub.ApplyPortalSnapshot(ctx, got)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func count(t *testing.T, st *sqlite.Store, q string, args ...any) int {
	t.Helper()
	var n int
	if err := st.DB().QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// On a headless server the published snapshot keeps partners apart just as the live
// database does: every route with another partner's ids is 404, nothing without a session.
func TestIsolationOnTheSnapshot(t *testing.T) {
	f := newFixture(t)
	f.headless(t)
	testIsolation(t, f)
}

// The statement served from the snapshot is the PDF the desktop filed, byte for byte, and
// every page says when the figures were published.
func TestSnapshotStatementAndAsOf(t *testing.T) {
	f := newFixture(t)
	f.headless(t)
	b := f.browser(t)
	b.signIn("kira@example.com")
	filed, err := f.st.StatementPDF(ctx, f.prog.ID, f.kiraNo)
	if err != nil {
		t.Fatal(err)
	}
	res, body := b.get("/portal/payouts/" + f.kiraNo + "/statement.pdf")
	if res.StatusCode != http.StatusOK || !bytes.Equal([]byte(body), filed) {
		t.Fatalf("statement = %d, %d bytes, filed %d", res.StatusCode, len(body), len(filed))
	}
	for _, path := range []string{"/portal/", "/portal/links", "/portal/referrals", "/portal/payouts", "/portal/leads", "/portal/profile"} {
		if _, body := b.get(path); !strings.Contains(body, "As of 1 Oct 2026, 09:00 (") {
			t.Errorf("%s does not say when it was published", path)
		}
	}
	lena := f.browser(t)
	lena.signIn("lena@example.de")
	if _, body := lena.get("/portal/"); !strings.Contains(body, "Stand: 01.10.2026, 09:00 Uhr") {
		t.Errorf("the German overview does not say when it was published:\n%s", body)
	}
	var me struct{ Published string }
	if _, body := b.get("/portal/api/me"); json.Unmarshal([]byte(body), &me) != nil || me.Published != "2026-10-01T09:00:00Z" {
		t.Errorf("api/me published = %q", me.Published)
	}
	if _, body := f.browser(t).get("/portal/sign-in"); !strings.Contains(body, "The figures in this portal are as of 1 Oct 2026, 09:00 (UTC)") {
		t.Errorf("the sign-in page does not say when the portal was published")
	}
}

// A publish sent again replaces the snapshot (never doubles it), and a partner it no longer
// lists is signed out.
func TestRepublishReplaces(t *testing.T) {
	f := newFixture(t)
	srv := f.headless(t)
	q := `SELECT (SELECT count(*) FROM portal_pub_partners) * 1000000 + (SELECT count(*) FROM portal_pub_lines) * 1000 + (SELECT count(*) FROM portal_pub_payouts)`
	first := count(t, srv, q)
	if first != 2*1000000+3*1000+2 {
		t.Fatalf("published partners, lines, payouts = %d", first)
	}
	lena := f.browser(t)
	lena.signIn("lena@example.de")
	res := f.republish(t, 0)
	if res.Partners != 2 || res.Lines != 3 || res.Payouts != 2 || res.Statements != 2 {
		t.Errorf("republish counted %+v", res)
	}
	if again := count(t, srv, q); again != first {
		t.Fatalf("after republishing: %d, before %d", again, first)
	}
	suspended := "suspended"
	if _, err := f.st.UpdatePartner(ctx, f.prog.ID, "lena", domain.PartnerPatch{Status: &suspended}); err != nil {
		t.Fatal(err)
	}
	f.republish(t, 0)
	if res, _ := lena.get("/portal/"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("a partner no longer published still sees the overview: %d", res.StatusCode)
	}
	if n := count(t, srv, `SELECT count(*) FROM portal_pub_lines WHERE partner_id NOT IN (SELECT partner_id FROM portal_pub_partners)`); n != 0 {
		t.Errorf("%d lines of unpublished partners are kept", n)
	}
	if _, err := f.pub.ApplyPortalSnapshot(ctx, domain.PortalSnapshot{ProgramID: f.prog.ID, AsOf: f.clock.now(),
		Partners: []domain.PortalPublishedPartner{{Account: domain.PortalAccount{PartnerID: 99, ProgramID: f.prog.ID + 1, Email: "x@example.org"}}}}); domain.ErrorCode(err) != domain.EInvalid {
		t.Errorf("a partner of another program was published: %v", err)
	}
}

// A lead and a change request made on the headless portal travel as events; the desktop
// applies each once, also when the same events are fetched again.
func TestSnapshotEventsAppliedOnce(t *testing.T) {
	f := newFixture(t)
	srv := f.headless(t)
	b := f.browser(t)
	b.signIn("kira@example.com")
	lead := url.Values{"csrf": {b.csrf("/portal/leads")}, "name": {"Eve Sand"}, "email": {"Eve@Example.org"}}
	if res, body := b.postForm("/portal/leads", lead); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("lead = %d %s", res.StatusCode, body)
	}
	if res, body := b.postForm("/portal/leads", lead); res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "already") {
		t.Errorf("the same lead again = %d", res.StatusCode)
	}
	if _, body := b.get("/portal/leads"); !strings.Contains(body, "E. S. · example.org") || !strings.Contains(body, "sent to the shop") {
		t.Errorf("the lead submitted is not listed as sent to the shop")
	}
	change := url.Values{"csrf": {b.csrf("/portal/profile")}, "field": {"iban"}, "value": {"DE89 3704 0044 0532 0130 00"}}
	if res, body := b.postForm("/portal/profile", change); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("request = %d %s", res.StatusCode, body)
	}
	if _, body := b.get("/portal/profile"); strings.Count(body, "<td>IBAN</td>") != 1 {
		t.Errorf("the request made is not shown")
	}
	change.Set("value", "DE00 1234")
	if res, _ := b.postForm("/portal/profile", change); res.StatusCode != http.StatusBadRequest {
		t.Errorf("a bad IBAN = %d", res.StatusCode)
	}
	evs, err := srv.PortalEventsAfter(ctx, 0, 100)
	if err != nil || len(evs) != 2 {
		t.Fatalf("server events = %+v, %v", evs, err)
	}
	for round := 0; round < 2; round++ {
		res, err := f.st.ApplyPortalEvents(ctx, "https://server.example", evs, evs[1].ID)
		if err != nil {
			t.Fatal(err)
		}
		if want := 2 * (1 - round); res.Events != want || res.Leads+res.Requests != want || res.Problems != 0 {
			t.Errorf("round %d applied %+v", round, res)
		}
	}
	if n := count(t, f.st, `SELECT count(*) FROM leads WHERE email = 'eve@example.org' AND source = 'portal'`); n != 1 {
		t.Errorf("%d leads on the desktop", n)
	}
	reqs, err := f.st.PortalRequests(ctx, f.prog.ID, "pending")
	if err != nil || len(reqs) != 1 || reqs[0].Partner != "kira" || reqs[0].Value != "DE89370400440532013000" {
		t.Errorf("pending requests = %+v, %v", reqs, err)
	}
	// Published after the pull (at its cursor), the lead is the desktop's and shown once.
	f.republish(t, evs[1].ID)
	_, body := b.get("/portal/leads")
	if n := strings.Count(body, "E. S. · example.org"); n != 1 || strings.Contains(body, "sent to the shop") {
		t.Errorf("the lead is shown %d times after the publish, or still as sent", n)
	}
	if _, body := b.get("/portal/profile"); strings.Count(body, "<td>IBAN</td>") != 1 {
		t.Errorf("the request is not shown once after the publish:\n%s", body)
	}
}
