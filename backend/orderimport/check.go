package orderimport

import (
	"context"
	"encoding/hex"
	"io"

	"partnerbook/backend/domain"
	"partnerbook/backend/importer"
)

// Checker is what a preview asks of the store: the imports before, and a dry run.
type Checker interface {
	Store
	ImportedBefore(ctx context.Context, programID int64, hash string) (*domain.ImportedBefore, error)
}

// Check adds to a preview what the store knows of the file: whether a file with the same
// content was imported before, and whom each of the first orders credits and why (the first
// rows run through a dry run, which writes nothing).
func Check(ctx context.Context, st Checker, r Request, p *Preview) error {
	sum, err := hashOf(&r)
	if err != nil {
		return err
	}
	if p.Already, err = st.ImportedBefore(ctx, r.Program.ID, sum); err != nil {
		return err
	}
	if p.Format == "" || p.Error != nil || len(p.Items) == 0 {
		return nil
	}
	f, opt, err := r.open()
	if err != nil {
		return err
	}
	defer f.f.Close()
	rd, format, err := importer.OpenOrders(r.Name, &io.LimitedReader{R: f, N: previewBytes}, p.Format, opt)
	if err != nil {
		return nil // the preview says why already
	}
	res, err := st.ImportOrders(ctx, r.Program.ID, domain.OrderImport{File: r.Name, Format: format, DryRun: true, SkipInvalid: true,
		Credits: len(p.Items)}, &firstItems{rd: rd, left: len(p.Items)})
	if err != nil {
		return err
	}
	byRow := map[int]domain.OrderCredit{}
	for _, c := range res.Credits {
		byRow[c.Row] = c
	}
	for i := range p.Items {
		if c, ok := byRow[p.Items[i].Row]; ok && p.Items[i].Kind == "order" {
			p.Items[i].Credit = &c
		}
	}
	return nil
}

// hashOf is the SHA-256 of the whole file, as an import records it.
func hashOf(r *Request) (string, error) {
	f, _, err := r.open()
	if err != nil {
		return "", err
	}
	defer f.f.Close()
	if _, err := io.Copy(io.Discard, f); err != nil {
		return "", domain.Errorf(domain.EInvalid, "cannot read %s: %v", r.Name, err)
	}
	return hex.EncodeToString(f.h.Sum(nil)), nil
}

// firstItems reads the first items of a file: the ones a preview shows.
type firstItems struct {
	rd   domain.OrderReader
	left int
}

func (f *firstItems) Next() (domain.OrderItem, bool, error) {
	if f.left <= 0 {
		return domain.OrderItem{}, false, nil
	}
	f.left--
	return f.rd.Next()
}

func (f *firstItems) Rows() int { return f.rd.Rows() }
