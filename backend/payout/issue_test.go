package payout

import (
	"strings"
	"testing"
)

// Who issues a run and in which series: the shop for a real program (refused as before when
// its details are missing), the invented sample company for the sample, whatever the shop's
// settings say, in a series of its own.
func TestIssueOf(t *testing.T) {
	shop := Company{Issuer: Issuer{Name: "Kaffee Shop GmbH", Address: "Hauptstraße 1\n10115 Berlin", Country: "DE", VATID: "DE123456789",
		VATRate: "19"}, Lang: "de", IBAN: "DE89370400440532013000", BIC: "COBADEFFXXX", Logo: "logo.png"}
	cases := []struct {
		name      string
		sample    bool
		shop      Company
		want      Company
		series    string // the first number of 2026
		refused   bool   // a real run paying a domestic partner with a VAT id is refused
		sampleDoc bool
	}{
		{"a real program, no company details", false, Company{}, Company{}, "2026-0001", true, false},
		{"a real program, its shop's details", false, shop, shop, "2026-0001", false, false},
		{"the sample, no company details", true, Company{}, SampleCompany, "SAMPLE-2026-0001", false, true},
		{"the sample, the shop's details set", true, shop, withLang(SampleCompany, "de"), "SAMPLE-2026-0001", false, true},
	}
	for _, c := range cases {
		got := IssueOf(c.sample, c.shop)
		if got.Company != c.want {
			t.Errorf("%s: issuer = %+v, want %+v", c.name, got.Company, c.want)
		}
		if n := got.Series.Number(2026, 1); n != c.series {
			t.Errorf("%s: first number = %s, want %s", c.name, n, c.series)
		}
		err := CheckIssuer(got.Issuer, true, true, false)
		if (err != nil) != c.refused {
			t.Errorf("%s: CheckIssuer = %v", c.name, err)
		}
		if got.Sample != c.sampleDoc {
			t.Errorf("%s: sample = %v", c.name, got.Sample)
		}
	}
}

// The sample's series is apart from the shop's (another key, numbers that cannot collide), and
// its issuer says it is a sample and carries nothing of the shop.
// A run's record names its series by key; a record without one (before series had keys) and
// any key that is not the sample's are the shop's.
func TestSeriesOf(t *testing.T) {
	for key, want := range map[string]Series{"sample": SampleSeries, "company": ShopSeries, "": ShopSeries} {
		if got := SeriesOf(key); got != want {
			t.Errorf("SeriesOf(%q) = %+v, want %+v", key, got, want)
		}
	}
}

func TestSampleSeriesIsApart(t *testing.T) {
	if SampleSeries.Key == ShopSeries.Key || SampleSeries.Prefix == "" {
		t.Fatalf("sample series %+v, shop series %+v", SampleSeries, ShopSeries)
	}
	if ShopSeries.Number(2025, 7) != Number(2025, 7) {
		t.Fatalf("the shop's numbers changed: %s", ShopSeries.Number(2025, 7))
	}
	if !strings.Contains(strings.ToLower(SampleCompany.Name), "sample") || SampleCompany.Logo != "" {
		t.Fatalf("sample company = %+v", SampleCompany)
	}
	if m := SampleCompany.Missing(true, true); len(m) != 0 {
		t.Fatalf("the sample company lacks %v", m)
	}
}

func withLang(c Company, lang string) Company {
	c.Lang = lang
	return c
}
