package sqlite

import (
	"testing"
	"time"
)

// TestAttentionSync: the dashboard asks for attention when a desktop linked to a headless
// server (sync.remote) has not pulled through for more than a day, and never when no server
// is linked, whatever pulls were recorded.
func TestAttentionSync(t *testing.T) {
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	pullAt := func(s *Store, when time.Time, ok bool) {
		t.Helper()
		s.Now = func() time.Time { return when }
		if err := s.RecordPull(ctx, ok, "test"); err != nil {
			t.Fatal(err)
		}
		s.Now = func() time.Time { return now }
	}
	link := func(s *Store) {
		t.Helper()
		if err := s.SetSetting(ctx, "sync.remote", "https://track.example.com"); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		name     string
		setup    func(s *Store)
		stale    bool
		lastPull string
	}{
		{"never linked, never pulled", func(s *Store) {}, false, ""},
		{"never linked, an old pull recorded", func(s *Store) { pullAt(s, now.Add(-72*time.Hour), true) }, false, ""},
		{"linked, never pulled", link, true, ""},
		{"linked, pulled 25 h ago", func(s *Store) { link(s); pullAt(s, now.Add(-25*time.Hour), true) }, true, "2026-03-09T11:00:00Z"},
		{"linked, pulled 23 h ago", func(s *Store) { link(s); pullAt(s, now.Add(-23*time.Hour), true) }, false, "2026-03-09T13:00:00Z"},
		{"linked, never pulled, another stored setting not valid", func(s *Store) {
			link(s)
			if _, err := s.db.Exec(`INSERT INTO settings (key, value) VALUES ('smtp.port', 'twenty-five')`); err != nil {
				t.Fatal(err)
			}
		}, true, ""},
		{"linked, pulled 25 h ago, failing since", func(s *Store) {
			link(s)
			pullAt(s, now.Add(-25*time.Hour), true)
			pullAt(s, now.Add(-time.Hour), false)
		}, true, "2026-03-09T11:00:00Z"},
		{"linked, only failed pulls", func(s *Store) { link(s); pullAt(s, now.Add(-time.Hour), false) }, true, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := open(t)
			s.Now = func() time.Time { return now }
			prog := program(t, s, "Shop")
			c.setup(s)
			a, err := s.Attention(ctx, prog.ID)
			if err != nil {
				t.Fatal(err)
			}
			if a.SyncStale != c.stale || a.SyncLastPull != c.lastPull {
				t.Errorf("stale %v, last pull %q; want %v, %q", a.SyncStale, a.SyncLastPull, c.stale, c.lastPull)
			}
		})
	}
}
