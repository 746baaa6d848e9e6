package sqlite

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"

	"partnerbook/backend/domain"
	"partnerbook/backend/statement"
)

// Two runs at once, of two programs of one issuer, take numbers of one series: none skipped,
// none twice.
func TestNumbersUnderTwoRunsAtOnce(t *testing.T) {
	s := open(t)
	var progs []int64
	for i := 0; i < 2; i++ {
		prog, _, _ := commissionProgramNamed(t, s, fmt.Sprintf("Shop %d", i), "0")
		progs = append(progs, prog.ID)
		for j := 0; j < 12; j++ {
			key := fmt.Sprintf("p%d", j)
			mustAdd(t, s, prog.ID, partner("P "+key, key+"@example.com", key, fmt.Sprintf("C%d%d", i, j)))
			if _, err := s.AddAdjustment(ctx, prog.ID, domain.Adjustment{Partner: key, Amount: "10.00", Comment: "bonus"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	payday(s)
	var wg sync.WaitGroup
	runs := make([]domain.PayoutRun, 2)
	errs := make([]error, 2)
	for i := range progs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			runs[i], errs[i] = s.RunPayouts(ctx, progs[i], "2025-06-01", false)
		}(i)
	}
	wg.Wait()
	var numbers []string
	for i, r := range runs {
		if errs[i] != nil || len(r.Payouts) != 12 {
			t.Fatalf("run %d = %+v, %v", i, r, errs[i])
		}
		for _, p := range r.Payouts {
			numbers = append(numbers, p.Number)
		}
	}
	sort.Strings(numbers)
	for i, n := range numbers {
		if want := fmt.Sprintf("2025-%04d", i+1); n != want {
			t.Fatalf("numbers = %v: %s where %s belongs", numbers, n, want)
		}
	}
}

// A crash after the run's transaction and before its PDF: the PDF made after a restart is the
// same, byte for byte, as the one that would have been made.
func TestStatementMadeAgainAfterARestart(t *testing.T) {
	s, path := openPath(t)
	prog, _, _ := commissionProgram(t, s, "5.00")
	s.SetSetting(ctx, "company.name", "Kaffee Ørsted")
	if _, err := importItems(t, s, prog.ID, domain.OrderImport{}, sale("#1", 1, 5200, "ana@example.org", "KIRA10"),
		sale("#2", 2, 3000, "bo@example.org", "LENA")); err != nil {
		t.Fatal(err)
	}
	payday(s)
	run, err := s.RunPayouts(ctx, prog.ID, "2025-05-01", false)
	if err != nil || len(run.Payouts) != 2 {
		t.Fatalf("run = %+v, %v", run, err)
	}
	st, err := s.Statement(ctx, prog.ID, run.Payouts[0].Number)
	if err != nil {
		t.Fatal(err)
	}
	first, err := statement.PDF(st)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Lines) != 1 || st.Lines[0].Order != "#1" || st.Lines[0].Amount != "10.40" || st.Lines[0].Customer != "A. · example.org" ||
		st.PeriodFrom != "2025-03-01" || st.PeriodTo != "2025-05-01" || st.Issuer.Name != "Kaffee Ørsted" {
		t.Fatalf("statement = %+v", st)
	}
	s.Close()
	s2 := reopen(t, path)
	st2, err := s2.Statement(ctx, prog.ID, run.Payouts[0].Number)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := statement.PDF(st2)
	if !bytes.Equal(first, again) {
		t.Fatal("the statement made after a restart differs")
	}
	if _, err := s2.Statement(ctx, prog.ID, "2025-0099"); err == nil || !strings.Contains(err.Error(), "2025-0099") {
		t.Fatalf("an unknown number: %v", err)
	}
}
