package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
)

// jsonRows reads what SQLite's json_group_array(json_array(...)) makes of many rows: one
// string for all of them, read here by hand. A million orders cross from SQLite as a few
// hundred strings instead of sixteen million values, each copied and boxed on its own (reading
// a million orders into the engine's values took 3.3 s row by row, 1.9 s as JSON). Values are integers and strings; a string is a piece of the whole text unless it
// has an escape.
type jsonRows struct {
	s    string
	i    int
	done bool
	err  error
}

// queryJSONRows reads the columns cols of the rows that rest selects (FROM ... WHERE ...) as
// one JSON array: read them with next, the values of a row in cols' order, then end.
func queryJSONRows(ctx context.Context, q querier, cols, rest string, args ...any) (jsonRows, error) {
	var r jsonRows
	err := q.QueryRowContext(ctx, `SELECT json_group_array(json_array(`+cols+`)) `+rest, args...).Scan(&r.s)
	return r, err
}

// next moves to the next row; false at the end or on an error (see err).
func (r *jsonRows) next() bool {
	if r.err != nil || r.done {
		return false
	}
	switch {
	case r.i == 0 && r.s == "[]":
		r.done = true
		return false
	case r.i == 0 && len(r.s) > 0 && r.s[0] == '[':
		r.i = 1
	case r.i == 0 || r.i >= len(r.s):
		return r.fail("an array of rows")
	case r.s[r.i] == ',':
		r.i++
	case r.s[r.i] == ']' && r.i == len(r.s)-1:
		r.done = true
		return false
	default:
		return r.fail("the next row or the end")
	}
	if r.i >= len(r.s) || r.s[r.i] != '[' {
		return r.fail("a row")
	}
	r.i++
	return true
}

// end closes the row after its last value.
func (r *jsonRows) end() {
	if r.err == nil && (r.i >= len(r.s) || r.s[r.i] != ']') {
		r.fail("the end of a row")
		return
	}
	r.i++
}

// value moves past the separator before a value.
func (r *jsonRows) value() bool {
	if r.err != nil {
		return false
	}
	if r.i < len(r.s) && r.s[r.i] == ',' && r.i > 0 && r.s[r.i-1] != '[' {
		r.i++
	}
	if r.i >= len(r.s) {
		return r.fail("a value")
	}
	return true
}

func (r *jsonRows) int() int64 {
	if !r.value() {
		return 0
	}
	j := r.i
	for j < len(r.s) && (r.s[j] == '-' || r.s[j] >= '0' && r.s[j] <= '9') {
		j++
	}
	v, err := strconv.ParseInt(r.s[r.i:j], 10, 64)
	if err != nil {
		r.fail("an integer")
		return 0
	}
	r.i = j
	return v
}

func (r *jsonRows) str() string {
	if !r.value() {
		return ""
	}
	if r.s[r.i] != '"' {
		r.fail("a string")
		return ""
	}
	escaped := false
	for j := r.i + 1; j < len(r.s); j++ {
		switch r.s[j] {
		case '\\':
			escaped = true
			j++
		case '"':
			if escaped {
				return r.unescape(j)
			}
			out := r.s[r.i+1 : j]
			r.i = j + 1
			return out
		}
	}
	r.fail("a string")
	return ""
}

// unescape reads the string from r.i to its closing quote at end, which has an escape.
func (r *jsonRows) unescape(end int) string {
	var out string
	if err := json.Unmarshal([]byte(r.s[r.i:end+1]), &out); err != nil {
		r.fail("a string")
		return ""
	}
	r.i = end + 1
	return out
}

func (r *jsonRows) fail(what string) bool {
	if r.err == nil {
		r.err = fmt.Errorf("sqlite: rows as JSON: want %s at %d of %d", what, r.i, len(r.s))
	}
	return false
}
