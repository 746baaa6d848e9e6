package sample

import (
	"context"
	"fmt"
	"time"

	"partnerbook/backend/domain"
)

// Shop is what the living sample needs besides partners and leads: orders in, a payout run.
type Shop interface {
	ImportOrders(ctx context.Context, programID int64, in domain.OrderImport, rd domain.OrderReader) (domain.OrderImportResult, error)
	RunPayouts(ctx context.Context, programID int64, asOf string, dryRun bool) (domain.PayoutRun, error)
}

// sale is one invented order: days before now, who bought, what, and how it reached a partner.
type sale struct {
	days     int
	id       string
	email    string
	name     string
	total    int64 // cents, what the customer paid (19 % VAT included)
	sku      string
	coupon   string
	ref      string
	refunded int64 // cents refunded
}

// The first shop (Shopify) ran for months; the second (WooCommerce, a wholesale corner) is new.
var shopify = []sale{
	{days: 118, id: "#2101", email: "hanna.berg@example.com", name: "Hanna Berg", total: 5690, sku: "COF-250", coupon: "KIRA10"},
	{days: 112, id: "#2102", email: "tomas.novak@example.com", name: "Tomáš Novák", total: 12900, sku: "GRN-1K", ref: "lena"},
	{days: 104, id: "#2103", email: "ines.garcia@example.com", name: "Inés García", total: 3450, sku: "COF-250"},
	{days: 97, id: "#2104", email: "hanna.berg@example.com", name: "Hanna Berg", total: 4890, sku: "COF-250"},            // repeat: her partner earns recurring
	{days: 90, id: "#2105", email: "kira@example.org", name: "Kira Nowak", total: 6900, sku: "GRN-1K", coupon: "KIRA10"}, // own purchase
	{days: 83, id: "#2106", email: "ole.hansen@example.com", name: "Ole Hansen", total: 18900, sku: "MILL-1", coupon: "LENA15"},
	{days: 76, id: "#2107", email: "marie.leroy@example.com", name: "Marie Leroy", total: 7450, sku: "PIN-01", ref: "kira", refunded: 7450},
	{days: 69, id: "#2108", email: "jonas@example.com", name: "Jonas Weber", total: 9900, sku: "GRN-1K"}, // Kira's lead buys
	{days: 62, id: "#2109", email: "tomas.novak@example.com", name: "Tomáš Novák", total: 12900, sku: "GRN-1K"},
	{days: 55, id: "#2110", email: "ana.silva@example.com", name: "Ana Silva", total: 15800, sku: "COF-250", ref: "marta"}, // Marta is suspended
	{days: 48, id: "#2111", email: "ole.hansen@example.com", name: "Ole Hansen", total: 8900, sku: "COF-250", refunded: 2900},
	{days: 41, id: "#2112", email: "lukas.meyer@example.com", name: "Lukas Meyer", total: 24900, sku: "MILL-1", coupon: "LENASUMMER"},
	{days: 36, id: "#2113", email: "hanna.berg@example.com", name: "Hanna Berg", total: 5690, sku: "COF-250"},
}

var woo = []sale{
	{days: 20, id: "5031", email: "cafe.rot@example.com", name: "Café Rot", total: 38900, sku: "GRN-5K", coupon: "LENA15"},
	{days: 16, id: "5032", email: "ines.garcia@example.com", name: "Inés García", total: 4290, sku: "COF-250", ref: "kira"},
	{days: 11, id: "5033", email: "bistro.mar@example.com", name: "Bistro Mar", total: 27500, sku: "GRN-5K", ref: "kira"},
	{days: 6, id: "5034", email: "tomas.novak@example.com", name: "Tomáš Novák", total: 12900, sku: "GRN-1K"},
	{days: 2, id: "5035", email: "cafe.rot@example.com", name: "Café Rot", total: 38900, sku: "GRN-5K"},
}

