package domain

// ReportQuery asks for the figures of a program (reports.md); days are in the program's zone.
type ReportQuery struct {
	ProgramID int64  `json:"program_id"`
	Preset    string `json:"preset"` // last_30_days, this_month, last_month, this_year, custom ("": From and To)
	From      string `json:"from"`
	To        string `json:"to"`
	By        string `json:"by"`      // day, week, month; "" picks one that suits the period
	Partner   string `json:"partner"` // a partner's key: their figures alone
	AsOf      string `json:"as_of"`   // balances as of this day; "" today
}

// Figures are the sums of a period (the `totals` of reports.md); amounts in the program currency.
type Figures struct {
	Orders       int64  `json:"orders"`
	Revenue      string `json:"revenue"`
	NewCustomers int64  `json:"new_customers"`
	RepeatOrders int64  `json:"repeat_orders"`
	Commissions  string `json:"commissions"`
	Pending      string `json:"pending"`
	Owed         string `json:"owed"`
	Due          string `json:"due"`
	Paid         string `json:"paid"`
	Refunded     string `json:"refunded"`
	RefundRate   string `json:"refund_rate"`
	Visits       int64  `json:"visits"`
	Signups      int64  `json:"signups"`
	PendingLines int64  `json:"pending_lines"`
}

// PartnerFigures are one partner's figures of the period, ranked by revenue.
type PartnerFigures struct {
	Partner          string `json:"partner"`
	Name             string `json:"name"`
	Orders           int64  `json:"orders"`
	Revenue          string `json:"revenue"`
	NewCustomers     int64  `json:"new_customers"`
	Commissions      string `json:"commissions"`
	Owed             string `json:"owed"`
	Refunded         string `json:"refunded"`
	RefundRate       string `json:"refund_rate"`
	Visits           int64  `json:"visits"`
	Signups          int64  `json:"signups"`
	EarningsPerVisit string `json:"earnings_per_visit"` // "" when there were no visits
}

// SeriesPoint is one bucket of the chart: a day, an ISO week or a month.
type SeriesPoint struct {
	Period       string `json:"period"`
	Orders       int64  `json:"orders"`
	Revenue      string `json:"revenue"`
	Commissions  string `json:"commissions"`
	NewCustomers int64  `json:"new_customers"`
}

// PreviousFigures are the same sums for the period before, for comparison.
type PreviousFigures struct {
	From         string `json:"from"`
	To           string `json:"to"`
	Orders       int64  `json:"orders"`
	Revenue      string `json:"revenue"`
	NewCustomers int64  `json:"new_customers"`
	Commissions  string `json:"commissions"`
	Refunded     string `json:"refunded"`
	RefundRate   string `json:"refund_rate"`
}

// CurrencyFigures are credited orders in a currency other than the program's, listed apart.
type CurrencyFigures struct {
	Currency    string `json:"currency"`
	Orders      int64  `json:"orders"`
	Revenue     string `json:"revenue"`
	Commissions string `json:"commissions"`
	Refunded    string `json:"refunded"`
}

// Funnel is the tracked path of the period: visits, signups, new customers, sales.
type Funnel struct {
	Tracked      bool   `json:"tracked"`
	Visits       int64  `json:"visits"`
	Signups      int64  `json:"signups"`
	Customers    int64  `json:"customers"`
	Sales        int64  `json:"sales"`
	SignupRate   string `json:"signup_rate"`    // signups / visits
	CustomerRate string `json:"customer_rate"`  // customers / signups
	VisitToSale  string `json:"visit_to_sale"`  // sales / visits
	MedianToSale string `json:"median_to_sale"` // first visit to first sale, e.g. "3d 4h"; "" unknown
	// MedianToSaleSeconds is the same median in seconds (0 when unknown), and TimedSales the
	// number of new customers it is taken over: those whose tracked visits are known.
	MedianToSaleSeconds int64 `json:"median_to_sale_seconds"`
	TimedSales          int64 `json:"timed_sales"`
}

// Report is the JSON of `partnerbook report` and what the dashboard shows.
type Report struct {
	Program  string            `json:"program"`
	Currency string            `json:"currency"`
	From     string            `json:"from"`
	To       string            `json:"to"`
	By       string            `json:"by"`
	AsOf     string            `json:"as_of"`
	Partner  string            `json:"partner,omitempty"`
	Totals   Figures           `json:"totals"`
	Partners []PartnerFigures  `json:"partners"`
	Series   []SeriesPoint     `json:"series"`
	Previous PreviousFigures   `json:"previous"`
	Other    []CurrencyFigures `json:"other_currencies"`
	Funnel   Funnel            `json:"funnel"`
}

// Attention is what needs the owner on the dashboard, and what the program has at all (an
// empty program shows its next step instead of zeros).
type Attention struct {
	PendingLines    int64  `json:"pending_lines"`    // lines still in their hold, to approve early or reject
	PartnersPending int64  `json:"partners_pending"` // partners waiting to be accepted
	LeadsNew        int64  `json:"leads_new"`
	MailFailed      int64  `json:"mail_failed"`
	SyncStale       bool   `json:"sync_stale"`     // a headless server is linked (sync.remote) and no pull went through for a day
	SyncLastPull    string `json:"sync_last_pull"` // the last pull that went through, RFC 3339; "" never
	Partners        int64  `json:"partners"`
	HasOrders       bool   `json:"has_orders"`
}
