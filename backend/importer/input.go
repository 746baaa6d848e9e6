package importer

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"partnerbook/backend/domain"
)

// Limits of what a file may hold. No shop's export comes near them; a file beyond them is
// damaged or not an export, and reading it whole would take the memory of the machine.
const (
	// MaxCell is the longest cell read, in bytes.
	MaxCell = 32 << 10
	// MaxRecord is the longest row read, in bytes (a row with line breaks inside quotes
	// counts whole).
	MaxRecord = 1 << 20
)

// errLongRecord is what input says of a row longer than MaxRecord.
var errLongRecord = errors.New("a row longer than 1 MiB")

// input reads a file's bytes for the CSV reader: line ends written as CR alone (old Mac
// exports) or CR LF read as LF, and a row longer than MaxRecord refused before it is held in
// memory. A row ends at a line break outside quotes; quotes are counted the way RFC 4180
// writes them (a doubled quote inside a quoted cell counts twice and changes nothing).
type input struct {
	r       io.Reader
	afterCR bool // the last byte was a CR, read as LF: an LF right after it is dropped
	quoted  bool
	record  int
}

func (in *input) Read(p []byte) (int, error) {
	n, err := in.r.Read(p)
	out := 0
	for i := 0; i < n; i++ {
		c := p[i]
		if in.afterCR {
			in.afterCR = false
			if c == '\n' {
				continue
			}
		}
		switch c {
		case '\r':
			c, in.afterCR = '\n', true
		case '"':
			in.quoted = !in.quoted
		}
		if c == '\n' && !in.quoted {
			in.record = 0
		} else if in.record++; in.record > MaxRecord {
			return out, errLongRecord
		}
		p[out] = c
		out++
	}
	return out, err
}

// checkCells refuses the cells of a row that are not text: a NUL byte, bytes that are not
// UTF-8, or more than MaxCell bytes. Such a cell is a damaged file or a file saved in another
// encoding, and would otherwise be stored as it is.
func checkCells(file string, row int, header, cells []string) error {
	for i, v := range cells {
		var msg string
		switch {
		case len(v) > MaxCell:
			msg = fmt.Sprintf("the cell holds %d bytes; a cell may hold %d", len(v), MaxCell)
		case strings.IndexByte(v, 0) >= 0:
			msg = "the cell holds a NUL byte: the file is damaged or not a text file"
		case !utf8.ValidString(v):
			msg = "the cell is not UTF-8 text: save the file as UTF-8 (or UTF-16 with its byte order mark)"
		default:
			continue
		}
		col := fmt.Sprintf("column %d", i+1)
		if i < len(header) && header[i] != "" && utf8.ValidString(header[i]) && len(header[i]) < 200 {
			col = header[i]
		}
		return domain.Invalid(file+" was not read: a cell is not text", []domain.Problem{{File: file, Row: row, Column: col, Message: msg}})
	}
	return nil
}
