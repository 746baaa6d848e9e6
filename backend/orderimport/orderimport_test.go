package orderimport

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"partnerbook/backend/domain"
	"partnerbook/backend/importer/gen"
	"partnerbook/backend/sqlite"
)

func fixture(name string) string { return filepath.Join("..", "importer", "testdata", name) }

var prog = domain.Program{ID: 1, Name: "Shop", Currency: "EUR", Timezone: "Europe/Berlin"}

func TestPreviewShopify(t *testing.T) {
	p, err := PreviewOf(Request{Program: prog, Path: fixture("orders_export_1.csv")}, 3)
	if err != nil || p.Error != nil {
		t.Fatalf("%v %v", err, p.Error)
	}
	if p.Format != "shopify" || p.File != "orders_export_1.csv" || p.Header[0] != "Name" || len(p.Rows) != 3 || p.Rows[0][0] != "#1001" {
		t.Fatalf("preview = %+v", p)
	}
	first := p.Items[0]
	if len(p.Items) != 3 || first.Kind != "order" || first.ID != "#1001" || first.Total != "56.90" || first.Net != "43.70" ||
		first.Lines != 2 || first.Customer != "mara@example.org" || first.Time != "2025-03-14T08:12:45Z" {
		t.Errorf("first item = %+v", first)
	}
}

func TestPreviewUnknownHeaderShowsTheRows(t *testing.T) {
	p, err := PreviewOf(Request{Program: prog, Path: fixture("kasse.csv")}, 5)
	if err != nil {
		t.Fatal(err)
	}
	if p.Format != "" || p.Error == nil || !strings.Contains(p.Error.Problems[0].Message, "Bestellnr") || p.Header[0] != "Bestellnr" || len(p.Rows) != 3 {
		t.Fatalf("preview = %+v", p)
	}
}

func TestRunReportsProgressAndCancels(t *testing.T) {
	dir := t.TempDir()
	st, err := sqlite.Open(context.Background(), filepath.Join(dir, "pb.db"), sqlite.Options{BackupDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	p, err := st.CreateProgram(ctx, domain.DefaultProgram("Shop"))
	if err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.csv")
	f, _ := os.Create(big)
	gen.Shopify(f, 1, 3000, 3, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	f.Close()
	fi, _ := os.Stat(big)

	// Cancelled after the first progress: refused, nothing written.
	cctx, cancel := context.WithCancel(ctx)
	var seen []Progress
	_, err = Run(cctx, st, Request{Program: p, Path: big, Progress: func(pr Progress) {
		seen = append(seen, pr)
		if pr.Rows > 0 {
			cancel()
		}
	}})
	if !strings.Contains(domain.AsError(err).Message, "cancelled") {
		t.Fatalf("cancelled import: %v", err)
	}
	if page, _ := st.ListOrders(ctx, domain.OrderQuery{ProgramID: p.ID}); len(page.Orders) != 0 {
		t.Errorf("a cancelled import stored %d orders", len(page.Orders))
	}
	seen = nil
	res, err := Run(ctx, st, Request{Program: p, Path: big, Progress: func(pr Progress) { seen = append(seen, pr) }})
	if err != nil || res.Created != 3000-60 {
		t.Fatalf("import = %+v, %v", res, err)
	}
	last := seen[len(seen)-1]
	if len(seen) < 4 || seen[0].Size != fi.Size() || last.Bytes != fi.Size() || last.Rows != 9000 {
		t.Errorf("progress = %+v", seen)
	}
	for i := 1; i < len(seen); i++ {
		if seen[i].Rows < seen[i-1].Rows || seen[i].Bytes < seen[i-1].Bytes {
			t.Errorf("progress went back: %+v then %+v", seen[i-1], seen[i])
		}
	}
	bs, _ := st.ListBatches(ctx, p.ID)
	if len(bs) != 1 || len(bs[0].Hash) != 64 {
		t.Errorf("batches = %+v", bs)
	}
}

// TestPreviewBounded: a file without line breaks is refused after a bounded read, not held
// in memory whole.
func TestPreviewBounded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "one-line.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	chunk := []byte(strings.Repeat("a", 1<<20)) // 1 MiB
	for i := 0; i < 64; i++ {
		f.Write(chunk)
	}
	f.Close()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err = PreviewOf(Request{Program: prog, Path: path}, 20)
	runtime.ReadMemStats(&after)
	if e := domain.AsError(err); e.Code != domain.EInvalid || len(e.Problems) != 1 || !strings.Contains(e.Problems[0].Message, "longer than") {
		t.Fatalf("preview of a 64 MiB line: %v", err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
		t.Errorf("the preview allocated %d MiB for a 64 MiB line", alloc>>20)
	}
}

// TestPreviewWrongDownload: PayPal's short layout is refused outright (no mapping could read
// it), with the download to take instead.
func TestPreviewWrongDownload(t *testing.T) {
	_, err := PreviewOf(Request{Program: prog, Path: fixture("paypal-short.csv")}, 20)
	if e := domain.AsError(err); e.Code != domain.EInvalid || len(e.Problems) != 1 || !strings.Contains(e.Problems[0].Message, "Activity download") {
		t.Fatalf("preview of PayPal's short layout: %v", err)
	}
}
