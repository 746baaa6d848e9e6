package sqlite

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"partnerbook/backend/report"
)

// The sums of a report are read from report_days (migration 010) for whole UTC days, and from
// the orders and lines themselves for the UTC days that a bucket's edge cuts (a day in the
// program's zone rarely starts at midnight UTC). So a period of any length reads at most one
// row per day and currency, plus the orders of the few days at its edges.

const sumColumns = `sum(orders), sum(net), sum(total), sum(refunded), sum(refunded_orders), sum(new_customers), sum(commissions)`

func scanSums(sc interface{ Scan(...any) error }, lead ...any) (report.Sums, error) {
	var s report.Sums
	err := sc.Scan(append(lead, &s.Orders, &s.Net, &s.Total, &s.Refunded, &s.RefundedOrders, &s.NewCustomers, &s.Commissions)...)
	return s, err
}

// cutDays are the UTC days that a boundary cuts, with the boundaries inside each.
func cutDays(bounds []string) map[string][]string {
	out := map[string][]string{}
	for _, b := range bounds {
		if !strings.HasSuffix(b, "T00:00:00Z") {
			out[b[:10]] = append(out[b[:10]], b)
		}
	}
	return out
}

func nextDay(day string) string {
	t, _ := time.Parse(report.DayLayout, day)
	return t.AddDate(0, 0, 1).Format(report.DayLayout)
}

// bucketOf is the index i with bounds[i] <= t < bounds[i+1], or -1.
func bucketOf(bounds []string, t string) int {
	i := sort.SearchStrings(bounds, t) // first bound >= t
	if i < len(bounds) && bounds[i] == t {
		return boundOK(i, len(bounds))
	}
	return boundOK(i-1, len(bounds))
}

func boundOK(i, n int) int {
	if i < 0 || i >= n-1 {
		return -1
	}
	return i
}

// series sums credited orders and lines of one partner (0: all partners) into the buckets
// that bounds delimit (bucket i is [bounds[i], bounds[i+1])).
func (s *Store) series(ctx context.Context, pid, partner int64, bounds []string) ([]report.Money, error) {
	out := make([]report.Money, len(bounds)-1)
	for i := range out {
		out[i] = report.Money{}
	}
	cut := cutDays(bounds)
	first, last := bounds[0][:10], bounds[len(bounds)-1][:10]
	rows, err := s.db.QueryContext(ctx, `SELECT day, currency, `+sumColumns+` FROM report_days
		WHERE program_id = ? AND day >= ? AND day <= ? AND partner_id = ? GROUP BY day, currency`, pid, first, last, partner)
	if err != nil {
		return nil, fmt.Errorf("sqlite: report days: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var day, cur string
		sums, err := scanSums(rows, &day, &cur)
		if err != nil {
			return nil, fmt.Errorf("sqlite: report days: %w", err)
		}
		if _, ok := cut[day]; ok {
			continue
		}
		if i := bucketOf(bounds, day+"T00:00:00Z"); i >= 0 {
			out[i].Add(cur, sums)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: report days: %w", err)
	}
	for day, inside := range cut {
		err := s.rawSums(ctx, pid, partner, day, inside, func(seg int, _ int64, cur string, sums report.Sums) {
			lo := bucketOf(bounds, day+"T00:00:00Z")
			if seg > 0 {
				lo = bucketOf(bounds, inside[seg-1])
			}
			if lo >= 0 {
				out[lo].Add(cur, sums)
			}
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// byPartner sums each partner's credited orders and lines in [start, end).
func (s *Store) byPartner(ctx context.Context, pid int64, start, end string) (map[int64]report.Money, error) {
	out := map[int64]report.Money{}
	add := func(partner int64, cur string, sums report.Sums) {
		if out[partner] == nil {
			out[partner] = report.Money{}
		}
		out[partner].Add(cur, sums)
	}
	lo, hi := start[:10], end[:10]
	if !strings.HasSuffix(start, "T00:00:00Z") {
		lo = nextDay(lo)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT partner_id, currency, `+sumColumns+` FROM report_days
		WHERE program_id = ? AND day >= ? AND day < ? AND partner_id <> 0 GROUP BY partner_id, currency`, pid, lo, hi)
	if err != nil {
		return nil, fmt.Errorf("sqlite: report partners: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var partner int64
		var cur string
		sums, err := scanSums(rows, &partner, &cur)
		if err != nil {
			return nil, fmt.Errorf("sqlite: report partners: %w", err)
		}
		add(partner, cur, sums)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: report partners: %w", err)
	}
	bounds := []string{start, end}
	for day, inside := range cutDays(bounds) {
		err := s.rawSums(ctx, pid, -1, day, inside, func(seg int, partner int64, cur string, sums report.Sums) {
			at := day + "T00:00:00Z"
			if seg > 0 {
				at = inside[seg-1]
			}
			if bucketOf(bounds, at) == 0 {
				add(partner, cur, sums)
			}
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// rawSums reads one UTC day's credited orders and lines from their tables, cut at the
// boundaries inside it: segment 0 is before the first, segment k after the k-th. partner -1
// groups by partner, 0 takes all partners together, else one partner.
func (s *Store) rawSums(ctx context.Context, pid, partner int64, day string, inside []string,
	fn func(seg int, partner int64, cur string, sums report.Sums)) error {
	seg, segArgs := "0", []any{}
	for _, b := range inside {
		seg += " + (t >= ?)"
		segArgs = append(segArgs, b)
	}
	who, whoArgs, group := "", []any{}, "0"
	if partner > 0 {
		who, whoArgs = " AND partner_id = ?", []any{partner}
	}
	if partner < 0 {
		group = "partner_id"
	}
	from, to := day+"T00:00:00Z", nextDay(day)+"T00:00:00Z"
	q := `SELECT seg, pid, currency, sum(n), sum(net), sum(total), sum(refunded), sum(refunded_orders), sum(firsts), sum(commissions)
	FROM (
		SELECT ` + strings.ReplaceAll(seg, "t >=", "o.time >=") + ` AS seg, ` + strings.ReplaceAll(group, "partner_id", "o.partner_id") + ` AS pid,
			o.currency, 1 AS n, o.net, o.total, o.refunded, o.refunded > 0 AS refunded_orders,
			f.order_id IS NOT NULL AS firsts, 0 AS commissions
		FROM orders o LEFT JOIN report_firsts f ON f.customer_id = o.customer_id AND f.order_id = o.id
		WHERE o.program_id = ? AND o.time >= ? AND o.time < ? AND o.partner_id IS NOT NULL AND o.cancelled = 0` +
		strings.ReplaceAll(who, "partner_id", "o.partner_id") + `
		UNION ALL
		SELECT ` + strings.ReplaceAll(seg, "t >=", "order_time >=") + `, ` + group + `, currency, 0, 0, 0, 0, 0, 0, amount
		FROM commission_lines WHERE program_id = ? AND status IN ('pending', 'approved', 'paid')
			AND order_time >= ? AND order_time < ?` + who + `
	) GROUP BY seg, pid, currency`
	args := append(append([]any{}, segArgs...), pid, from, to)
	args = append(append(args, whoArgs...), segArgs...)
	args = append(append(args, pid, from, to), whoArgs...)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("sqlite: report edge %s: %w", day, err)
	}
	defer rows.Close()
	for rows.Next() {
		var seg int
		var p int64
		var cur string
		sums, err := scanSums(rows, &seg, &p, &cur)
		if err != nil {
			return fmt.Errorf("sqlite: report edge %s: %w", day, err)
		}
		fn(seg, p, cur, sums)
	}
	return rows.Err()
}
