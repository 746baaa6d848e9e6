package payoutdocs

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The statements are written on every core: each file gets its own bytes, and no temporary
// file is left behind.
func TestWriteFiles(t *testing.T) {
	dir := t.TempDir()
	names := make([]string, 200)
	data := make([][]byte, len(names))
	for i := range names {
		names[i], data[i] = fmt.Sprintf("2025-%04d-p%d.pdf", i, i), bytes.Repeat([]byte{byte(i)}, 100+i)
	}
	if err := writeFiles(dir, names, data); err != nil {
		t.Fatal(err)
	}
	for i, n := range names {
		if got, err := os.ReadFile(filepath.Join(dir, n)); err != nil || !bytes.Equal(got, data[i]) {
			t.Fatalf("%s: %d bytes, %v; want %d bytes", n, len(got), err, len(data[i]))
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".pb-*")); len(left) > 0 {
		t.Fatalf("temporary files left: %v", left)
	}
}

// A file that cannot be written is an error naming it, whichever worker met it.
func TestWriteFilesError(t *testing.T) {
	dir := t.TempDir()
	names := []string{"a.pdf", "b.pdf", "missing/c.pdf", "d.pdf", "e.pdf"}
	data := make([][]byte, len(names))
	if err := writeFiles(dir, names, data); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Fatalf("a file in a folder that does not exist: %v", err)
	}
}
