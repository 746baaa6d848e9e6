package sqlite

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"partnerbook/backend/domain"
)

// blockSize is how many orders of a file are written together: a few statements a block
// instead of five calls into SQLite an order (finding it, its customer, the customer's new
// row, the order, its lines), each of which also journals the pages it changes.
const blockSize = 256

// pendingOrder is an order of a file waiting in its block.
type pendingOrder struct {
	o  domain.Order
	fp string
}

// stored is what the database (or an order before in this block) holds of an order key.
type storedOrder struct {
	id        int64
	fp        string
	thisBatch bool
	refunded  int64 // what the order's own rows said was refunded, without refund rows
}

// orderBlock collects a file's orders and writes them a block at a time, in the order of the
// file and with the outcomes the order writer's put gives one by one: unchanged, created,
// updated, or the same order twice with other values (errTwice). New customers and orders get
// their ids here (the next of the table, as SQLite would give them: the transaction holds the
// write lock) so that their rows, lines and the batch's records go in one statement each.
type orderBlock struct {
	w       *orderWriter
	pending []pendingOrder
	// outcome is called in file order with each order and what became of it.
	outcome func(o domain.Order, outcome string, err error) error
	findSt  *sql.Stmt
	emailSt *sql.Stmt
	refSt   *sql.Stmt
	custSt  *sql.Stmt
	ordSt   *sql.Stmt
	linesSt *sql.Stmt
	newSt   *sql.Stmt // batch_changes of new customers
	// the report's first orders (see import_firsts.go)
	firstsOutSt []*sql.Stmt // one a table of sums
	firstsInSt  *sql.Stmt
	firsts      blockFirsts
	// The JSON of a block's statements, kept to be filled again: their buffers grow once
	// per import instead of once per block.
	keys, emails, refs, custRows, created, orders, lines, firstRows batch
}

func (w *orderWriter) newBlock(outcome func(domain.Order, string, error) error) (*orderBlock, error) {
	b := &orderBlock{w: w, outcome: outcome}
	var err error
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = w.tx.PrepareContext(w.tx.ctx, q)
		return st
	}
	// CROSS JOIN: the keys first, whatever the planner guesses of a table without statistics.
	b.findSt = prep(`SELECT j.key, o.id, o.fingerprint, o.batch_id IS ?3 OR o.updated_batch IS ?3,
		o.refunded - (SELECT COALESCE(SUM(amount), 0) FROM refunds WHERE order_id = o.id) FROM jsonb_each(?2) j
		CROSS JOIN orders o ON o.program_id = ?1 AND o.source = j.value->>0 AND o.order_key = j.value->>1`)
	b.emailSt = prep(`SELECT j.key, c.id FROM jsonb_each(?2) j
		CROSS JOIN customers c ON c.program_id = ?1 AND c.email = j.value->>0 AND c.email <> ''`)
	b.refSt = prep(`SELECT j.key, c.id FROM jsonb_each(?2) j
		CROSS JOIN customers c ON c.program_id = ?1 AND c.email = '' AND c.source = j.value->>0 AND c.source_ref = j.value->>1`)
	b.custSt = prep(`INSERT INTO customers (id, program_id, email, source, source_ref, name, created_at)
		SELECT value->>0, ?1, value->>1, value->>2, value->>3, value->>4, ?2 FROM jsonb_each(?3)`)
	b.newSt = prep(`INSERT INTO batch_changes (batch_id, entity, entity_id, before) SELECT ?1, 'customer', value->>0, NULL FROM jsonb_each(?2)`)
	b.ordSt = prep(`INSERT INTO orders (id, program_id, source, order_key, time, customer_id, customer_email, customer_ref,
		customer_name, currency, total, net, discount, discount_codes, ref_key, refunded, refunded_at, cancelled, status,
		recurring, fingerprint, batch_id, created_at, updated_at)
		SELECT value->>0, ?1, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, value->>7, value->>8, value->>9,
			value->>10, value->>11, value->>12, value->>13, value->>14, value->>15, value->>16, value->>17, value->>18, value->>19,
			?2, ?3, ?3 FROM jsonb_each(?4)`)
	b.linesSt = prep(`INSERT INTO order_lines (order_id, position, sku, name, quantity, unit_price, discount)
		SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6 FROM jsonb_each(?1)`)
	for _, q := range firstsOutSQL() {
		b.firstsOutSt = append(b.firstsOutSt, prep(q))
	}
	b.firstsInSt = prep(firstsInSQL)
	if err != nil {
		return nil, fmt.Errorf("sqlite: prepare order writes: %w", err)
	}
	return b, nil
}

