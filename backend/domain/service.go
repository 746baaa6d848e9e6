package domain

import (
	"context"
	"time"
)

// Page asks for one page of a list; Sort names a column, Desc reverses it.
type Page struct {
	Offset int    `json:"offset"`
	Limit  int    `json:"limit"`
	Sort   string `json:"sort"`
	Desc   bool   `json:"desc"`
}

// PartnerFilter selects partners of a program.
type PartnerFilter struct {
	ProgramID int64  `json:"program_id"`
	Search    string `json:"search"` // in name, e-mail, key and coupons
	Status    string `json:"status"`
	Page
}

// LeadFilter selects leads of a program.
type LeadFilter struct {
	ProgramID int64  `json:"program_id"`
	Partner   string `json:"partner"`
	Status    string `json:"status"`
	Search    string `json:"search"`
	Page
}

// Outcomes counts what an import did to each thing it read.
type Outcomes struct {
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
}

// Count adds one outcome: "created", "updated" or "unchanged" (anything else, such as a
// refused row's "", counts nowhere).
func (o *Outcomes) Count(outcome string) {
	switch outcome {
	case "created":
		o.Created++
	case "updated":
		o.Updated++
	case "unchanged":
		o.Unchanged++
	}
}

// ImportResult counts what a file import did.
type ImportResult struct {
	Batch int64 `json:"batch"`
	Rows  int   `json:"rows"`
	Outcomes
	Errors []Problem `json:"errors"`
}

// ProgramService keeps programs.
type ProgramService interface {
	CreateProgram(ctx context.Context, p Program) (Program, error)
	UpdateProgram(ctx context.Context, p Program) (Program, error)
	FindProgram(ctx context.Context, nameOrID string) (Program, error)
	ListPrograms(ctx context.Context) ([]Program, error)
}

// PartnerService keeps partners.
type PartnerService interface {
	AddPartner(ctx context.Context, programID int64, p PartnerPatch) (Partner, error)
	UpdatePartner(ctx context.Context, programID int64, key string, p PartnerPatch) (Partner, error)
	FindPartner(ctx context.Context, programID int64, key string) (Partner, error)
	ListPartners(ctx context.Context, f PartnerFilter) ([]Partner, int, error)
	ImportPartners(ctx context.Context, programID int64, file string, rows []PartnerRow) (ImportResult, error)
}

// PartnerRow is one row of a partners file.
type PartnerRow struct {
	Row   int
	Patch PartnerPatch
}

// LeadRow is one row of a leads file.
type LeadRow struct {
	Row  int
	Lead Lead
}

// LeadService keeps leads.
type LeadService interface {
	AddLead(ctx context.Context, programID int64, l Lead) (Lead, error)
	SetLeadStatus(ctx context.Context, programID, leadID int64, status string, at time.Time) (Lead, error)
	ListLeads(ctx context.Context, f LeadFilter) ([]Lead, int, error)
	ImportLeads(ctx context.Context, programID int64, file string, rows []LeadRow) (ImportResult, error)
}

// SettingService keeps settings; secrets go to a SecretStore, never to the database.
type SettingService interface {
	SetSetting(ctx context.Context, key, value string) error
	GetSetting(ctx context.Context, key string) (Setting, error)
	ListSettings(ctx context.Context) ([]Setting, error)
}

// SecretStore keeps passwords and keys outside the database.
type SecretStore interface {
	GetSecret(key string) (string, bool, error)
	SetSecret(key, value string) error
}

type actorKey struct{}

// WithActor records who acts (for the audit log): "cli", "window", "sync", "mail".
func WithActor(ctx context.Context, actor string) context.Context {
	return context.WithValue(ctx, actorKey{}, actor)
}

// Actor returns who acts in ctx, "system" when nobody was named.
func Actor(ctx context.Context) string {
	if a, ok := ctx.Value(actorKey{}).(string); ok {
		return a
	}
	return "system"
}
