package sqlite

import (
	"reflect"
	"strings"
	"testing"
)

func TestListPage(t *testing.T) {
	s := open(t)
	const from = `WITH n(x) AS (VALUES (1), (2), (3), (4), (5)) `
	scan := func(sc scanner) (int, error) {
		var x int
		err := sc.Scan(&x)
		return x, err
	}
	for _, c := range []struct {
		size, offset int
		want         []int
	}{
		{2, 1, []int{3, 4}},
		{0, 0, []int{2, 3, 4, 5}}, // size 0: all
		{0, 3, []int{5}},
		{3, 9, []int{}},
	} {
		args := make([]any, 1, 4) // room after the filter's args: the page's must not land in it
		args[0] = 1
		spare := args[:2]
		spare[1] = "kept"
		got, total, err := listPage(ctx, s, "numbers", from+`SELECT count(*) FROM n WHERE x > ?`, from+`SELECT x FROM n WHERE x > ? ORDER BY x`,
			args, c.size, c.offset, scan)
		if err != nil || total != 4 || !reflect.DeepEqual(got, c.want) {
			t.Errorf("size %d offset %d: %v of %d (%v), want %v of 4", c.size, c.offset, got, total, err, c.want)
		}
		if spare[1] != "kept" {
			t.Errorf("the page's limit was written into the caller's args: %v", spare)
		}
	}
	if _, _, err := listPage(ctx, s, "numbers", `SELECT count(*) FROM nowhere`, `SELECT 1`, nil, 0, 0, scan); err == nil ||
		!strings.HasPrefix(err.Error(), "sqlite: count numbers") {
		t.Errorf("a failing count: %v", err)
	}
}
