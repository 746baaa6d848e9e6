package app

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"partnerbook/backend/csvsafe"
	"partnerbook/backend/domain"
)

// Exports saves what a list shows, with the filters it shows it with, as CSV: in the window
// into a file the person picks in a save dialog. A browser has no such dialog: there the page
// downloads the same CSV from `partnerbook ui` (WriteExport).
type Exports struct{ c *Core }

// Orders saves the orders of the Orders screen's query (its page left aside); it returns the
// file's path, "" when the person cancelled.
func (s *Exports) Orders(q domain.OrderQuery) (string, error) { return s.save("orders", q) }

// Commissions saves the lines of the Commissions screen's filter.
func (s *Exports) Commissions(f domain.CommissionFilter) (string, error) {
	return s.save("commissions", f)
}

// Customers saves the customers of the Customers screen's filter.
func (s *Exports) Customers(f domain.CustomerFilter) (string, error) { return s.save("customers", f) }

// Partners saves the partners of the Partners screen's query.
func (s *Exports) Partners(q ListQuery) (string, error) { return s.save("partners", q) }

// Leads saves the leads of the Leads screen's query.
func (s *Exports) Leads(q ListQuery) (string, error) { return s.save("leads", q) }

// Payouts saves a program's payouts (of one partner or run, when the filter says so).
func (s *Exports) Payouts(f domain.PayoutFilter) (string, error) { return s.save("payouts", f) }

// ExportLists are the lists that export, as WriteExport and the ui server name them.
var ExportLists = []string{"orders", "commissions", "customers", "partners", "leads", "payouts"}

func (s *Exports) save(list string, filter any) (string, error) {
	b, _ := json.Marshal(filter)
	exp, err := s.c.export(list, b)
	if err != nil {
		return "", err
	}
	if s.c.dialogs == nil {
		return "", domain.Errorf(domain.EInvalid, "in a browser the export is a download, not a file to save")
	}
	path, err := s.c.dialogs.SaveFile(fmt.Sprintf("Export %s as CSV", list), exp.name)
	if err != nil || path == "" {
		return "", err
	}
	return path, csvsafe.WriteFile(path, exp.write)
}

// WriteExport writes a list's CSV for filter (the JSON of the filter the list's method of
// Exports takes) to the writer open returns, once the filter's program is found; open gets
// the file name to offer. The ui server streams it as a download.
func WriteExport(e *Exports, list string, filter []byte, open func(name string) io.Writer) error {
	exp, err := e.c.export(list, filter)
	if err != nil {
		return err
	}
	return exp.write(open(exp.name))
}

// anExport is a list's CSV ready to be written: its file name and what writes it.
type anExport struct {
	name  string
	write func(w io.Writer) error
}

// export reads a list's filter and finds its program, so that a file name can be offered
// before anything is written.
func (c *Core) export(list string, filter []byte) (anExport, error) {
	var head struct {
		ProgramID int64 `json:"program_id"`
	}
	if err := json.Unmarshal(filter, &head); err != nil {
		return anExport{}, domain.Errorf(domain.EInvalid, "the filter of the %s export is not JSON: %v", list, err)
	}
	prog, err := c.store.FindProgram(c.ctx, fmt.Sprint(head.ProgramID))
	if err != nil {
		return anExport{}, err
	}
	write, err := c.exportWriter(c.ctx, list, filter)
	if err != nil {
		return anExport{}, err
	}
	name := fmt.Sprintf("%s-%s-%s.csv", slug(prog.Name), list, c.store.AsOfDay(prog, ""))
	return anExport{name: name, write: write}, nil
}

// exportWriter decodes filter as the list's filter and returns what writes its CSV.
func (c *Core) exportWriter(ctx context.Context, list string, filter []byte) (func(io.Writer) error, error) {
	st := c.store
	decode := func(v any) error {
		if err := json.Unmarshal(filter, v); err != nil {
			return domain.Errorf(domain.EInvalid, "the filter of the %s export: %v", list, err)
		}
		return nil
	}
	switch list {
	case "orders":
		var q domain.OrderQuery
		return func(w io.Writer) error { return st.ExportOrders(ctx, q, w) }, decode(&q)
	case "commissions":
		var f domain.CommissionFilter
		return func(w io.Writer) error { return st.ExportCommissions(ctx, f, w) }, decode(&f)
	case "customers":
		var f domain.CustomerFilter
		return func(w io.Writer) error { return st.ExportCustomers(ctx, f, w) }, decode(&f)
	case "partners":
		var q ListQuery
		return func(w io.Writer) error {
			return st.ExportPartners(ctx, domain.PartnerFilter{ProgramID: q.ProgramID, Search: q.Search, Status: q.Status,
				Page: domain.Page{Sort: q.Sort, Desc: q.Desc}}, w)
		}, decode(&q)
	case "leads":
		var q ListQuery
		return func(w io.Writer) error {
			return st.ExportLeads(ctx, domain.LeadFilter{ProgramID: q.ProgramID, Partner: q.Partner, Status: q.Status,
				Search: q.Search, Page: domain.Page{Sort: q.Sort, Desc: q.Desc}}, w)
		}, decode(&q)
	case "payouts":
		var f domain.PayoutFilter
		return func(w io.Writer) error { return st.ExportPayouts(ctx, f, w) }, decode(&f)
	}
	return nil, domain.Errorf(domain.ENotFound, "there is no %q list to export (lists: %s)", list, strings.Join(ExportLists, ", "))
}

// slug is a program's name as a file name's part: lower-case letters and digits joined by
// dashes ("Atelier Nord & Co." → "atelier-nord-co"); "program" when nothing is left.
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 && r != '\u00a0' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "program"
	}
	return b.String()
}
