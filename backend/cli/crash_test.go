package cli

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"partnerbook/backend/importer/gen"
)

// TestCrashChild is not a test by itself: TestKillDuringImport runs the test binary again with
// PB_CRASH_ARGS set, and this runs the command line with those arguments in that child.
func TestCrashChild(t *testing.T) {
	raw := os.Getenv("PB_CRASH_ARGS")
	if raw == "" {
		t.Skip("only run as the child of TestKillDuringImport")
	}
	var args []string
	if err := json.Unmarshal([]byte(raw), &args); err != nil {
		t.Fatal(err)
	}
	os.Exit(Run(context.Background(), args, Env{Stdout: os.Stdout, Stderr: os.Stderr}))
}

// digest is a hash of every row of every table: two equal digests are two equal databases.
func digest(t *testing.T, file string) string {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+file+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var check string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity check: %s %v", check, err)
	}
	tables, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for tables.Next() {
		var n string
		tables.Scan(&n)
		names = append(names, n)
	}
	tables.Close()
	h := sha256.New()
	for _, n := range names {
		rows, err := db.Query(`SELECT * FROM "` + n + `" ORDER BY rowid`)
		if err != nil {
			rows, err = db.Query(`SELECT * FROM "` + n + `"`)
		}
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			rows.Scan(ptrs...)
			fmt.Fprintf(h, "%s %v\n", n, vals)
		}
		rows.Close()
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TestKillDuringImport kills a large `import orders` with SIGKILL at several points, from
// before its transaction to deep inside it, and checks each time that the database is exactly
// as it was before the import. Then the same import runs to its end, to show that the kills
// interrupted real work.
func TestKillDuringImport(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	p := newPB(t)
	p.withProgram()
	dir := t.TempDir()
	write := func(name string, first, n int) string {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := gen.Shopify(f, first, n, 3, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
		return f.Name()
	}
	p.ok(nil, "import", "orders", "--program", "1", write("base.csv", 1, 500))
	big := write("big.csv", 401, 15000)
	dbFile := filepath.Join(p.data, "partnerbook.db")
	before := digest(t, dbFile)
	args, _ := json.Marshal([]string{"import", "orders", "--program", "1", big})

	// Kill points: a moment after start (reading and hashing the file), then as the
	// transaction's pages spill into the WAL file: early, in the middle, late.
	for _, point := range []struct {
		name  string
		after time.Duration
		wal   int64
	}{{"at start", 5 * time.Millisecond, 0}, {"WAL 64 KiB", 0, 64 << 10}, {"WAL 1 MiB", 0, 1 << 20}, {"WAL 5 MiB", 0, 5 << 20}} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$")
		cmd.Env = append(os.Environ(), "PB_CRASH_ARGS="+string(args), "PARTNERBOOK_DATA="+p.data)
		var out strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		started := time.Now()
		killed := false
		for !killed {
			select {
			case err := <-done:
				t.Fatalf("%s: the import ended (%v) before the kill point; make the file larger\n%s", point.name, err, out.String())
			case <-time.After(200 * time.Microsecond):
			}
			fi, err := os.Stat(dbFile + "-wal")
			if (point.wal == 0 && time.Since(started) >= point.after) || (err == nil && point.wal > 0 && fi.Size() >= point.wal) {
				cmd.Process.Signal(syscall.SIGKILL)
				killed = true
			}
		}
		err := <-done
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
			t.Fatalf("%s: the child was not killed: %v\n%s", point.name, err, out.String())
		}
		if got := digest(t, dbFile); got != before {
			t.Fatalf("%s: the database changed after a kill", point.name)
		}
	}
	var res struct{ Orders, Created, Updated int }
	p.ok(&res, "import", "orders", "--program", "1", big, "--json")
	if res.Orders < 14000 || res.Created+res.Updated != res.Orders || res.Updated != 100-2 {
		t.Errorf("the full import after the kills = %+v", res)
	}
}
