package app

import "partnerbook/backend/domain"

// Info is what the shell needs at start.
type Info struct {
	Version      string `json:"version"`
	DataDir      string `json:"data_dir"`
	Programs     int    `json:"programs"`
	OfferSample  bool   `json:"offer_sample"`
	BrowserMode  bool   `json:"browser_mode"`
	SchemaNumber int    `json:"schema"`
}

// System is the app shell: start-up facts and the first-start offer.
type System struct{ c *Core }

// Info returns the start-up facts; the sample program is offered while there are no programs
// and the offer was not declined.
func (s *System) Info() (Info, error) {
	ps, err := s.c.store.ListPrograms(s.c.ctx)
	if err != nil {
		return Info{}, err
	}
	set, err := s.c.settingsShown()
	if err != nil {
		return Info{}, err
	}
	v, err := s.c.store.Version(s.c.ctx)
	if err != nil {
		return Info{}, err
	}
	return Info{Version: s.c.Version, DataDir: s.c.dataDir, Programs: len(ps), BrowserMode: s.c.BrowserMode,
		OfferSample: len(ps) == 0 && !set.UI.SampleOffered, SchemaNumber: v}, nil
}

// DeclineSample records that the person does not want the sample program.
func (s *System) DeclineSample() error {
	return s.c.store.SetSetting(s.c.ctx, "ui.sample_offered", "true")
}

// OpenDataFolder shows the data folder in the system's file manager (the window only).
func (s *System) OpenDataFolder() error {
	if s.c.dialogs == nil {
		return domain.Errorf(domain.EInvalid, "the data folder is %s; in browser mode it cannot be opened from here", s.c.dataDir)
	}
	return s.c.dialogs.OpenPath(s.c.dataDir)
}
