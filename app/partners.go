package app

import (
	"time"

	"partnerbook/backend/domain"
)

// Partner is a partner as the window shows and edits it.
type Partner struct {
	ID          int64    `json:"id"`
	Name        string   `json:"name"`
	Email       string   `json:"email"`
	Key         string   `json:"key"`
	Coupons     []string `json:"coupons"`
	Parent      string   `json:"parent"`
	Status      string   `json:"status"`
	Address     string   `json:"address"`
	Country     string   `json:"country"`
	VATID       string   `json:"vat_id"`
	Language    string   `json:"language"`
	PaypalEmail string   `json:"paypal_email"`
	IBAN        string   `json:"iban"`
	// VATTreatment is domestic, reverse_charge, exempt or none; derived from the countries and
	// the VAT id unless a person chose it (VATTreatmentSet).
	VATTreatment    string `json:"vat_treatment"`
	VATTreatmentSet bool   `json:"vat_treatment_set"`
	CreatedAt       string `json:"created_at"`
}

// ListQuery asks for one page of a list: search text, a status, a sort column.
type ListQuery struct {
	ProgramID int64  `json:"program_id"`
	Search    string `json:"search"`
	Status    string `json:"status"`
	Partner   string `json:"partner"`
	Sort      string `json:"sort"`
	Desc      bool   `json:"desc"`
	Offset    int    `json:"offset"`
	Limit     int    `json:"limit"`
}

// PartnerPage is one page of partners and the count of all that match.
type PartnerPage struct {
	Partners []Partner `json:"partners"`
	Total    int       `json:"total"`
}

// Partners is the Partners screen.
type Partners struct{ c *Core }

// List returns one page of partners.
func (s *Partners) List(q ListQuery) (PartnerPage, error) {
	ps, total, err := s.c.store.ListPartners(s.c.ctx, domain.PartnerFilter{ProgramID: q.ProgramID, Search: q.Search,
		Status: q.Status, Page: domain.Page{Offset: q.Offset, Limit: pageLimit(q.Limit), Sort: q.Sort, Desc: q.Desc}})
	out := PartnerPage{Partners: []Partner{}, Total: total}
	for _, p := range ps {
		out.Partners = append(out.Partners, partnerDTO(p))
	}
	return out, err
}

// Get returns one partner by key.
func (s *Partners) Get(programID int64, key string) (Partner, error) {
	p, err := s.c.store.FindPartner(s.c.ctx, programID, key)
	return partnerDTO(p), err
}

// Add creates a partner from every field of the dialog.
func (s *Partners) Add(programID int64, in Partner) (Partner, error) {
	p, err := s.c.store.AddPartner(s.c.ctx, programID, patchOf(in, true))
	return partnerDTO(p), err
}

// Update saves every field of the dialog on the partner that had key.
func (s *Partners) Update(programID int64, key string, in Partner) (Partner, error) {
	p, err := s.c.store.UpdatePartner(s.c.ctx, programID, key, patchOf(in, false))
	return partnerDTO(p), err
}

func patchOf(in Partner, withKey bool) domain.PartnerPatch {
	coupons := append([]string{}, in.Coupons...)
	p := domain.PartnerPatch{Name: &in.Name, Email: &in.Email, Coupons: &coupons, Parent: &in.Parent,
		Address: &in.Address, Country: &in.Country, VATID: &in.VATID, PaypalEmail: &in.PaypalEmail, IBAN: &in.IBAN}
	if in.Status != "" {
		p.Status = &in.Status
	}
	if in.Language != "" {
		p.Language = &in.Language
	}
	if withKey {
		p.Key = &in.Key
	}
	vat := "auto"
	if in.VATTreatmentSet {
		vat = in.VATTreatment
	}
	p.VATTreatment = &vat
	return p
}

func partnerDTO(p domain.Partner) Partner {
	coupons := p.Coupons
	if coupons == nil {
		coupons = []string{}
	}
	return Partner{ID: p.ID, Name: p.Name, Email: p.Email, Key: p.Key, Coupons: coupons, Parent: p.Parent,
		Status: p.Status, Address: p.Address, Country: p.Country, VATID: p.VATID, Language: p.Language,
		PaypalEmail: p.PaypalEmail, IBAN: p.IBAN, VATTreatment: p.VATTreatment, VATTreatmentSet: p.VATTreatmentSet,
		CreatedAt: timeText(p.CreatedAt)}
}

func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func pageLimit(n int) int {
	if n <= 0 || n > 500 {
		return 50
	}
	return n
}
