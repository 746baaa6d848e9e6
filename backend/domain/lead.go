package domain

import (
	"strings"
	"time"
)

// LeadStatuses are the states of a lead, in their usual order.
var LeadStatuses = []string{"new", "qualified", "converted", "lost"}

// Lead is a prospective customer that a partner submitted.
type Lead struct {
	ID          int64      `json:"id"`
	ProgramID   int64      `json:"program_id"`
	Partner     string     `json:"partner"` // the partner's key
	Email       string     `json:"email"`
	Name        string     `json:"name"`
	Status      string     `json:"status"`
	Source      string     `json:"source"` // manual, import, mail, sync
	CreatedAt   time.Time  `json:"created_at"`
	ConvertedAt *time.Time `json:"converted_at"`
}

// Validate normalizes the lead and checks it on its own.
func (l *Lead) Validate() Problems {
	l.Partner = strings.TrimSpace(l.Partner)
	l.Email = NormalizeEmail(l.Email)
	l.Name = strings.TrimSpace(l.Name)
	l.Status = strings.ToLower(strings.TrimSpace(l.Status))
	if l.Status == "" {
		l.Status = "new"
	}
	var ps Problems
	if l.Partner == "" {
		ps.Add("partner_key", "a lead needs the key of the partner who submitted it")
	}
	if !ValidEmail(l.Email) {
		ps.Add("email", "%q is not an e-mail address", l.Email)
	}
	OneOf(&ps, "status", l.Status, LeadStatuses)
	return ps
}
