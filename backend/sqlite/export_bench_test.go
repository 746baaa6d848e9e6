package sqlite

import (
	"runtime"
	"testing"

	"partnerbook/backend/domain"
)

// heapWriter discards what is written and, every 2 MB, collects garbage and notes the live
// heap: what an export holds at that moment.
type heapWriter struct {
	written, next int64
	peak          uint64
}

func (w *heapWriter) Write(p []byte) (int, error) {
	w.written += int64(len(p))
	if w.written >= w.next {
		w.next = w.written + 2<<20
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		w.peak = max(w.peak, ms.HeapAlloc)
	}
	return len(p), nil
}

// liveHeap is the heap in use after a collection.
func liveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// TestExportOrdersFlatMemory: exporting 100,000 orders (about 10 MB of CSV) holds no more
// than a few MB at any moment: rows are written as they are read, never gathered first.
func TestExportOrdersFlatMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 100,000 orders")
	}
	s := open(t)
	pid := program(t, s, "Shop").ID
	fillOrders(t, s, pid, 100_000)
	base := liveHeap()
	w := &heapWriter{}
	if err := s.ExportOrders(ctx, domain.OrderQuery{ProgramID: pid}, w); err != nil {
		t.Fatal(err)
	}
	if w.written < 8<<20 {
		t.Fatalf("only %d bytes written", w.written)
	}
	if grew := int64(w.peak) - int64(base); grew > 4<<20 {
		t.Errorf("the live heap grew by %d bytes while %d bytes were written", grew, w.written)
	}
}

// BenchmarkExportOrders exports a million orders as CSV (every order of the program of
// BenchmarkOrdersPage; then the paid ones, newest first), reporting the
// bytes written, the allocations (B/op: garbage, collected as it goes) and the most the live
// heap grew during the export (peak-live-MB: what must stay flat).
//
//	go test -run '^$' -bench ExportOrders -benchtime 1x -timeout 30m ./backend/sqlite/
func BenchmarkExportOrders(b *testing.B) {
	s := benchStore(b)
	pid := program(&testing.T{}, s, "Shop").ID
	fillOrders(b, s, pid, 1_000_000)
	for _, c := range []struct {
		name string
		q    domain.OrderQuery
	}{
		{"all", domain.OrderQuery{}},
		{"paid-newest-first", domain.OrderQuery{Status: "paid", Desc: true}},
	} {
		c.q.ProgramID = pid
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			var w *heapWriter
			var grew int64
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				base := liveHeap()
				w = &heapWriter{next: 64 << 20} // the first sample after 64 MB: sampling costs
				b.StartTimer()
				if err := s.ExportOrders(ctx, c.q, w); err != nil {
					b.Fatal(err)
				}
				grew = max(grew, int64(w.peak)-int64(base))
			}
			b.ReportMetric(float64(w.written)/1e6, "MB-written")
			b.ReportMetric(float64(grew)/1e6, "peak-live-MB")
		})
	}
}
