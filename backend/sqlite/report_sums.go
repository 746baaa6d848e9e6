package sqlite

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"partnerbook/backend/report"
)

// The sums of a report are read from report_hours (migration 010) for whole UTC hours, and
// from the orders and lines themselves for an hour that a bucket's edge cuts (only in zones
// whose days do not start on a whole UTC hour). So a period of any length reads one row per
// hour and currency at most. The ranking reads a partner's whole UTC months from report_months
// (020) and only the hours around them: one row per partner and month, and per partner and hour
// at the period's two ends.

const sumColumns = `sum(h.orders), sum(h.net), sum(h.total), sum(h.refunded), sum(h.refunded_orders), sum(h.new_customers), sum(h.commissions)`

func scanSums(sc interface{ Scan(...any) error }, lead ...any) (report.Sums, error) {
	var s report.Sums
	err := sc.Scan(append(lead, &s.Orders, &s.Net, &s.Total, &s.Refunded, &s.RefundedOrders, &s.NewCustomers, &s.Commissions)...)
	return s, err
}

// hourOf is the hour a stored time falls in (2025-03-14T08), and whether the time cuts it.
func hourOf(t string) (string, bool) {
	return storedHour(t), !strings.HasSuffix(t, ":00:00Z")
}

func nextHour(hour string) string {
	t, _ := time.Parse("2006-01-02T15", hour)
	return t.Add(time.Hour).Format("2006-01-02T15")
}

// hourRanges are the whole hours of each bucket [bounds[i], bounds[i+1]), and the cut hours
// with the boundaries inside them.
func hourRanges(bounds []string) (lo, hi []string, cut map[string][]string) {
	cut = map[string][]string{}
	for i, b := range bounds {
		h, cuts := hourOf(b)
		if cuts {
			cut[h] = append(cut[h], b)
		}
		if i > 0 {
			hi = append(hi, h)
		}
		if i < len(bounds)-1 {
			if cuts {
				h = nextHour(h)
			}
			lo = append(lo, h)
		}
	}
	return lo, hi, cut
}

// bucketOf is the index i with bounds[i] <= t < bounds[i+1], or -1.
func bucketOf(bounds []string, t string) int {
	i := sort.SearchStrings(bounds, t) // first bound >= t
	if i < len(bounds) && bounds[i] == t {
		i++
	}
	if i-1 < 0 || i-1 >= len(bounds)-1 {
		return -1
	}
	return i - 1
}

// bucketTable is a VALUES table b(i, lo, hi) of the buckets' whole hours.
func bucketTable(lo, hi []string) (string, []any) {
	var rows []string
	var args []any
	for i := range lo {
		rows = append(rows, "(?, ?, ?)")
		args = append(args, i, lo[i], hi[i])
	}
	return `WITH b(i, lo, hi) AS (VALUES ` + strings.Join(rows, ", ") + `)`, args
}

// series sums credited orders and lines of one partner (0: all partners) into the buckets
// that bounds delimit (bucket i is [bounds[i], bounds[i+1])).
func (r reportReader) series(ctx context.Context, pid, partner int64, bounds []string) ([]report.Money, error) {
	out := make([]report.Money, len(bounds)-1)
	for i := range out {
		out[i] = report.Money{}
	}
	lo, hi, cut := hourRanges(bounds)
	with, args := bucketTable(lo, hi)
	rows, err := r.q.QueryContext(ctx, with+` SELECT b.i, h.currency, `+sumColumns+` FROM b
		JOIN report_hours h ON h.program_id = ? AND h.partner_id = ? AND h.hour >= b.lo AND h.hour < b.hi
		GROUP BY b.i, h.currency`, append(args, pid, partner)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: report hours: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var i int
		var cur string
		sums, err := scanSums(rows, &i, &cur)
		if err != nil {
			return nil, fmt.Errorf("sqlite: report hours: %w", err)
		}
		out[i].Add(cur, sums)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: report hours: %w", err)
	}
	return out, r.cutHours(ctx, pid, partner, bounds, cut, func(i int, _ int64, cur string, sums report.Sums) { out[i].Add(cur, sums) })
}

// byPartner sums each partner's (or only one's) credited orders and lines in [start, end).
func (r reportReader) byPartner(ctx context.Context, pid, only int64, start, end string) (map[int64]report.Money, error) {
	out := map[int64]report.Money{}
	add := func(_ int, partner int64, cur string, sums report.Sums) {
		if only > 0 {
			partner = only
		}
		if out[partner] == nil {
			out[partner] = report.Money{}
		}
		out[partner].Add(cur, sums)
	}
	bounds := []string{start, end}
	lo, hi, cut := hourRanges(bounds)
	if err := r.partnerSums(ctx, monthsAndHours(lo[0], hi[0]), pid, only, add); err != nil {
		return nil, err
	}
	group := int64(-1)
	if only > 0 {
		group = only
	}
	return out, r.cutHours(ctx, pid, group, bounds, cut, add)
}

// partnerSums adds each partner's (or only one's) sums in ranges of hours or months, read with
// one statement (so from one snapshot of the database): one range of the primary key a partner
// and range. CROSS JOIN keeps the partners outside: without statistics SQLite would otherwise
// read every row of the program's sums.
func (r reportReader) partnerSums(ctx context.Context, ranges []sumsRange, pid, only int64,
	add func(bucket int, partner int64, cur string, sums report.Sums)) error {
	if len(ranges) == 0 {
		return nil
	}
	q, args := partnerSumsSQL(ranges, pid, only)
	rows, err := r.q.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("sqlite: report partners: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var partner int64
		var cur string
		sums, err := scanSums(rows, &partner, &cur)
		if err != nil {
			return fmt.Errorf("sqlite: report partners: %w", err)
		}
		add(0, partner, cur, sums)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: report partners: %w", err)
	}
	return nil
}

