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
			if out[i].Offer, err = s.rateOffer(); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// rateOffer is the standard VAT rate of the company's country ("" outside the EU or unset).
func (s *Settings) rateOffer() (string, error) {
	set, err := s.c.settingsShown()
	return payout.RunRate("", set.Company.Country), err
}

// settingsShown reads the settings for the screens on which a person sees and corrects them
// (the shell's start, Settings): a stored value that fails its check is at its default there,
// not an error, so that the window starts and Settings opens to correct it. What acts on the
// settings (a run, mail, sync) reads them with store.Settings, which refuses such a value.
func (c *Core) settingsShown() (domain.Settings, error) {
	set, err := c.store.Settings(c.ctx)
	if err != nil && domain.ErrorCode(err) == domain.EInvalid {
		return set, nil
	}
	return set, err
}

// Set stores one setting ("" clears it).
func (s *Settings) Set(key, value string) (Setting, error) {
	if err := s.c.store.SetSetting(s.c.ctx, key, value); err != nil {
		return Setting{}, err
	}
	st, err := s.c.store.GetSetting(s.c.ctx, key) // the Settings screen's own read: the stored text
	if err != nil {
		return Setting{}, err
	}
	spec, _ := domain.LookupSetting(key)
	out := Setting{Key: st.Key, Label: spec.Label, Value: st.Value, Secret: st.Secret, Set: st.Set}
	if key == "company.vat_rate" {
		out.Offer, err = s.rateOffer()
	}
	return out, err
}
