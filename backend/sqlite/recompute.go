package sqlite

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"partnerbook/backend/commission"
	"partnerbook/backend/domain"
)

// recomputeScope says what changed: orders an import or undo touched, customers whose history
// or links changed, leads whose status changed, and partner-months whose tiers may move. all
// recomputes the whole program (a change of its plan or of a partner).
type recomputeScope struct {
	all       bool
	fresh     bool // nothing in this transaction changed orders, customers or lines before: see chunks
	orders    []int64
	created   []createdOrder // orders this transaction created, with their customers
	customers []int64
	leads     []int64
	sold      []partnerTime // sales that were in a partner's month before (their tiers move)
	// counts, when set, hears how many commission lines the recompute created and changed.
	counts *domain.LineCounts
}

// createdOrder is an order a writer created, and its customer (0: none): its customer's
// history is computed again without reading the order back, and it was in no partner's month.
type createdOrder struct{ id, customer int64 }

type partnerTime struct {
	partner int64
	time    time.Time
}

type partnerMonth struct {
	partner int64
	month   string // start of the month, UTC text
}

// chunk is how many customers are computed at once: memory stays flat however big the program.
const chunk = 2000

// computer recomputes one program's lines inside a transaction.
type computer struct {
	tx   *Tx
	prog domain.Program
	e    *commission.Engine
	sign commission.Signer
	// all: a whole program's recompute. It fingerprints every order, also those without one
	// yet; one of what a change touched (an import) only keeps up to date the fingerprints
	// there are, so that an import writes none: its new orders get theirs at the next whole
	// recompute, which reads their lines once more. Its tiers take every month: c.months is
	// not read.
	all      bool
	links    map[int64][]commission.Link
	leads    map[string]commission.Lead // by e-mail
	leadDone map[int64]bool
	alone    []int64 // leads of customers in the scope left without orders (see computeChunk)
	months   map[partnerMonth]bool
	merge    *merger
}

// recompute brings the commission lines of what sc names up to date, and the orders'
// attributions and the customers' links with them.
func (tx *Tx) recompute(programID int64, sc recomputeScope) (err error) {
	restore, err := roomy(tx.ctx, tx)
	if err != nil {
		return err
	}
	defer func() {
		if e := restore(); err == nil {
			err = e
		}
	}()
	c, err := tx.newComputer(programID)
	if err != nil {
		return err
	}
	defer c.merge.close()
	c.merge.counts, c.all = sc.counts, sc.all
	for _, s := range sc.sold {
		c.addMonth(s.partner, s.time)
	}
	var customers, alone []int64
	if sc.all {
		if customers, err = tx.int64s(`SELECT id FROM customers WHERE program_id = ? ORDER BY id`, programID); err != nil {
			return err
		}
		if alone, err = tx.int64s(`SELECT id FROM orders WHERE program_id = ? AND customer_id IS NULL ORDER BY id`, programID); err != nil {
			return err
		}
		sc.leads, err = tx.int64s(`SELECT id FROM leads WHERE program_id = ?`, programID)
	} else {
		customers, alone, err = c.scopeCustomers(sc)
	}
	if err != nil {
		return err
	}
	if err := c.chunks(chunksOf(customers, alone), sc.all && sc.fresh); err != nil {
		return err
	}
	if err := c.standaloneLeads(append(sc.leads, c.alone...)); err != nil {
		return err
	}
	if err := c.tiers(sc.all); err != nil {
		return err
	}
	return c.merge.sums.flush(tx)
}

