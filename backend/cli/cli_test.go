package cli

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// pb runs the command line on a data folder and returns the exit status and both streams.
type pb struct {
	t    *testing.T
	data string
	// portal, when set, is the partner portal `serve` mounts.
	portal func(*App) http.Handler
}

func newPB(t *testing.T) *pb {
	return &pb{t: t, data: t.TempDir()}
}

func (p *pb) run(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	env := Env{Stdout: &out, Stderr: &errb, Getenv: func(k string) string {
		if k == "PARTNERBOOK_DATA" {
			return p.data
		}
		return ""
	}}
	code := Run(context.Background(), args, env)
	return code, out.String(), errb.String()
}

// ok runs a command that must succeed and decodes its --json output into v (if not nil).
func (p *pb) ok(v any, args ...string) string {
	p.t.Helper()
	code, out, errs := p.run(args...)
	if code != 0 {
		p.t.Fatalf("%v: exit %d\n%s%s", args, code, out, errs)
	}
	if v != nil {
		if err := json.Unmarshal([]byte(out), v); err != nil {
			p.t.Fatalf("%v: output is not JSON: %v\n%s", args, err, out)
		}
	}
	return out
}

func testdata(name string) string { return filepath.Join("testdata", name) }

func (p *pb) withProgram() {
	p.t.Helper()
	p.ok(nil, "program", "create", "--file", testdata("program.json"))
}

func TestExitCodes(t *testing.T) {
	p := newPB(t)
	p.withProgram()
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"unknown command", []string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{"unknown flag", []string{"partner", "list", "--program", "1", "--colour"}, 2, "unknown flag --colour"},
		{"missing required flag", []string{"partner", "add", "--program", "1", "--name", "x"}, 2, "--email is required"},
		{"bad as-of", []string{"--as-of", "2025-13-01", "program", "list"}, 2, "not a date"},
		{"flag given twice", []string{"partner", "list", "--program", "1", "--program", "2"}, 2, "given twice"},
		{"unknown program", []string{"partner", "list", "--program", "ghost"}, 1, `there is no program "ghost"`},
		{"refused input", []string{"partner", "add", "--program", "1", "--name", "x", "--email", "nope", "--key", "x"}, 1, `column "email"`},
		{"sync pull without a server", []string{"sync", "pull"}, 1, "no headless server is set"},
		{"mail not set up", []string{"mail", "test"}, 1, "do not work yet"},
		{"done", []string{"program", "list"}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := p.run(tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want %d containing %q", code, errs, tt.code, tt.stderr)
			}
		})
	}
}

func TestGlobalFlagsAnywhere(t *testing.T) {
	p := newPB(t)
	other := t.TempDir()
	var res struct{ Data string }
	p.ok(&res, "--data", other, "init", "--json")
	if res.Data != other {
		t.Errorf("--data before the command: data = %s", res.Data)
	}
	p.ok(&res, "init", "--json", "--data", other)
	if res.Data != other {
		t.Errorf("--data after the command: data = %s", res.Data)
	}
	p.ok(&res, "--json", "init")
	if res.Data != p.data {
		t.Errorf("$PARTNERBOOK_DATA: data = %s, want %s", res.Data, p.data)
	}
}

func TestProgramCreateAndList(t *testing.T) {
	p := newPB(t)
	code, out, errs := p.run("program", "create", "--file", testdata("program_bad.json"), "--json")
	if code != 1 {
		t.Fatalf("bad program: exit %d", code)
	}
	var e struct {
		Error struct {
			Code     string
			Problems []struct{ File, Column, Message string }
		}
	}
	json.Unmarshal([]byte(out), &e)
	cols := map[string]bool{}
	for _, pr := range e.Error.Problems {
		cols[pr.Column] = pr.File == "program_bad.json"
	}
	if e.Error.Code != "invalid" || !cols["currency"] || !cols["hold_days"] || !cols["rules.sale.percent"] {
		t.Errorf("want problems naming the file and currency, hold_days, rules.sale.percent: %s", out)
	}
	if !strings.Contains(errs, `program_bad.json: column "currency"`) {
		t.Errorf("stderr = %s", errs)
	}
	p.withProgram()
	var list struct {
		Programs []struct {
			ID              int64
			Name            string
			PayoutThreshold string `json:"payout_threshold"`
			Rules           struct {
				Sale struct{ Percent string }
			}
		}
	}
	p.ok(&list, "program", "list", "--json")
	if len(list.Programs) != 1 || list.Programs[0].Name != "Linen & Co." || list.Programs[0].PayoutThreshold != "50.00" ||
		list.Programs[0].Rules.Sale.Percent != "20" {
		t.Errorf("programs = %+v", list.Programs)
	}
}

