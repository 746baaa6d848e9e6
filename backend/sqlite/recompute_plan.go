package sqlite

import (
	"sort"
	"time"

	"github.com/shopspring/decimal"

	"partnerbook/backend/commission"
	"partnerbook/backend/domain"
)

// planner says what to write so that the stored lines say what the engine computed, by line
// key: an unpaid line is changed in place (reversed at zero, deleted when its key is gone); a
// paid line keeps its amount and the difference goes to one open adjustment line of the same
// key, approved at once. What people decided (approved early, rejected with a reason) stays.
// It only plans, touching no database, so a recompute can plan the next chunk while the
// merger writes this one.
type planner struct {
	prog   domain.Program
	loc    *time.Location
	now    string             // the transaction's time: a changed line's updated_at
	status map[string]lineRow // final state of the lines planned in this call, for their second tiers
	ops    []lineOp
}

// lineOp is one planned write: delete row id, insert a row (id 0), or change row id; args
// are the statement's values (insertCols for an insert, those of merger.update for a change).
type lineOp struct {
	del  bool
	id   int64
	key  string
	args []any
}

func newPlanner(prog domain.Program, loc *time.Location, now string) *planner {
	return &planner{prog: prog, loc: loc, now: now, status: map[string]lineRow{}}
}

// plan returns the writes that make ex (the stored lines by key, which it uses up) say what
// lines say; a stored key that lines lack is deleted unless kept.
func (p *planner) plan(ex map[string][]lineRow, lines []commission.Line, kept func(string) bool) []lineOp {
	clear(p.status)                                                               // a second tier's child is always planned in the same call: memory stays flat
	p.ops = make([]lineOp, 0, len(lines)+4)                                       // new each call: the writer may still be making the last plan
	sort.Slice(lines, func(i, j int) bool { return lines[i].Key < lines[j].Key }) // a child before its second tier
	for i := range lines {
		p.mergeKey(lines[i].Key, &lines[i], ex[lines[i].Key])
		delete(ex, lines[i].Key)
	}
	gone := make([]string, 0, len(ex))
	for k := range ex {
		if !kept(k) {
			gone = append(gone, k)
		}
	}
	sort.Strings(gone)
	for _, k := range gone {
		p.mergeKey(k, nil, ex[k])
	}
	return p.ops
}

// mergeKey plans the rows of one key to say what want says (nil: the line is gone).
func (p *planner) mergeKey(key string, want *commission.Line, rows []lineRow) {
	var paid int64
	var paidRow, open *lineRow
	var extra []lineRow
	for i := range rows {
		switch {
		case rows[i].paid:
			paid += rows[i].amount
			paidRow = &rows[i]
		case open == nil:
			open = &rows[i]
		default:
			extra = append(extra, rows[i])
		}
	}
	for _, r := range extra {
		p.ops = append(p.ops, lineOp{del: true, id: r.id})
	}
	if paidRow == nil {
		if want == nil {
			if open != nil {
				p.ops = append(p.ops, lineOp{del: true, id: open.id})
			}
			return
		}
		p.put(open, p.row(want, open))
		return
	}
	// Paid: the amount stays; the difference is one open adjustment, approved at once.
	var target, base int64
	cur := paidRow.currency
	if want != nil {
		target, base = minorOf(want.Amount, want.Currency), minorOf(want.Base, want.Currency)
	}
	diff := target - paid
	if diff == 0 {
		if open != nil {
			p.ops = append(p.ops, lineOp{del: true, id: open.id})
		}
		return
	}
	adj := lineRow{key: key, kind: "adjustment", status: "approved", partner: paidRow.partner, amount: diff, base: base - paidRow.base,
		order: paidRow.order, lead: paidRow.lead, reason: paidRow.reason, sku: paidRow.sku, currency: cur, timeAt: paidRow.timeAt,
		rule: "correction of a paid line", note: "changed after payout (refund or correction)"}
	if want == nil {
		adj.note = "no longer earned after payout"
	}
	p.put(open, adj)
}

// row is the stored form of a computed line, keeping what people decided on the open row.
func (p *planner) row(l *commission.Line, open *lineRow) lineRow {
	r := lineRow{key: l.Key, kind: l.Kind, partner: l.Partner, order: l.Order, lead: l.Lead, reason: l.Reason, rule: l.Rule,
		sku: l.SKU, currency: l.Currency, amount: minorOf(l.Amount, l.Currency), base: minorOf(l.Base, l.Currency),
		timeAt: l.Time.UTC().Format(TimeLayout), note: l.Note, status: "pending"}
	r.due = l.Time.In(p.loc).AddDate(0, 0, p.prog.HoldDays).Format("2006-01-02")
	if open != nil {
		r.approvedBy, r.rejectedBy = open.approvedBy, open.rejectedBy
	}
	child, hasChild := p.status[l.ParentKey]
	switch {
	case r.rejectedBy != "":
		r.status, r.note = "rejected", open.note
	case l.Rejected:
		r.status = "rejected"
	case r.amount == 0:
		r.status = "reversed"
	case hasChild && child.status == "rejected":
		r.status, r.note = "rejected", child.note
	case hasChild && child.status == "approved":
		r.status = "approved"
	case r.approvedBy != "":
		r.status = "approved"
	}
	p.status[l.Key] = r
	return r
}

// put plans r over open (nil: a new row), when anything differs.
func (p *planner) put(open *lineRow, r lineRow) {
	var due any
	if r.due != "" {
		due = r.due
	}
	if open == nil {
		p.ops = append(p.ops, lineOp{key: r.key, args: []any{r.partner, nullable(r.order), nullable(r.lead), r.kind, r.reason, r.rule, r.sku,
			r.status, r.base, r.amount, r.currency, r.timeAt, r.note, r.key, due}})
		return
	}
	if open.partner == r.partner && open.order == r.order && open.lead == r.lead && open.kind == r.kind && open.reason == r.reason &&
		open.rule == r.rule && open.sku == r.sku && open.status == r.status && open.base == r.base && open.amount == r.amount &&
		open.currency == r.currency && open.timeAt == r.timeAt && open.note == r.note && open.due == r.due {
		return
	}
	p.ops = append(p.ops, lineOp{id: open.id, key: r.key, args: []any{r.partner, nullable(r.order), nullable(r.lead), r.kind, r.reason,
		r.rule, r.sku, r.status, r.base, r.amount, r.currency, r.timeAt, r.note, due, p.now, open.id}})
}

// nullable is an id, or NULL for 0.
func nullable(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// minorOf is an amount, rounded once to the currency, in minor units.
func minorOf(d decimal.Decimal, cur string) int64 {
	m, _ := domain.ToMinor(domain.Round(d, cur), cur)
	return m
}
