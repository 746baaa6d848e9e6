//go:build !unix && !windows

package sqlite

import "os"

// tryLock is a no-op where flock is missing: there, only this process's own stores are known.
func tryLock(f *os.File, exclusive bool) (bool, error) { return true, nil }
