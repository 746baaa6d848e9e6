//go:build unix

package sqlite

import (
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
)

// lockedByAnotherProcess holds the folder's lock shared in another process (flock(1), as the
// window would) and tries restore's exclusive lock meanwhile.
func lockedByAnotherProcess(t *testing.T, dir string) error {
	flock, err := exec.LookPath("flock")
	if err != nil {
		t.Skip("no flock(1) (util-linux): the lock across processes is not tried")
	}
	held := exec.Command(flock, "-o", "-s", filepath.Join(dir, LockFile), "-c", "echo held; exec sleep 30")
	held.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	out, _ := held.StdoutPipe()
	if err := held.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		// flock holds the lock alone (-o): once it is reaped the lock is free.
		syscall.Kill(-held.Process.Pid, syscall.SIGKILL)
		held.Wait()
	}()
	buf := make([]byte, 5)
	if _, err := out.Read(buf); err != nil || string(buf) != "held\n" {
		t.Fatalf("the other process did not take the lock: %q %v", buf, err)
	}
	unlock, err := LockExclusive(dir)
	if err == nil {
		unlock()
	}
	return err
}
