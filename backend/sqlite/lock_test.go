package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"partnerbook/backend/domain"
)

// TestBusyIsConflict: a write that waits longer than the busy timeout for another process's
// write is refused as busy, with the code conflict, not as an internal error.
func TestBusyIsConflict(t *testing.T) {
	old := busyTimeout
	busyTimeout = 50 * time.Millisecond
	defer func() { busyTimeout = old }()
	a, path := openPath(t)
	b := reopen(t, path)
	tx, err := a.DB().BeginTx(context.Background(), nil) // BEGIN IMMEDIATE: holds the write lock
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	err = b.SetSetting(context.Background(), "company.name", "Linen & Co.")
	e := domain.AsError(err)
	if err == nil || e.Code != domain.EConflict || e.Message != "busy: another Partnerbook is writing; try again" {
		t.Fatalf("a write while another writes: %v (%s)", err, e.Code)
	}
}

// TestFolderLock: restore's exclusive lock is refused while another process, or a store of
// this one, has the data folder open, and a store cannot open the folder while a restore
// holds it.
func TestFolderLock(t *testing.T) {
	s, path := openPath(t)
	dir := filepath.Dir(path)
	if _, err := LockExclusive(dir); domain.AsError(err).Code != domain.EConflict || !strings.Contains(err.Error(), "close it, then restore") {
		t.Fatalf("exclusive while a store of this process is open: %v", err)
	}
	s.Close()
	if err := lockedByAnotherProcess(t, dir); domain.AsError(err).Code != domain.EConflict {
		t.Fatalf("exclusive while another process holds the folder: %v", err)
	}
	unlock, err := LockExclusive(dir)
	if err != nil {
		t.Fatalf("exclusive with the folder closed: %v", err)
	}
	inner := reopen(t, path) // restore's own store shares its lock
	inner.Close()
	unlock()
	if _, err := os.Stat(filepath.Join(dir, LockFile)); err != nil {
		t.Errorf("the lock file: %v", err)
	}
}

// TestBackupMode: a backup is the user's alone, like the database.
func TestBackupMode(t *testing.T) {
	s := open(t)
	out := filepath.Join(t.TempDir(), "b.db")
	if err := s.Backup(context.Background(), out); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("backup mode = %v, %v", fi.Mode().Perm(), err)
	}
	if v, err := CheckFile(context.Background(), out); err != nil || v != LatestVersion() {
		t.Errorf("the backup does not check: %d %v", v, err)
	}
}

// TestNewerSchemaRefused: a database of a newer Partnerbook is neither opened nor restored.
func TestNewerSchemaRefused(t *testing.T) {
	s, path := openPath(t)
	if _, err := s.DB().Exec(`PRAGMA user_version = 999`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := CheckFile(context.Background(), path); err == nil || !strings.Contains(err.Error(), "newer Partnerbook") {
		t.Errorf("check of a newer database: %v", err)
	}
	if _, err := Open(context.Background(), path, Options{}); err == nil || !strings.Contains(err.Error(), "update Partnerbook") {
		t.Errorf("open of a newer database: %v", err)
	}
}
