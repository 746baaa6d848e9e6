package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"partnerbook/backend/domain"
	"partnerbook/backend/report"
)

// Report is the figures of reports.md for a program's period: totals, each partner, each
// bucket of the chart, the period before, balances as of a day, and the tracked funnel. It
// reads the sums of migration 010, which the writers keep (report_keep.go), never every order.
func (s *Store) Report(ctx context.Context, q domain.ReportQuery) (domain.Report, error) {
	// One read transaction: every part of the report sees the same commit, whatever is written
	// beside it (its program, totals, chart and ranking add up).
	conn, release, err := s.readTx(ctx)
	if err != nil {
		return domain.Report{}, err
	}
	defer release()
	prog, err := findProgram(ctx, conn, fmt.Sprint(q.ProgramID))
	if err != nil {
		return domain.Report{}, err
	}
	loc := prog.Location()
	period, err := report.Resolve(loc, q.Preset, q.From, q.To, s.AsOfDay(prog, ""))
	if err != nil {
		return domain.Report{}, err
	}
	by := q.By
	if by == "" {
		by = period.DefaultBy()
	}
	buckets, err := period.Buckets(by)
	if err != nil {
		return domain.Report{}, err
	}
	rd := reportReader{q: conn, betweenReads: s.betweenReads}
	var partnerID int64
	if q.Partner != "" {
		p, err := rd.findPartnerKey(ctx, prog.ID, q.Partner)
		if err != nil {
			return domain.Report{}, err
		}
		partnerID = p
	}
	asOf := s.AsOfDay(prog, q.AsOf)
	d, err := rd.reportData(ctx, prog.ID, partnerID, period, buckets, asOf)
	if err != nil {
		return domain.Report{}, err
	}
	threshold, _ := domain.ParseAmount(prog.PayoutThreshold)
	minor, _ := domain.ToMinor(threshold, prog.Currency)
	r := report.Assemble(prog, period, by, asOf, buckets, d, minor)
	r.Partner = q.Partner
	return r, nil
}

// reportReader reads the parts of a report, all with q (see Report).
type reportReader struct {
	q            querier
	betweenReads func() // tests: run between the chart's sums and the ranking's
}

func (r reportReader) findPartnerKey(ctx context.Context, pid int64, key string) (int64, error) {
	var id int64
	err := r.q.QueryRowContext(ctx, `SELECT id FROM partners WHERE program_id = ? AND key = ? COLLATE NOCASE`, pid, key).Scan(&id)
	if err == sql.ErrNoRows {
		return 0, domain.Errorf(domain.ENotFound, "there is no partner with key %q in this program", key)
	}
	if err != nil {
		return 0, fmt.Errorf("sqlite: find partner %q: %w", key, err)
	}
	return id, nil
}

func (r reportReader) reportData(ctx context.Context, pid, partner int64, p report.Period, buckets []report.Bucket, asOf string) (report.Data, error) {
	var d report.Data
	bounds := make([]string, 0, len(buckets)+1)
	for _, b := range buckets {
		bounds = append(bounds, b.Start)
	}
	bounds = append(bounds, p.End())
	var err error
	if d.Series, err = r.series(ctx, pid, partner, bounds); err != nil {
		return d, err
	}
	d.Totals = report.Money{}
	for _, m := range d.Series {
		for cur, sums := range m {
			d.Totals.Add(cur, *sums)
		}
	}
	prev := p.Previous()
	ps, err := r.series(ctx, pid, partner, []string{prev.Start(), prev.End()})
	if err != nil {
		return d, err
	}
	d.Previous = ps[0]
	if r.betweenReads != nil {
		r.betweenReads()
	}
	if d.Partners, err = r.reportPartners(ctx, pid, partner, p); err != nil {
		return d, err
	}
	if d.Balances, err = r.reportBalances(ctx, pid, partner, asOf); err != nil {
		return d, err
	}
	if d.Paid, err = r.reportPaid(ctx, pid, partner, p); err != nil {
		return d, err
	}
	f, err := r.funnel(ctx, pid, p.Start(), p.End())
	if err != nil {
		return d, err
	}
	d.Tracked = f.tracked
	if f.tracked {
		if d.ToSale, err = r.toSale(ctx, pid, partner, p.Start(), p.End()); err != nil {
			return d, err
		}
	}
	for i := range d.Partners {
		pt := &d.Partners[i]
		pt.Visits, pt.Signups = f.visits[pt.ID], f.signups[pt.ID]
	}
	if partner != 0 {
		d.Visits, d.Signups = f.visits[partner], f.signups[partner]
	} else {
		d.Visits, d.Signups = f.allVisits, f.allSignups
	}
	return d, nil
}

