package app

import (
	"partnerbook/backend/domain"
	"partnerbook/backend/importer"
	"partnerbook/backend/orderimport"
)

// The import wizard's replies, in the window's own types: the backend's packages are free to
// change without the frontend noticing. JSON names are the contract.

// ImportPreview is a file's first rows as they are and as Partnerbook reads them.
type ImportPreview struct {
	File    string   `json:"file"`
	Size    int64    `json:"size"`
	Format  string   `json:"format"`  // the format read (named or recognised); "" when none fits
	Formats []string `json:"formats"` // what may be chosen instead
	// Error says why the file cannot be read as Format; the raw rows are still shown, for a
	// mapping to be made.
	Error  *domain.Error `json:"error"`
	Header []string      `json:"header"`
	Rows   [][]string    `json:"rows"`
	Items  []PreviewItem `json:"items"`
	// Already names the import of a file with the same content, when there was one.
	Already *domain.ImportedBefore `json:"already"`
}

// PreviewItem is one thing the reader made of the file's first rows.
type PreviewItem struct {
	Row      int      `json:"row"`
	Kind     string   `json:"kind"` // order, refund, skip, problem
	ID       string   `json:"id"`
	Time     string   `json:"time"`
	Customer string   `json:"customer"`
	Currency string   `json:"currency"`
	Total    string   `json:"total"`
	Net      string   `json:"net"`
	Codes    []string `json:"discount_codes"`
	Ref      string   `json:"ref_key"`
	Lines    int      `json:"lines"`
	Refunded string   `json:"refunded"`
	Status   string   `json:"status"`
	Message  string   `json:"message"` // why a row is skipped, or its problems
	// Credit says whom an order would credit and why.
	Credit *domain.OrderCredit `json:"credit"`
}

func previewDTO(p orderimport.Preview) ImportPreview {
	out := ImportPreview{File: p.File, Size: p.Size, Format: p.Format, Formats: p.Formats, Error: p.Error,
		Header: p.Header, Rows: p.Rows, Items: make([]PreviewItem, 0, len(p.Items)), Already: p.Already}
	for _, it := range p.Items {
		out.Items = append(out.Items, PreviewItem(it))
	}
	return out
}

// Mapping says which columns of a generic order file hold which field.
type Mapping struct {
	Name       string            `json:"name"`
	Source     string            `json:"source"`      // how the orders are keyed, e.g. "shop-b"; default "generic"
	Columns    map[string]string `json:"columns"`     // field → column
	TimeLayout string            `json:"time_layout"` // Go layout; default: several common ones
	Currency   string            `json:"currency"`    // when the file has no currency column
}

func mappingDTO(m importer.Mapping) Mapping { return Mapping(m) }

func (m Mapping) importer() importer.Mapping { return importer.Mapping(m) }
