package sqlite

import (
	"context"
	"fmt"

	"partnerbook/backend/report"
)

// funnelSums are a period's tracked visits and signups, in all and per partner.
type funnelSums struct {
	tracked               bool // the program ever received a visit or a signup
	allVisits, allSignups int64
	visits, signups       map[int64]int64
}

// funnel counts the sync endpoint's visits and signups of [start, end) (test events left
// out): visits by the partner key they carry, signups in all, and the signups that linked a
// customer to a partner. Kept apart so that the tracking tables are read in one place.
func (r reportReader) funnel(ctx context.Context, pid int64, start, end string) (funnelSums, error) {
	f := funnelSums{visits: map[int64]int64{}, signups: map[int64]int64{}}
	err := r.q.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM visits WHERE program_id = ?1 AND test = 0)
		OR EXISTS (SELECT 1 FROM signups WHERE program_id = ?1 AND test = 0)`, pid).Scan(&f.tracked)
	if err != nil || !f.tracked {
		return f, wrapErr("sqlite: report funnel", err)
	}
	rows, err := r.q.QueryContext(ctx, `SELECT 'visit', COALESCE(p.id, 0), count(*) FROM visits v
			LEFT JOIN partners p ON p.program_id = v.program_id AND p.key = v.partner_key COLLATE NOCASE
			WHERE v.program_id = ?1 AND v.time >= ?2 AND v.time < ?3 AND v.test = 0 GROUP BY 2
		UNION ALL SELECT 'signup', 0, count(*) FROM signups
			WHERE program_id = ?1 AND time >= ?2 AND time < ?3 AND test = 0`, pid, start, end)
	if err != nil {
		return f, wrapErr("sqlite: report funnel", err)
	}
	defer rows.Close()
	for rows.Next() {
		var typ string
		var partner, n int64
		if err := rows.Scan(&typ, &partner, &n); err != nil {
			return f, wrapErr("sqlite: report funnel", err)
		}
		if typ == "visit" {
			f.allVisits += n
			f.visits[partner] += n
		} else {
			f.allSignups += n
		}
	}
	if err := rows.Err(); err != nil {
		return f, wrapErr("sqlite: report funnel", err)
	}
	links, err := r.q.QueryContext(ctx, `SELECT partner_id, count(*) FROM customer_links
		WHERE program_id = ? AND reason = 'signup' AND since >= ? AND since < ? GROUP BY partner_id`, pid, start, end)
	if err != nil {
		return f, wrapErr("sqlite: report funnel", err)
	}
	defer links.Close()
	for links.Next() {
		var partner, n int64
		if err := links.Scan(&partner, &n); err != nil {
			return f, wrapErr("sqlite: report funnel", err)
		}
		f.signups[partner] = n
	}
	return f, wrapErr("sqlite: report funnel", links.Err())
}

// toSale are the paths of the new customers of [start, end) (credited first purchases; one
// partner's when partner is not 0) whose visits are known: a tracked signup names their
// e-mail and the visitor, whose earliest live visit is their first visit. It reads from the
// signups, so it costs what the program's signups are, never its orders.
func (r reportReader) toSale(ctx context.Context, pid, partner int64, start, end string) ([]report.ToSale, error) {
	rows, err := r.q.QueryContext(ctx, `SELECT f.time, min(v.time) FROM signups sg
		JOIN customers c ON c.program_id = sg.program_id AND c.email = sg.email AND c.email <> ''
		JOIN report_firsts f ON f.customer_id = c.id
		JOIN visits v ON v.program_id = sg.program_id AND v.visitor = sg.visitor AND v.test = 0
		WHERE sg.program_id = ?1 AND sg.test = 0 AND sg.visitor <> '' AND f.time >= ?2 AND f.time < ?3
			AND f.partner_id IS NOT NULL AND (?4 = 0 OR f.partner_id = ?4)
		GROUP BY f.customer_id`, pid, start, end, partner)
	if err != nil {
		return nil, wrapErr("sqlite: report time to sale", err)
	}
	defer rows.Close()
	var out []report.ToSale
	for rows.Next() {
		var sale, visit string
		if err := rows.Scan(&sale, &visit); err != nil {
			return nil, wrapErr("sqlite: report time to sale", err)
		}
		out = append(out, report.ToSale{FirstVisit: parseTime(visit), FirstSale: parseTime(sale)})
	}
	return out, wrapErr("sqlite: report time to sale", rows.Err())
}

func wrapErr(what string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", what, err)
}