// reportPartners are the partners with sums in the period (one partner when asked).
func (r reportReader) reportPartners(ctx context.Context, pid, partner int64, p report.Period) ([]report.Partner, error) {
	sums, err := r.byPartner(ctx, pid, partner, p.Start(), p.End())
	if err != nil {
		return nil, err
	}
	rows, err := r.q.QueryContext(ctx, `SELECT id, key, name FROM partners WHERE program_id = ? AND (? = 0 OR id = ?)`, pid, partner, partner)
	if err != nil {
		return nil, fmt.Errorf("sqlite: report partners: %w", err)
	}
	defer rows.Close()
	var out []report.Partner
	for rows.Next() {
		var pt report.Partner
		if err := rows.Scan(&pt.ID, &pt.Key, &pt.Name); err != nil {
			return nil, fmt.Errorf("sqlite: report partners: %w", err)
		}
		pt.Money = sums[pt.ID]
		if pt.Money == nil {
			pt.Money = report.Money{}
		}
		out = append(out, pt)
	}
	return out, rows.Err()
}

// reportBalances are each partner's pending and owed lines as of a day, as `balances` counts
// them: a pending line whose due day has come is approved.
func (r reportReader) reportBalances(ctx context.Context, pid, partner int64, asOf string) ([]report.Balance, error) {
	rows, err := r.q.QueryContext(ctx, `SELECT partner_id, currency,
		sum(CASE WHEN status = 'pending' AND due > ? THEN amount ELSE 0 END),
		sum(CASE WHEN status = 'approved' OR (status = 'pending' AND due <= ?) THEN amount ELSE 0 END),
		sum(CASE WHEN status = 'pending' AND due > ? THEN lines ELSE 0 END)
		FROM report_balances WHERE program_id = ? AND status IN ('pending', 'approved') AND (? = 0 OR partner_id = ?)
		GROUP BY partner_id, currency`, asOf, asOf, asOf, pid, partner, partner)
	if err != nil {
		return nil, fmt.Errorf("sqlite: report balances: %w", err)
	}
	defer rows.Close()
	var out []report.Balance
	for rows.Next() {
		var b report.Balance
		if err := rows.Scan(&b.PartnerID, &b.Currency, &b.Pending, &b.Owed, &b.PendingLines); err != nil {
			return nil, fmt.Errorf("sqlite: report balances: %w", err)
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// reportPaid sums the payouts made in the period (credit notes count negative).
func (r reportReader) reportPaid(ctx context.Context, pid, partner int64, p report.Period) (map[string]int64, error) {
	rows, err := r.q.QueryContext(ctx, `SELECT currency, sum(amount) FROM payouts
		WHERE program_id = ? AND created_at >= ? AND created_at < ? AND (? = 0 OR partner_id = ?) GROUP BY currency`,
		pid, p.Start(), p.End(), partner, partner)
	if err != nil {
		return nil, fmt.Errorf("sqlite: report payouts: %w", err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var cur string
		var sum int64
		if err := rows.Scan(&cur, &sum); err != nil {
			return nil, fmt.Errorf("sqlite: report payouts: %w", err)
		}
		out[cur] = sum
	}
	return out, rows.Err()
}
