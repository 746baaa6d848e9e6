package domain

import "time"

// Order is one order as every reader normalises it (formats.md, docs/formats.md). Money is in
// minor units of Currency.
type Order struct {
	Source        string      `json:"source"` // shopify, woocommerce, stripe, gumroad, paypal, paddle, generic, sync
	ID            string      `json:"id"`     // the source's order id, the key with Source
	Time          time.Time   `json:"time"`   // UTC
	CustomerEmail string      `json:"customer_email"`
	CustomerRef   string      `json:"customer_ref"` // the source's customer id
	CustomerName  string      `json:"customer_name"`
	Currency      string      `json:"currency"`
	Total         int64       `json:"total"`    // what the customer paid
	Net           int64       `json:"net"`      // after discounts, without tax and shipping
	Discount      int64       `json:"discount"` // the discount given, for the pro-rata share of product rules
	DiscountCodes []string    `json:"discount_codes"`
	RefKey        string      `json:"ref_key"`
	Lines         []OrderLine `json:"lines"`
	Refunded      int64       `json:"refunded"` // the running total refunded
	RefundedAt    *time.Time  `json:"refunded_at"`
	Cancelled     bool        `json:"cancelled"`
	Status        string      `json:"status"`    // the source's status, as it says it
	Recurring     bool        `json:"recurring"` // the source marks it a renewal
	Row           int         `json:"row"`       // the row of the file where the order starts
	// IDColumn is the file's column that holds ID, for messages; "" where there is no file.
	IDColumn string `json:"-"`
}

// OrderLine is one line item.
type OrderLine struct {
	SKU       string `json:"sku"`
	Name      string `json:"name"`
	Quantity  int64  `json:"quantity"`
	UnitPrice int64  `json:"unit_price"` // minor units
	Discount  int64  `json:"discount"`   // minor units, for the whole line
}

// Skip is a row that is not a sale (a pending payment, a memo, a totals row), with why.
type Skip struct {
	Row    int    `json:"row"`
	Reason string `json:"reason"`
}

// Refund is one refund that a file lists on its own row (WooCommerce Analytics, PayPal), to be
// applied to the order it refers to. Key tells one refund from another, so that importing it
// again changes nothing.
type Refund struct {
	Source   string    `json:"source"`
	OrderID  string    `json:"order_id"`
	Key      string    `json:"key"`
	Amount   int64     `json:"amount"` // minor units, positive
	Currency string    `json:"currency"`
	Time     time.Time `json:"time"`
	Row      int       `json:"row"`
	// CurrencyColumn is the file's column that names Currency, for messages.
	CurrencyColumn string `json:"-"`
}

// OrderItem is what an order reader yields: an order, a refund of an order that may stand
// elsewhere (in the file or already stored), a row that is not a sale, or the problems of an
// order's rows.
type OrderItem struct {
	Order    *Order
	Refund   *Refund
	Skip     *Skip
	Problems Problems
}

// OrderReader streams the orders of one file, one item per call, so that memory stays flat.
type OrderReader interface {
	// Next returns the next item; false at the end of the file.
	Next() (OrderItem, bool, error)
	// Rows is how many data rows were read so far.
	Rows() int
}

// OrderImport says what to do with an order file.
type OrderImport struct {
	File string // the file's name, for messages and the batch
	// Sum, when set, gives the file's SHA-256, recorded with the batch, once the reader has
	// read the file to its end (the file is hashed as it is imported, not read twice).
	Sum         func() string
	Format      string
	DryRun      bool // report what would happen, write nothing
	SkipInvalid bool // import the good orders, report the bad rows
	// Progress, when set, is called now and then with the rows read so far (from the
	// writing goroutine; it must not block long).
	Progress func(rows int)
	// Credits is how many of the file's first orders the result says the partner of (the
	// wizard's preview); 0: none.
	Credits int
}

// LineCounts counts what an import did to the commission lines: new lines, and lines whose
// amount, status or partner changed (or that went).
type LineCounts struct {
	Created int `json:"created"`
	Changed int `json:"changed"`
}

// OrderCredit is whom one imported order credits and why.
type OrderCredit struct {
	Row         int    `json:"row"`
	Order       string `json:"order"`
	Partner     string `json:"partner"`      // the partner's key; "" when the order credits nobody
	PartnerName string `json:"partner_name"` // the partner's name
	Reason      string `json:"reason"`       // coupon, ref, customer or lead (commissions.md)
	Code        string `json:"code"`         // the coupon or key that made it, for coupon and ref
	// Note says why a credited order earns nothing: self_referral, partner_inactive.
	Note string `json:"note"`
}

// ImportedBefore names the batch that imported the same file (by its content) before.
type ImportedBefore struct {
	Batch int64  `json:"batch"`
	File  string `json:"file"`
	At    string `json:"at"`
	// Later says that orders were imported after it (by other files), which importing it
	// again may set back to what it says.
	Later bool `json:"later"`
}

// OrderImportResult is the JSON of `import orders` (cli.md).
type OrderImportResult struct {
	Batch  int64  `json:"batch"`
	Format string `json:"format"`
	Rows   int    `json:"rows"`
	Orders int    `json:"orders"`
	Outcomes
	Skipped int `json:"skipped"`
	// Refunds counts the orders whose refunded amount grew: a refund row applied, or an order
	// whose own row carries a (larger) refund, as Shopify's do.
	Refunds int           `json:"refunds"`
	Lines   LineCounts    `json:"lines"`
	Credits []OrderCredit `json:"credits,omitempty"`
	DryRun  bool          `json:"dry_run"`
	Errors  []Problem     `json:"errors"`
	Skips   []Skip        `json:"skips"`
}

// ImportBatch is one import as the history lists it.
type ImportBatch struct {
	ID        int64  `json:"id"`
	Kind      string `json:"kind"` // orders, partners, leads
	Format    string `json:"format"`
	File      string `json:"file"`
	Hash      string `json:"hash"`
	Rows      int    `json:"rows"`
	Created   int    `json:"created"`
	Updated   int    `json:"updated"`
	Unchanged int    `json:"unchanged"`
	Skipped   int    `json:"skipped"`
	Actor     string `json:"actor"`
	At        string `json:"at"`
	UndoneAt  string `json:"undone_at,omitempty"`
	// Undoable says whether undo may be tried now: an order import not undone yet.
	Undoable bool `json:"undoable"`
}

// UndoResult is the JSON of `import undo` (what was put back).
type UndoResult struct {
	Batch            int64 `json:"batch"`
	OrdersRemoved    int   `json:"orders_removed"`
	OrdersRestored   int   `json:"orders_restored"`
	RefundsRemoved   int   `json:"refunds_removed"`
	CustomersRemoved int   `json:"customers_removed"`
	LinesRemoved     int   `json:"commission_lines_removed"`
}
