package sqlite

import (
	"fmt"
	"testing"
	"time"

	"partnerbook/backend/domain"
)

// TestReportTimeToSale works the median time from first visit to first sale by hand. March
// in Berlin: 28 Feb 23:00 UTC to 31 Mar 22:00 UTC.
//
//	ana  visits 27 Feb 10:00 (va) and 28 Feb 10:00; first sale 1 Mar 10:00 (KIRA10)   48 h
//	bo   a test visit 1 Mar 08:00, a visit 2 Mar 08:00 (vb); first sale 2 Mar 09:00 (LENA)  1 h
//	dee  visits 3 Mar 12:00 (vd1) and 5 Mar 12:00 (vd2), a signup from each; first sale
//	     10 Mar 12:00 (KIRA10)                                                          168 h
//	cy   a visit and a signup; first sale not credited to a partner: not a new customer here
//	eve  first sale 15 Mar (KIRA10), her only visit 20 Mar: no span
//	fay  first sale 16 Mar (KIRA10), no signup: her visits are unknown
//
// All: 1 h, 48 h, 168 h: the median is 48 h ("2d 0h") over 3. Kira: 48 h and 168 h: 108 h
// ("4d 12h") over 2. Lena: 1 h over 1.
func TestReportTimeToSale(t *testing.T) {
	s := open(t)
	prog := reportProgram(t, s)
	day := func(m time.Month, d, h int) time.Time { return time.Date(2025, m, d, h, 0, 0, 0, time.UTC) }
	if _, err := importItems(t, s, prog.ID, domain.OrderImport{},
		at("#1", day(3, 1, 10), 5200, 0, "ana@example.org", "KIRA10"), at("#2", day(3, 2, 9), 3000, 0, "bo@example.org", "LENA"),
		at("#3", day(3, 3, 9), 1000, 0, "cy@example.org", ""), at("#4", day(3, 10, 12), 2000, 0, "dee@example.org", "KIRA10"),
		at("#5", day(3, 15, 9), 2000, 0, "eve@example.org", "KIRA10"), at("#6", day(3, 16, 9), 2000, 0, "fay@example.org", "KIRA10"),
		at("#7", day(3, 20, 9), 2000, 0, "ana@example.org", "KIRA10")); err != nil {
		t.Fatal(err)
	}
	march := domain.ReportQuery{ProgramID: prog.ID, From: "2025-03-01", To: "2025-03-31"}
	if f := mustReport(t, s, march).Funnel; f.MedianToSale != "" || f.TimedSales != 0 {
		t.Errorf("untracked: %+v", f)
	}
	n := 0
	track := func(typ, visitor, email string, when time.Time, test int) {
		t.Helper()
		n++
		r, err := s.db.Exec(`INSERT INTO events (event_id, program_id, type, payload, received_at, test) VALUES (?, ?, ?, '{}', ?, ?)`,
			fmt.Sprint("e", n), prog.ID, typ, formatTime(when), test)
		if err != nil {
			t.Fatal(err)
		}
		id, _ := r.LastInsertId()
		if typ == "visit" {
			_, err = s.db.Exec(`INSERT INTO visits (event_id, program_id, partner_key, visitor, time, test) VALUES (?, ?, 'kira', ?, ?, ?)`,
				id, prog.ID, visitor, formatTime(when), test)
		} else {
			_, err = s.db.Exec(`INSERT INTO signups (event_id, program_id, partner_key, visitor, email, time, test) VALUES (?, ?, '', ?, ?, ?, ?)`,
				id, prog.ID, visitor, email, formatTime(when), test)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	track("visit", "va", "", day(2, 27, 10), 0)
	track("visit", "va", "", day(2, 28, 10), 0)
	track("signup", "va", "ana@example.org", day(2, 28, 11), 0)
	track("visit", "vb", "", day(3, 1, 8), 1)
	track("visit", "vb", "", day(3, 2, 8), 0)
	track("signup", "vb", "bo@example.org", day(3, 2, 8), 0)
	track("visit", "vd1", "", day(3, 3, 12), 0)
	track("visit", "vd2", "", day(3, 5, 12), 0)
	track("signup", "vd1", "dee@example.org", day(3, 4, 12), 0)
	track("signup", "vd2", "dee@example.org", day(3, 5, 13), 0)
	track("visit", "vc", "", day(3, 2, 12), 0)
	track("signup", "vc", "cy@example.org", day(3, 2, 13), 0)
	track("visit", "ve", "", day(3, 20, 12), 0)
	track("signup", "ve", "eve@example.org", day(3, 20, 13), 0)
	for _, c := range []struct {
		partner, median string
		secs, timed     int64
	}{{"", "2d 0h", 48 * 3600, 3}, {"kira", "4d 12h", 108 * 3600, 2}, {"lena", "1h 0m", 3600, 1}} {
		q := march
		q.Partner = c.partner
		f := mustReport(t, s, q).Funnel
		if f.MedianToSale != c.median || f.MedianToSaleSeconds != c.secs || f.TimedSales != c.timed {
			t.Errorf("partner %q: median %q (%d s) over %d; want %q (%d s) over %d", c.partner, f.MedianToSale,
				f.MedianToSaleSeconds, f.TimedSales, c.median, c.secs, c.timed)
		}
	}
	// April has no first sale: no median.
	if f := mustReport(t, s, domain.ReportQuery{ProgramID: prog.ID, From: "2025-04-01", To: "2025-04-30"}).Funnel; f.MedianToSale != "" || f.TimedSales != 0 {
		t.Errorf("April: %+v", f)
	}
}
