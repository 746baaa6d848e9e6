package app

import "partnerbook/backend/domain"

// Setting is a setting as the Settings screen shows it; secrets never carry their value.
type Setting struct {
	Key    string `json:"key"`
	Label  string `json:"label"`
	Value  string `json:"value"`
	Secret bool   `json:"secret"`
	Set    bool   `json:"set"`
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
	return out, nil
}

// Set stores one setting ("" clears it).
func (s *Settings) Set(key, value string) (Setting, error) {
	if err := s.c.store.SetSetting(s.c.ctx, key, value); err != nil {
		return Setting{}, err
	}
	st, err := s.c.store.GetSetting(s.c.ctx, key)
	spec, _ := domain.LookupSetting(key)
	return Setting{Key: st.Key, Label: spec.Label, Value: st.Value, Secret: st.Secret, Set: st.Set}, err
}
