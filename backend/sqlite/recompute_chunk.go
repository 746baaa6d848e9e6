package sqlite

import (
	"context"
	"fmt"

	"partnerbook/backend/commission"
)

// chunkOf is a chunk of customers (or, alone, of orders without a customer).
type chunkOf struct {
	ids   []int64
	alone bool
}

func chunksOf(customers, alone []int64) []chunkOf {
	var out []chunkOf
	for start := 0; start < len(customers); start += chunk {
		out = append(out, chunkOf{ids: customers[start:min(start+chunk, len(customers))]})
	}
	for start := 0; start < len(alone); start += chunk {
		out = append(out, chunkOf{ids: alone[start:min(start+chunk, len(alone))], alone: true})
	}
	return out
}

// idsIn is how many customers and lone orders the chunks hold.
func idsIn(all []chunkOf) int {
	n := 0
	for _, ck := range all {
		n += len(ck.ids)
	}
	return n
}

// chunkData is a chunk read and run through the engine: its orders, its customers as stored,
// the stored lines of those orders and of the leads their e-mails match, and each customer's
// history with what the engine made of it.
type chunkData struct {
	chunkOf
	orders    []loadedOrder
	engine    []commission.Order // the array the histories' orders share
	stored    map[int64]storedCustomer
	leads     []int64              // the leads of its customers' e-mails
	ex        map[string][]lineRow // the stored lines that planning reads: see planChunk
	histories []commission.History
	results   []commission.Result
	ops       []commission.Op    // the planned writes of its lines
	sums      *sumsDelta         // what its writes change in the report's sums
	lines     map[int64]*lineRow // the stored lines of ex by id, as read (planning consumes ex)
	links     string             // the changed links, attributions and fingerprints, as JSON rows for the merger's batches
	attrs     string
	sigs      string
	err       error
}

// chunks computes the chunks one after the other. With pipelined, the next chunks are read on
// other connections while this one is computed and written (see pipeline): the reads (a third of
// the time of a whole program's recompute) run beside the writes. Those connections see the
// database as it was when this transaction began, so it may only be used when nothing in the transaction
// changed orders, customers or lines before the recompute (a plan change, a partners import),
// and because the chunks are disjoint: chunk N's writes touch only chunk N's orders,
// customers, lines and leads, never what chunk N+1 reads.
func (c *computer) chunks(all []chunkOf, pipelined bool) error {
	var mode string
	if pipelined && len(all) > 1 {
		// Only WAL lets a reader go on beside the writer; in a rollback journal the two would
		// wait for each other.
		if err := c.tx.QueryRowContext(c.tx.ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
			return fmt.Errorf("sqlite: recompute: journal mode: %w", err)
		}
	}
	if mode == "wal" {
		rebuild, err := c.withoutLineIndexes(all)
		if err != nil {
			return err
		}
		if err := c.pipeline(all); err != nil {
			return err
		}
		return rebuild()
	}
	for _, ck := range all {
		d := c.readChunk(c.tx.ctx, c.tx, ck)
		if c.planChunk(c.tx.ctx, c.tx, &d, c.merge.plan); d.err != nil {
			return d.err
		}
		if err := c.computeChunk(d); err != nil {
			return err
		}
		d.recycle()
	}
	return nil
}

// ordersPerCustomer is how many orders a chunk's reader makes room for at once, per customer:
// a little over what a shop with returning customers has.
const ordersPerCustomer = 4

