package app

import "partnerbook/backend/domain"

// Commissions is the Commissions, Customers and Partner screens: lines, balances, people's
// decisions and customers' links.
type Commissions struct{ c *Core }

// List returns a page of lines with their count and totals.
func (s *Commissions) List(f domain.CommissionFilter) (domain.CommissionPage, error) {
	return s.c.store.ListCommissions(s.c.ctx, f)
}

// Balances sums each partner's lines (one partner's with partner set) as of a day ("" today).
func (s *Commissions) Balances(programID int64, partner, asOf string) ([]domain.Balance, error) {
	return s.c.store.Balances(s.c.ctx, programID, partner, asOf)
}

// Approve approves pending lines before their hold ends.
func (s *Commissions) Approve(programID int64, ids []int64) (domain.LineAction, error) {
	return s.c.store.ApproveLines(s.c.ctx, programID, ids)
}

// Reject rejects unpaid lines, with a reason.
func (s *Commissions) Reject(programID int64, ids []int64, reason string) (domain.LineAction, error) {
	return s.c.store.RejectLines(s.c.ctx, programID, ids, reason)
}

// Adjust adds a manual adjustment with a comment.
func (s *Commissions) Adjust(programID int64, a domain.Adjustment) (domain.CommissionLine, error) {
	return s.c.store.AddAdjustment(s.c.ctx, programID, a)
}

// CustomerPage is one page of customers and how many match.
type CustomerPage struct {
	Rows  []domain.CustomerRow `json:"rows"`
	Total int                  `json:"total"`
}

// Customers lists customers with their links.
func (s *Commissions) Customers(f domain.CustomerFilter) (CustomerPage, error) {
	rows, total, err := s.c.store.ListCustomers(s.c.ctx, f)
	return CustomerPage{Rows: rows, Total: total}, err
}

// Assign links a customer to a partner for their future orders.
func (s *Commissions) Assign(programID, customerID int64, partner, note string) (domain.CustomerRow, error) {
	return s.c.store.AssignCustomer(s.c.ctx, programID, customerID, partner, note)
}

// Payouts is the Payouts screen: a run previewed, then confirmed; past runs.
type Payouts struct{ c *Core }

// Preview shows what a run as of the day would pay and carry, writing nothing.
func (s *Payouts) Preview(programID int64, asOf string) (domain.PayoutRun, error) {
	r, err := s.c.store.RunPayouts(s.c.ctx, programID, asOf, true)
	r.Run = 0
	return r, err
}

// Run makes the run a preview showed, by its fingerprint; if anything changed since (an
// import, an approval, another run), it is refused: "the run changed since the preview".
func (s *Payouts) Run(programID int64, asOf, fingerprint string) (domain.PayoutRun, error) {
	return s.c.store.ConfirmPayouts(s.c.ctx, programID, asOf, fingerprint)
}

// Runs lists past runs, newest first.
func (s *Payouts) Runs(programID int64) ([]domain.PayoutRun, error) {
	out, err := s.c.store.ListPayoutRuns(s.c.ctx, programID)
	if out == nil {
		out = []domain.PayoutRun{}
	}
	return out, err
}
