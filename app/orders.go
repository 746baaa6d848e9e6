package app

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"

	"partnerbook/backend/domain"
	"partnerbook/backend/importer"
	"partnerbook/backend/orderimport"
)

// Orders is the Orders screen: the list and the import history.
type Orders struct{ c *Core }

// List returns one page of orders.
func (s *Orders) List(q domain.OrderQuery) (domain.OrderPage, error) {
	return s.c.store.ListOrders(s.c.ctx, q)
}

// Sources lists the sources the program has orders from.
func (s *Orders) Sources(programID int64) ([]string, error) {
	out, err := s.c.store.OrderSources(s.c.ctx, programID)
	if out == nil {
		out = []string{}
	}
	return out, err
}

// Imports is the import history, newest first.
func (s *Orders) Imports(programID int64) ([]domain.ImportBatch, error) {
	return s.c.store.ListBatches(s.c.ctx, programID)
}

// Undo puts back what an order import changed.
func (s *Orders) Undo(batchID int64) (domain.UndoResult, error) {
	return s.c.store.UndoImport(s.c.ctx, batchID)
}

// ImportRequest is what the import wizard asks for.
type ImportRequest struct {
	ProgramID   int64    `json:"program_id"`
	Path        string   `json:"path"`
	Format      string   `json:"format"`
	Mapping     *Mapping `json:"mapping"` // for generic files
	DryRun      bool     `json:"dry_run"`
	SkipInvalid bool     `json:"skip_invalid"`
}

// Importer is the import wizard.
type Importer struct {
	c      *Core
	mu     sync.Mutex
	cancel context.CancelFunc
}

// PickFile asks for an order file with the system's dialog; "" when the person cancelled.
// In a browser there is no such dialog: the page uploads the file instead.
func (s *Importer) PickFile() (string, error) {
	if s.c.dialogs == nil {
		return "", domain.Errorf(domain.EInvalid, "there is no file dialog in the browser; choose the file on the page")
	}
	return s.c.dialogs.OpenFile("Import orders", "*.csv;*.txt", "*")
}

func (s *Importer) request(in ImportRequest) (orderimport.Request, error) {
	prog, err := s.c.store.FindProgram(s.c.ctx, fmt.Sprint(in.ProgramID))
	if err != nil {
		return orderimport.Request{}, err
	}
	var mapping *importer.Mapping
	if in.Mapping != nil { // checked as a saved one would be
		if mapping, _, err = checkMapping(*in.Mapping); err != nil {
			return orderimport.Request{}, err
		}
		in.Format = "generic"
	}
	return orderimport.Request{Program: prog, Path: in.Path, Format: in.Format, Mapping: mapping, DryRun: in.DryRun,
		SkipInvalid: in.SkipInvalid}, nil
}

// Preview shows the file's first rows as they are and as Partnerbook reads them, whom each
// order would credit and why, and whether the same file was imported before.
func (s *Importer) Preview(in ImportRequest) (ImportPreview, error) {
	r, err := s.request(in)
	if err != nil {
		return ImportPreview{}, err
	}
	p, err := orderimport.PreviewOf(r, 20)
	if err == nil {
		err = orderimport.Check(s.c.ctx, s.c.store, r, &p)
	}
	return previewDTO(p), err
}

// Start imports the file, sending ProgressEvent as it goes; it returns when the import is
// done, refused or cancelled. One import at a time.
func (s *Importer) Start(in ImportRequest) (domain.OrderImportResult, error) {
	r, err := s.request(in)
	if err != nil {
		return domain.OrderImportResult{}, err
	}
	ctx, cancel := context.WithCancel(s.c.ctx)
	defer cancel()
	s.mu.Lock()
	if s.cancel != nil {
		s.mu.Unlock()
		return domain.OrderImportResult{}, domain.Errorf(domain.EConflict, "an import is already running; wait for it or cancel it")
	}
	s.cancel = cancel
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.cancel = nil
		s.mu.Unlock()
	}()
	r.Progress = func(p orderimport.Progress) {
		importProgress.emit(s.c, ImportProgress(p))
	}
	return orderimport.Run(ctx, s.c.store, r)
}

// Cancel stops the running import, which then changes nothing.
func (s *Importer) Cancel() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancel != nil {
		s.cancel()
	}
}

// MappingFields are the fields a generic mapping fills (order_id, time and amount required).
func (s *Importer) MappingFields() []string { return importer.MappingFields }

// Mappings are the saved mappings.
func (s *Importer) Mappings() ([]Mapping, error) {
	saved, err := s.c.store.Mappings(s.c.ctx)
	if err != nil {
		return nil, err
	}
	out := []Mapping{}
	for _, m := range saved {
		parsed, err := importer.ParseMapping(m.Name, []byte(m.Mapping))
		if err != nil {
			continue // a mapping saved by an older version that no longer reads: not offered
		}
		parsed.Name = m.Name
		out = append(out, mappingDTO(*parsed))
	}
	return out, nil
}

// SaveMapping checks a mapping and keeps it under its name for next time.
func (s *Importer) SaveMapping(m Mapping) error {
	_, b, err := checkMapping(m)
	if err != nil {
		return err
	}
	return s.c.store.SaveMapping(s.c.ctx, m.Name, string(b))
}

// checkMapping checks a mapping the window sends as the importer checks a mapping file, and
// returns it parsed and as the JSON that is saved.
func checkMapping(m Mapping) (*importer.Mapping, []byte, error) {
	b, err := json.Marshal(m.importer())
	if err != nil {
		return nil, nil, err
	}
	parsed, err := importer.ParseMapping("mapping", b)
	return parsed, b, err
}
