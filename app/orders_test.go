package app

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"partnerbook/backend/domain"
	"partnerbook/backend/importer/gen"
)

type events struct {
	mu  sync.Mutex
	got []ImportProgress
}

func (e *events) Emit(name string, data ...any) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if name == ProgressEvent {
		e.got = append(e.got, data[0].(ImportProgress))
	}
}

// The wizard's import sends progress events, refuses a second import at once, and checks an
// unsaved mapping as a saved one.
func TestImporterStart(t *testing.T) {
	c := newCore(t)
	ev := &events{}
	c.emit = ev
	p, err := (&Programs{c}).CreateSample()
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "orders_export.csv")
	f, _ := os.Create(file)
	gen.Shopify(f, 1, 2000, 3, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	f.Close()
	imp := &Importer{c: c}
	res, err := imp.Start(ImportRequest{ProgramID: p.ID, Path: file})
	if err != nil || res.Created != 2000-40 {
		t.Fatalf("import = %+v, %v", res, err)
	}
	if len(ev.got) < 3 || ev.got[len(ev.got)-1].Rows != 6000 || ev.got[len(ev.got)-1].Bytes != ev.got[0].Size {
		t.Errorf("progress events = %+v", ev.got)
	}
	imp.cancel = func() {} // as if an import were running
	if _, err := imp.Start(ImportRequest{ProgramID: p.ID, Path: file}); domain.AsError(err).Code != domain.EConflict {
		t.Errorf("a second import at once: %v", err)
	}
	imp.cancel = nil
	_, err = imp.Preview(ImportRequest{ProgramID: p.ID, Path: file, Mapping: &Mapping{Columns: map[string]string{"time": "Created at"}}})
	if e := domain.AsError(err); e.Code != domain.EInvalid || len(e.Problems) < 2 {
		t.Errorf("an incomplete mapping: %v", err)
	}
	if page, _ := (&Orders{c}).List(domain.OrderQuery{ProgramID: p.ID, Limit: 5}); len(page.Orders) != 5 || page.Next == "" {
		t.Errorf("orders page = %+v", page)
	}
}
