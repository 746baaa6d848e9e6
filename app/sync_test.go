package app

import (
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

type heard struct{ names chan string }

func (e *heard) Emit(name string, _ ...any) {
	select {
	case e.names <- name:
	default:
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// The window's endpoint: Settings turn it on at an address and port, the Sync screen makes
// keys and allows the shop's origin; a test sale posted to it is applied into the local
// database (the screens hear sync:applied), shows in the install check marked as a test, and
// is purged; the endpoint stops when turned off.
func TestSyncEndpointInTheWindow(t *testing.T) {
	c := newCore(t)
	ev := &heard{names: make(chan string, 16)}
	c.emit = ev
	p, err := (&Programs{c}).Create(func() Program { d := (&Programs{c}).Defaults(); d.Name = "Shop"; return d }())
	if err != nil {
		t.Fatal(err)
	}
	s := &Sync{c}
	site, err := s.SetSite(p.ID, []string{"https://Shop.example/"}, "https://shop.example")
	if err != nil || len(site.Origins) != 1 || site.Origins[0] != "https://shop.example" {
		t.Fatalf("site %+v %v", site, err)
	}
	if _, err := s.SetSite(p.ID, []string{"shop.example"}, ""); err == nil {
		t.Error("an origin without a scheme was taken")
	}
	sk, err := s.CreateKey(p.ID, "secret", true)
	if err != nil || !strings.HasPrefix(sk.Key, "sk_test_") || sk.APIKey.Key != "" {
		t.Fatalf("secret key %+v %v", sk, err)
	}
	live, err := s.CreateKey(p.ID, "live", false)
	if err == nil {
		t.Errorf("a key of kind %q: %+v", "live", live)
	}
	port := freePort(t)
	ep, err := s.SetEndpoint(true, "127.0.0.1", port)
	if err != nil || !ep.Running || ep.Error != "" {
		t.Fatalf("endpoint %+v %v", ep, err)
	}
	defer c.StopSync()
	req, _ := http.NewRequest("POST", ep.URL+"/v1/track/sale", strings.NewReader(`{"order_id":"T1","amount":"10.00","currency":"EUR"}`))
	req.Header.Set("Authorization", "Bearer "+sk.Key)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	select {
	case name := <-ev.names:
		if name != SyncAppliedEvent {
			t.Errorf("heard %q", name)
		}
	case <-time.After(4 * time.Second):
		t.Fatal("the window never heard that the sale was applied")
	}
	recent, err := s.RecentEvents(p.ID, 10)
	if err != nil || len(recent) != 1 || !recent[0].Test || !recent[0].Applied || recent[0].Type != "sale" {
		t.Fatalf("install check %+v %v", recent, err)
	}
	var orders int
	c.store.DB().QueryRow(`SELECT count(*) FROM orders`).Scan(&orders)
	if orders != 0 {
		t.Errorf("a test sale became %d order(s)", orders)
	}
	if n, err := s.PurgeTestEvents(p.ID); err != nil || n != 1 {
		t.Errorf("purged %d %v", n, err)
	}
	if ep, err = s.SetEndpoint(false, "127.0.0.1", port); err != nil || ep.Running {
		t.Fatalf("turned off: %+v %v", ep, err)
	}
	if _, err := http.Get(ep.URL + "/healthz"); err == nil && ep.URL != "" {
		t.Error("the endpoint still answers after it was turned off")
	}
	if r, err := s.Remote(); err != nil || r.URL != "" || r.SecretSet || r.LastPull != "" {
		t.Errorf("remote %+v %v", r, err)
	}
	if _, err := s.PullNow(); err == nil {
		t.Error("a pull without a server set went through")
	}
	if r, _ := s.Remote(); r.LastPull == "" || r.OK {
		t.Errorf("the failed pull is not recorded: %+v", r)
	}
}
