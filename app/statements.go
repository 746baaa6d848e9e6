package app

import (
	"encoding/base64"
	"fmt"
	"path/filepath"

	"partnerbook/backend/payoutdocs"
)

// StatementFile is a statement written to disk, and whether the system's viewer was asked to
// open it (in the window; a browser gets the path only).
type StatementFile struct {
	Path   string `json:"path"`
	Opened bool   `json:"opened"`
}

// statementsDir is where statements opened from the window are kept.
func (c *Core) statementsDir() string { return filepath.Join(c.dataDir, "statements") }

// OpenStatement writes a payout's statement to the data folder and opens it in the system's
// viewer.
func (s *Payouts) OpenStatement(programID int64, number string) (StatementFile, error) {
	res, err := payoutdocs.Statements(s.c.ctx, s.c.store, programID, []string{number}, s.c.statementsDir())
	if err != nil {
		return StatementFile{}, err
	}
	out := StatementFile{Path: filepath.Join(res.Dir, res.Files[0])}
	if s.c.dialogs != nil {
		if err := s.c.dialogs.OpenPath(out.Path); err != nil {
			return out, err
		}
		out.Opened = true
	}
	return out, nil
}

// StatementPDF is a payout's statement as filed, base64-encoded: the window shows it in its own
// viewer, in the desktop window and in a browser alike (nothing to install to see a page).
func (s *Payouts) StatementPDF(programID int64, number string) (string, error) {
	pdf, err := s.c.store.StatementPDF(s.c.ctx, programID, number)
	if err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(pdf), nil
}

// SaveRun writes all of a run's files (statements, summary, bookkeeping CSV, payment files)
// into a folder the person chooses; in a browser, into the data folder. An empty result
// means the person cancelled.
func (s *Payouts) SaveRun(programID, runID int64) (SavedFiles, error) {
	prog, err := s.c.store.FindProgram(s.c.ctx, fmt.Sprint(programID))
	if err != nil {
		return SavedFiles{}, err
	}
	dir := filepath.Join(s.c.statementsDir(), fmt.Sprintf("run-%d", runID))
	if s.c.dialogs != nil {
		chosen, err := s.c.dialogs.ChooseFolder("Save the run's statements and files")
		if err != nil || chosen == "" {
			return savedFilesDTO(payoutdocs.Result{}), err
		}
		dir = chosen
	}
	r, err := payoutdocs.Run(s.c.ctx, s.c.store, programID, runID, prog.Currency, dir)
	return savedFilesDTO(r), err
}
