package sqlite

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// AutoBackup makes a backup named auto-<time>.db in dir when the newest one is older than
// every, and keeps the newest keep of them. It returns the new backup's path, or "".
func (s *Store) AutoBackup(ctx context.Context, dir string, every time.Duration, keep int) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("sqlite: backups in %s: %w", dir, err)
	}
	var autos []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "auto-") && strings.HasSuffix(e.Name(), ".db") {
			autos = append(autos, e.Name())
		}
	}
	sort.Strings(autos) // the time in the name sorts like the time
	now := s.Now()
	if n := len(autos); n > 0 {
		last, err := time.Parse("20060102-150405", strings.TrimSuffix(strings.TrimPrefix(autos[n-1], "auto-"), ".db"))
		if err == nil && now.Sub(last) < every {
			return "", nil
		}
	}
	path := filepath.Join(dir, "auto-"+now.Format("20060102-150405")+".db")
	if err := s.Backup(ctx, path); err != nil {
		return "", err
	}
	autos = append(autos, filepath.Base(path))
	for len(autos) > keep {
		os.Remove(filepath.Join(dir, autos[0]))
		autos = autos[1:]
	}
	return path, nil
}