type partnerJSON struct {
	Key, Name, Email, Parent, Status, Country, IBAN, Language string
	VATID                                                     string `json:"vat_id"`
	PaypalEmail                                               string `json:"paypal_email"`
	Coupons                                                   []string
}

func TestPartnerCommands(t *testing.T) {
	p := newPB(t)
	p.withProgram()
	var added struct{ Partner partnerJSON }
	p.ok(&added, "partner", "add", "--program", "Linen & Co.", "--name", "Kira", "--email", "Kira@Example.org",
		"--key", "kira", "--coupon", "KIRA10", "--coupon", "KIRASUMMER", "--country", "pl", "--json")
	if added.Partner.Email != "kira@example.org" || strings.Join(added.Partner.Coupons, ",") != "KIRA10,KIRASUMMER" ||
		added.Partner.Country != "PL" || added.Partner.Status != "active" || added.Partner.Language != "en" {
		t.Errorf("added = %+v", added.Partner)
	}
	p.ok(nil, "partner", "add", "--program", "1", "--name", "Lena", "--email", "lena@example.org", "--key", "lena", "--parent", "KIRA")
	code, _, errs := p.run("partner", "add", "--program", "1", "--name", "X", "--email", "x@example.org", "--key", "x", "--coupon", "kira10")
	if code != 1 || !strings.Contains(errs, `coupon "kira10" is taken by Kira`) {
		t.Errorf("taken coupon: exit %d, %s", code, errs)
	}
	var upd struct{ Partner partnerJSON }
	p.ok(&upd, "partner", "update", "--program", "1", "--key", "lena", "--status", "suspended", "--iban", "DE89 3704 0044 0532 0130 00", "--json")
	if upd.Partner.Status != "suspended" || upd.Partner.IBAN != "DE89370400440532013000" || upd.Partner.Parent != "kira" {
		t.Errorf("updated = %+v", upd.Partner)
	}
	code, _, errs = p.run("partner", "update", "--program", "1", "--key", "kira", "--parent", "lena")
	if code != 1 || !strings.Contains(errs, "already below kira") {
		t.Errorf("cycle: exit %d, %s", code, errs)
	}
	var list struct{ Partners []partnerJSON }
	p.ok(&list, "partner", "list", "--program", "1", "--json")
	if len(list.Partners) != 2 || list.Partners[0].Key != "kira" || list.Partners[1].Parent != "kira" {
		t.Errorf("list = %+v", list.Partners)
	}
	human := p.ok(nil, "partner", "list", "--program", "1")
	if !strings.Contains(human, "KIRA10;KIRASUMMER") || !strings.Contains(human, "suspended") {
		t.Errorf("human list:\n%s", human)
	}
}

