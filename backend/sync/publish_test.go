package sync

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"partnerbook/backend/domain"
)

// A headless server takes a portal snapshot only with its link secret and within the bound;
// what it refuses changes nothing, and a snapshot sent twice is kept once.
func TestPublishGuards(t *testing.T) {
	desk := newStore(t)
	prog := addProgram(t, desk, "Shop", "https://shop.example")
	prog.Portal = "on"
	if _, err := desk.UpdateProgram(ctx, prog); err != nil {
		t.Fatal(err)
	}
	server := newStore(t)
	link := NewLinkSecret()
	if err := server.MakeServer(ctx, HashKey(link)); err != nil {
		t.Fatal(err)
	}
	push, err := desk.SyncPushOf(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := server.ApplyPush(ctx, push); err != nil {
		t.Fatal(err)
	}
	srv := New(Options{Store: server, MaxPublish: 64 << 10})
	defer srv.Close()
	hs := httptest.NewServer(srv.Handler())
	defer hs.Close()

	snap, err := desk.PortalSnapshotOf(ctx, prog.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := json.Marshal(snap)
	send := func(secret, body string) (int, string) {
		req, _ := http.NewRequest("POST", hs.URL+"/v1/sync/portal", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+secret)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var e struct {
			Error struct{ Code, Message string }
		}
		json.NewDecoder(resp.Body).Decode(&e)
		return resp.StatusCode, e.Error.Code
	}
	partners := func() int {
		var n int
		server.DB().QueryRow(`SELECT count(*) FROM portal_pub_partners`).Scan(&n)
		return n
	}
	other := NewLinkSecret()
	sk, _ := makeKey(t, desk, prog.ID, domain.KeySecret, false)
	for name, secret := range map[string]string{"no secret": "", "another link secret": other, "a secret key": sk} {
		if code, _ := send(secret, string(body)); code != http.StatusUnauthorized {
			t.Errorf("%s: %d", name, code)
		}
	}
	big := snap
	big.LeadHashes = []string{strings.Repeat("a", 70<<10)}
	large, _ := json.Marshal(big)
	if code, ecode := send(link, string(large)); code != http.StatusRequestEntityTooLarge || ecode != "too_large" {
		t.Errorf("an oversized snapshot: %d %s", code, ecode)
	}
	bad := snap
	bad.Partners = append([]domain.PortalPublishedPartner{}, snap.Partners...)
	bad.Partners[1].Account.ProgramID = prog.ID + 7
	invalid, _ := json.Marshal(bad)
	if code, ecode := send(link, string(invalid)); code != http.StatusBadRequest || ecode != "invalid" {
		t.Errorf("a partner of another program: %d %s", code, ecode)
	}
	if n := partners(); n != 0 {
		t.Fatalf("refused snapshots kept %d partners", n)
	}
	for i := 0; i < 2; i++ {
		if code, ecode := send(link, string(body)); code != http.StatusOK {
			t.Fatalf("publish %d: %d %s", i, code, ecode)
		}
		if n := partners(); n != 2 {
			t.Fatalf("after publish %d the server keeps %d partners", i, n)
		}
	}
	var asOf string
	server.DB().QueryRow(`SELECT published_at FROM portal_pub_programs WHERE program_id = ?`, prog.ID).Scan(&asOf)
	if _, err := time.Parse(time.RFC3339, asOf); err != nil {
		t.Errorf("the snapshot's time %q", asOf)
	}
}
