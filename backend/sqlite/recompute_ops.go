package sqlite

import (
	"fmt"
	"strings"

	"partnerbook/backend/commission"
)

// lineRow is a stored commission line, as the planner of package commission reads it.
type lineRow = commission.Stored

// insertArgs are the values of a new line (insertCols of them).
func insertArgs(r lineRow) []any {
	return []any{r.Partner, nullable(r.Order), nullable(r.Lead), r.Kind, r.Reason, r.Rule, r.SKU,
		r.Status, r.Base, r.Amount, r.Currency, r.TimeAt, r.Note, r.Key, nullableText(r.Due)}
}

// nullable is an id, or NULL for 0.
func nullable(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// nullableText is a text, or NULL for "".
func nullableText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// lineFields are the columns of a line that a recompute may change, with each one's value.
var lineFields = [...]struct {
	col   string
	value func(r *lineRow) any
}{
	{"partner_id", func(r *lineRow) any { return r.Partner }},
	{"order_id", func(r *lineRow) any { return nullable(r.Order) }},
	{"lead_id", func(r *lineRow) any { return nullable(r.Lead) }},
	{"kind", func(r *lineRow) any { return r.Kind }},
	{"reason", func(r *lineRow) any { return r.Reason }},
	{"rule", func(r *lineRow) any { return r.Rule }},
	{"sku", func(r *lineRow) any { return r.SKU }},
	{"status", func(r *lineRow) any { return r.Status }},
	{"base", func(r *lineRow) any { return r.Base }},
	{"amount", func(r *lineRow) any { return r.Amount }},
	{"currency", func(r *lineRow) any { return r.Currency }},
	{"order_time", func(r *lineRow) any { return r.TimeAt }},
	{"note", func(r *lineRow) any { return r.Note }},
	{"due", func(r *lineRow) any { return nullableText(r.Due) }},
}

// changedFields says which of lineFields differ between a stored line and what it becomes, a
// bit each: an UPDATE that sets only those leaves alone the indexes of the columns it does not
// name (a plan change sets the amount and the rule of every sale line; setting all fourteen
// columns rewrote the entries of four indexes a line).
func changedFields(old, now *lineRow) (mask uint16) {
	diff := [len(lineFields)]bool{old.Partner != now.Partner, old.Order != now.Order, old.Lead != now.Lead,
		old.Kind != now.Kind, old.Reason != now.Reason, old.Rule != now.Rule, old.SKU != now.SKU, old.Status != now.Status,
		old.Base != now.Base, old.Amount != now.Amount, old.Currency != now.Currency, old.TimeAt != now.TimeAt,
		old.Note != now.Note, old.Due != now.Due}
	for i, d := range diff {
		if d {
			mask |= 1 << i
		}
	}
	return mask
}

// updateSQL sets the fields of mask, and the time of the change, of the line whose id is the
// last value.
func updateSQL(mask uint16) string {
	q := "UPDATE commission_lines SET "
	for i, f := range lineFields {
		if mask&(1<<i) != 0 {
			q += f.col + " = ?, "
		}
	}
	return q + "updated_at = ? WHERE id = ?"
}

// updateBatchSQL sets the fields of mask, and the time of the change, of batchRows lines at
// once: each line's row of values is updateValues(mask, …), its id last.
func updateBatchSQL(mask uint16) string {
	q, n := "UPDATE commission_lines SET ", 0
	for i, f := range lineFields {
		if mask&(1<<i) != 0 {
			n++
			q += fmt.Sprintf("%s = v.column%d, ", f.col, n)
		}
	}
	q += fmt.Sprintf("updated_at = v.column%d FROM (VALUES ", n+1)
	return rowsOf(q, "("+strings.Repeat("?, ", n+1)+"?)", fmt.Sprintf(") AS v WHERE commission_lines.id = v.column%d", n+2), batchRows)
}

// updateValues are the values of updateSQL(mask).
func updateValues(mask uint16, r *lineRow, id int64, now string) []any {
	out := make([]any, 0, len(lineFields)+2)
	for i, f := range lineFields {
		if mask&(1<<i) != 0 {
			out = append(out, f.value(r))
		}
	}
	return append(out, now, id)
}
