package sqlite

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"partnerbook/backend/domain"
)

// LockFile is the file in the data folder that every process with the folder open holds a
// shared lock on (the window, `partnerbook ui`, every command), and that restore locks alone:
// reads and writes of several processes are safe under SQLite's own locking, but replacing
// the database file under a process that has it open loses that process's later writes.
const LockFile = "partnerbook.lock"

// folderLock is this process's lock of one data folder, counted: several stores of one
// process share it.
type folderLock struct {
	f         *os.File
	refs      int
	exclusive bool
}

var (
	locksMu sync.Mutex
	locks   = map[string]*folderLock{}
)

// lockFolder takes the data folder's lock: shared, or exclusive (restore). It never waits: a
// folder that another process holds the other way is refused with a conflict error. It
// returns the release function.
func lockFolder(dir string, exclusive bool) (func(), error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("sqlite: lock %s: %w", dir, err)
	}
	locksMu.Lock()
	defer locksMu.Unlock()
	if l := locks[dir]; l != nil {
		if exclusive {
			return nil, errFolderInUse()
		}
		l.refs++
		return func() { unlockFolder(dir) }, nil
	}
	f, err := os.OpenFile(filepath.Join(dir, LockFile), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("sqlite: lock %s: %w", dir, err)
	}
	ok, err := tryLock(f, exclusive)
	if err != nil || !ok {
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("sqlite: lock %s: %w", dir, err)
		}
		if exclusive {
			return nil, errFolderInUse()
		}
		return nil, domain.Errorf(domain.EConflict, "busy: a restore is replacing the database of %s; try again when it is done", dir)
	}
	locks[dir] = &folderLock{f: f, refs: 1, exclusive: exclusive}
	return func() { unlockFolder(dir) }, nil
}

func unlockFolder(dir string) {
	locksMu.Lock()
	defer locksMu.Unlock()
	l := locks[dir]
	if l == nil {
		return
	}
	if l.refs--; l.refs == 0 {
		l.f.Close() // closing the file releases its lock
		delete(locks, dir)
	}
}

func errFolderInUse() error {
	return domain.Errorf(domain.EConflict, "the data folder is open in another Partnerbook (the window, `partnerbook ui` or a command): close it, then restore")
}

// LockExclusive takes the data folder for this process alone (restore), refusing while any
// other process has it open. Stores this process opens in the folder meanwhile share it.
func LockExclusive(dir string) (func(), error) { return lockFolder(dir, true) }