func (tx *Tx) newComputer(programID int64) (*computer, error) {
	prog, err := tx.findProgram(fmt.Sprint(programID))
	if err != nil {
		return nil, err
	}
	loc := prog.Location()
	partners, err := tx.enginePartners(programID)
	if err != nil {
		return nil, err
	}
	s := commission.Settings{Currency: prog.Currency, Location: loc, Base: prog.Base, SelfReferral: prog.SelfReferral, Plan: prog.Rules}
	c := &computer{tx: tx, prog: prog, e: commission.New(s, partners), sign: commission.NewSigner(prog.HoldDays, loc),
		links: map[int64][]commission.Link{}, leads: map[string]commission.Lead{}, leadDone: map[int64]bool{},
		months: map[partnerMonth]bool{}}
	rows, err := tx.QueryContext(tx.ctx, `SELECT customer_id, partner_id, reason, since FROM customer_links WHERE program_id = ?`, programID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: customer links: %w", err)
	}
	for rows.Next() {
		var l commission.Link
		var since string
		if err := rows.Scan(&l.Customer, &l.Partner, &l.Reason, &since); err != nil {
			rows.Close()
			return nil, err
		}
		l.Since = parseTime(since)
		c.links[l.Customer] = append(c.links[l.Customer], l)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: customer links: %w", err)
	}
	rows, err = tx.QueryContext(tx.ctx, `SELECT id, partner_id, email, status, COALESCE(converted_at, '') FROM leads WHERE program_id = ?`, programID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: leads: %w", err)
	}
	for rows.Next() {
		var l commission.Lead
		var status, conv string
		if err := rows.Scan(&l.ID, &l.Partner, &l.Email, &status, &conv); err != nil {
			rows.Close()
			return nil, err
		}
		l.Lost = status == "lost"
		if status == "converted" && conv != "" {
			t := parseTime(conv)
			l.ConvertedAt = &t
		}
		c.leads[domain.NormalizeEmail(l.Email)] = l
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: leads: %w", err)
	}
	c.merge, err = tx.newMerger(prog, loc)
	return c, err
}

