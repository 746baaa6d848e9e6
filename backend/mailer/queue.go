package mailer

import (
	"context"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"partnerbook/backend/domain"
	"partnerbook/backend/i18n"
	"partnerbook/backend/mail"
	"partnerbook/backend/payoutdocs"
	"partnerbook/backend/sqlite"
)

// Statements queues the e-mail of each payout of a run, its statement PDF attached. A payout
// mailed before (its dedupe key is in the outbox) is not queued again.
func Statements(ctx context.Context, st *sqlite.Store, programID, runID int64, dryRun bool, now time.Time) (Queued, error) {
	q := Queued{DryRun: dryRun}
	s, err := senderOf(ctx, st)
	if err != nil {
		return q, err
	}
	docs, err := st.RunDocuments(ctx, programID, runID)
	if err != nil {
		return q, err
	}
	keys := make([]string, len(docs.Numbers))
	for i, n := range docs.Numbers {
		keys[i] = fmt.Sprintf("statement:%d:%s", programID, n)
	}
	has, err := st.OutboxHas(ctx, keys)
	if err != nil {
		return q, err
	}
	for i, number := range docs.Numbers {
		if has[keys[i]] {
			q.Already++
			continue
		}
		stmt, err := st.Statement(ctx, programID, number)
		if err != nil {
			return q, err
		}
		p, err := st.FindPartner(ctx, programID, stmt.PartnerKey)
		if err != nil {
			return q, err
		}
		if p.Email == "" {
			q.Skipped = append(q.Skipped, Skip{Partner: p.Key, Reason: "no e-mail address"})
			continue
		}
		lang := i18n.Get(stmt.Lang)
		total := stmt.Totals().Total.StringFixed(domain.MinorUnits(stmt.Currency))
		f := figures(s, p)
		f.Number, f.Credit, f.Amount = number, stmt.Credit, lang.Money(total, stmt.Currency)
		f.Period = lang.DayText(stmt.PeriodFrom) + " – " + lang.DayText(stmt.PeriodTo)
		var files []mail.Attachment
		if !dryRun {
			pdf, err := st.StatementPDF(ctx, programID, number)
			if err != nil {
				return q, err
			}
			files = []mail.Attachment{{Name: payoutdocs.FileName(number, p.Key), Type: "application/pdf", Data: pdf}}
		}
		m, err := compose(ctx, st, s, p, "statement", keys[i], f, files, now)
		if err != nil {
			return q, err
		}
		q.out = append(q.out, m)
	}
	return q, queue(ctx, st, &q)
}

// figures are what every template knows of a partner.
func figures(s sender, p domain.Partner) mail.Figures {
	coupons := p.Coupons
	if coupons == nil {
		coupons = []string{}
	}
	return mail.Figures{Shop: s.name, ShopEmail: s.from, Partner: p.Name, Key: p.Key, Email: p.Email, Coupons: coupons, Links: s.links(p.Key)}
}

// Welcome queues the welcome e-mail of a partner (once: a second call queues nothing).
func Welcome(ctx context.Context, st *sqlite.Store, programID int64, key string, now time.Time) (Queued, error) {
	var q Queued
	s, err := senderOf(ctx, st)
	if err != nil {
		return q, err
	}
	p, err := st.FindPartner(ctx, programID, key)
	if err != nil {
		return q, err
	}
	if p.Email == "" {
		return q, domain.Errorf(domain.EInvalid, "partner %s has no e-mail address", p.Key)
	}
	f := figures(s, p)
	if f.Portal, err = portalOf(ctx, st, programID); err != nil {
		return q, err
	}
	m, err := compose(ctx, st, s, p, "welcome", fmt.Sprintf("welcome:%d", p.ID), f, nil, now)
	if err != nil {
		return q, err
	}
	q.out = []domain.OutMessage{m}
	return q, queue(ctx, st, &q)
}

