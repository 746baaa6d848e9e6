package app

import (
	"partnerbook/backend/domain"
	"partnerbook/backend/payoutdocs"
	"partnerbook/backend/sync"
)

// SavedFiles is what saving a run's files wrote, and what to look at.
type SavedFiles struct {
	Dir      string   `json:"dir"`
	Files    []string `json:"files"`
	Warnings []string `json:"warnings"`
}

func savedFilesDTO(r payoutdocs.Result) SavedFiles {
	out := SavedFiles(r)
	if out.Files == nil {
		out.Files = []string{}
	}
	if out.Warnings == nil {
		out.Warnings = []string{}
	}
	return out
}

// PullResult is what a pull from the headless server did.
type PullResult struct {
	Pushed  domain.SyncPushResult `json:"pushed"`
	Fetched int                   `json:"fetched"`
	Applied int                   `json:"applied"`
	Cursor  string                `json:"cursor"`
}

func pullDTO(r sync.PullResult) PullResult { return PullResult(r) }
