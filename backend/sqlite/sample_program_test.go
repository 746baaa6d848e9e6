package sqlite

import (
	"strings"
	"testing"
)

// The sample program's runs and a real program's runs (the test store has company details) in
// the same year each take their own series: the shop's numbers stay gap-free, and a real run's
// record is what it always was.
func TestSampleRunsNumberApart(t *testing.T) {
	s := open(t)
	payday(s)
	real, _, _ := commissionProgramNamed(t, s, "Shop", "0")
	sp := commissionSample(t, s)
	var got []string
	for _, day := range []string{"2025-05-01", "2025-06-01"} {
		for _, id := range []int64{sp, real.ID} {
			bonus(t, s, id, "kira", "10.00")
			if dry, err := s.RunPayouts(ctx, id, day, true); err != nil || len(dry.Payouts) != 1 {
				t.Fatalf("dry run = %+v, %v", dry, err)
			}
			run, err := s.RunPayouts(ctx, id, day, false)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, numbersOf(run))
		}
	}
	if strings.Join(got, " ") != "SAMPLE-2025-0001 2025-0001 SAMPLE-2025-0002 2025-0002" {
		t.Fatalf("numbers = %v", got)
	}
	var series, records string
	s.db.QueryRow(`SELECT group_concat(issuer || ' ' || year || ' ' || next, '; ') FROM (SELECT * FROM number_series ORDER BY issuer)`).Scan(&series)
	if series != "company 2025 3; sample 2025 3" {
		t.Fatalf("series: %s", series)
	}
	s.db.QueryRow(`SELECT group_concat(record, char(10)) FROM payout_runs WHERE program_id = ?`, real.ID).Scan(&records)
	if strings.Contains(records, "sample") || strings.Contains(records, "series") || !strings.Contains(records, "Kaffee Shop GmbH") {
		t.Fatalf("a real run's record: %s", records)
	}
	st, err := s.Statement(ctx, sp, "SAMPLE-2025-0002")
	if err != nil || !st.Sample || !strings.Contains(st.Issuer.Name, "(sample)") {
		t.Fatalf("a sample statement = %+v, %v", st, err)
	}
}

// commissionSample makes a program marked as the sample, with the partner kira.
func commissionSample(t *testing.T, s *Store) int64 {
	t.Helper()
	p, _, _ := commissionProgramNamed(t, s, "Sample", "0")
	if _, err := s.db.Exec(`UPDATE programs SET sample = 1 WHERE id = ?`, p.ID); err != nil {
		t.Fatal(err)
	}
	return p.ID
}

// Only the store makes a program the sample: an update keeps the flag as it is, either way.
func TestSampleFlagStays(t *testing.T) {
	s := open(t)
	p, _, _ := commissionProgramNamed(t, s, "Shop", "0")
	p.Sample = true
	if p, err := s.UpdateProgram(ctx, p); err != nil || p.Sample {
		t.Fatalf("an update made a real program the sample: %+v, %v", p, err)
	}
	if p, _ := s.FindProgram(ctx, "Shop"); p.Sample {
		t.Fatal("stored as the sample")
	}
	id := commissionSample(t, s)
	sp, err := s.FindProgram(ctx, "Sample")
	if err != nil || sp.ID != id || !sp.Sample {
		t.Fatalf("the sample = %+v, %v", sp, err)
	}
	sp.Sample, sp.HoldDays = false, 3
	if sp, err := s.UpdateProgram(ctx, sp); err != nil || !sp.Sample {
		t.Fatalf("an update made the sample a real program: %+v, %v", sp, err)
	}
}

// A sample made before programs were marked is known by its name and its invented partner; a
// real program is not marked, even one with a partner of that address.
func TestSampleMigration(t *testing.T) {
	s := migratedFrom(t, 14,
		`INSERT INTO programs (id, name, created_at, updated_at) VALUES (1, 'Sample shop', 'x', 'x'), (2, 'Shop', 'x', 'x'), (3, 'Old', 'x', 'x')`,
		`INSERT INTO partners (program_id, name, email, key, created_at, updated_at) VALUES
			(1, 'Kira Nowak', 'kira@example.org', 'kira', 'x', 'x'), (2, 'Kira Nowak', 'kira@example.org', 'kira', 'x', 'x')`,
	)
	for name, want := range map[string]bool{"Sample shop": true, "Shop": false, "Old": false} {
		if p, err := s.FindProgram(ctx, name); err != nil || p.Sample != want {
			t.Errorf("%s: sample = %v, %v", name, p.Sample, err)
		}
	}
}
