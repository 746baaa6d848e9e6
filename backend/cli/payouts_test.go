package cli

import (
	"strings"
	"testing"
)

// withCompany sets the issuer a real payout run needs.
func (p *pb) withCompany() {
	p.t.Helper()
	p.ok(nil, "settings", "set", "company.name", "Kaffee Shop GmbH")
	p.ok(nil, "settings", "set", "company.address", "Hauptstraße 1, 10115 Berlin")
	p.ok(nil, "settings", "set", "company.country", "DE")
	p.ok(nil, "settings", "set", "company.vat_id", "DE111111111")
}

// A real run needs an issuer and a day that has come; --expect makes exactly the previewed run.
func TestPayoutRunChecks(t *testing.T) {
	p := newPB(t)
	p.withProgram()
	p.ok(nil, "partner", "add", "--program", "1", "--name", "Ana", "--email", "ana@example.com", "--key", "ana")
	p.ok(nil, "commissions", "adjust", "--program", "1", "--partner", "ana", "--amount", "60.00", "--comment", "fair")
	code, _, errs := p.run("payouts", "run", "--program", "1", "--as-of", "2025-05-10")
	if code == 0 || !strings.Contains(errs, "company.name, company.address") {
		t.Fatalf("a run without an issuer: %d %s", code, errs)
	}
	out := p.ok(nil, "payouts", "run", "--program", "1", "--as-of", "2025-05-10", "--dry-run")
	if !strings.Contains(out, "A real run needs these settings first: company.name, company.address.") {
		t.Fatalf("dry run:\n%s", out)
	}
	p.withCompany()
	code, _, errs = p.run("payouts", "run", "--program", "1", "--as-of", "2999-01-01")
	if code == 0 || !strings.Contains(errs, "after today") {
		t.Fatalf("a run into the future: %d %s", code, errs)
	}
	p.ok(nil, "payouts", "run", "--program", "1", "--as-of", "2999-01-01", "--dry-run")
	var preview struct{ Fingerprint string }
	p.ok(&preview, "payouts", "run", "--program", "1", "--as-of", "2025-05-10", "--dry-run", "--json")
	p.ok(nil, "commissions", "adjust", "--program", "1", "--partner", "ana", "--amount", "1.00", "--comment", "late")
	code, _, errs = p.run("payouts", "run", "--program", "1", "--as-of", "2025-05-10", "--expect", preview.Fingerprint)
	if code == 0 || !strings.Contains(errs, "the run changed since the preview: preview again") {
		t.Fatalf("confirming a changed run: %d %s", code, errs)
	}
	p.ok(&preview, "payouts", "run", "--program", "1", "--as-of", "2025-05-10", "--dry-run", "--json")
	var r struct {
		Payouts []struct{ Number, Amount string }
	}
	p.ok(&r, "payouts", "run", "--program", "1", "--as-of", "2025-05-10", "--expect", preview.Fingerprint, "--json")
	if len(r.Payouts) != 1 || r.Payouts[0].Amount != "61.00" {
		t.Fatalf("confirmed run = %+v", r)
	}
}
