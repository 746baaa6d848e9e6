package sqlite

import "partnerbook/backend/commission"

// lineRow is a stored commission line, as the planner of package commission reads it.
type lineRow = commission.Stored

// insertArgs are the values of a new line (insertCols of them).
func insertArgs(r lineRow) []any {
	return []any{r.Partner, nullable(r.Order), nullable(r.Lead), r.Kind, r.Reason, r.Rule, r.SKU,
		r.Status, r.Base, r.Amount, r.Currency, r.TimeAt, r.Note, r.Key, nullableText(r.Due)}
}

// updateArgs are the values of merger.update for a changed line.
func updateArgs(id int64, r lineRow, now string) []any {
	return []any{r.Partner, nullable(r.Order), nullable(r.Lead), r.Kind, r.Reason, r.Rule, r.SKU, r.Status, r.Base, r.Amount,
		r.Currency, r.TimeAt, r.Note, nullableText(r.Due), now, id}
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
