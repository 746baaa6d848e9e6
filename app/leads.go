package app

import (
	"time"

	"partnerbook/backend/domain"
)

// Lead is a lead as the window shows it.
type Lead struct {
	ID          int64  `json:"id"`
	Partner     string `json:"partner"`
	Email       string `json:"email"`
	Name        string `json:"name"`
	Status      string `json:"status"`
	Source      string `json:"source"`
	CreatedAt   string `json:"created_at"`
	ConvertedAt string `json:"converted_at"`
}

// LeadPage is one page of leads and the count of all that match.
type LeadPage struct {
	Leads []Lead `json:"leads"`
	Total int    `json:"total"`
}

// Leads is the Leads screen.
type Leads struct{ c *Core }

// List returns one page of leads.
func (s *Leads) List(q ListQuery) (LeadPage, error) {
	ls, total, err := s.c.store.ListLeads(s.c.ctx, domain.LeadFilter{ProgramID: q.ProgramID, Partner: q.Partner,
		Status: q.Status, Search: q.Search, Page: domain.Page{Offset: q.Offset, Limit: pageLimit(q.Limit), Sort: q.Sort, Desc: q.Desc}})
	out := LeadPage{Leads: []Lead{}, Total: total}
	for _, l := range ls {
		out.Leads = append(out.Leads, leadDTO(l))
	}
	return out, err
}

// Add records a lead for a partner.
func (s *Leads) Add(programID int64, in Lead) (Lead, error) {
	l, err := s.c.store.AddLead(s.c.ctx, programID, domain.Lead{Partner: in.Partner, Email: in.Email, Name: in.Name,
		Status: in.Status, Source: "manual"})
	return leadDTO(l), err
}

// SetStatus moves a lead to another status (converted: dated now).
func (s *Leads) SetStatus(programID, id int64, status string) (Lead, error) {
	l, err := s.c.store.SetLeadStatus(s.c.ctx, programID, id, status, time.Time{})
	return leadDTO(l), err
}

func leadDTO(l domain.Lead) Lead {
	out := Lead{ID: l.ID, Partner: l.Partner, Email: l.Email, Name: l.Name, Status: l.Status, Source: l.Source,
		CreatedAt: timeText(l.CreatedAt)}
	if l.ConvertedAt != nil {
		out.ConvertedAt = timeText(*l.ConvertedAt)
	}
	return out
}
