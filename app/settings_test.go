package app

import (
	"strings"
	"testing"

	"partnerbook/backend/domain"
)

// storeRaw writes settings as an older Partnerbook or a hand edit may have left them, past
// the checks of SetSetting.
func storeRaw(t *testing.T, c *Core, kv ...string) {
	t.Helper()
	for i := 0; i+1 < len(kv); i += 2 {
		if _, err := c.store.DB().Exec(`INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, kv[i], kv[i+1]); err != nil {
			t.Fatal(err)
		}
	}
}

// A stored value that fails its check: the shell still starts and Settings still opens (so a
// person can correct it), while what acts on the settings refuses with the key to correct.
func TestStoredSettingThatFailsItsCheck(t *testing.T) {
	c := newCore(t)
	storeRaw(t, c, "sync.port", "eighty", "sync.enabled", "true", "sync.remote", "https://track.example",
		"company.country", "DE", "ui.sample_offered", "true")
	info, err := (&System{c}).Info()
	if err != nil || info.OfferSample {
		t.Fatalf("the shell's start: %+v, %v (the sample was declined)", info, err)
	}
	list, err := (&Settings{c}).List()
	if err != nil {
		t.Fatalf("Settings does not open: %v", err)
	}
	for _, s := range list {
		if s.Key == "sync.port" && s.Value != "eighty" {
			t.Errorf("Settings shows sync.port as %q, not as stored", s.Value)
		}
		if s.Key == "company.vat_rate" && s.Offer != "19" {
			t.Errorf("the VAT rate offered is %q, want Germany's 19", s.Offer)
		}
	}
	c.StartSync(c.ctx)
	defer c.StopSync()
	ep, err := (&Sync{c}).Endpoint()
	if err != nil || ep.Running || ep.Port != 8787 || !strings.Contains(ep.Error, "sync.port") {
		t.Errorf("endpoint %+v, %v: want it stopped, at the default port, saying sync.port is wrong", ep, err)
	}
	_, err = (&Sync{c}).PullNow()
	if e := domain.AsError(err); e.Code != domain.EInvalid || len(e.Problems) != 1 || e.Problems[0].Column != "sync.port" {
		t.Errorf("pull: %v, want it refused naming sync.port", err)
	}
	r, err := (&Sync{c}).Remote()
	if err != nil || r.OK || !strings.Contains(r.Message, "not valid") || r.URL != "https://track.example" {
		t.Errorf("the link's state %+v, %v: want the failed pull and why", r, err)
	}
}
