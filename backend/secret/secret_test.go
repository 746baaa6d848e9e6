package secret

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "secrets.json")
	f := NewFile(path)
	if _, set, err := f.GetSecret("smtp.password"); set || err != nil {
		t.Fatalf("empty store: set=%v err=%v", set, err)
	}
	if err := f.SetSecret("smtp.password", " p w "); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("mode = %v, %v", info.Mode().Perm(), err)
	}
	if v, set, _ := NewFile(path).GetSecret("smtp.password"); !set || v != " p w " {
		t.Errorf("read back %q %v", v, set)
	}
	f.SetSecret("smtp.password", "")
	if _, set, _ := f.GetSecret("smtp.password"); set {
		t.Error("an empty value must remove the secret")
	}
	os.WriteFile(path, []byte("{broken"), 0o600)
	if _, _, err := f.GetSecret("x"); err == nil {
		t.Error("a damaged file must be reported")
	}
}