// readChunk reads a chunk's orders and customers, and makes its customers' histories. It
// touches nothing of c that computeChunk writes: c.leads, c.links and c.prog are read-only once
// the computer is made.
func (c *computer) readChunk(ctx context.Context, q querier, ck chunkOf) chunkData {
	d := chunkData{chunkOf: ck}
	where, about := `o.customer_id IN (SELECT value FROM json_each(?))`, ordersPerCustomer*len(ck.ids)
	if ck.alone {
		where, about = `o.id IN (SELECT value FROM json_each(?))`, len(ck.ids)
	}
	if d.orders, d.err = c.loadOrders(ctx, q, about, where, jsonIDs(ck.ids)); d.err != nil {
		return d
	}
	if d.stored, d.err = customerRows(ctx, q, ck.ids, ck.alone); d.err != nil {
		return d
	}
	byCustomer := make(map[int64]int, len(ck.ids))
	in := make([]int, len(d.orders)) // each order's history
	var counts []int
	d.histories = make([]commission.History, 0, len(ck.ids))
	for i := range d.orders {
		lo := &d.orders[i]
		j, ok := byCustomer[lo.Customer]
		if !ok || ck.alone {
			j = len(d.histories)
			byCustomer[lo.Customer] = j
			h := commission.History{Customer: lo.Customer, Links: c.links[lo.Customer]}
			if lo.Customer != 0 {
				if l, ok := c.leads[d.stored[lo.Customer].email]; ok {
					lead := l // a copy on the heap only for a customer who has a lead
					h.Lead = &lead
					d.leads = append(d.leads, l.ID)
				}
			}
			d.histories = append(d.histories, h)
			counts = append(counts, 0)
		}
		in[i] = j
		counts[j]++
	}
	// The histories' orders share one array, each its own stretch of it.
	d.engine = engineBufs.get(len(d.orders))[:len(d.orders)]
	at := 0
	for j := range d.histories {
		d.histories[j].Orders = d.engine[at : at : at+counts[j]]
		at += counts[j]
	}
	for i := range d.orders {
		h := &d.histories[in[i]]
		h.Orders = append(h.Orders, d.orders[i].Order)
	}
	return d
}

// planChunk runs the engine over a chunk's histories, reads the stored lines that may change
// (see changedOrders) and plans their writes. The engine is pure and does not change once
// made, and the planner touches no database, so this may run beside the writes, on a reader's
// connection. It sets each order's new attribution and fingerprint, for computeChunk to write.
func (c *computer) planChunk(ctx context.Context, q querier, d *chunkData, p *commission.Planner) {
	if d.err != nil {
		return
	}
	state := c.runEngine(d)
	lines, read := c.changedOrders(d)
	if d.ex, d.err = existingLines(ctx, q, read, d.leads); d.err != nil {
		return
	}
	var links, attrs, sigs batch
	for i, h := range d.histories {
		if h.Customer != 0 {
			r := d.results[i]
			linkRow(&links, h.Customer, r.LinkPartner, r.LinkReason, r.LinkSince, d.stored[h.Customer])
		}
	}
	for i := range d.orders {
		attributionRow(&attrs, &d.orders[i])
		sigRow(&sigs, &d.orders[i])
	}
	d.links, d.attrs, d.sigs = links.json(), attrs.json(), sigs.json()
	d.lines = linesByID(d.ex)
	d.ops = p.Plan(d.ex, lines, commission.Waiting(d.results))
	d.sums = newSumsDelta(c.prog.ID)
	for i := range d.orders {
		lo := &d.orders[i]
		d.sums.moveOrder(&lo.Order, lo.hour, lo.partner, lo.newPartner)
	}
	for _, h := range d.histories {
		if first := firstOrder(h, state); first != nil {
			d.sums.moveFirst(h.Customer, first.hour, first.Currency, first.partner, first.newPartner)
		}
	}
	d.err = d.sums.ops(d.lines, d.ops)
}

// runEngine runs the engine over a chunk's histories, and sets each order's new attribution,
// sale base and fingerprint (0: none, see computer.all). It gives the chunk's orders by id.
func (c *computer) runEngine(d *chunkData) map[int64]*loadedOrder {
	d.results = make([]commission.Result, len(d.histories))
	state := make(map[int64]*loadedOrder, len(d.orders))
	ids := make([]int64, 0, len(d.orders)) // those to fingerprint (see computer.all)
	for i := range d.orders {
		state[d.orders[i].ID] = &d.orders[i]
		if c.all || d.orders[i].sig != 0 {
			ids = append(ids, d.orders[i].ID)
		}
	}
	for i, h := range d.histories {
		r := c.e.Customer(h)
		d.results[i] = r
		for _, a := range r.Attributions {
			state[a.Order].newPartner, state[a.Order].newReason = a.Partner, a.Reason
		}
		for _, s := range r.Sales {
			state[s.Order.ID].newSaleBase = s.Base.String()
		}
	}
	for id, sig := range c.sign.Orders(ids, d.results) {
		state[id].newSig = sig
	}
	return state
}

