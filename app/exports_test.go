package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"partnerbook/backend/domain"
)

// saveDialog answers the save dialog with a path ("" cancels) and remembers what it offered.
type saveDialog struct {
	path, offered string
}

func (d *saveDialog) OpenFile(string, ...string) (string, error) { return "", nil }
func (d *saveDialog) SaveFile(title, name string) (string, error) {
	d.offered = name
	return d.path, nil
}
func (d *saveDialog) ChooseFolder(string) (string, error) { return "", nil }
func (d *saveDialog) OpenPath(string) error               { return nil }

// TestExportSavesWhereThePersonChose: the window's export offers a file name, writes the
// list with its filters where the person chose, and writes nothing when they cancel.
func TestExportSavesWhereThePersonChose(t *testing.T) {
	c := newCore(t)
	progs := &Programs{c}
	in := progs.Defaults()
	in.Name = "Café Nord"
	prog, err := progs.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	partners := &Partners{c}
	for _, k := range []string{"kira", "lena"} {
		if _, err := partners.Add(prog.ID, Partner{Name: strings.ToUpper(k[:1]) + k[1:], Email: k + "@example.org", Key: k, Status: "active"}); err != nil {
			t.Fatal(err)
		}
	}
	d := &saveDialog{path: filepath.Join(t.TempDir(), "chosen.csv")}
	c.dialogs = d
	exp := &Exports{c}
	got, err := exp.Partners(ListQuery{ProgramID: prog.ID, Search: "lena", Limit: 1})
	if err != nil || got != d.path {
		t.Fatalf("saved %q, %v", got, err)
	}
	if !strings.HasPrefix(d.offered, "café-nord-partners-") || !strings.HasSuffix(d.offered, ".csv") {
		t.Errorf("offered %q", d.offered)
	}
	b, _ := os.ReadFile(d.path)
	if lines := strings.Split(strings.TrimSpace(string(b)), "\n"); len(lines) != 2 || !strings.HasPrefix(lines[1], "Lena,lena@example.org,lena,") {
		t.Errorf("file = %q", b)
	}
	d.path = ""
	if got, err := exp.Orders(domain.OrderQuery{ProgramID: prog.ID}); got != "" || err != nil {
		t.Errorf("cancelled: %q, %v", got, err)
	}
	if _, err := exp.Leads(ListQuery{ProgramID: 99}); err == nil {
		t.Error("an unknown program was exported")
	}
}
