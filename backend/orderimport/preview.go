package orderimport

import (
	"io"
	"strings"

	"partnerbook/backend/domain"
	"partnerbook/backend/importer"
)

// Preview is the start of a file as it is and as Partnerbook reads it, before importing.
type Preview struct {
	File    string   `json:"file"`
	Size    int64    `json:"size"`
	Format  string   `json:"format"`  // the format read (named or recognised); "" when none fits
	Formats []string `json:"formats"` // what may be chosen instead
	// Error says why the file cannot be read as Format (an unknown header, a mapping that
	// names missing columns); the raw rows are still shown, for a mapping to be made.
	Error  *domain.Error `json:"error"`
	Header []string      `json:"header"`
	Rows   [][]string    `json:"rows"`
	Items  []Item        `json:"items"`
	// Already names the import of a file with the same content, when there was one.
	Already *domain.ImportedBefore `json:"already"`
}

// Item is one thing the reader made of the file's first rows.
type Item struct {
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
	// Credit says whom an order would credit and why, when the store was asked (Check).
	Credit *domain.OrderCredit `json:"credit"`
}

// previewBytes bounds what a preview reads of a file, in each of its two passes: n rows of
// any real export fit many times over, and a file without line breaks stops here (the table
// refuses a row over importer.MaxRecord before that).
const previewBytes = 16 << 20

// PreviewOf reads the first n rows of the file twice, at most previewBytes each time: as a
// plain table, and through the reader of its format.
func PreviewOf(r Request, n int) (Preview, error) {
	f, opt, err := r.open()
	if err != nil {
		return Preview{}, err
	}
	defer f.f.Close()
	p := Preview{File: r.Name, Size: f.size, Formats: importer.Formats(), Rows: [][]string{}, Items: []Item{}}
	t, err := importer.NewTable(r.Name, &io.LimitedReader{R: f, N: previewBytes})
	if err != nil {
		return p, err
	}
	p.Header = t.Header
	for len(p.Rows) < n {
		ok, err := t.Next()
		if err != nil || !ok {
			break
		}
		p.Rows = append(p.Rows, t.Cells())
	}
	if _, err := f.f.Seek(0, 0); err != nil {
		return p, err
	}
	rd, format, err := importer.OpenOrders(r.Name, &io.LimitedReader{R: f, N: previewBytes}, r.Format, opt)
	if err != nil {
		e := domain.AsError(err)
		if e.Code != domain.EInvalid || importer.IsWrongDownload(err) {
			return p, err
		}
		p.Error = e
		return p, nil
	}
	p.Format = format
	for len(p.Items) < n {
		it, ok, err := rd.Next()
		if err != nil {
			p.Error = domain.AsError(err)
			break
		}
		if !ok {
			break
		}
		p.Items = append(p.Items, item(it))
	}
	return p, nil
}

func item(it domain.OrderItem) Item {
	switch {
	case len(it.Problems) > 0:
		msgs := make([]string, len(it.Problems))
		for i, pr := range it.Problems {
			msgs[i] = pr.String()
		}
		return Item{Row: it.Problems[0].Row, Kind: "problem", Message: strings.Join(msgs, "; ")}
	case it.Skip != nil:
		return Item{Row: it.Skip.Row, Kind: "skip", Message: it.Skip.Reason}
	case it.Refund != nil:
		r := it.Refund
		return Item{Row: r.Row, Kind: "refund", ID: r.OrderID, Time: r.Time.UTC().Format("2006-01-02T15:04:05Z"), Currency: r.Currency,
			Refunded: domain.FormatMinor(r.Amount, r.Currency)}
	}
	o := it.Order
	out := Item{Row: o.Row, Kind: "order", ID: o.ID, Time: o.Time.UTC().Format("2006-01-02T15:04:05Z"), Currency: o.Currency,
		Customer: o.CustomerEmail, Total: domain.FormatMinor(o.Total, o.Currency), Net: domain.FormatMinor(o.Net, o.Currency),
		Codes: o.DiscountCodes, Ref: o.RefKey, Lines: len(o.Lines), Refunded: domain.FormatMinor(o.Refunded, o.Currency), Status: o.Status}
	if out.Customer == "" {
		out.Customer = o.CustomerName
	}
	if out.Codes == nil {
		out.Codes = []string{}
	}
	return out
}