func (b *orderBlock) close() {
	for _, st := range append([]*sql.Stmt{b.findSt, b.emailSt, b.refSt, b.custSt, b.newSt, b.ordSt, b.linesSt, b.firstsInSt},
		b.firstsOutSt...) {
		if st != nil {
			st.Close()
		}
	}
}

// add puts an order in the block, writing the block when it is full.
func (b *orderBlock) add(o domain.Order, fp string) error {
	b.pending = append(b.pending, pendingOrder{o, fp})
	if len(b.pending) >= blockSize {
		return b.flush()
	}
	return nil
}

// flush writes the orders of the block.
func (b *orderBlock) flush() error {
	if len(b.pending) == 0 {
		return nil
	}
	defer func() { b.pending = b.pending[:0] }()
	known, err := b.find()
	if err != nil {
		return err
	}
	// What happens to each order, in file order; an order twice in the block sees the first.
	outcomes := make([]string, len(b.pending))
	var needCustomer []int
	for i, p := range b.pending {
		k := orderKey(p.o)
		s, ok := known[k]
		switch {
		case ok && s.fp == p.fp:
			outcomes[i] = "unchanged"
		case ok && s.thisBatch && b.w.fileOnce:
			outcomes[i] = "twice"
		case ok:
			outcomes[i] = "updated"
			known[k] = storedOrder{id: s.id, fp: p.fp, thisBatch: true, refunded: p.o.Refunded}
			needCustomer = append(needCustomer, i)
		default:
			outcomes[i] = "created"
			known[k] = storedOrder{fp: p.fp, thisBatch: true, refunded: p.o.Refunded}
			needCustomer = append(needCustomer, i)
		}
		if outcomes[i] == "updated" || outcomes[i] == "created" {
			if p.o.Refunded > s.refunded { // a refund carried in the order's row, as Shopify's are
				b.w.refundsGrew++
			}
		}
	}
	customers, err := b.customers(needCustomer)
	if err != nil {
		return err
	}
	if err := b.create(outcomes, customers); err != nil {
		return err
	}
	for i, p := range b.pending {
		var err error
		switch outcomes[i] {
		case "twice":
			err = errTwice
		case "updated":
			err = b.w.rewrite(p.o, p.fp, known[orderKey(p.o)].id, nullable(customers[i]))
		}
		if err != nil && !errors.Is(err, errTwice) {
			return err
		}
		if err := b.outcome(p.o, outcomes[i], err); err != nil {
			return err
		}
	}
	return nil
}

func orderKey(o domain.Order) string { return o.Source + "\x00" + o.ID }

// find reads what is stored of the block's order keys.
func (b *orderBlock) find() (map[string]storedOrder, error) {
	keys := &b.keys
	for _, p := range b.pending {
		keys.row().str(p.o.Source).str(p.o.ID).done()
	}
	rows, err := b.findSt.QueryContext(b.w.tx.ctx, b.w.programID, keys.json(), b.w.batchID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: find orders: %w", err)
	}
	defer rows.Close()
	known := make(map[string]storedOrder, len(b.pending))
	for rows.Next() {
		var i int
		var s storedOrder
		if err := rows.Scan(&i, &s.id, &s.fp, &s.thisBatch, &s.refunded); err != nil {
			return nil, fmt.Errorf("sqlite: find orders: %w", err)
		}
		known[orderKey(b.pending[i].o)] = s
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: find orders: %w", err)
	}
	return known, nil
}

// customerKey is how an order names its customer (see orderWriter.customer): its e-mail,
// else the source's customer id; "" for neither.
func customerKey(o domain.Order) (string, bool) {
	if email := domain.NormalizeEmail(o.CustomerEmail); email != "" {
		return email, true
	}
	if ref := strings.TrimSpace(o.CustomerRef); ref != "" {
		return o.Source + "\x00" + ref, false
	}
	return "", false
}

