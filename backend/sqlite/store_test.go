package sqlite

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"partnerbook/backend/domain"
	"partnerbook/backend/secret"
)

// open returns a fresh store in a temp folder, closed when the test ends.
func open(t *testing.T) *Store {
	t.Helper()
	s, _ := openPath(t)
	return s
}

// openPath opens a store in a new folder and gives its database's path, to reopen it.
func openPath(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "pb.db")
	return reopen(t, path), path
}

func reopen(t *testing.T, path string) *Store {
	t.Helper()
	dir := filepath.Dir(path)
	s, err := Open(context.Background(), path, Options{
		BackupDir: filepath.Join(dir, "backups"), Secrets: secret.NewFile(filepath.Join(dir, "secrets.json"))})
	if err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return time.Date(2025, 3, 14, 8, 0, 0, 0, time.UTC) }
	s.checkWrite = func(tx *Tx) error { return sumsAgree(tx) } // every write of every test keeps the report's sums
	t.Cleanup(func() { s.Close() })
	return s
}

// migratedFrom makes a database at migration version alone, runs statements on it as that
// version left it, and opens it as a store: every migration after version runs then.
func migratedFrom(t *testing.T, version int, statements ...string) *Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "pb.db")
	raw, err := openRaw("file:" + path)
	if err != nil {
		t.Fatal(err)
	}
	old := &Store{db: raw, path: path, Now: time.Now}
	if _, err := old.Migrate(ctx, "", version); err != nil {
		raw.Close()
		t.Fatal(err)
	}
	for _, q := range statements {
		if _, err := raw.Exec(q); err != nil {
			raw.Close()
			t.Fatal(err)
		}
	}
	raw.Close()
	return reopen(t, path)
}

var ctx = domain.WithActor(context.Background(), "test")

func program(t *testing.T, s *Store, name string) domain.Program {
	t.Helper()
	p, err := s.CreateProgram(ctx, domain.DefaultProgram(name))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func str(s string) *string { return &s }

func partner(name, email, key string, coupons ...string) domain.PartnerPatch {
	return domain.PartnerPatch{Name: &name, Email: &email, Key: &key, Coupons: &coupons}
}

func mustAdd(t *testing.T, s *Store, pid int64, pp domain.PartnerPatch) domain.Partner {
	t.Helper()
	p, err := s.AddPartner(ctx, pid, pp)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// count returns the rows of a table, to show that a refused change changed nothing.
func count(t *testing.T, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func wantProblem(t *testing.T, err error, column, contains string) {
	t.Helper()
	e := domain.AsError(err)
	if err == nil || e.Code != domain.EInvalid {
		t.Fatalf("err = %v, want invalid", err)
	}
	for _, p := range e.Problems {
		if p.Column == column && strings.Contains(p.Message, contains) {
			return
		}
	}
	t.Fatalf("no problem on %q containing %q in %v", column, contains, e.Problems)
}

func TestPrograms(t *testing.T) {
	s := open(t)
	p := domain.DefaultProgram("Linen & Co")
	p.PayoutThreshold = "50"
	created, err := s.CreateProgram(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if created.PayoutThreshold != "50.00" {
		t.Errorf("threshold = %s, want 50.00", created.PayoutThreshold)
	}
	_, err = s.CreateProgram(ctx, domain.DefaultProgram("LINEN & CO"))
	wantProblem(t, err, "name", "exists already")

	for _, ref := range []string{"linen & co", "1"} {
		got, err := s.FindProgram(ctx, ref)
		if err != nil || got.ID != created.ID {
			t.Errorf("FindProgram(%q) = %v, %v", ref, got.ID, err)
		}
	}
	if _, err := s.FindProgram(ctx, "nope"); domain.ErrorCode(err) != domain.ENotFound {
		t.Errorf("FindProgram(nope) = %v", err)
	}
	created.HoldDays = 7
	created.Currency = "jpy"
	created.PayoutThreshold = "100"
	upd, err := s.UpdateProgram(ctx, created)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := s.FindProgram(ctx, "1")
	if again.HoldDays != 7 || again.Currency != "JPY" || again.PayoutThreshold != "100" || upd.PayoutThreshold != "100" {
		t.Errorf("update not stored: %+v", again)
	}
	if n := count(t, s, "audit_log WHERE action LIKE 'program.%'"); n != 2 {
		t.Errorf("audit rows = %d, want 2 (create, update)", n)
	}
}

func TestProgramRulesRoundTrip(t *testing.T) {
	s := open(t)
	p, err := domain.ParseProgram("p.json", []byte(`{"name": "x", "rules": {"sale": {"percent": "12.5"},
		"tiers": {"measure": "revenue", "tiers": [{"from": "0", "percent": "10"}, {"from": "1000.50", "percent": "12"}]}}}`))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateProgram(ctx, p); err != nil {
		t.Fatal(err)
	}
	got, _ := s.FindProgram(ctx, "x")
	if got.Rules.Sale.Percent.String() != "12.5" || got.Rules.Tiers.Tiers[1].From.String() != "1000.5" {
		t.Errorf("rules changed on the way: %+v", got.Rules)
	}
}

func TestParseTimeAgreesWithTimeParse(t *testing.T) {
	for _, s := range []string{"2025-03-14T08:12:45Z", "2024-02-29T23:59:59Z", "2025-02-30T00:00:00Z", "2025-13-01T00:00:00Z",
		"2025-03-14 08:12:45Z", "2025-03-14T08:12:45", "", "2025-03-14T08:12:4xZ", "0001-01-01T00:00:00Z", "2025-03-14T24:00:00Z"} {
		want, err := time.Parse(TimeLayout, s)
		if err != nil {
			want = time.Time{}
		}
		if got := parseTime(s); !got.Equal(want) || got.Location() != want.Location() {
			t.Errorf("parseTime(%q) = %v, time.Parse = %v", s, got, want)
		}
	}
}
