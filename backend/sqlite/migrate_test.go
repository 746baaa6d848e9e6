package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// schema returns the database's schema as text, to compare two databases.
func schema(t *testing.T, s *Store) string {
	t.Helper()
	rows, err := s.db.Query(`SELECT type, name, COALESCE(sql, '') FROM sqlite_master ORDER BY type, name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var typ, name, sql string
		rows.Scan(&typ, &name, &sql)
		b.WriteString(typ + " " + name + " " + strings.Join(strings.Fields(sql), " ") + "\n")
	}
	return b.String()
}

func TestMigrateFromEmpty(t *testing.T) {
	s := open(t)
	v, _ := s.Version(context.Background())
	ms := Migrations()
	if v != ms[len(ms)-1].Version {
		t.Fatalf("version %d, want %d", v, ms[len(ms)-1].Version)
	}
	var fk, journal string
	s.db.QueryRow(`PRAGMA foreign_keys`).Scan(&fk)
	s.db.QueryRow(`PRAGMA journal_mode`).Scan(&journal)
	if fk != "1" || journal != "wal" {
		t.Errorf("foreign_keys=%s journal_mode=%s", fk, journal)
	}
	// No money column may be REAL.
	rows, _ := s.db.Query(`SELECT m.name, p.name, p.type FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table'`)
	defer rows.Close()
	for rows.Next() {
		var table, col, typ string
		rows.Scan(&table, &col, &typ)
		if strings.Contains(strings.ToUpper(typ), "REAL") || strings.Contains(strings.ToUpper(typ), "FLOAT") {
			t.Errorf("%s.%s is %s", table, col, typ)
		}
	}
}

// TestMigrateFromEveryVersion stops a database at each earlier version, puts a program in it
// where the schema allows, and migrates it the rest of the way: the schema must equal a fresh
// one, the data must survive, and a backup must have been made first.
func TestMigrateFromEveryVersion(t *testing.T) {
	fresh := schema(t, open(t))
	ms := Migrations()
	for _, from := range ms {
		t.Run(from.Name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "pb.db")
			s, err := Open(context.Background(), path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
			os.Remove(path)
			os.Remove(path + "-wal")
			os.Remove(path + "-shm")
			// Rebuild the database at version from.Version only.
			raw, err := openRaw("file:" + path)
			if err != nil {
				t.Fatal(err)
			}
			st := &Store{db: raw, path: path, Now: open(t).Now}
			if _, err := st.Migrate(context.Background(), "", from.Version); err != nil {
				t.Fatal(err)
			}
			if _, err := raw.Exec(`INSERT INTO programs (name, created_at, updated_at) VALUES ('Kept', 'x', 'x')`); err != nil {
				t.Fatal(err)
			}
			raw.Close()

			backups := filepath.Join(dir, "backups")
			s, err = Open(context.Background(), path, Options{BackupDir: backups})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if got := schema(t, s); got != fresh {
				t.Errorf("schema after migrating from %d differs from a fresh one", from.Version)
			}
			if _, err := s.FindProgram(context.Background(), "Kept"); err != nil {
				t.Errorf("data lost: %v", err)
			}
			entries, _ := os.ReadDir(backups)
			pending := from.Version < ms[len(ms)-1].Version
			if pending && len(entries) != 1 {
				t.Errorf("want one backup before migrating, got %d", len(entries))
			}
			if !pending && len(entries) != 0 {
				t.Errorf("no migration pending, yet %d backups", len(entries))
			}
		})
	}
}

func TestBackupAndCheck(t *testing.T) {
	s := open(t)
	program(t, s, "Shop")
	out := filepath.Join(t.TempDir(), "b.db")
	if err := s.Backup(context.Background(), out); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(context.Background(), out); err == nil {
		t.Error("a backup must not overwrite a file")
	}
	if v, err := CheckFile(context.Background(), out); err != nil || v < 1 {
		t.Fatalf("CheckFile = %d, %v", v, err)
	}
	junk := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(junk, []byte("not a database at all, just text"), 0o600)
	if _, err := CheckFile(context.Background(), junk); err == nil {
		t.Error("CheckFile accepted junk")
	}
	auto := t.TempDir()
	p1, _ := s.AutoBackup(context.Background(), auto, 0, 2)
	if p1 == "" {
		t.Fatal("no automatic backup made")
	}
	if p2, _ := s.AutoBackup(context.Background(), auto, 24*60*60*1e9, 2); p2 != "" {
		t.Error("a second automatic backup within the day")
	}
}

// TestBackupBeforePendingMigration adds a migration the embedded ones lack and checks that
// opening an existing database backs it up, as it was, before migrating.
func TestBackupBeforePendingMigration(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "pb.db")
	s, err := Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	program(t, s, "Before")
	s.Close()
	next := addMigration(t, "test", `CREATE TABLE later (x INTEGER)`)

	s, err = Open(context.Background(), path, Options{BackupDir: filepath.Join(dir, "backups")})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := s.Version(context.Background()); v != next {
		t.Fatalf("version %d, want %d", v, next)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "backups"))
	if len(entries) != 1 {
		t.Fatalf("backups = %d, want 1", len(entries))
	}
	v, err := CheckFile(context.Background(), filepath.Join(dir, "backups", entries[0].Name()))
	if err != nil || v != next-1 {
		t.Errorf("the backup holds version %d (%v), want %d", v, err, next-1)
	}
}

// TestFailedMigrationChangesNothing: a migration that fails leaves the schema version and
// the tables as they were (each migration is one transaction).
func TestFailedMigrationChangesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "pb.db")
	s, err := Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	saved := migrations
	next := addMigration(t, "broken", `CREATE TABLE half (x INTEGER); INSERT INTO nowhere VALUES (1);`)
	if _, err := Open(context.Background(), path, Options{}); err == nil {
		t.Fatal("a broken migration opened")
	}
	migrations = saved
	s, err = Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var n int
	s.db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'half'`).Scan(&n)
	if v, _ := s.Version(context.Background()); v != next-1 || n != 0 {
		t.Errorf("version %d, half table %d: the failed migration left a trace", v, n)
	}
}

// addMigration appends a migration after the real ones until the test ends, and returns its
// version.
func addMigration(t *testing.T, name, sql string) int {
	saved := migrations
	t.Cleanup(func() { migrations = saved })
	next := saved[len(saved)-1].Version + 1
	migrations = append(append([]Migration(nil), saved...), Migration{Version: next, Name: name, SQL: sql})
	return next
}