// changedOrders are the orders whose fingerprint is not the one stored with them (none is
// stored yet, it changed, or somebody changed their lines since), and the computed lines
// that planning takes: those of these orders, and the leads' bounties. The other orders'
// lines are neither read nor planned: planning them again would write nothing.
//
// A bounty is always read and planned, wherever it is (the chunk's leads' lines are read by
// lead): its key is the lead's, not an order's, so it moves from order to order (an earlier
// order of the customer, a person's earlier conversion), and a paid bounty stays at the order
// it was paid at while its corrections follow the key.
func (c *computer) changedOrders(d *chunkData) ([]commission.Line, []int64) {
	var read []int64
	changed := map[int64]bool{}
	for i := range d.orders {
		if lo := &d.orders[i]; lo.sig == 0 || lo.newSig != lo.sig {
			read = append(read, lo.ID)
			changed[lo.ID] = true
		}
	}
	taken := func(l *commission.Line) bool { return l.Order == 0 || l.Lead != 0 || changed[l.Order] }
	n := 0 // counted first: grown by appending, these large values were copied again and again
	for i := range d.results {
		for j := range d.results[i].Lines {
			if taken(&d.results[i].Lines[j]) {
				n++
			}
		}
	}
	lines := make([]commission.Line, 0, n)
	for i := range d.results {
		for j := range d.results[i].Lines {
			if l := &d.results[i].Lines[j]; taken(l) {
				lines = append(lines, *l)
			}
		}
	}
	return lines, read
}

// firstOrder is a customer's first order that is not cancelled (by time, then id), as the
// report counts new customers; nil for orders without a customer, or none but cancelled ones.
func firstOrder(h commission.History, state map[int64]*loadedOrder) *loadedOrder {
	if h.Customer == 0 {
		return nil
	}
	var first *loadedOrder
	for _, o := range h.Orders {
		lo := state[o.ID]
		if lo.Cancelled {
			continue
		}
		if first == nil || lo.Time.Before(first.Time) || lo.Time.Equal(first.Time) && lo.ID < first.ID {
			first = lo
		}
	}
	return first
}

// computeChunk writes what the engine made of a chunk where it changed: the customers' links,
// the planned lines, and the orders' attributions and fingerprints.
func (c *computer) computeChunk(d chunkData) error {
	for i, h := range d.histories {
		if h.Lead != nil {
			c.leadDone[h.Lead.ID] = true
		}
		for _, s := range d.results[i].Sales {
			c.addMonth(s.Partner, s.Order.Time)
		}
	}
	// A sale as stored may leave its month now (another partner, a repeat purchase since an
	// earlier order came in): that month is tiered again too. Every order of the scope is read
	// in its chunk, so this notes them all. (The month a rewritten order was in before its
	// rewrite is noted by orderWriter.wasSold.)
	for i := range d.orders {
		if lo := &d.orders[i]; !c.all && lo.partner != 0 && lo.saleBase != "" {
			c.addMonth(lo.partner, lo.Time)
		}
	}
	// A customer of the chunk with no order left has no history: their lead is computed alone.
	for _, sc := range d.stored {
		if l, ok := c.leads[sc.email]; ok && !c.leadDone[l.ID] {
			c.alone = append(c.alone, l.ID)
		}
	}
	if err := c.merge.writeRows(c.merge.links, "customer links", d.links); err != nil {
		return err
	}
	if err := c.merge.writeRows(c.merge.orders, "attribute orders", d.attrs); err != nil {
		return err
	}
	if err := c.merge.execute(d.lines, d.ops); err != nil {
		return err
	}
	// After the lines: writing a line's status drops its order's fingerprint (migration 019).
	if err := c.merge.writeRows(c.merge.sigs, "fingerprint orders", d.sigs); err != nil {
		return err
	}
	return d.sums.write(c.tx, c.merge.sums)
}
