package importer

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"partnerbook/backend/domain"
)

// OrderReader streams the orders of one file (domain.OrderReader).
type OrderReader = domain.OrderReader

// Options are what readers need beyond the file.
type Options struct {
	// Zone is the program's time zone, for files whose times carry no offset.
	Zone *time.Location
	// Today is the import day: the refund time of formats that give none (Shopify).
	Today time.Time
	// Mapping is the saved column mapping of a generic file.
	Mapping *Mapping
	// Currency is the program's currency, for files that name none (WooCommerce Analytics).
	Currency string
}

// format is one export layout Partnerbook reads.
type format struct {
	name string
	// detect says whether a header is this format's.
	detect func(t *Table) bool
	open   func(t *Table, opt Options) (OrderReader, error)
}

var formats []format

// Formats lists the names --format accepts.
func Formats() []string {
	out := []string{"auto"}
	for _, f := range formats {
		out = append(out, f.name)
	}
	return append(out, "generic")
}

// OpenOrders reads the header of an order file and returns the reader of its format: named,
// or recognised by the header with "auto" (or ""). An unknown header is refused with the
// header shown.
func OpenOrders(file string, r io.Reader, name string, opt Options) (OrderReader, string, error) {
	if opt.Zone == nil {
		opt.Zone = time.UTC
	}
	t, err := NewTable(file, r)
	if err != nil {
		return nil, "", err
	}
	if name == "generic" {
		rd, err := openGeneric(t, opt)
		return rd, name, err
	}
	for _, f := range formats {
		if name == f.name || ((name == "" || name == "auto") && f.detect(t)) {
			if name == f.name && !f.detect(t) {
				return nil, "", domain.Invalid(file+" is not a "+name+" export", []domain.Problem{{File: file, Row: 1,
					Message: fmt.Sprintf("the header is not %s's: %s", name, shortHeader(t.Header))}})
			}
			rd, err := f.open(t, opt)
			return rd, f.name, err
		}
	}
	if name != "" && name != "auto" {
		return nil, "", domain.Errorf(domain.EInvalid, "there is no format %q; the formats are %s", name, strings.Join(Formats(), ", "))
	}
	return nil, "", domain.Invalid(file+" is in a format Partnerbook does not recognise", []domain.Problem{{File: file, Row: 1,
		Message: "the header is: " + shortHeader(t.Header) + " (import it as generic with a column mapping)"}})
}

func shortHeader(h []string) string {
	s := strings.Join(h, ",")
	if len(s) > 400 {
		s = s[:400] + "…"
	}
	return s
}

// hasAll says whether the table has every column.
func hasAll(t *Table, cols ...string) bool {
	for _, c := range cols {
		if !t.Has(c) {
			return false
		}
	}
	return true
}

func register(f format) {
	formats = append(formats, f)
	sort.SliceStable(formats, func(i, j int) bool { return formats[i].name < formats[j].name })
}
