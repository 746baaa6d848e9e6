package app

import (
	"partnerbook/backend/domain"
	"partnerbook/backend/sample"
)

// Program is a program as the window edits it: every setting and the plan, money as strings.
type Program struct {
	ID              int64  `json:"id"`
	Name            string `json:"name"`
	Kind            string `json:"kind"`
	Currency        string `json:"currency"`
	Timezone        string `json:"timezone"`
	CookieDays      int    `json:"cookie_days"`
	Attribution     string `json:"attribution"`
	HoldDays        int    `json:"hold_days"`
	PayoutThreshold string `json:"payout_threshold"`
	Base            string `json:"base"`
	SelfReferral    string `json:"self_referral"`
	Rules           Plan   `json:"rules"`
	Portal          string `json:"portal"` // off, on: the partner portal
	// Origins are the sites allowed to use the program's publishable keys; Site is where
	// partners' links point. An update without origins (null) keeps both as they are.
	Origins []string `json:"origins"`
	Site    string   `json:"site"`
	// Sample marks the sample program, whose runs an invented company issues, numbered apart
	// (read only: the window cannot make a program the sample).
	Sample bool `json:"sample"`
}

// Programs is the Programs screen and the program switcher.
type Programs struct{ c *Core }

// List returns every program.
func (s *Programs) List() ([]Program, error) {
	ps, err := s.c.store.ListPrograms(s.c.ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Program, 0, len(ps))
	for _, p := range ps {
		out = append(out, programDTO(p))
	}
	return out, nil
}

// Get returns one program.
func (s *Programs) Get(id int64) (Program, error) {
	p, err := s.c.store.FindProgram(s.c.ctx, itoa(id))
	return programDTO(p), err
}

// Defaults returns a new program's settings (commissions.md).
func (s *Programs) Defaults() Program { return programDTO(domain.DefaultProgram("")) }

// Create stores a new program.
func (s *Programs) Create(in Program) (Program, error) {
	p, err := programFromDTO(in)
	if err != nil {
		return in, err
	}
	p, err = s.c.store.CreateProgram(s.c.ctx, p)
	return programDTO(p), err
}

// Update replaces a program's settings and plan.
func (s *Programs) Update(in Program) (Program, error) {
	p, err := programFromDTO(in)
	if err != nil {
		return in, err
	}
	if in.Origins == nil {
		before, err := s.c.store.FindProgram(s.c.ctx, itoa(in.ID))
		if err != nil {
			return in, err
		}
		p.Origins, p.Site = before.Origins, before.Site
	}
	p, err = s.c.store.UpdateProgram(s.c.ctx, p)
	return programDTO(p), err
}

// CreateSample adds the sample program to look around in.
func (s *Programs) CreateSample() (Program, error) {
	p, err := sample.Create(s.c.ctx, s.c.store, s.c.store.Now())
	if err == nil {
		err = s.c.store.SetSetting(s.c.ctx, "ui.sample_offered", "true")
	}
	return programDTO(p), err
}

func programDTO(p domain.Program) Program {
	return Program{ID: p.ID, Name: p.Name, Kind: p.Kind, Currency: p.Currency, Timezone: p.Timezone,
		CookieDays: p.CookieDays, Attribution: p.Attribution, HoldDays: p.HoldDays, PayoutThreshold: p.PayoutThreshold,
		Base: p.Base, SelfReferral: p.SelfReferral, Rules: planDTO(p.Rules), Portal: p.Portal, Origins: p.Origins, Site: p.Site,
		Sample: p.Sample}
}

func programFromDTO(in Program) (domain.Program, error) {
	rules, err := planFromDTO(in.Rules)
	return domain.Program{ID: in.ID, Name: in.Name, Kind: in.Kind, Currency: in.Currency, Timezone: in.Timezone,
		CookieDays: in.CookieDays, Attribution: in.Attribution, HoldDays: in.HoldDays,
		PayoutThreshold: in.PayoutThreshold, Base: in.Base, SelfReferral: in.SelfReferral, Rules: rules, Portal: in.Portal,
		Origins: in.Origins, Site: in.Site}, err
}