// customers finds or creates the customers of the orders at idx, by the index of the order
// (0: no customer).
func (b *orderBlock) customers(idx []int) (map[int]int64, error) {
	ids := map[string]int64{}
	var emails, refs []string
	emailJSON, refJSON := &b.emails, &b.refs
	for _, i := range idx {
		k, isEmail := customerKey(b.pending[i].o)
		if _, seen := ids[k]; k == "" || seen {
			continue
		}
		ids[k] = 0
		if isEmail {
			emails = append(emails, k)
			emailJSON.row().str(k).done()
		} else {
			refs = append(refs, k)
			src, ref, _ := strings.Cut(k, "\x00")
			refJSON.row().str(src).str(ref).done()
		}
	}
	if err := b.lookUp(b.emailSt, emailJSON.json(), func(i int, id int64) { ids[emails[i]] = id }); err != nil {
		return nil, err
	}
	if err := b.lookUp(b.refSt, refJSON.json(), func(i int, id int64) { ids[refs[i]] = id }); err != nil {
		return nil, err
	}
	next, err := b.w.tx.nextID("customers")
	if err != nil {
		return nil, err
	}
	rows, created := &b.custRows, &b.created
	out := make(map[int]int64, len(idx))
	for _, i := range idx {
		o := b.pending[i].o
		k, _ := customerKey(o)
		if k == "" {
			continue
		}
		if ids[k] == 0 {
			ids[k], next = next, next+1
			rows.row().int(ids[k]).str(domain.NormalizeEmail(o.CustomerEmail)).str(o.Source).str(strings.TrimSpace(o.CustomerRef)).
				str(o.CustomerName).done()
			created.row().int(ids[k]).done()
		}
		out[i] = ids[k]
	}
	if r := rows.json(); r != "" {
		if _, err := b.custSt.ExecContext(b.w.tx.ctx, b.w.programID, b.w.tx.now, r); err != nil {
			return nil, fmt.Errorf("sqlite: new customers: %w", err)
		}
		if _, err := b.newSt.ExecContext(b.w.tx.ctx, b.w.batchID, created.json()); err != nil {
			return nil, fmt.Errorf("sqlite: record new customers: %w", err)
		}
	}
	return out, nil
}

// lookUp runs a customer query over keys (JSON), calling found with each key's index and id.
func (b *orderBlock) lookUp(st *sql.Stmt, keys string, found func(int, int64)) error {
	if keys == "" {
		return nil
	}
	rows, err := st.QueryContext(b.w.tx.ctx, b.w.programID, keys)
	if err != nil {
		return fmt.Errorf("sqlite: find customers: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var i int
		var id int64
		if err := rows.Scan(&i, &id); err != nil {
			return fmt.Errorf("sqlite: find customers: %w", err)
		}
		found(i, id)
	}
	return rows.Err()
}

// create inserts the block's new orders and their lines.
func (b *orderBlock) create(outcomes []string, customers map[int]int64) error {
	next, err := b.w.tx.nextID("orders")
	if err != nil {
		return err
	}
	orders, lines := &b.orders, &b.lines
	for i, p := range b.pending {
		if outcomes[i] != "created" {
			continue
		}
		o, id := p.o, next
		next++
		refundedAt := ""
		if o.RefundedAt != nil {
			refundedAt = o.RefundedAt.UTC().Format(TimeLayout)
		}
		when := o.Time.UTC().Format(TimeLayout)
		orders.row().int(id).str(o.Source).str(o.ID).str(when).id(customers[i]).str(o.CustomerEmail).
			str(o.CustomerRef).str(o.CustomerName).str(o.Currency).int(o.Total).int(o.Net).int(o.Discount).
			str(strings.Join(o.DiscountCodes, ",")).str(o.RefKey).int(o.Refunded).text(refundedAt).int(boolInt(o.Cancelled)).
			str(o.Status).int(boolInt(o.Recurring)).str(p.fp).done()
		for j, l := range o.Lines {
			lines.row().int(id).int(int64(j + 1)).str(l.SKU).str(l.Name).int(l.Quantity).int(l.UnitPrice).int(l.Discount).done()
		}
		// No batch_changes row: the order's batch_id tells undo that this batch created it.
		b.w.created = append(b.w.created, createdOrder{id: id, customer: customers[i]})
		b.firsts.add(customers[i], id, when, o.Currency, o.Cancelled)
	}
	if r := orders.json(); r != "" {
		if _, err := b.ordSt.ExecContext(b.w.tx.ctx, b.w.programID, b.w.batchID, b.w.tx.now, r); err != nil {
			return fmt.Errorf("sqlite: add orders: %w", err)
		}
		// Not credited yet, the new orders add nothing to the sums by hour and month: the recompute's
		// attribution puts them in.
		if err := b.writeFirsts(&b.firsts); err != nil {
			return err
		}
	}
	if r := lines.json(); r != "" {
		if _, err := b.linesSt.ExecContext(b.w.tx.ctx, r); err != nil {
			return fmt.Errorf("sqlite: order lines: %w", err)
		}
	}
	return nil
}

// nextID is the id SQLite would give the next row of table (an INTEGER PRIMARY KEY without
// AUTOINCREMENT: one more than the largest).
func (tx *Tx) nextID(table string) (int64, error) {
	var max int64
	if err := tx.QueryRowContext(tx.ctx, `SELECT COALESCE(max(id), 0) FROM `+table).Scan(&max); err != nil {
		return 0, fmt.Errorf("sqlite: next id of %s: %w", table, err)
	}
	return max + 1, nil
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}
