// Package orderimport is the one way an order file becomes a batch: the command line and the
// window's import wizard both open, recognise, preview and import files through it.
package orderimport

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"partnerbook/backend/domain"
	"partnerbook/backend/importer"
)

// Store is what an import writes to.
type Store interface {
	ImportOrders(ctx context.Context, programID int64, in domain.OrderImport, rd domain.OrderReader) (domain.OrderImportResult, error)
}

// Request is one order file to read into a program.
type Request struct {
	Program domain.Program
	Path    string // the file to read
	Name    string // the file's name in messages and the history; default the base of Path
	Format  string // auto (or ""), a format of importer.Formats, or generic with Mapping
	Mapping *importer.Mapping
	// AsOf is the import day (refund dates of sources that give none); zero: today.
	AsOf        time.Time
	DryRun      bool
	SkipInvalid bool
	// Progress, when set, hears now and then how far the import is.
	Progress func(Progress)
}

// Progress is how far an import has read its file.
type Progress struct {
	Rows  int   `json:"rows"`
	Bytes int64 `json:"bytes"`
	Size  int64 `json:"size"`
}

// file is an open order file that counts and hashes what is read of it.
type file struct {
	f    *os.File
	size int64
	read atomic.Int64
	h    hash.Hash
}

func (f *file) Read(p []byte) (int, error) {
	n, err := f.f.Read(p)
	f.read.Add(int64(n))
	f.h.Write(p[:n])
	return n, err
}

// FileName is the file's name in messages and the history: Name, else the base of Path.
func (r Request) FileName() string {
	if r.Name != "" {
		return r.Name
	}
	return filepath.Base(r.Path)
}

// open opens the file and fills in r's defaults (its name and format) on the caller's copy.
func (r *Request) open() (*file, importer.Options, error) {
	r.Name = r.FileName()
	f, err := os.Open(r.Path)
	if err != nil {
		return nil, importer.Options{}, domain.Errorf(domain.EInvalid, "cannot read %s: %v", r.Name, err)
	}
	fi, err := f.Stat()
	if err != nil || fi.IsDir() {
		f.Close()
		return nil, importer.Options{}, domain.Errorf(domain.EInvalid, "%s is not a file", r.Name)
	}
	zone, err := time.LoadLocation(r.Program.Timezone)
	if err != nil {
		zone = time.UTC
	}
	today := time.Now().In(zone)
	if !r.AsOf.IsZero() {
		today = time.Date(r.AsOf.Year(), r.AsOf.Month(), r.AsOf.Day(), 0, 0, 0, 0, zone)
	}
	format := r.Format
	if format == "" && r.Mapping != nil {
		format = "generic"
	}
	r.Format = format
	return &file{f: f, size: fi.Size(), h: sha256.New()}, importer.Options{Zone: zone, Today: today, Currency: r.Program.Currency,
		Mapping: r.Mapping}, nil
}

// Run imports the file as one batch (all or nothing, unless SkipInvalid), hashing it as it
// reads; ctx cancels it, and a cancelled import changes nothing.
func Run(ctx context.Context, st Store, r Request) (domain.OrderImportResult, error) {
	f, opt, err := r.open()
	if err != nil {
		return domain.OrderImportResult{}, err
	}
	defer f.f.Close()
	rd, format, err := importer.OpenOrders(r.Name, f, r.Format, opt)
	if err != nil {
		return domain.OrderImportResult{}, err
	}
	in := domain.OrderImport{File: r.Name, Format: format, DryRun: r.DryRun, SkipInvalid: r.SkipInvalid,
		Sum: func() string { return hex.EncodeToString(f.h.Sum(nil)) }}
	if r.Progress != nil {
		r.Progress(Progress{Size: f.size})
		in.Progress = func(rows int) { r.Progress(Progress{Rows: rows, Bytes: f.read.Load(), Size: f.size}) }
	}
	res, err := st.ImportOrders(ctx, r.Program.ID, in, rd)
	if err == nil && r.Progress != nil {
		r.Progress(Progress{Rows: res.Rows, Bytes: f.size, Size: f.size})
	}
	return res, err
}
