// Package sample makes the sample program that a first start offers, to look around in:
// a small coffee shop's affiliate program with a plan that uses every kind of rule, partners in
// two tiers, leads, and a few months of its life: orders from two shops, refunds, a lead that
// became a customer and a payout run. Everything in it is invented.
package sample

import (
	"context"
	"encoding/json"
	"time"

	"partnerbook/backend/domain"
)

// Name is the sample program's name.
const Name = "Sample shop"

// Store is what the sample needs of the store.
type Store interface {
	domain.ProgramService
	domain.PartnerService
	domain.LeadService
	Shop
}

const plan = `{
  "sale": {"percent": "20"},
  "products": [{"sku": "PIN-01", "fixed": "1.00"}],
  "recurring": {"percent": "10", "max_count": 11, "max_months": 12},
  "second_tier": {"percent": "5"},
  "lead": {"fixed": "2.00"}
}`

// Create adds the sample program, its orders dated in the months before now, or returns it when
// it exists already.
func Create(ctx context.Context, st Store, now time.Time) (domain.Program, error) {
	if p, err := st.FindProgram(ctx, Name); err == nil {
		return p, nil
	}
	p := domain.DefaultProgram(Name)
	p.Timezone = "Europe/Berlin"
	p.PayoutThreshold = "25.00"
	p.HoldDays = 14
	p.Sample = true // its runs are the invented sample company's, numbered apart (payout.IssueOf)
	if err := json.Unmarshal([]byte(plan), &p.Rules); err != nil {
		return p, err
	}
	p, err := st.CreateProgram(ctx, p)
	if err != nil {
		return p, err
	}
	str := func(s string) *string { return &s }
	list := func(s ...string) *[]string { return &s }
	partners := []domain.PartnerPatch{
		{Name: str("Kira Nowak"), Email: str("kira@example.org"), Key: str("kira"), Coupons: list("KIRA10"),
			Country: str("PL"), Language: str("en"), PaypalEmail: str("kira.pay@example.org")},
		{Name: str("Lena Fischer"), Email: str("lena@example.net"), Key: str("lena"), Coupons: list("LENA15", "LENASUMMER"),
			Parent: str("kira"), Country: str("DE"), Language: str("de"), IBAN: str("DE89370400440532013000"),
			Address: str("Lindenstraße 5, 10115 Berlin")},
		{Name: str("Søren Østergaard ApS"), Email: str("soren@example.com"), Key: str("soren"), Country: str("DK"),
			VATID: str("DK12345678"), Language: str("en"), Status: str("pending")},
		{Name: str("Marta Łukasik"), Email: str("marta@example.org"), Key: str("marta"), Parent: str("lena"),
			Country: str("PL"), Status: str("suspended")},
	}
	for _, pp := range partners {
		if _, err := st.AddPartner(ctx, p.ID, pp); err != nil {
			return p, err
		}
	}
	leads := []domain.Lead{
		{Partner: "kira", Email: "jonas@example.com", Name: "Jonas Weber"},
		{Partner: "lena", Email: "amelie@example.org", Name: "Amélie Dubois", Status: "qualified"},
		{Partner: "lena", Email: "piotr@example.net", Name: "Piotr Zieliński", Status: "lost"},
	}
	for _, l := range leads {
		if _, err := st.AddLead(ctx, p.ID, l); err != nil {
			return p, err
		}
	}
	return p, living(ctx, st, p.ID, now)
}