func partnerSumsSQL(ranges []sumsRange, pid, only int64) (string, []any) {
	var parts []string
	var args []any
	for _, r := range ranges {
		parts = append(parts, `SELECT p.id, h.currency, `+sumColumns+` FROM partners p
		CROSS JOIN `+r.period.table+` h ON h.program_id = p.program_id AND h.partner_id = p.id
			AND h.`+r.period.column+` >= ? AND h.`+r.period.column+` < ?
		WHERE p.program_id = ? AND (? = 0 OR p.id = ?) GROUP BY p.id, h.currency`)
		args = append(args, r.lo, r.hi, pid, only, only)
	}
	return strings.Join(parts, " UNION ALL "), args
}

// sumsRange is a range [lo, hi) of the periods of a table of sums.
type sumsRange struct {
	period sumsPeriod
	lo, hi string
}

// monthsAndHours are the whole hours [lo, hi) as ranges of the sums: the whole UTC months inside
// from report_months, the hours before and after them from report_hours. A period of three
// years reads 36 rows a partner and the hours of the months at its ends, not 26,000 hours.
func monthsAndHours(lo, hi string) []sumsRange {
	hours, months := sumsPeriods[0], sumsPeriods[1]
	if lo >= hi {
		return nil
	}
	first, last := lo[:7], hi[:7] // the whole months are [first, last)
	if lo != first+"-01T00" {
		first = nextMonth(first)
	}
	if first >= last {
		return []sumsRange{{hours, lo, hi}}
	}
	var out []sumsRange
	if from := first + "-01T00"; lo < from {
		out = append(out, sumsRange{hours, lo, from})
	}
	out = append(out, sumsRange{months, first, last})
	if to := last + "-01T00"; to < hi {
		out = append(out, sumsRange{hours, to, hi})
	}
	return out
}

func nextMonth(month string) string {
	t, _ := time.Parse("2006-01", month)
	return t.AddDate(0, 1, 0).Format("2006-01")
}

// cutHours reads the hours that boundaries cut from the orders and lines themselves and adds
// each part to its bucket. partner -1 groups by partner, 0 takes all partners together.
func (r reportReader) cutHours(ctx context.Context, pid, partner int64, bounds []string, cut map[string][]string,
	add func(bucket int, partner int64, cur string, sums report.Sums)) error {
	for hour, inside := range cut {
		err := r.rawSums(ctx, pid, partner, hour, inside, func(seg int, p int64, cur string, sums report.Sums) {
			at := hour + ":00:00Z"
			if seg > 0 {
				at = inside[seg-1]
			}
			if i := bucketOf(bounds, at); i >= 0 {
				add(i, p, cur, sums)
			}
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// rawSums reads one UTC hour's credited orders and lines from their tables, cut at the
// boundaries inside it: segment 0 is before the first, segment k after the k-th. partner -1
// groups by partner, 0 takes all partners together, else one partner.
func (r reportReader) rawSums(ctx context.Context, pid, partner int64, hour string, inside []string,
	fn func(seg int, partner int64, cur string, sums report.Sums)) error {
	seg := func(col string) (string, []any) {
		expr, args := "0", []any{}
		for _, b := range inside {
			expr += " + (" + col + " >= ?)"
			args = append(args, b)
		}
		return expr, args
	}
	oseg, oargs := seg("o.time")
	lseg, largs := seg("order_time")
	who, whoArgs, group := "", []any{}, "0"
	if partner > 0 {
		who, whoArgs = " AND partner_id = ?", []any{partner}
	}
	if partner < 0 {
		group = "partner_id"
	}
	from, to := hour+":00:00Z", nextHour(hour)+":00:00Z"
	q := `SELECT seg, pid, currency, sum(n), sum(net), sum(total), sum(refunded), sum(refunded_orders), sum(firsts), sum(commissions)
	FROM (
		SELECT ` + oseg + ` AS seg, ` + strings.ReplaceAll(group, "partner_id", "o.partner_id") + ` AS pid,
			o.currency, 1 AS n, o.net, o.total, o.refunded, o.refunded > 0 AS refunded_orders,
			f.order_id IS NOT NULL AS firsts, 0 AS commissions
		FROM orders o LEFT JOIN report_firsts f ON f.customer_id = o.customer_id AND f.order_id = o.id
		WHERE o.program_id = ? AND o.time >= ? AND o.time < ? AND o.partner_id IS NOT NULL AND o.cancelled = 0` +
		strings.ReplaceAll(who, "partner_id", "o.partner_id") + `
		UNION ALL
		SELECT ` + lseg + `, ` + group + `, currency, 0, 0, 0, 0, 0, 0, amount
		FROM commission_lines WHERE program_id = ? AND status IN ('pending', 'approved', 'paid')
			AND order_time >= ? AND order_time < ?` + who + `
	) GROUP BY seg, pid, currency`
	args := append(append([]any{}, oargs...), pid, from, to)
	args = append(append(args, whoArgs...), largs...)
	args = append(append(args, pid, from, to), whoArgs...)
	rows, err := r.q.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("sqlite: report hour %s: %w", hour, err)
	}
	defer rows.Close()
	for rows.Next() {
		var seg int
		var p int64
		var cur string
		sums, err := scanSums(rows, &seg, &p, &cur)
		if err != nil {
			return fmt.Errorf("sqlite: report hour %s: %w", hour, err)
		}
		fn(seg, p, cur, sums)
	}
	return rows.Err()
}