func TestImportPartners(t *testing.T) {
	p := newPB(t)
	p.withProgram()
	code, out, errs := p.run("import", "partners", "--program", "1", testdata("partners_bad.csv"), "--json")
	if code != 1 {
		t.Fatalf("bad file: exit %d", code)
	}
	for _, want := range []string{`partners_bad.csv:3: column "email"`, `partners_bad.csv:3: column "coupons": coupon "kira10" is taken`,
		`partners_bad.csv:4: column "key"`} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if !strings.Contains(out, `"row":3`) {
		t.Errorf("JSON error lacks rows: %s", out)
	}
	var list struct{ Partners []partnerJSON }
	p.ok(&list, "partner", "list", "--program", "1", "--json")
	if len(list.Partners) != 0 {
		t.Fatalf("a refused file imported %d partners", len(list.Partners))
	}

	var res struct{ Batch, Rows, Created, Updated, Unchanged int }
	p.ok(&res, "import", "partners", "--program", "1", testdata("partners.csv"), "--json")
	if res.Rows != 3 || res.Created != 3 || res.Batch == 0 {
		t.Errorf("import = %+v", res)
	}
	p.ok(&list, "partner", "list", "--program", "1", "--json")
	byKey := map[string]partnerJSON{}
	for _, x := range list.Partners {
		byKey[x.Key] = x
	}
	lena := byKey["lena"]
	if lena.Parent != "kira" || lena.Country != "DE" || lena.IBAN != "DE89370400440532013000" ||
		strings.Join(lena.Coupons, ",") != "LENA15,LENASUMMER" || lena.Language != "de" || lena.Status != "active" {
		t.Errorf("lena = %+v", lena)
	}
	if byKey["soren"].Name != "Søren Østergaard ApS" || byKey["soren"].Status != "pending" || byKey["kira"].Email != "kira@example.org" {
		t.Errorf("soren/kira = %+v / %+v", byKey["soren"], byKey["kira"])
	}
	p.ok(&res, "import", "partners", "--program", "1", testdata("partners.csv"), "--json")
	if res.Unchanged != 3 || res.Created+res.Updated != 0 {
		t.Errorf("the same file again: %+v", res)
	}
}

func TestLeadCommands(t *testing.T) {
	p := newPB(t)
	p.withProgram()
	p.ok(nil, "import", "partners", "--program", "1", testdata("partners.csv"))
	var res struct{ Created int }
	p.ok(&res, "import", "leads", "--program", "1", testdata("leads.csv"), "--json")
	if res.Created != 2 {
		t.Fatalf("leads import = %+v", res)
	}
	var leads struct {
		Leads []struct {
			ID                           int64
			Partner, Email, Name, Status string
		}
	}
	p.ok(&leads, "leads", "--program", "1", "--partner", "kira", "--json")
	if len(leads.Leads) != 1 || leads.Leads[0].Email != "jonas@example.com" || leads.Leads[0].Status != "new" {
		t.Fatalf("kira's leads = %+v", leads.Leads)
	}
	id := leads.Leads[0].ID
	p.ok(nil, "lead", "status", "--program", "1", "--id", itoa(id), "--status", "converted")
	p.ok(&leads, "leads", "--program", "1", "--json")
	if len(leads.Leads) != 2 {
		t.Fatalf("leads = %+v", leads.Leads)
	}
	for _, l := range leads.Leads {
		if l.ID == id && l.Status != "converted" {
			t.Errorf("status = %s", l.Status)
		}
	}
	code, _, errs := p.run("lead", "add", "--program", "1", "--partner", "lena", "--email", "jonas@example.com")
	if code != 1 || !strings.Contains(errs, "submitted by kira") {
		t.Errorf("someone else's lead: exit %d %s", code, errs)
	}
	if code, _, _ := p.run("leads", "--program", "1", "--partner", "ghost"); code != 1 {
		t.Errorf("leads of an unknown partner: exit %d", code)
	}
}

