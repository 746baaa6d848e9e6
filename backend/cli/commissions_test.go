package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type lineJSON struct {
	ID                                                                   int64
	Partner, Order, Source, Kind, Reason, Status, Base, Amount, Currency string
	OrderTime                                                            string `json:"order_time"`
	Note, Rule                                                           string
}

// The fixtures of the importer with the program of testdata: each amount is worked out in
// docs/commissions.md ("The sample export, line by line").
func TestCommissionCommands(t *testing.T) {
	p := newPB(t)
	p.withProgram()
	p.withCompany()
	p.ok(nil, "import", "partners", "--program", "1", testdata("partners.csv"))
	p.ok(nil, "import", "orders", "--program", "1", fixture("orders_export_1.csv"))
	var got struct{ Lines []lineJSON }
	p.ok(&got, "commissions", "--program", "1", "--json", "--as-of", "2025-04-20")
	want := []string{"kira #1001 product coupon approved 7.20 1.00 EUR", "kira #1001 sale coupon approved 36.50 7.30 EUR",
		"lena #1003 sale coupon pending 26.12 5.22 EUR", "kira #1003 second_tier coupon pending 26.12 1.31 EUR"}
	if len(got.Lines) != len(want) {
		t.Fatalf("lines = %+v", got.Lines)
	}
	for i, l := range got.Lines {
		if s := strings.Join([]string{l.Partner, l.Order, l.Kind, l.Reason, l.Status, l.Base, l.Amount, l.Currency}, " "); s != want[i] {
			t.Errorf("line %d = %s, want %s", i, s, want[i])
		}
	}
	if got.Lines[0].Source != "shopify" || got.Lines[0].OrderTime != "2025-03-14T08:12:45Z" {
		t.Errorf("line 1 = %+v", got.Lines[0])
	}
	var bal struct {
		Partners []struct{ Partner, Currency, Pending, Approved, Paid, Reversed, Rejected string }
	}
	p.ok(&bal, "balances", "--program", "1", "--json", "--as-of", "2025-05-10")
	if len(bal.Partners) != 2 || bal.Partners[0].Partner != "kira" || bal.Partners[0].Approved != "9.61" || bal.Partners[1].Approved != "5.22" {
		t.Fatalf("balances = %+v", bal)
	}
	// The threshold is 50.00: nothing is paid; a bonus lifts kira over it.
	type run struct {
		Run     int64
		Payouts []struct {
			Number, Partner, Currency, Amount string
			Lines                             int
		}
		Carried []struct{ Partner, Currency, Amount string }
	}
	var r run
	p.ok(&r, "payouts", "run", "--program", "1", "--json", "--as-of", "2025-05-10", "--dry-run")
	if r.Run != 0 || len(r.Payouts) != 0 || len(r.Carried) != 2 || r.Carried[0].Amount != "9.61" {
		t.Fatalf("dry run = %+v", r)
	}
	p.ok(nil, "commissions", "adjust", "--program", "1", "--partner", "kira", "--amount", "45.00", "--comment", "spring campaign bonus")
	p.ok(&r, "payouts", "run", "--program", "1", "--json", "--as-of", "2025-05-10")
	if r.Run == 0 || len(r.Payouts) != 1 || r.Payouts[0].Number != "2025-0001" || r.Payouts[0].Amount != "54.61" || r.Payouts[0].Lines != 4 {
		t.Fatalf("run = %+v", r)
	}
	var list struct {
		Payouts []struct{ Number, Partner, Amount string }
	}
	p.ok(&list, "payouts", "list", "--program", "1", "--json")
	if len(list.Payouts) != 1 || list.Payouts[0].Partner != "kira" {
		t.Fatalf("payouts list = %+v", list)
	}
	// Reject and approve name line numbers; a rejection needs a reason.
	if code, _, errs := p.run("commissions", "reject", "--program", "1", "3"); code != 2 || !strings.Contains(errs, "reason") {
		t.Fatalf("reject without a reason: %d %s", code, errs)
	}
	p.ok(nil, "commissions", "reject", "--program", "1", "--reason", "test order", "3")
	p.ok(&got, "commissions", "--program", "1", "--json", "--status", "rejected")
	// kira's second tier of #1003 was paid in the run above: it stays paid.
	if len(got.Lines) != 1 || got.Lines[0].Note != "test order" || got.Lines[0].Order != "#1003" {
		t.Fatalf("rejected = %+v", got.Lines)
	}
	if code, _, errs := p.run("commissions", "--program", "1", "--status", "lost"); code == 0 || !strings.Contains(errs, "status") {
		t.Fatalf("a bad status: %d %s", code, errs)
	}
}

// A partner paid in another currency than the program's is compared with the threshold after
// conversion by the imported ECB rates, and skipped with a warning without them.
func TestPayoutsInAnotherCurrency(t *testing.T) {
	p := newPB(t)
	p.withProgram()
	p.withCompany()
	p.ok(nil, "partner", "add", "--program", "1", "--name", "Ana", "--email", "ana@example.com", "--key", "ana")
	p.ok(nil, "commissions", "adjust", "--program", "1", "--partner", "ana", "--amount", "60.00", "--currency", "USD", "--comment", "US fair")
	var r struct {
		Payouts  []struct{ Number, Amount, Currency string }
		Warnings []string
	}
	p.ok(&r, "payouts", "run", "--program", "1", "--json", "--as-of", "2025-05-10", "--dry-run")
	if len(r.Payouts) != 0 || len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0], "no exchange rate from USD to EUR") {
		t.Fatalf("without rates = %+v", r)
	}
	rates := filepath.Join(t.TempDir(), "eurofxref.csv")
	// 60 USD at 1.25 USD per EUR is 48.00 EUR: under the threshold of 50; at 1.10 it is 54.55.
	os.WriteFile(rates, []byte("Date, USD, JPY, \n09 May 2025, 1.2500, 160.00, \n"), 0o600)
	p.ok(nil, "import", "rates", rates)
	p.ok(&r, "payouts", "run", "--program", "1", "--json", "--as-of", "2025-05-10", "--dry-run")
	if len(r.Payouts) != 0 || len(r.Warnings) != 0 {
		t.Fatalf("at 1.25 = %+v", r)
	}
	os.WriteFile(rates, []byte("Date,USD,JPY\n2025-05-10,1.1000,N/A\n"), 0o600)
	p.ok(nil, "import", "rates", rates)
	p.ok(&r, "payouts", "run", "--program", "1", "--json", "--as-of", "2025-05-10")
	if len(r.Payouts) != 1 || r.Payouts[0].Amount != "60.00" || r.Payouts[0].Currency != "USD" {
		t.Fatalf("at 1.10 = %+v", r)
	}
	os.WriteFile(rates, []byte("Date,USD\n2025-05-10,abc\n"), 0o600)
	if code, _, errs := p.run("import", "rates", rates); code == 0 || !strings.Contains(errs, "eurofxref.csv:2: column \"USD\"") || !strings.Contains(errs, "USD") {
		t.Fatalf("a bad rate: %d %s", code, errs)
	}
}
