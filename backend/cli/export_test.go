package cli

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func parseCSV(t *testing.T, s string) [][]string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(s)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v\n%s", err, s)
	}
	return recs
}

// TestExportCSV: each list command writes what its filters select as CSV, to stdout or to
// --out; a partners export imports again unchanged.
func TestExportCSV(t *testing.T) {
	p := newPB(t)
	p.withProgram()
	p.withCompany()
	p.ok(nil, "import", "partners", "--program", "1", testdata("partners.csv"))
	p.ok(nil, "partner", "add", "--program", "1", "--name", "=1+2", "--email", "eve@example.org", "--key", "eve", "--coupon", "@EVE")
	p.ok(nil, "import", "orders", "--program", "1", fixture("orders_export_1.csv"))
	p.ok(nil, "lead", "add", "--program", "1", "--partner", "kira", "--email", "lia@example.org", "--name", "+Lia")

	orders := parseCSV(t, p.ok(nil, "orders", "--program", "1", "--csv"))
	if strings.Join(orders[0], ",") != "time,source,order,customer,currency,total,base,refunded,status,partner,reason" || len(orders) != 7 {
		t.Fatalf("orders = %q", orders)
	}
	if o := orders[1]; o[0] != "2025-03-14 09:12:45" || o[2] != "#1001" || o[5] != "56.90" || o[9] != "kira" {
		t.Errorf("first order = %q", o)
	}
	kira := parseCSV(t, p.ok(nil, "orders", "--program", "1", "--partner", "kira", "--csv"))
	for _, o := range kira[1:] {
		if o[9] != "kira" {
			t.Errorf("--partner kira exported %q", o)
		}
	}
	if len(kira) < 2 || len(kira) >= len(orders) {
		t.Errorf("kira's orders = %d of %d", len(kira)-1, len(orders)-1)
	}

	lines := parseCSV(t, p.ok(nil, "commissions", "--program", "1", "--kind", "sale", "--csv", "--as-of", "2025-04-20"))
	if len(lines) != 3 || lines[1][5] != "sale" || lines[1][10] != "5.22" || lines[2][10] != "7.30" || lines[2][7] != "approved" {
		t.Errorf("sale lines, newest first = %q", lines)
	}

	leads := parseCSV(t, p.ok(nil, "leads", "--program", "1", "--csv"))
	if len(leads) != 2 || leads[1][0] != "kira" || leads[1][2] != "'+Lia" {
		t.Errorf("leads = %q", leads)
	}
	customers := parseCSV(t, p.ok(nil, "customers", "--program", "1", "--search", "mara", "--csv"))
	if len(customers) != 2 || customers[1][0] != "mara@example.org" {
		t.Errorf("customers = %q", customers)
	}

	out := filepath.Join(t.TempDir(), "partners.csv")
	var file struct{ File string }
	p.ok(&file, "partner", "list", "--program", "1", "--csv", "--out", out, "--json")
	b, err := os.ReadFile(out)
	if err != nil || file.File != out {
		t.Fatalf("--out: %v, %+v", err, file)
	}
	partners := parseCSV(t, string(b))
	var eve []string
	for _, r := range partners {
		if r[2] == "eve" {
			eve = r
		}
	}
	if len(partners) != 5 || eve == nil || eve[0] != "'=1+2" || eve[3] != "'@EVE" {
		t.Errorf("partners = %q", partners)
	}
	// eve's cells were made safe (a quote before them): without her, the file imports unchanged.
	var kept []string
	for _, line := range strings.SplitAfter(string(b), "\n") {
		if !strings.Contains(line, ",eve,") {
			kept = append(kept, line)
		}
	}
	again := filepath.Join(t.TempDir(), "again.csv")
	os.WriteFile(again, []byte(strings.Join(kept, "")), 0o644)
	var res struct{ Rows, Created, Updated, Unchanged int }
	p.ok(&res, "import", "partners", "--program", "1", again, "--json")
	if res.Rows != 3 || res.Unchanged != 3 {
		t.Errorf("the export imported again = %+v", res)
	}

	p.ok(nil, "payouts", "run", "--program", "1", "--as-of", "2025-05-10")
	pays := parseCSV(t, p.ok(nil, "payouts", "list", "--program", "1", "--csv"))
	if strings.Join(pays[0], ",") != "number,kind,partner,name,currency,amount,lines,method,run,as_of" {
		t.Errorf("payouts header = %q", pays[0])
	}
	for _, bad := range [][]string{{"orders", "--program", "1", "--out", out}, {"orders", "--program", "1", "--csv", "--json"},
		{"payouts", "list", "--program", "1", "--run", "x", "--csv"}} {
		if code, _, _ := p.run(bad...); code != 2 {
			t.Errorf("%v: exit %d, want 2", bad, code)
		}
	}
	if code, stdout, _ := p.run("commissions", "--program", "1", "--status", "lost", "--csv", "--out", out); code != 1 || stdout != "" {
		t.Errorf("a refused filter: exit %d, %q", code, stdout)
	}
	if b2, _ := os.ReadFile(out); string(b2) != string(b) {
		t.Error("a refused export changed the file")
	}
}