func TestSettingsHideSecrets(t *testing.T) {
	p := newPB(t)
	p.ok(nil, "settings", "set", "smtp.password", "hunter2")
	p.ok(nil, "settings", "set", "company.name", "Linen & Co. GmbH")
	for _, args := range [][]string{{"settings", "get", "smtp.password"}, {"settings", "list"}, {"settings", "list", "--json"},
		{"settings", "get", "smtp.password", "--json"}} {
		_, out, errs := p.run(args...)
		if strings.Contains(out+errs, "hunter2") {
			t.Errorf("%v shows the password", args)
		}
	}
	if out := p.ok(nil, "settings", "get", "smtp.password"); !strings.Contains(out, "(set)") {
		t.Errorf("get password = %q", out)
	}
	if out := p.ok(nil, "settings", "get", "company.name"); strings.TrimSpace(out) != "Linen & Co. GmbH" {
		t.Errorf("get company.name = %q", out)
	}
	if code, _, errs := p.run("settings", "set", "smtp.security", "ssl"); code != 1 || !strings.Contains(errs, "none, starttls, tls") {
		t.Errorf("bad security: %d %s", code, errs)
	}
	db, _ := os.ReadFile(filepath.Join(p.data, "partnerbook.db"))
	if bytes.Contains(db, []byte("hunter2")) {
		t.Error("the password is in the database file")
	}
	info, err := os.Stat(filepath.Join(p.data, "secrets.json"))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("secrets file mode = %v, %v; want 0600", info.Mode().Perm(), err)
	}
}

func TestBackupRestore(t *testing.T) {
	p := newPB(t)
	p.withProgram()
	p.ok(nil, "partner", "add", "--program", "1", "--name", "Kira", "--email", "kira@example.org", "--key", "kira")
	backup := filepath.Join(t.TempDir(), "b.db")
	p.ok(nil, "backup", "--out", backup)
	p.ok(nil, "partner", "add", "--program", "1", "--name", "Lena", "--email", "lena@example.org", "--key", "lena")

	junk := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(junk, []byte("hello"), 0o600)
	if code, _, _ := p.run("restore", junk); code != 1 {
		t.Errorf("restore of junk: exit %d", code)
	}
	var list struct{ Partners []partnerJSON }
	p.ok(&list, "partner", "list", "--program", "1", "--json")
	if len(list.Partners) != 2 {
		t.Fatalf("a refused restore changed data: %d partners", len(list.Partners))
	}
	if fi, err := os.Stat(backup); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode = %v, %v; want 0600", fi.Mode().Perm(), err)
	}
	// A backup made by a newer Partnerbook.
	newer := filepath.Join(t.TempDir(), "newer.db")
	p.ok(nil, "backup", "--out", newer)
	if db, err := sql.Open("sqlite3", newer); err == nil {
		_, err = db.Exec(`PRAGMA user_version = 999`)
		db.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	if code, _, errs := p.run("restore", newer); code != 1 || !strings.Contains(errs, "newer Partnerbook (schema 999") {
		t.Errorf("restore of a newer database: exit %d %s", code, errs)
	}
	// The window (or partnerbook ui) has the folder open: its later writes would be lost.
	window, err := OpenApp(context.Background(), p.data)
	if err != nil {
		t.Fatal(err)
	}
	code, _, errs := p.run("restore", backup)
	window.Store.Close()
	if code == 0 || !strings.Contains(errs, "the data folder is open in another Partnerbook") {
		t.Errorf("restore with the window open: exit %d %s", code, errs)
	}
	p.ok(&list, "partner", "list", "--program", "1", "--json")
	if len(list.Partners) != 2 {
		t.Fatalf("a refused restore changed data: %d partners", len(list.Partners))
	}
	var res struct{ Previous string }
	p.ok(&res, "restore", backup, "--json")
	p.ok(&list, "partner", "list", "--program", "1", "--json")
	if len(list.Partners) != 1 || list.Partners[0].Key != "kira" {
		t.Errorf("after restore: %+v", list.Partners)
	}
	if _, err := os.Stat(res.Previous); err != nil {
		t.Errorf("the replaced database was not kept: %v", err)
	}
}

func TestInitSample(t *testing.T) {
	p := newPB(t)
	p.ok(nil, "init", "--sample")
	p.ok(nil, "init", "--sample") // a second time changes nothing
	var list struct{ Partners []partnerJSON }
	p.ok(&list, "partner", "list", "--program", "Sample shop", "--json")
	if len(list.Partners) != 4 {
		t.Errorf("sample partners = %d", len(list.Partners))
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
