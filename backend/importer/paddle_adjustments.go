package importer

import (
	"strings"

	"partnerbook/backend/domain"
)

// Paddle Billing: the adjustments report, where refunds live. Like the transactions report,
// its columns mirror the API's fields (adjustment id, action, transaction id, status, totals,
// currency, created_at); each is looked up under the names it is known by.
func init() {
	register(format{name: "paddle-adjustments", title: "Paddle's adjustments report", open: openPaddleAdjustments,
		columns: []string{"action", "transaction_id", "status", "currency_code", "created_at"}, detect: func(t *Table) bool {
			return t.Has("action") && t.Has("transaction_id") && !t.Has("billed_at")
		}})
}

var paddleAdjustmentNames = map[string][]string{
	"id":          {"adjustment_id", "id"},
	"action":      {"action"},
	"transaction": {"transaction_id"},
	"status":      {"status", "adjustment_status"},
	"currency":    {"currency_code", "currency"},
	"total":       {"total", "totals_total", "details_totals_total", "amount"},
	"time":        {"created_at", "updated_at"},
}

// paddleMoneyBack are the adjustment actions that give the customer money back.
var paddleMoneyBack = map[string]bool{"refund": true, "chargeback": true, "credit": true}

type paddleAdjustments struct {
	rowReader
	col map[string]string
}

func openPaddleAdjustments(t *Table, opt Options) (OrderReader, error) {
	p := &paddleAdjustments{rowReader: rowReader{t: t}, col: map[string]string{}}
	var missing []string
	for field, names := range paddleAdjustmentNames {
		if p.col[field] = pick(t, names); p.col[field] == "" {
			missing = append(missing, names[0])
		}
	}
	if len(missing) > 0 {
		return nil, t.Require(missing...)
	}
	return p, nil
}

func (p *paddleAdjustments) Next() (domain.OrderItem, bool, error) {
	ok, err := p.next()
	if err != nil || !ok {
		return domain.OrderItem{}, false, err
	}
	t := p.t
	id, txn := t.Get(p.col["id"]), t.Get(p.col["transaction"])
	action, status := strings.ToLower(t.Get(p.col["action"])), strings.ToLower(t.Get(p.col["status"]))
	switch {
	case !paddleMoneyBack[action]:
		return domain.OrderItem{Skip: &domain.Skip{Row: t.Row(), Reason: "adjustment " + id + " is a " + action + ", not money back"}}, true, nil
	case status != "approved":
		return domain.OrderItem{Skip: &domain.Skip{Row: t.Row(), Reason: "adjustment " + id + " is " + status + ", not approved"}}, true, nil
	}
	c := &cells{t: t}
	r := &domain.Refund{Source: "paddle", OrderID: txn, Key: id, Row: t.Row(), CurrencyColumn: p.col["currency"]}
	r.Currency = c.currency(p.col["currency"])
	r.Amount = c.money(p.col["total"], r.Currency)
	if r.Amount < 0 { // some exports sign what leaves the account
		r.Amount = -r.Amount
	}
	r.Time = c.when(p.col["time"], nil, "2006-01-02T15:04:05.999999999Z07:00", "2006-01-02 15:04:05")
	if id == "" {
		c.fail(p.col["id"], "", "the adjustment id is missing")
	}
	if txn == "" {
		c.fail(p.col["transaction"], "", "the transaction id is missing")
	}
	if len(c.problems) > 0 {
		return domain.OrderItem{Problems: c.problems}, true, nil
	}
	return domain.OrderItem{Refund: r}, true, nil
}
