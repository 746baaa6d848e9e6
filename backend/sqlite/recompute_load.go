package sqlite

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"partnerbook/backend/commission"
	"partnerbook/backend/domain"
)

// loadedOrder is an order as the engine reads it, with what the store last computed for it.
type loadedOrder struct {
	commission.Order
	partner  int64
	reason   string
	saleBase string
	hour     string // its UTC hour, as the report's sums read it
	sig      int64  // the fingerprint of its lines when they were last planned (0: none)
	// What the engine says now.
	newPartner  int64
	newReason   string
	newSaleBase string
	newSig      int64
}

// loadOrders reads the orders where says (without their key, which is for people; a million
// orders are read in a whole program's recompute) (on orders o, in any order: the engine sorts), with
// their items when the plan has product rules. where must name the orders by something that
// belongs to one program (customers, order ids, a partner), so that SQLite searches by it.
// about is how many orders to expect: the slice is made that large at once (growing a slice of
// these large values copied them again and again, a tenth of a whole recompute's reading).
func (c *computer) loadOrders(ctx context.Context, q querier, about int, where string, args ...any) ([]loadedOrder, error) {
	r, err := queryJSONRows(ctx, q, `o.id, COALESCE(o.customer_id, 0), o.customer_email, o.time, o.currency, o.total, o.net,
		o.discount, o.refunded, o.cancelled, o.discount_codes, o.ref_key, COALESCE(o.partner_id, 0), o.reason,
		COALESCE(o.sale_base, ''), COALESCE(s.sig, 0)`, `FROM orders o LEFT JOIN order_sigs s ON s.order_id = o.id WHERE `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: load orders: %w", err)
	}
	out := loadedBufs.get(about)
	for r.next() {
		var lo loadedOrder
		lo.ID, lo.Customer, lo.Email = r.int(), r.int(), r.str()
		t := r.str()
		lo.Currency, lo.Total, lo.Net, lo.Discount, lo.Refunded = r.str(), r.int(), r.int(), r.int(), r.int()
		lo.Cancelled = r.int() != 0
		codes := r.str()
		lo.Ref, lo.partner, lo.reason, lo.saleBase, lo.sig = r.str(), r.int(), r.str(), r.str(), r.int()
		r.end()
		lo.Time, lo.hour, lo.Email = parseTime(t), storedHour(t), domain.NormalizeEmail(lo.Email)
		if codes != "" {
			lo.Codes = strings.Split(codes, ",")
		}
		out = append(out, lo)
	}
	if r.err != nil {
		return nil, fmt.Errorf("sqlite: load orders: %w", r.err)
	}
	if len(c.prog.Rules.Products) == 0 || len(out) == 0 {
		return out, nil
	}
	ids := make([]int64, len(out))
	at := map[int64]int{}
	for i, lo := range out {
		ids[i], at[lo.ID] = lo.ID, i
	}
	lines, err := q.QueryContext(ctx, `SELECT order_id, position, sku, quantity, unit_price FROM order_lines
		WHERE order_id IN (SELECT value FROM json_each(?)) ORDER BY order_id, position`, jsonIDs(ids))
	if err != nil {
		return nil, fmt.Errorf("sqlite: load order lines: %w", err)
	}
	defer lines.Close()
	for lines.Next() {
		var id int64
		var it commission.Item
		if err := lines.Scan(&id, &it.Position, &it.SKU, &it.Quantity, &it.UnitPrice); err != nil {
			return nil, err
		}
		out[at[id]].Lines = append(out[at[id]].Lines, it)
	}
	return out, lines.Err()
}

// The arrays of orders a recompute reads and gives the engine, a chunk's at a time, are kept
// for the next chunks (see recycle): made anew for every chunk, they were a fifth of what a
// million orders' recompute allocated, and the garbage collector's work grows with that.
var (
	loadedBufs slicePool[loadedOrder]
	engineBufs slicePool[commission.Order]
)

// slicePool keeps slices for reuse.
type slicePool[T any] struct{ p sync.Pool } // of *[]T

// get is an empty slice with room for n at least, kept from earlier where one is.
func (sp *slicePool[T]) get(n int) []T {
	if s, ok := sp.p.Get().(*[]T); ok && cap(*s) >= n {
		return (*s)[:0]
	}
	return make([]T, 0, n)
}

// put keeps s, emptied so that it holds on to nothing of what it held.
func (sp *slicePool[T]) put(s []T) {
	if cap(s) == 0 {
		return
	}
	s = s[:cap(s)]
	clear(s)
	s = s[:0]
	sp.p.Put(&s)
}

// recycle keeps a written chunk's arrays for the next chunks. Nothing may use d's orders or
// histories after this.
func (d *chunkData) recycle() {
	loadedBufs.put(d.orders)
	engineBufs.put(d.engine)
	d.orders, d.engine, d.histories = nil, nil, nil
}

// storedCustomer is a customer's e-mail (for their lead) and the link last stored.
type storedCustomer struct {
	email, reason, since string
	partner              int64
}

// customerRows reads the chunk's customers.
func customerRows(ctx context.Context, q querier, ids []int64, alone bool) (map[int64]storedCustomer, error) {
	out := make(map[int64]storedCustomer, len(ids))
	if alone {
		return out, nil
	}
	r, err := queryJSONRows(ctx, q, `id, email, COALESCE(partner_id, 0), link_reason, COALESCE(linked_at, '')`,
		`FROM customers WHERE id IN (SELECT value FROM json_each(?))`, jsonIDs(ids))
	if err != nil {
		return nil, fmt.Errorf("sqlite: customers: %w", err)
	}
	for r.next() {
		id := r.int()
		sc := storedCustomer{email: r.str(), partner: r.int(), reason: r.str(), since: r.str()}
		r.end()
		out[id] = sc
	}
	if r.err != nil {
		return nil, fmt.Errorf("sqlite: customers: %w", r.err)
	}
	return out, nil
}

// linkRow adds the customer's link as the engine derives it (for the Customers screen) to b,
// where it changed.
func linkRow(b *batch, customer, partner int64, reason string, since time.Time, stored storedCustomer) {
	sinceText := ""
	if partner != 0 {
		sinceText = since.UTC().Format(TimeLayout)
	}
	if stored.partner == partner && stored.reason == reason && stored.since == sinceText {
		return
	}
	b.row().int(customer).id(partner).str(reason).text(sinceText).done()
}

// attributionRow adds an order's partner, evidence and sale base to b, where they changed.
func attributionRow(b *batch, lo *loadedOrder) {
	if lo.newPartner == lo.partner && lo.newReason == lo.reason && lo.newSaleBase == lo.saleBase {
		return
	}
	b.row().int(lo.ID).id(lo.newPartner).str(lo.newReason).text(lo.newSaleBase).done()
}

// sigRow adds an order's fingerprint to b, where it has one that changed.
func sigRow(b *batch, lo *loadedOrder) {
	if lo.newSig != 0 && lo.newSig != lo.sig {
		b.row().int(lo.ID).int(lo.newSig).done()
	}
}
