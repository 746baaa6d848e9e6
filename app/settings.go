package app

import (
	"partnerbook/backend/domain"
	"partnerbook/backend/payout"
)

// Setting is a setting as the Settings screen shows it; secrets never carry their value.
type Setting struct {
	Key    string `json:"key"`
	Label  string `json:"label"`
	Value  string `json:"value"`
	Secret bool   `json:"secret"`
	Set    bool   `json:"set"`
	// Offer is a value the screen offers: for company.vat_rate the standard rate of the
	// company's country (the one a run uses while the setting is empty).
	Offer string `json:"offer,omitempty"`
}

// Settings is the Settings screen.
type Settings struct{ c *Core }

// List returns every setting.
func (s *Settings) List() ([]Setting, error) {
	ss, err := s.c.store.ListSettings(s.c.ctx)
	if err != nil {
		return nil, err
	}
	out := []Setting{}
	for _, st := range ss {
		spec, _ := domain.LookupSetting(st.Key)
		out = append(out, Setting{Key: st.Key, Label: spec.Label, Value: st.Value, Secret: st.Secret, Set: st.Set})
	}
	for i := range out {
		if out[i].Key == "company.vat_rate" {
			out[i].Offer = s.rateOffer()
		}
	}
	return out, nil
}

// rateOffer is the standard VAT rate of the company's country ("" outside the EU or unset).
func (s *Settings) rateOffer() string {
	c, err := s.c.store.GetSetting(s.c.ctx, "company.country")
	if err != nil {
		return ""
	}
	return payout.RunRate("", c.Value)
}

// Set stores one setting ("" clears it).
func (s *Settings) Set(key, value string) (Setting, error) {
	if err := s.c.store.SetSetting(s.c.ctx, key, value); err != nil {
		return Setting{}, err
	}
	st, err := s.c.store.GetSetting(s.c.ctx, key)
	spec, _ := domain.LookupSetting(key)
	out := Setting{Key: st.Key, Label: spec.Label, Value: st.Value, Secret: st.Secret, Set: st.Set}
	if key == "company.vat_rate" {
		out.Offer = s.rateOffer()
	}
	return out, err
}
