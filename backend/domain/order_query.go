package domain

// OrderRow is an order as lists show it (orders --json of cli.md). Money is decimal text.
type OrderRow struct {
	Source   string `json:"source"`
	ID       string `json:"id"`
	Time     string `json:"time"`
	Customer string `json:"customer"`
	Currency string `json:"currency"`
	Total    string `json:"total"`
	Base     string `json:"base"`
	Refunded string `json:"refunded"`
	Status   string `json:"status"`
	Partner  string `json:"partner"`
	Reason   string `json:"reason"`
}

// OrderStatuses are the words of OrderRow.Status, the same for every source.
var OrderStatuses = []string{"paid", "partially_refunded", "refunded", "cancelled"}

// OrderQuery asks for one page of a program's orders. Pages are keyset pages: After is the
// Next of the page before ("" for the first), so that a page costs the same at any depth.
type OrderQuery struct {
	ProgramID int64  `json:"program_id"`
	Partner   string `json:"partner"` // a partner's key
	Source    string `json:"source"`
	Status    string `json:"status"` // one of OrderStatuses
	From      string `json:"from"`   // YYYY-MM-DD, in the program's zone, inclusive
	To        string `json:"to"`     // YYYY-MM-DD, in the program's zone, inclusive
	Search    string `json:"search"` // an order id, or the start of a customer's e-mail or name
	Sort      string `json:"sort"`   // time (default) or total
	Desc      bool   `json:"desc"`
	After     string `json:"after"`
	Limit     int    `json:"limit"` // 1–500, default 50
}

// OrderPage is one page of orders; Next is "" on the last page.
type OrderPage struct {
	Orders []OrderRow `json:"orders"`
	Next   string     `json:"next"`
}