func (tx *Tx) enginePartners(programID int64) ([]commission.Partner, error) {
	rows, err := tx.QueryContext(tx.ctx, `SELECT p.id, p.key, p.email, p.status, COALESCE(p.parent_id, 0),
		COALESCE((SELECT group_concat(code, char(10)) FROM coupons WHERE partner_id = p.id), '')
		FROM partners p WHERE p.program_id = ?`, programID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: partners: %w", err)
	}
	defer rows.Close()
	var out []commission.Partner
	for rows.Next() {
		var p commission.Partner
		var status, coupons string
		if err := rows.Scan(&p.ID, &p.Key, &p.Email, &status, &p.Parent, &coupons); err != nil {
			return nil, err
		}
		p.Email, p.Active = domain.NormalizeEmail(p.Email), status == "active"
		if coupons != "" {
			p.Coupons = strings.Split(coupons, "\n")
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// scopeCustomers finds the customers whose histories the scope touches, and the touched orders
// without a customer. (The partner-months those orders are sales in, as stored, are noted
// when their chunk is written: see computeChunk.)
func (c *computer) scopeCustomers(sc recomputeScope) ([]int64, []int64, error) {
	seen := map[int64]bool{}
	var customers, alone []int64
	add := func(id int64) {
		if !seen[id] {
			seen[id] = true
			customers = append(customers, id)
		}
	}
	for _, id := range sc.customers {
		add(id)
	}
	for _, o := range sc.created {
		if o.customer == 0 {
			alone = append(alone, o.id)
		} else {
			add(o.customer)
		}
	}
	for start := 0; start < len(sc.orders); start += chunk {
		ids := sc.orders[start:min(start+chunk, len(sc.orders))]
		rows, err := c.tx.QueryContext(c.tx.ctx, `SELECT id, COALESCE(customer_id, 0)
			FROM orders WHERE id IN (SELECT value FROM json_each(?))`, jsonIDs(ids))
		if err != nil {
			return nil, nil, fmt.Errorf("sqlite: recompute scope: %w", err)
		}
		for rows.Next() {
			var id, cust int64
			if err := rows.Scan(&id, &cust); err != nil {
				rows.Close()
				return nil, nil, err
			}
			if cust == 0 {
				alone = append(alone, id)
			} else {
				add(cust)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, nil, fmt.Errorf("sqlite: recompute scope: %w", err)
		}
	}
	for _, id := range sc.leads {
		var email string
		var cust int64
		err := c.tx.QueryRowContext(c.tx.ctx, `SELECT l.email, COALESCE(c.id, 0) FROM leads l
			LEFT JOIN customers c ON c.program_id = l.program_id AND c.email = l.email AND c.email <> '' WHERE l.id = ?`, id).Scan(&email, &cust)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, nil, fmt.Errorf("sqlite: recompute scope: lead %d: %w", id, err)
		}
		if err == nil && cust != 0 {
			add(cust)
		}
	}
	sort.Slice(customers, func(i, j int) bool { return customers[i] < customers[j] })
	return customers, alone, nil
}

func (c *computer) addMonth(partner int64, t time.Time) {
	if c.e.HasTiers() {
		start, _ := c.e.MonthRange(t)
		c.months[partnerMonth{partner, start.Format(TimeLayout)}] = true
	}
}

// standaloneLeads computes the leads that no customer's history took up: converted by a
// person before any order, or not converted at all.
func (c *computer) standaloneLeads(ids []int64) error {
	var todo []int64
	var lines []commission.Line
	byID := map[int64]commission.Lead{}
	for _, l := range c.leads {
		byID[l.ID] = l
	}
	for _, id := range ids {
		l, ok := byID[id]
		if !ok || c.leadDone[id] {
			continue
		}
		c.leadDone[id] = true // once, though named twice
		todo = append(todo, id)
		if line, ok := c.e.LeadLine(l, nil); ok {
			lines = append(lines, line)
		}
	}
	if len(todo) == 0 {
		return nil
	}
	return c.merge.applyLeads(todo, lines)
}

// tiers puts the sales of each touched partner-month (all of them, when all) in their tiers.
func (c *computer) tiers(all bool) error {
	if !c.e.HasTiers() {
		return nil
	}
	if all {
		// Every month of every partner with sales, one partner at a time.
		partners, err := c.tx.int64s(`SELECT DISTINCT partner_id FROM orders WHERE program_id = ? AND partner_id IS NOT NULL AND sale_base IS NOT NULL`, c.prog.ID)
		if err != nil {
			return err
		}
		for _, p := range partners {
			if err := c.salesOf(`o.partner_id = ? AND o.sale_base IS NOT NULL`, p); err != nil {
				return err
			}
		}
		return nil
	}
	pms := make([]partnerMonth, 0, len(c.months))
	for pm := range c.months {
		pms = append(pms, pm)
	}
	sort.Slice(pms, func(i, j int) bool {
		if pms[i].partner != pms[j].partner {
			return pms[i].partner < pms[j].partner
		}
		return pms[i].month < pms[j].month
	})
	for _, pm := range pms {
		start := parseTime(pm.month)
		_, end := c.e.MonthRange(start)
		if err := c.salesOf(`o.partner_id = ? AND o.time >= ? AND o.time < ? AND o.sale_base IS NOT NULL`,
			pm.partner, pm.month, end.Format(TimeLayout)); err != nil {
			return err
		}
	}
	return nil
}

// salesOf computes the sale lines of the orders where says, all one partner's.
func (c *computer) salesOf(where string, args ...any) error {
	orders, err := c.loadOrders(c.tx.ctx, c.tx, 0, where, args...)
	if err != nil {
		return err
	}
	sales := make([]commission.Sale, 0, len(orders))
	ids := make([]int64, 0, len(orders))
	for _, lo := range orders {
		base, err := decimal.NewFromString(lo.saleBase)
		if err != nil {
			return fmt.Errorf("sqlite: order %d: its sale base %q: %w", lo.ID, lo.saleBase, err)
		}
		sales = append(sales, c.e.SaleOf(lo.Order, lo.partner, lo.reason, base))
		ids = append(ids, lo.ID)
	}
	return c.merge.applySales(ids, c.e.Sales(sales))
}

func (tx *Tx) int64s(q string, args ...any) ([]int64, error) {
	rows, err := tx.QueryContext(tx.ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// jsonIDs is ids as a JSON array; [] when there are none (json_each of null is one row of NULL,
// which makes every "NOT IN" false).
func jsonIDs(ids []int64) string {
	if len(ids) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(ids)
	return string(b)
}