// Reports queues each active partner's report of a month (YYYY-MM in the program's zone):
// their credited orders and commissions of the month, what is on hold, and what is ready for
// payout as of the month's last day or asOf, whichever is earlier.
func Reports(ctx context.Context, st *sqlite.Store, programID int64, month, asOf string, dryRun bool, now time.Time) (Queued, error) {
	q := Queued{DryRun: dryRun}
	start, err := time.Parse("2006-01", month)
	if err != nil {
		return q, domain.Invalid("the month is not valid", []domain.Problem{{Column: "month", Message: fmt.Sprintf("%q is not a month YYYY-MM", month)}})
	}
	s, err := senderOf(ctx, st)
	if err != nil {
		return q, err
	}
	partners, _, err := st.ListPartners(ctx, domain.PartnerFilter{ProgramID: programID, Status: "active"})
	if err != nil {
		return q, err
	}
	prog, err := st.FindProgram(ctx, fmt.Sprint(programID))
	if err != nil {
		return q, err
	}
	keys := make([]string, len(partners))
	for i, p := range partners {
		keys[i] = fmt.Sprintf("report:%d:%d:%s", programID, p.ID, month)
	}
	has, err := st.OutboxHas(ctx, keys)
	if err != nil {
		return q, err
	}
	for i, p := range partners {
		key := keys[i]
		if p.Email == "" {
			q.Skipped = append(q.Skipped, Skip{Partner: p.Key, Reason: "no e-mail address"})
			continue
		}
		if has[key] {
			q.Already++
			continue
		}
		f, err := ReportFigures(ctx, st, prog, p, s, start, asOf)
		if err != nil {
			return q, err
		}
		m, err := compose(ctx, st, s, p, "report", key, f, nil, now)
		if err != nil {
			return q, err
		}
		q.out = append(q.out, m)
	}
	return q, queue(ctx, st, &q)
}

// ReportFigures are a partner's figures of the month that starts at start.
func ReportFigures(ctx context.Context, st *sqlite.Store, prog domain.Program, p domain.Partner, s sender, start time.Time, asOf string) (mail.Figures, error) {
	lang := i18n.Get(p.Language)
	f := figures(s, p)
	f.Month, f.Currency, f.Orders = lang.Month(start), prog.Currency, []mail.OrderFigure{}
	last := start.AddDate(0, 1, -1).Format("2006-01-02")
	if asOf == "" || asOf > last {
		asOf = last
	}
	page, err := st.ListCommissions(ctx, domain.CommissionFilter{ProgramID: prog.ID, Partner: p.Key, From: start.Format("2006-01-02"), To: last, AsOf: asOf})
	if err != nil {
		return f, err
	}
	var sales, earned decimal.Decimal
	byOrder := map[string]int{}
	for i := len(page.Lines) - 1; i >= 0; i-- { // oldest first
		l := page.Lines[i]
		if l.Currency != prog.Currency || l.Status == "rejected" || l.Status == "reversed" {
			continue
		}
		amount, _ := decimal.NewFromString(l.Amount)
		earned = earned.Add(amount)
		if l.Order == "" {
			continue
		}
		j, ok := byOrder[l.Order]
		if !ok {
			base, _ := decimal.NewFromString(l.Base)
			sales = sales.Add(base)
			day := l.OrderTime
			if t, err := time.Parse(time.RFC3339, l.OrderTime); err == nil {
				day = lang.Day(t.In(prog.Location()))
			}
			j = len(f.Orders)
			byOrder[l.Order] = j
			f.Orders = append(f.Orders, mail.OrderFigure{Day: day, Order: l.Order, Total: l.Base, Commission: "0"})
		}
		c, _ := decimal.NewFromString(f.Orders[j].Commission)
		f.Orders[j].Commission = c.Add(amount).StringFixed(domain.MinorUnits(prog.Currency))
	}
	for i := range f.Orders {
		f.Orders[i].Total = lang.Money(f.Orders[i].Total, prog.Currency)
		f.Orders[i].Commission = lang.Money(f.Orders[i].Commission, prog.Currency)
	}
	places := domain.MinorUnits(prog.Currency)
	f.Sales, f.Earned = lang.Money(sales.StringFixed(places), prog.Currency), lang.Money(earned.StringFixed(places), prog.Currency)
	zero := lang.Money(decimal.Zero.StringFixed(places), prog.Currency)
	f.Balance, f.Pending = zero, zero
	balances, err := st.Balances(ctx, prog.ID, p.Key, asOf)
	if err != nil {
		return f, err
	}
	for _, b := range balances {
		if b.Currency == prog.Currency {
			f.Balance, f.Pending = lang.Money(b.Approved, b.Currency), lang.Money(b.Pending, b.Currency)
		}
	}
	return f, nil
}
