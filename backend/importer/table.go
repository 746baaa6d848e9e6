// Package importer reads the files shops and people hand to Partnerbook (partners, leads and,
// in time, orders) into domain values, naming the file, row and column of every problem.
// It reads; it does not store.
package importer

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"partnerbook/backend/domain"
)

// Table reads a CSV file with a header row, streaming: one record at a time.
type Table struct {
	File   string
	Header []string
	index  map[string]int
	exact  map[string]int // Get's columns as the reader names them: index, -1 when absent
	r      *csv.Reader
	rec    []string
	line   int
}

// NewTable reads the header of a CSV file (RFC 4180, a UTF-8 BOM stripped, UTF-16 read when
// its byte order mark says so, line ends CR LF, LF or CR alone, the delimiter guessed among
// , ; and tab from the header line).
func NewTable(file string, r io.Reader) (*Table, error) {
	raw := bufio.NewReaderSize(r, 64*1024)
	var src io.Reader = raw
	b, _ := raw.Peek(3)
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		raw.Discard(3)
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		src = transform.NewReader(raw, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		src = transform.NewReader(raw, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder())
	}
	br := bufio.NewReaderSize(&input{r: src}, 64*1024)
	first, _ := br.Peek(4096)
	cr := csv.NewReader(br)
	cr.Comma = guessDelimiter(first)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	t := &Table{File: file, r: cr, index: map[string]int{}, exact: map[string]int{}}
	head, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, domain.Invalid(file+" is empty", []domain.Problem{{File: file, Row: 1, Message: "the file has no header row"}})
	}
	if err != nil {
		return nil, t.csvError(err)
	}
	t.line = 1
	if err := checkCells(file, 1, nil, head); err != nil {
		return nil, err
	}
	for i, h := range head {
		h = strings.TrimSpace(h)
		t.Header = append(t.Header, h)
		if _, dup := t.index[strings.ToLower(h)]; !dup {
			t.index[strings.ToLower(h)] = i
		}
	}
	return t, nil
}

func guessDelimiter(b []byte) rune {
	line, _, _ := bytes.Cut(b, []byte("\n"))
	best, n := ',', bytes.Count(line, []byte(","))
	for _, d := range []rune{';', '\t'} {
		if c := bytes.Count(line, []byte(string(d))); c > n {
			best, n = d, c
		}
	}
	return best
}

// Has says whether the header has a column (case-insensitive).
func (t *Table) Has(col string) bool {
	_, ok := t.index[strings.ToLower(col)]
	return ok
}

// Require returns a problem for each required column the header lacks.
func (t *Table) Require(cols ...string) error {
	var ps []domain.Problem
	has := ""
	if len(t.Header) <= 10 { // a short header is worth showing; a shop's export is not
		has = fmt.Sprintf(" (it has: %s)", strings.Join(t.Header, ", "))
	}
	for _, c := range cols {
		if !t.Has(c) {
			ps = append(ps, domain.Problem{File: t.File, Row: 1, Column: c,
				Message: fmt.Sprintf("the header has no column %q%s", c, has)})
		}
	}
	if len(ps) > 0 {
		return domain.Invalid(t.File+" does not have the columns it needs", ps)
	}
	return nil
}

// Next reads the next record; it returns false at the end. Blank lines are skipped.
func (t *Table) Next() (bool, error) {
	for {
		rec, err := t.r.Read()
		if errors.Is(err, io.EOF) {
			return false, nil
		}
		if err != nil {
			return false, t.csvError(err)
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		t.rec = rec
		t.line++
		return true, checkCells(t.File, t.line, t.Header, rec)
	}
}

// Row is the current record's row as a spreadsheet numbers it: the header is row 1, and a
// cell with line breaks does not make its record more than one row.
func (t *Table) Row() int { return t.line }

// Get returns the trimmed cell of a column in the current record, "" when absent.
func (t *Table) Get(col string) string {
	i := t.column(col)
	if i < 0 || i >= len(t.rec) {
		return ""
	}
	return strings.TrimSpace(t.rec[i])
}

// column is the index of a column (case-insensitive), -1 when the header lacks it. A reader
// asks for the same few names on every row: each is lower-cased once.
func (t *Table) column(col string) int {
	if i, ok := t.exact[col]; ok {
		return i
	}
	i, ok := t.index[strings.ToLower(col)]
	if !ok {
		i = -1
	}
	if t.exact == nil {
		t.exact = map[string]int{}
	}
	t.exact[col] = i
	return i
}

// Opt returns a pointer to the cell when the header has the column, nil otherwise.
func (t *Table) Opt(col string) *string {
	if !t.Has(col) {
		return nil
	}
	v := t.Get(col)
	return &v
}

func (t *Table) csvError(err error) error {
	if errors.Is(err, errLongRecord) {
		return domain.Invalid(t.File+" is not a readable CSV file", []domain.Problem{{File: t.File, Row: t.line + 1,
			Message: fmt.Sprintf("the row is longer than %d bytes: the file has no line breaks where an export has them", MaxRecord)}})
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return domain.Invalid(t.File+" is not a readable CSV file", []domain.Problem{{File: t.File, Row: t.line + 1,
			Message: fmt.Sprintf("text line %d, character %d: %v", pe.Line, pe.Column, pe.Err)}})
	}
	return fmt.Errorf("importer: read %s: %w", t.File, err)
}

// Cells returns a copy of the current record's cells, trimmed, one per header column.
func (t *Table) Cells() []string {
	out := make([]string, len(t.Header))
	for i := range out {
		if i < len(t.rec) {
			out[i] = strings.TrimSpace(t.rec[i])
		}
	}
	return out
}
