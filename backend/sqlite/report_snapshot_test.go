package sqlite

import (
	"reflect"
	"testing"
	"time"

	"partnerbook/backend/domain"
)

// TestReportReadsOneCommit: an import committed while a report reads its parts (after the
// chart's sums, before the ranking) is in none of them: the report is the one before it, and
// the next report has it.
func TestReportReadsOneCommit(t *testing.T) {
	onRandomPrograms(t, 600, func(t *testing.T, s *Store, prog domain.Program, _ int64) {
		q := domain.ReportQuery{ProgramID: prog.ID, From: "2025-01-01", To: "2025-04-30", By: "month", AsOf: "2025-04-03"}
		before := mustReport(t, s, q)
		wrote := false
		s.betweenReads = func() {
			if wrote {
				return
			}
			wrote = true
			beside := at("#beside", time.Date(2025, 2, 10, 12, 0, 0, 0, time.UTC), 50000, 0, "beside@example.org", "KIRA10")
			if _, err := importItems(t, s, prog.ID, domain.OrderImport{File: "beside.csv"}, beside); err != nil {
				t.Error(err)
			}
		}
		during := mustReport(t, s, q)
		s.betweenReads = nil
		if !wrote {
			t.Fatal("nothing was written beside the report")
		}
		if !reflect.DeepEqual(during, before) {
			t.Errorf("a report read beside an import differs from the one before it:\n%+v\n%+v", during.Totals, before.Totals)
			for i := range during.Partners {
				if i < len(before.Partners) && during.Partners[i] != before.Partners[i] {
					t.Errorf("%+v\n%+v", during.Partners[i], before.Partners[i])
				}
			}
		}
		if after := mustReport(t, s, q); after.Totals.Orders != before.Totals.Orders+1 {
			t.Errorf("after the import, %d orders; before it %d", after.Totals.Orders, before.Totals.Orders)
		}
	})
}
