package sqlite

import (
	"testing"

	"partnerbook/backend/domain"
)

// A payout that nets a credit note shows the same figures wherever it is listed: as its run
// returned it, in the shop's payouts list, and in the partner's portal. Its net and VAT are
// its own with the credit note's, and what was paid is their sum.
func TestNettedPayoutFiguresAgree(t *testing.T) {
	s := open(t)
	payday(s)
	prog, _, _ := commissionProgram(t, s, "50")
	for k, v := range map[string]string{"company.country": "DE", "company.vat_id": "DE123456789"} { // no rate: Germany's 19 %
		if err := s.SetSetting(ctx, k, v); err != nil {
			t.Fatal(err)
		}
	}
	ap := partner("Anna Agentur GmbH", "anna@example.org", "anna")
	de, vatID, iban := "DE", "DE987654321", "DE89 3704 0044 0532 0130 00"
	ap.Country, ap.VATID, ap.IBAN = &de, &vatID, &iban
	anna := mustAdd(t, s, prog.ID, ap)
	run := func(day string) domain.PayoutLine {
		t.Helper()
		r, err := s.RunPayouts(ctx, prog.ID, day, false)
		if err != nil || len(r.Payouts) != 1 {
			t.Fatalf("run as of %s: %+v, %v", day, r, err)
		}
		return r.Payouts[0]
	}
	bonus(t, s, prog.ID, "anna", "100.00")
	first := run("2025-05-10")
	bonus(t, s, prog.ID, "anna", "-10.00") // taken back after the payout: a credit note
	credit := run("2025-06-10")
	bonus(t, s, prog.ID, "anna", "80.00")
	netting := run("2025-07-10")
	if credit.Kind != "credit_note" || netting.Kind != "invoice" {
		t.Fatalf("kinds: %s, %s", credit.Kind, netting.Kind)
	}
	// 80.00 and its 15.20 VAT, less the credit note's 10.00 and 1.90.
	if netting.Net != "70.00" || netting.VAT != "13.30" || netting.Amount != "83.30" || netting.VATRate != "19" {
		t.Errorf("the netting payout as its run returned it: %+v", netting)
	}
	listed, err := s.ListPayouts(ctx, prog.ID)
	if err != nil {
		t.Fatal(err)
	}
	byNumber := map[string]domain.PayoutLine{}
	for _, p := range listed {
		byNumber[p.Number] = p
	}
	for _, ran := range []domain.PayoutLine{first, credit, netting} {
		got := byNumber[ran.Number]
		got.Run, got.At = 0, "" // the list adds the run, which the run itself does not repeat
		if got != ran {
			t.Errorf("payouts list %s = %+v, its run returned %+v", ran.Number, got, ran)
		}
	}
	portal, err := s.PortalPayouts(ctx, anna.ID)
	if err != nil || len(portal) != 3 {
		t.Fatalf("the portal lists %d payouts (%v), want 3", len(portal), err)
	}
	for _, py := range portal {
		want := byNumber[py.Number]
		if py.Amount != want.Amount || py.Net != want.Net || py.VAT != want.VAT || py.Kind != want.Kind {
			t.Errorf("portal %s: amount %s net %s VAT %s; payouts list says %s %s %s", py.Number, py.Amount, py.Net, py.VAT,
				want.Amount, want.Net, want.VAT)
		}
	}
}
