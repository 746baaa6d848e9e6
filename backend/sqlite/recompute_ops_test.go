package sqlite

import (
	"fmt"
	"strings"
	"testing"
)

// A changed line's UPDATE names only the fields that changed, so the indexes of the others
// stay as they are; NULL stays NULL for an id or a due day that is not there.
func TestUpdateSetsOnlyWhatChanged(t *testing.T) {
	old := lineRow{ID: 7, Partner: 3, Order: 11, Kind: "sale", Rule: "sale 20%", Status: "pending", Base: 1000, Amount: 200,
		Currency: "EUR", TimeAt: "2025-03-14T08:15:00Z", Due: "2025-04-13"}
	for _, c := range []struct {
		name   string
		change func(r *lineRow)
		sql    string
		values string
	}{
		{"a plan change", func(r *lineRow) { r.Rule, r.Amount = "sale 25%", 250 },
			"UPDATE commission_lines SET rule = ?, amount = ?, updated_at = ? WHERE id = ?", "[sale 25% 250 NOW 7]"},
		{"reversed at zero", func(r *lineRow) { r.Status, r.Amount, r.Due = "reversed", 0, "" },
			"UPDATE commission_lines SET status = ?, amount = ?, due = ?, updated_at = ? WHERE id = ?", "[reversed 0 <nil> NOW 7]"},
		{"moved to another order and partner", func(r *lineRow) { r.Partner, r.Order = 4, 0 },
			"UPDATE commission_lines SET partner_id = ?, order_id = ?, updated_at = ? WHERE id = ?", "[4 <nil> NOW 7]"},
		{"nothing but the time of the change", func(r *lineRow) {},
			"UPDATE commission_lines SET updated_at = ? WHERE id = ?", "[NOW 7]"},
	} {
		now := old
		c.change(&now)
		mask := changedFields(&old, &now)
		if got := updateSQL(mask); got != c.sql {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.sql)
		}
		if got := fmt.Sprint(updateValues(mask, &now, old.ID, "NOW")); got != c.values {
			t.Errorf("%s: values %s, want %s", c.name, got, c.values)
		}
	}
}

// The batch UPDATE sets the same fields from each line's row of values, in updateValues' order.
func TestUpdateBatchSetsFromEachRow(t *testing.T) {
	old := lineRow{ID: 7, Rule: "sale 20%", Amount: 200}
	now := old
	now.Rule, now.Amount = "sale 25%", 250
	row := "(?, ?, ?, ?)"
	want := "UPDATE commission_lines SET rule = v.column1, amount = v.column2, updated_at = v.column3 FROM (VALUES " + row +
		strings.Repeat(", "+row, batchRows-1) + ") AS v WHERE commission_lines.id = v.column4"
	if got := updateBatchSQL(changedFields(&old, &now)); got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
}
