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
}
