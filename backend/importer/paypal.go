package importer

import (
	"fmt"
	"strings"
	"time"

	"partnerbook/backend/domain"
)

// PayPal: Activity → Download. Every cell quoted, a BOM, dates by locale, a time zone
// abbreviation, amounts with thousands separators or a decimal comma. Payments are rows with a
// positive Gross that credit the balance; a refund is a negative row whose Reference Txn ID is
// the payment's Transaction ID; Memo rows moved no money.
func init() {
	register(format{name: "paypal", open: openPaypal, detect: func(t *Table) bool {
		return hasAll(t, "Date", "Time", "TimeZone", "Gross", "Transaction ID", "Balance Impact")
	}})
}

// zoneOffsets are the abbreviations PayPal writes, as offsets from UTC in hours.
var zoneOffsets = map[string]float64{"UTC": 0, "GMT": 0, "BST": 1, "WET": 0, "WEST": 1, "CET": 1, "CEST": 2, "EET": 2,
	"EEST": 3, "PST": -8, "PDT": -7, "MST": -7, "MDT": -6, "CST": -6, "CDT": -5, "EST": -5, "EDT": -4, "AKST": -9,
	"AKDT": -8, "HST": -10, "AEST": 10, "AEDT": 11, "ACST": 9.5, "AWST": 8, "JST": 9, "KST": 9, "IST": 5.5, "NZST": 12, "NZDT": 13}

// usZones are the zones whose accounts write dates month first.
var usZones = map[string]bool{"PST": true, "PDT": true, "MST": true, "MDT": true, "CST": true, "CDT": true, "EST": true,
	"EDT": true, "AKST": true, "AKDT": true, "HST": true}

// PayPal writes Type, Status and Balance Impact in the account's language; these are the
// words for what the reader needs to know, in English, German, French, Spanish, Italian, Dutch.
var (
	paypalPayment   = []string{"payment", "zahlung", "paiement", "pago", "pagamento", "betaling"}
	paypalRefund    = []string{"refund", "rückzahlung", "erstattung", "remboursement", "reembolso", "rimborso", "terugbetaling"}
	paypalDone      = []string{"completed", "abgeschlossen", "terminé", "completado", "completato", "voltooid", "refunded", "partially refunded", "erstattet", "teilweise erstattet"}
	paypalCredit    = []string{"credit", "gutschrift", "haben", "crédit", "crédito", "credito", "bij"}
	paypalMemo      = []string{"memo", "mémo", "nota"}
	paypalSubscribe = []string{"subscription", "abonnement", "abo-", "suscripción", "abbonamento"}
)

// says reports whether s contains one of the words, regardless of case.
func says(s string, words []string) bool {
	s = strings.ToLower(s)
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

type paypal struct {
	rowReader
	opt Options
}

func openPaypal(t *Table, opt Options) (OrderReader, error) {
	return &paypal{rowReader: rowReader{t: t}, opt: opt}, nil
}

// when reads Date, Time and TimeZone. Dates with dots are day first; with slashes they are
// month first in US zones and day first elsewhere, unless the first number is over 12.
func (p *paypal) when(c *cells) time.Time {
	t := p.t
	date, clock, zone := t.Get("Date"), t.Get("Time"), strings.ToUpper(t.Get("TimeZone"))
	off, ok := zoneOffsets[zone]
	if !ok {
		c.fail("TimeZone", zone, "%q is not a time zone PayPal writes (such as PST, CET)", zone)
		return time.Time{}
	}
	loc := time.FixedZone(zone, int(off*3600))
	var layouts []string
	switch {
	case strings.Contains(date, "."):
		layouts = []string{"02.01.2006", "2.1.2006"}
	case strings.Contains(date, "/"):
		first := strings.SplitN(date, "/", 2)[0]
		if usZones[zone] && !(len(first) == 2 && first > "12") {
			layouts = []string{"01/02/2006", "1/2/2006"}
		} else {
			layouts = []string{"02/01/2006", "2/1/2006"}
		}
	default:
		layouts = []string{"2006-01-02"}
	}
	for _, l := range layouts {
		if tm, err := time.ParseInLocation(l+" 15:04:05", date+" "+clock, loc); err == nil {
			return c.plausible("Date", date, tm)
		}
	}
	c.fail("Date", date, "%q at %q is not a date and time PayPal writes", date, clock)
	return time.Time{}
}

func (p *paypal) Next() (domain.OrderItem, bool, error) {
	ok, err := p.next()
	if err != nil || !ok {
		return domain.OrderItem{}, false, err
	}
	t := p.t
	row := t.Row()
	impact, kind, status := t.Get("Balance Impact"), t.Get("Type"), strings.ToLower(t.Get("Status"))
	id := t.Get("Transaction ID")
	if says(impact, paypalMemo) {
		return domain.OrderItem{Skip: &domain.Skip{Row: row, Reason: fmt.Sprintf("%s %s moved no money (Memo)", kind, id)}}, true, nil
	}
	c := &cells{t: t}
	cur := c.currency("Currency")
	gross := c.money("Gross", cur)
	when := p.when(c)
	if len(c.problems) > 0 {
		return domain.OrderItem{Problems: c.problems}, true, nil
	}
	ref := t.Get("Reference Txn ID")
	isRefund := gross < 0 && ref != "" && says(kind, paypalRefund)
	switch {
	case isRefund:
		return domain.OrderItem{Refund: &domain.Refund{Source: "paypal", OrderID: ref, Key: id, Amount: -gross, Currency: cur, Time: when, Row: row}}, true, nil
	case gross <= 0 || !says(impact, paypalCredit) || !says(kind, paypalPayment):
		return domain.OrderItem{Skip: &domain.Skip{Row: row, Reason: fmt.Sprintf("%s %s is not a sale", kind, id)}}, true, nil
	case !says(status, paypalDone):
		return domain.OrderItem{Skip: &domain.Skip{Row: row, Reason: fmt.Sprintf("payment %s is %s", id, status)}}, true, nil
	}
	if id == "" {
		c.fail("Transaction ID", "", "the transaction id is missing")
		return domain.OrderItem{Problems: c.problems}, true, nil
	}
	o := &domain.Order{Source: "paypal", ID: id, Row: row, Time: when, Currency: cur, Total: gross, Status: status,
		CustomerEmail: domain.NormalizeEmail(t.Get("From Email Address")), CustomerName: t.Get("Name"),
		Recurring: says(kind, paypalSubscribe)}
	o.Net = gross - c.money("Sales Tax", cur) - c.money("Shipping and Handling Amount", cur)
	if k, v, ok := strings.Cut(t.Get("Custom Number"), "="); ok && strings.EqualFold(strings.TrimSpace(k), "ref") {
		o.RefKey = strings.TrimSpace(v)
	}
	if t.Get("Item Title") != "" {
		o.Lines = []domain.OrderLine{{SKU: t.Get("Item ID"), Name: t.Get("Item Title"), Quantity: c.quantity("Quantity"), UnitPrice: 0}}
	}
	if len(c.problems) > 0 {
		return domain.OrderItem{Problems: c.problems}, true, nil
	}
	return domain.OrderItem{Order: o}, true, nil
}
