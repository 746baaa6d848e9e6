package sqlite

import (
	"encoding/json"
	"strconv"
)

// batch collects rows as one JSON array, for a single statement that reads them with
// json_each: a chunk's thousands of writes cost one call into SQLite instead of one each
// (measured on a million orders: 2.2 s instead of 3.8 s for the attributions, 0.7 s instead of
// 1.8 s for the links).
type batch struct {
	buf  []byte
	rows int
}

func (b *batch) row() *batch {
	if b.rows == 0 {
		b.buf = append(b.buf[:0], '[')
	} else {
		b.buf = append(b.buf, ',')
	}
	b.rows++
	b.buf = append(b.buf, '[')
	return b
}

func (b *batch) sep() {
	if c := b.buf[len(b.buf)-1]; c != '[' {
		b.buf = append(b.buf, ',')
	}
}

func (b *batch) int(v int64) *batch {
	b.sep()
	b.buf = strconv.AppendInt(b.buf, v, 10)
	return b
}

// id is an id, or null for 0.
func (b *batch) id(v int64) *batch {
	if v == 0 {
		b.sep()
		b.buf = append(b.buf, "null"...)
		return b
	}
	return b.int(v)
}

func (b *batch) str(s string) *batch {
	b.sep()
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c >= 0x80 {
			q, _ := json.Marshal(s)
			b.buf = append(b.buf, q...)
			return b
		}
	}
	b.buf = append(b.buf, '"')
	b.buf = append(b.buf, s...)
	b.buf = append(b.buf, '"')
	return b
}

// text is a string, or null for "".
func (b *batch) text(s string) *batch {
	if s == "" {
		b.sep()
		b.buf = append(b.buf, "null"...)
		return b
	}
	return b.str(s)
}

// done closes a row.
func (b *batch) done() { b.buf = append(b.buf, ']') }

// json is the batch's rows as one JSON array, "" when it has none; the batch starts over.
func (b *batch) json() string {
	if b.rows == 0 {
		return ""
	}
	b.rows = 0
	return string(append(b.buf, ']'))
}
