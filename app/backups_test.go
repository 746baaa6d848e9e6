package app

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"partnerbook/backend/domain"
)

func TestBackupNowAndRestore(t *testing.T) {
	c := newCore(t)
	set := &Settings{c}
	progs := &Programs{c}
	in := progs.Defaults()
	in.Name = "Before"
	if _, err := progs.Create(in); err != nil {
		t.Fatal(err)
	}
	b, err := set.BackupNow()
	if err != nil || b.Kind != "manual" || b.Size == 0 {
		t.Fatalf("backup = %+v, %v", b, err)
	}
	in.Name = "After"
	if _, err := progs.Create(in); err != nil {
		t.Fatal(err)
	}
	tick := time.Now().UTC()
	c.store.Now = func() time.Time { tick = tick.Add(time.Second); return tick } // new file names
	res, err := set.Restore(b.Name)
	if err != nil {
		t.Fatal(err)
	}
	ps, _ := progs.List()
	if len(ps) != 1 || ps[0].Name != "Before" {
		t.Fatalf("after restore the programs are %+v, want only Before", ps)
	}
	list, _ := set.Backups()
	kinds := map[string]bool{}
	for _, x := range list {
		kinds[x.Kind] = true
	}
	if !kinds["manual"] || !kinds["before-restore"] || len(list) != 2 {
		t.Fatalf("backups = %+v", list)
	}
	// The data from before the restore is in the safety backup: restoring it brings "After" back.
	if _, err := set.Restore(res.Previous); err != nil {
		t.Fatal(err)
	}
	if ps, _ := progs.List(); len(ps) != 2 {
		t.Fatalf("restoring the safety copy gave %d programs, want 2", len(ps))
	}
}

func TestRestoreRefusesWhatIsNotABackup(t *testing.T) {
	c := newCore(t)
	set := &Settings{c}
	if _, err := set.Restore("../pb.db"); domain.ErrorCode(err) != domain.EInvalid {
		t.Errorf("a path outside the backups folder: %v", err)
	}
	os.MkdirAll(c.backupDir(), 0o700)
	os.WriteFile(filepath.Join(c.backupDir(), "broken.db"), []byte("not a database"), 0o600)
	if _, err := set.Restore("broken.db"); domain.ErrorCode(err) != domain.EInvalid {
		t.Errorf("a broken file: %v", err)
	}
	if ps, _ := (&Programs{c}).List(); ps == nil {
		t.Error("the database is unusable after a refused restore")
	}
}

func TestUseLogoCopiesAndPreviews(t *testing.T) {
	c := newCore(t)
	set := &Settings{c}
	png := filepath.Join(t.TempDir(), "logo.png")
	os.WriteFile(png, []byte("\x89PNG\r\n\x1a\nrest"), 0o600)
	if _, err := set.UseLogo(png); err != nil {
		t.Fatal(err)
	}
	url, err := set.LogoPreview()
	if err != nil || url[:22] != "data:image/png;base64," {
		t.Fatalf("preview = %.30q, %v", url, err)
	}
	txt := filepath.Join(t.TempDir(), "logo.txt")
	os.WriteFile(txt, []byte("hello"), 0o600)
	_, err = set.UseLogo(txt)
	if e := domain.AsError(err); e.Code != domain.EInvalid || len(e.Problems) != 1 || e.Problems[0].Column != "company.logo" {
		t.Fatalf("a text file as logo: %+v", e)
	}
}
