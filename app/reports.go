package app

import "partnerbook/backend/domain"

// Reports is the Dashboard and the figures of a partner's page (reports.md).
type Reports struct{ c *Core }

// Report returns the figures of a period: totals, top partners, the chart, the period before,
// balances and the funnel; one partner's alone with q.Partner set.
func (s *Reports) Report(q domain.ReportQuery) (domain.Report, error) {
	return s.c.store.Report(s.c.ctx, q)
}

// Attention returns what needs the owner, and whether the program has partners and orders.
func (s *Reports) Attention(programID int64) (domain.Attention, error) {
	return s.c.store.Attention(s.c.ctx, programID)
}
