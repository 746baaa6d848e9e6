package app

import (
	"context"
	"path/filepath"
	"testing"

	"partnerbook/backend/domain"
	"partnerbook/backend/secret"
	"partnerbook/backend/sqlite"
)

func newCore(t *testing.T) *Core {
	t.Helper()
	dir := t.TempDir()
	st, err := sqlite.Open(context.Background(), filepath.Join(dir, "pb.db"), sqlite.Options{Secrets: secret.NewFile(filepath.Join(dir, "s.json"))})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return NewCore(st, dir, nil, nil)
}

func TestProgramRoundTrip(t *testing.T) {
	c := newCore(t)
	s := &Programs{c}
	in := s.Defaults()
	in.Name = "Shop"
	in.PayoutThreshold = "25"
	in.Rules = Plan{Sale: &Rate{Percent: "12.5"}, Products: []ProductRule{{SKU: "PIN-01", Fixed: "1.00"}},
		Tiers:     &Tiers{Measure: "revenue", Tiers: []Tier{{From: "0", Percent: "10"}, {From: "500.50", Percent: "12"}}},
		Recurring: &Recurring{Percent: "10", MaxCount: 11}, SecondTier: &Rate{Percent: "5"}, Lead: &Rate{Fixed: "2.00"}}
	out, err := s.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.Get(out.ID)
	r := got.Rules
	if got.PayoutThreshold != "25.00" || r.Sale.Percent != "12.5" || r.Products[0].Fixed != "1" || r.Tiers.Tiers[1].From != "500.5" ||
		r.Recurring.MaxCount != 11 || r.Recurring.MaxMonths != 0 || r.SecondTier.Percent != "5" || r.Lead.Fixed != "2" {
		t.Errorf("round trip changed the program: %+v", got)
	}
}

func TestProgramDTOErrorsNameTheField(t *testing.T) {
	s := &Programs{newCore(t)}
	in := s.Defaults()
	in.Name = "Shop"
	in.Rules.Sale = &Rate{Percent: "12,5"}
	_, err := s.Create(in)
	e := domain.AsError(err)
	if e.Code != domain.EInvalid || len(e.Problems) != 1 || e.Problems[0].Column != "rules.sale.percent" {
		t.Fatalf("err = %+v", e)
	}
}

func TestSystemOffersSampleOnce(t *testing.T) {
	c := newCore(t)
	sys := &System{c}
	info, _ := sys.Info()
	if !info.OfferSample {
		t.Fatal("a new data folder offers the sample")
	}
	if err := sys.DeclineSample(); err != nil {
		t.Fatal(err)
	}
	if info, _ := sys.Info(); info.OfferSample {
		t.Error("a declined offer is made again")
	}
}
