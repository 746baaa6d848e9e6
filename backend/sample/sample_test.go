package sample_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"partnerbook/backend/domain"
	"partnerbook/backend/sample"
	"partnerbook/backend/sqlite"
)

// The sample is a living shop: orders from two shops, refunds, a converted lead, lines rejected
// for their reasons, a payout run, and a refund after it taken back from the partner.
func TestSampleIsALivingShop(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "pb.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := time.Date(2026, 3, 20, 10, 0, 0, 0, time.UTC)
	st.Now = func() time.Time { return now }
	for k, v := range map[string]string{"company.name": "Kaffee Shop GmbH", "company.address": "Hauptstraße 1\n10115 Berlin"} {
		if err := st.SetSetting(ctx, k, v); err != nil {
			t.Fatal(err)
		}
	}
	p, err := sample.Create(ctx, st, now)
	if err != nil {
		t.Fatal(err)
	}
	if again, err := sample.Create(ctx, st, now); err != nil || again.ID != p.ID {
		t.Fatalf("a second Create: %v, %v", again.ID, err)
	}
	sources, _ := st.OrderSources(ctx, p.ID)
	if strings.Join(sources, ",") != "shopify,woocommerce" {
		t.Errorf("sources = %v", sources)
	}
	runs, err := st.ListPayoutRuns(ctx, p.ID)
	if err != nil || len(runs) != 1 || len(runs[0].Payouts) == 0 || runs[0].AsOf != "2026-03-01" {
		t.Fatalf("payout runs = %+v, %v", runs, err)
	}
	page, err := st.ListCommissions(ctx, domain.CommissionFilter{ProgramID: p.ID, Limit: 500, AsOf: "2026-03-20"})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, l := range page.Lines {
		seen[l.Kind+"/"+l.Status] = true
		if l.Note != "" {
			seen["note "+l.Note] = true
		}
		if l.Kind == "adjustment" && strings.HasPrefix(l.Amount, "-") && l.Partner == "lena" {
			seen["refund after payout"] = true
		}
	}
	for _, want := range []string{"sale/paid", "sale/pending", "recurring/paid", "lead/paid", "second_tier/paid", "product/reversed",
		"note self_referral", "note partner_inactive", "refund after payout"} {
		if !seen[want] {
			t.Errorf("no %s line; lines: %v", want, seen)
		}
	}
}
