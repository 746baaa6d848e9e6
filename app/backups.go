package app

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"partnerbook/backend/domain"
)

// Backup is one backup file in the data folder's backups folder.
type Backup struct {
	Name string `json:"name"`
	// Kind says why it was made: daily, manual, before-migration, before-restore.
	Kind string `json:"kind"`
	At   string `json:"at"` // RFC 3339, UTC
	Size int64  `json:"size"`
}

// RestoreResult says what a restore did.
type RestoreResult struct {
	Restored string `json:"restored"`
	Previous string `json:"previous"` // the backup of the database the restore replaced
}

func (c *Core) backupDir() string { return filepath.Join(c.dataDir, "backups") }

var backupKinds = []struct{ prefix, kind string }{
	{"auto-", "daily"}, {"manual-", "manual"}, {"before-migration-", "before-migration"}, {"before-restore-", "before-restore"},
}

// Backups lists the backups, newest first.
func (s *Settings) Backups() ([]Backup, error) {
	entries, err := os.ReadDir(s.c.backupDir())
	if err != nil && !os.IsNotExist(err) {
		return nil, err
	}
	out := []Backup{}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".db") {
			continue
		}
		info, err := e.Info()
		if err != nil {
			return nil, err
		}
		kind := "manual"
		for _, k := range backupKinds {
			if strings.HasPrefix(e.Name(), k.prefix) {
				kind = k.kind
			}
		}
		out = append(out, Backup{Name: e.Name(), Kind: kind, At: info.ModTime().UTC().Format(time.RFC3339), Size: info.Size()})
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].At > out[j].At || out[i].At == out[j].At && out[i].Name > out[j].Name
	})
	return out, nil
}

// BackupNow makes a backup now, named manual-<time>.db.
func (s *Settings) BackupNow() (Backup, error) {
	name := "manual-" + s.c.store.Now().UTC().Format("20060102-150405") + ".db"
	path := filepath.Join(s.c.backupDir(), name)
	if err := s.c.store.Backup(s.c.ctx, path); err != nil {
		return Backup{}, domain.Errorf(domain.EConflict, "no backup was made: %v", err)
	}
	info, err := os.Stat(path)
	if err != nil {
		return Backup{}, err
	}
	return Backup{Name: name, Kind: "manual", At: info.ModTime().UTC().Format(time.RFC3339), Size: info.Size()}, nil
}

// Restore puts the data back as it was in a backup of the backups folder (by name); the data as
// it is now is kept as a new before-restore backup first.
func (s *Settings) Restore(name string) (RestoreResult, error) {
	if name == "" || name != filepath.Base(name) || !strings.HasSuffix(name, ".db") {
		return RestoreResult{}, domain.Errorf(domain.EInvalid, "%q is not a backup of the backups folder", name)
	}
	src := filepath.Join(s.c.backupDir(), name)
	if _, err := os.Stat(src); err != nil {
		return RestoreResult{}, domain.Errorf(domain.ENotFound, "there is no backup %q", name)
	}
	safety := filepath.Join(s.c.backupDir(), "before-restore-"+s.c.store.Now().UTC().Format("20060102-150405")+".db")
	if err := s.c.store.Restore(s.c.ctx, src, safety); err != nil {
		return RestoreResult{}, domain.Errorf(domain.EInvalid, "not restored: %v", err)
	}
	return RestoreResult{Restored: name, Previous: filepath.Base(safety)}, nil
}