var products = map[string]string{"COF-250": "Espresso beans 250 g", "GRN-1K": "Green beans 1 kg", "GRN-5K": "Green beans 5 kg",
	"MILL-1": "Hand grinder", "PIN-01": "Enamel pin"}

// order makes the domain order of an invented sale.
func (s sale) order(source string, now time.Time) domain.Order {
	// orders come in through the day, each at its own minute
	day := time.Date(now.Year(), now.Month(), now.Day(), 7, 0, 0, 0, time.UTC).AddDate(0, 0, -s.days)
	at := day.Add(time.Duration(s.days*97%660+int(s.total%53)) * time.Minute)
	net := s.total * 100 / 119
	o := domain.Order{Source: source, ID: s.id, Time: at, CustomerEmail: s.email, CustomerName: s.name, Currency: "EUR",
		Total: s.total, Net: net, RefKey: s.ref, Status: "paid",
		Lines: []domain.OrderLine{{SKU: s.sku, Name: products[s.sku], Quantity: 1, UnitPrice: s.total}}}
	if s.coupon != "" {
		o.DiscountCodes = []string{s.coupon}
	}
	if s.refunded > 0 {
		r := at.AddDate(0, 0, 3)
		o.Refunded, o.RefundedAt, o.Status = s.refunded, &r, "partially_refunded"
		if s.refunded == s.total {
			o.Status = "refunded"
		}
	}
	return o
}

// items reads a fixed list of order items as a file would.
type items struct {
	list []domain.OrderItem
	i    int
}

func (r *items) Next() (domain.OrderItem, bool, error) {
	if r.i >= len(r.list) {
		return domain.OrderItem{}, false, nil
	}
	r.i++
	return r.list[r.i-1], true, nil
}

func (r *items) Rows() int { return r.i }

func importSales(ctx context.Context, st Shop, programID int64, source, file string, sales []sale, extra []domain.OrderItem, now time.Time) error {
	var list []domain.OrderItem
	for i, s := range sales {
		o := s.order(source, now)
		o.Row = i + 2
		list = append(list, domain.OrderItem{Order: &o})
	}
	list = append(list, extra...)
	res, err := st.ImportOrders(ctx, programID, domain.OrderImport{File: file, Format: source}, &items{list: list})
	if err != nil {
		return fmt.Errorf("sample: %s: %w", file, err)
	}
	if len(res.Errors) > 0 {
		return fmt.Errorf("sample: %s: %s", file, res.Errors[0].Message)
	}
	return nil
}

// living fills the sample program with a few months of a shop's life: orders from two shops,
// refunds (one after the payout that paid it), a lead that became a customer, and a payout run
// at the start of this month, whose statements the Payouts screen opens.
func living(ctx context.Context, st Shop, programID int64, now time.Time) error {
	if err := importSales(ctx, st, programID, "shopify", "orders_export_shopify.csv", shopify, nil, now); err != nil {
		return err
	}
	runDay := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)
	if now.Sub(runDay) < 7*24*time.Hour { // early in a month: the run of the month before
		runDay = runDay.AddDate(0, -1, 0)
	}
	// The run is the sample's own: issued by the invented sample company and numbered in the
	// sample series, it needs none of the shop's company details and takes none of its numbers.
	if _, err := st.RunPayouts(ctx, programID, runDay.Format("2006-01-02"), false); err != nil {
		return fmt.Errorf("sample: payout run: %w", err)
	}
	// After the run, a customer returns the grinder Lena's coupon sold: her paid commission is
	// taken back by a negative adjustment in her next payout.
	refund := domain.Refund{Source: "shopify", OrderID: "#2106", Key: "sample-refund-2106", Amount: 18900, Currency: "EUR",
		Time: now.AddDate(0, 0, -4).Truncate(time.Hour).UTC(), Row: len(woo) + 2}
	return importSales(ctx, st, programID, "woocommerce", "wc-orders-wholesale.csv", woo, []domain.OrderItem{{Refund: &refund}}, now)
}
