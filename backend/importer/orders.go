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
	// title names the export for people ("Shopify's orders export").
	title string
	// columns are the columns its export always has: a header with most of them and not all
	// is this export with columns removed, and is refused naming the missing ones.
	columns []string
	// detect says whether a header is this format's; nil: it has all the columns.
	detect func(t *Table) bool
	open   func(t *Table, opt Options) (OrderReader, error)
}

func (f format) is(t *Table) bool {
	if f.detect != nil {
		return f.detect(t)
	}
	return hasAll(t, f.columns...)
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
	auto := name == "" || name == "auto"
	if auto || name == "paypal" {
		if err := paypalShort(t); err != nil {
			return nil, "", err
		}
	}
	for _, f := range formats {
		if name == f.name || (auto && f.is(t)) {
			if name == f.name && !f.is(t) {
				return nil, "", lacking(t, f)
			}
			rd, err := f.open(t, opt)
			return rd, f.name, err
		}
	}
	if !auto {
		return nil, "", domain.Errorf(domain.EInvalid, "there is no format %q; the formats are %s", name, strings.Join(Formats(), ", "))
	}
	if f, ok := nearest(t); ok {
		return nil, "", lacking(t, f)
	}
	return nil, "", domain.Invalid(file+" is in a format Partnerbook does not recognise", []domain.Problem{{File: file, Row: 1,
		Message: "the header is: " + shortHeader(t.Header) + " (import it with a column mapping of its columns: in the window the wizard asks for one; on the command line, --mapping)"}})
}

// nearest is the format whose columns the header mostly has (more than half, and two at
// least): an export of it whose owner removed columns.
func nearest(t *Table) (format, bool) {
	var best format
	bestShare := 0.0
	for _, f := range formats {
		n := 0
		for _, c := range f.columns {
			if t.Has(c) {
				n++
			}
		}
		if share := float64(n) / float64(len(f.columns)); n >= 2 && 2*n > len(f.columns) && share > bestShare {
			best, bestShare = f, share
		}
	}
	return best, bestShare > 0
}

// lacking refuses a header that is f's export without some of its columns, naming them.
func lacking(t *Table, f format) error {
	var missing []string
	for _, c := range f.columns {
		if !t.Has(c) {
			missing = append(missing, fmt.Sprintf("%q", c))
		}
	}
	msg := fmt.Sprintf("the header is not %s", f.title)
	if len(missing) > 0 {
		msg = fmt.Sprintf("this looks like %s without the column(s) %s; export it again with all its columns", f.title, strings.Join(missing, ", "))
	}
	return domain.Invalid(t.File+" is not a whole "+f.name+" export", []domain.Problem{{File: t.File, Row: 1, Message: msg}})
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
