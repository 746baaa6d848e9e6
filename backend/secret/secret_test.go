package secret

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"
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

func TestKeyring(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/mock")
	t.Setenv("PARTNERBOOK_SECRETS", "")
	keyring.MockInit()
	dir := t.TempDir()
	path := filepath.Join(dir, "secrets.json")
	NewFile(path).SetSecret("imap.password", "from-before") // written before a keyring was there
	s := Open(dir, path)
	if s.(*Keyring).Where() != "keyring" {
		t.Fatal("the mock keyring must be used")
	}
	if err := s.SetSecret("smtp.password", "p@ss"); err != nil {
		t.Fatal(err)
	}
	if v, set, _ := s.GetSecret("smtp.password"); !set || v != "p@ss" {
		t.Errorf("read back %q %v", v, set)
	}
	if b, _ := os.ReadFile(path); strings.Contains(string(b), "p@ss") {
		t.Errorf("the keyring's secret is also in the file: %s", b)
	}
	if v, set, _ := s.GetSecret("imap.password"); !set || v != "from-before" {
		t.Errorf("a secret of the file is still read: %q %v", v, set)
	}
	s.SetSecret("imap.password", "moved")
	if b, _ := os.ReadFile(path); strings.Contains(string(b), "from-before") {
		t.Errorf("a secret set again leaves the file: %s", b)
	}
	s.SetSecret("smtp.password", "")
	if _, set, _ := s.GetSecret("smtp.password"); set {
		t.Error("an empty value removes the secret")
	}
}

func TestKeyringMissingFallsBackToTheFile(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/mock")
	t.Setenv("PARTNERBOOK_SECRETS", "")
	keyring.MockInitWithError(errors.New("no Secret Service"))
	dir := t.TempDir()
	path := filepath.Join(dir, "secrets.json")
	s := Open(dir, path)
	if s.(*Keyring).Where() != "file" {
		t.Fatal("a keyring that fails must not be used")
	}
	s.SetSecret("smtp.password", "p@ss")
	if v, set, _ := NewFile(path).GetSecret("smtp.password"); !set || v != "p@ss" {
		t.Errorf("the secret must be in the file: %q %v", v, set)
	}
	t.Setenv("PARTNERBOOK_SECRETS", "file")
	if _, ok := Open(dir, path).(*File); !ok {
		t.Error("PARTNERBOOK_SECRETS=file must use the file")
	}
}
