package commission

import (
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"partnerbook/backend/domain"
)

// Stored is a commission line as the store keeps it: amounts in minor units, times as text
// (RFC 3339 in UTC, as the store writes them).
type Stored struct {
	ID                                            int64
	Key, Kind, Status, Note, Rule, Reason, SKU    string
	Partner, Amount, Base, Order, Lead            int64
	Paid                                          bool // a payout paid it
	ApprovedBy, RejectedBy, Due, Currency, TimeAt string
}

// Op is one planned write: delete row ID; insert Row (ID 0); or change row ID to say Row.
type Op struct {
	Delete bool
	ID     int64
	Row    Stored
}

// storedTime is how the store writes times.
const storedTime = "2006-01-02T15:04:05Z"

// Planner says what to write so that the stored lines say what the engine computed, by line
// key: an unpaid line is changed in place (reversed at zero, deleted when its key is gone); a
// paid line keeps its amount and the difference goes to one open adjustment line of the same
// key, approved at once. What people decided (approved early, rejected with a reason) stays.
// A new line is pending until its due day (its time plus the program's hold days, in the
// program's zone), and a second tier follows its line's status. It touches no database.
type Planner struct {
	holdDays int
	loc      *time.Location
	status   map[string]decided // final state of the lines planned in this call, for their second tiers
	ops      []Op
}

// NewPlanner plans for a program's hold days and zone.
func NewPlanner(holdDays int, loc *time.Location) *Planner {
	return &Planner{holdDays: holdDays, loc: loc, status: map[string]decided{}}
}

// decided is what a second tier takes from its line: its status and why.
type decided struct{ status, note string }

// Plan returns the writes that make ex (the stored lines by key, which it uses up) say what
// lines say; a stored key that lines lack is deleted unless kept.
func (p *Planner) Plan(ex map[string][]Stored, lines []Line, kept func(string) bool) []Op {
	clear(p.status)                     // a second tier's child is always planned in the same call: memory stays flat
	p.ops = make([]Op, 0, len(lines)+4) // new each call: the writer may still be making the last plan
	// By key, a child before its second tier; the lines are large, so their indexes are sorted.
	order := make([]int32, len(lines))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(lines[a].Key, lines[b].Key) })
	for _, i := range order {
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
func (p *Planner) mergeKey(key string, want *Line, rows []Stored) {
	var paid int64
	var paidRow, open *Stored
	var extra []Stored
	for i := range rows {
		switch {
		case rows[i].Paid:
			paid += rows[i].Amount
			paidRow = &rows[i]
		case open == nil:
			open = &rows[i]
		default:
			extra = append(extra, rows[i])
		}
	}
	for _, r := range extra {
		p.ops = append(p.ops, Op{Delete: true, ID: r.ID})
	}
	if paidRow == nil {
		if want == nil {
			if open != nil {
				p.ops = append(p.ops, Op{Delete: true, ID: open.ID})
			}
			return
		}
		p.put(open, p.row(want, open))
		return
	}
	// Paid: the amount stays; the difference is one open adjustment, approved at once.
	var target, base int64
	if want != nil {
		target, base = minorOf(want.Amount, want.Currency), minorOf(want.Base, want.Currency)
	}
	diff := target - paid
	if diff == 0 {
		if open != nil {
			p.ops = append(p.ops, Op{Delete: true, ID: open.ID})
		}
		return
	}
	adj := Stored{Key: key, Kind: "adjustment", Status: "approved", Partner: paidRow.Partner, Amount: diff, Base: base - paidRow.Base,
		Order: paidRow.Order, Lead: paidRow.Lead, Reason: paidRow.Reason, SKU: paidRow.SKU, Currency: paidRow.Currency,
		TimeAt: paidRow.TimeAt, Rule: "correction of a paid line", Note: "changed after payout (refund or correction)"}
	if want == nil {
		adj.Note = "no longer earned after payout"
	}
	p.put(open, adj)
}

// row is the stored form of a computed line, keeping what people decided on the open row.
func (p *Planner) row(l *Line, open *Stored) Stored {
	r := Stored{Key: l.Key, Kind: l.Kind, Partner: l.Partner, Order: l.Order, Lead: l.Lead, Reason: l.Reason, Rule: l.Rule,
		SKU: l.SKU, Currency: l.Currency, Amount: minorOf(l.Amount, l.Currency), Base: minorOf(l.Base, l.Currency),
		TimeAt: l.Time.UTC().Format(storedTime), Note: l.Note, Status: "pending"}
	r.Due = l.Time.In(p.loc).AddDate(0, 0, p.holdDays).Format("2006-01-02")
	if open != nil {
		r.ApprovedBy, r.RejectedBy = open.ApprovedBy, open.RejectedBy
	}
	child, hasChild := p.status[l.ParentKey]
	switch {
	case r.RejectedBy != "":
		r.Status, r.Note = "rejected", open.Note
	case l.Rejected:
		r.Status = "rejected"
	case r.Amount == 0:
		r.Status = "reversed"
	case hasChild && child.status == "rejected":
		r.Status, r.Note = "rejected", child.note
	case hasChild && child.status == "approved":
		r.Status = "approved"
	case r.ApprovedBy != "":
		r.Status = "approved"
	}
	p.status[l.Key] = decided{r.Status, r.Note}
	return r
}

// put plans r over open (nil: a new row), when anything the store keeps differs.
func (p *Planner) put(open *Stored, r Stored) {
	if open == nil {
		p.ops = append(p.ops, Op{Row: r})
		return
	}
	if open.Partner == r.Partner && open.Order == r.Order && open.Lead == r.Lead && open.Kind == r.Kind && open.Reason == r.Reason &&
		open.Rule == r.Rule && open.SKU == r.SKU && open.Status == r.Status && open.Base == r.Base && open.Amount == r.Amount &&
		open.Currency == r.Currency && open.TimeAt == r.TimeAt && open.Note == r.Note && open.Due == r.Due {
		return
	}
	p.ops = append(p.ops, Op{ID: open.ID, Row: r})
}

// minorOf is an amount, rounded once to the currency, in minor units. An amount the engine
// rounded already, or a base of whole minor units, is its coefficient, read without the
// arithmetic of big numbers that rounding and shifting take (a fifth of planning's time).
func minorOf(d decimal.Decimal, cur string) int64 {
	places := int32(domain.MinorUnits(cur))
	if d.Exponent() == -places && d.NumDigits() <= 18 {
		return d.CoefficientInt64()
	}
	m, _ := domain.ToMinor(domain.Round(d, cur), cur)
	return m
}

// Waiting says which stored keys wait for their tier while the customers of results are
// planned: the sale lines of their sales (Result.Sales, made only when the plan has tiers) and
// the second tiers that follow them. PlanSales plans those once each partner's month is known.
func Waiting(results []Result) func(string) bool {
	keep := map[string]bool{}
	for _, r := range results {
		for _, s := range r.Sales {
			keep[SaleKey(s.Order.ID, s.Partner)] = true
		}
	}
	return func(key string) bool { return keep[Followed(key)] }
}

// PlanSales plans the sale lines (and their second tiers) of orders as Sales computed them:
// of the stored lines ex only the sale lines and their second tiers are theirs.
func (p *Planner) PlanSales(ex map[string][]Stored, lines []Line) []Op {
	for k := range ex {
		if !IsSale(k) {
			delete(ex, k)
		}
	}
	return p.Plan(ex, lines, func(string) bool { return false })
}
