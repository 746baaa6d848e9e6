package importer

import (
	"errors"
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
	register(format{name: "paypal", title: "PayPal's activity download", open: openPaypal,
		columns: []string{"Date", "Time", "TimeZone", "Name", "Type", "Status", "Currency", "Gross", "Transaction ID",
			"Reference Txn ID", "Balance Impact"}})
}

// zoneOffsets are the abbreviations PayPal writes, as offsets from UTC in hours.
var zoneOffsets = map[string]float64{"UTC": 0, "GMT": 0, "BST": 1, "WET": 0, "WEST": 1, "CET": 1, "CEST": 2, "EET": 2,
	"EEST": 3, "PST": -8, "PDT": -7, "MST": -7, "MDT": -6, "CST": -6, "CDT": -5, "EST": -5, "EDT": -4, "AKST": -9,
	"AKDT": -8, "HST": -10, "AEST": 10, "AEDT": 11, "ACST": 9.5, "AWST": 8, "JST": 9, "KST": 9, "IST": 5.5, "NZST": 12, "NZDT": 13}

// usZones are the zones whose accounts write dates month first.
var usZones = map[string]bool{"PST": true, "PDT": true, "MST": true, "MDT": true, "CST": true, "CDT": true, "EST": true,
	"EDT": true, "AKST": true, "AKDT": true, "HST": true}

// paypalSales are the Types of a payment received for a sale, in the account's language,
// compared whole (case aside), each with whether it renews a subscription. Any other Type is
// not a sale, however it is worded: "Non Reference Credit Payment" is a merchant paying the
// shop back, "General Currency Conversion" moves the shop's own money.
var paypalSales = map[string]bool{
	"express checkout payment": false, "website payment": false, "web accept payment received": false,
	"shopping cart payment received": false, "payment received": false, "mobile payment": false,
	"mobile express checkout payment": false, "direct credit card payment": false, "virtual terminal payment": false,
	"ebay auction payment": false, "general payment": false, "invoice payment": false, "donation payment": false,
	"subscription payment": true, "subscription payment received": true, "recurring payment": true,
	"recurring payment received": true, "preapproved payment bill user payment": true,
	"pre-approved payment bill user payment": true,
	// German, French, Spanish, Italian, Dutch accounts.
	"website-zahlung": false, "express-checkout-zahlung": false, "zahlung erhalten": false, "allgemeine zahlung": false,
	"handyzahlung": false, "abonnementzahlung": true, "abo-zahlung": true,
	"paiement sur site marchand": false, "paiement express checkout": false, "paiement reçu": false, "paiement d'abonnement": true,
	"pago en sitio web": false, "pago de express checkout": false, "pago recibido": false, "pago de suscripción": true,
	"pagamento sito web": false, "pagamento express checkout": false, "pagamento ricevuto": false, "pagamento abbonamento": true,
	"websitebetaling": false, "express checkout-betaling": false, "betaling ontvangen": false, "abonnementsbetaling": true,
}

// PayPal writes Status and Balance Impact in the account's language; these are the words for
// what the reader needs to know, in English, German, French, Spanish, Italian, Dutch.
var (
	paypalRefund = []string{"refund", "rückzahlung", "erstattung", "remboursement", "reembolso", "rimborso", "terugbetaling"}
	paypalDone   = []string{"completed", "abgeschlossen", "terminé", "completado", "completato", "voltooid", "refunded", "partially refunded", "erstattet", "teilweise erstattet"}
	paypalCredit = []string{"credit", "gutschrift", "haben", "crédit", "crédito", "credito", "bij"}
	paypalMemo   = []string{"memo", "mémo", "nota"}
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
	recurring, isSale := paypalSales[strings.ToLower(strings.Join(strings.Fields(kind), " "))]
	switch {
	case isRefund:
		return domain.OrderItem{Refund: &domain.Refund{Source: "paypal", OrderID: ref, Key: id, Amount: -gross, Currency: cur, Time: when, Row: row,
			CurrencyColumn: "Currency"}}, true, nil
	case !isSale:
		return domain.OrderItem{Skip: &domain.Skip{Row: row, Reason: fmt.Sprintf("%s %s is not a payment received for a sale", kind, id)}}, true, nil
	case gross <= 0 || !says(impact, paypalCredit):
		return domain.OrderItem{Skip: &domain.Skip{Row: row, Reason: fmt.Sprintf("%s %s did not credit the balance", kind, id)}}, true, nil
	case !says(status, paypalDone):
		return domain.OrderItem{Skip: &domain.Skip{Row: row, Reason: fmt.Sprintf("payment %s is %s", id, status)}}, true, nil
	}
	if id == "" {
		c.fail("Transaction ID", "", "the transaction id is missing")
		return domain.OrderItem{Problems: c.problems}, true, nil
	}
	o := &domain.Order{Source: "paypal", ID: id, Row: row, Time: when, Currency: cur, Total: gross, Status: status,
		CustomerEmail: domain.NormalizeEmail(t.Get("From Email Address")), CustomerName: t.Get("Name"),
		Recurring: recurring, IDColumn: "Transaction ID"}
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

// paypalShort refuses PayPal's short activity layout (Date, Time, TimeZone, Name, Type,
// Status, Currency, Amount, Receipt ID, Balance): it has no transaction ids, so a payment
// cannot be told from another, imported once, or matched with its refund.
func paypalShort(t *Table) error {
	if !hasAll(t, "Date", "Time", "Type", "Status", "Amount", "Receipt ID", "Balance") || t.Has("Transaction ID") ||
		!(t.Has("TimeZone") || t.Has("Time Zone")) {
		return nil
	}
	return wrongDownload{domain.Invalid(t.File+" is PayPal's short activity layout, which has no transaction ids", []domain.Problem{{File: t.File, Row: 1,
		Message: "this is PayPal's short activity layout (Date, Time, TimeZone, Name, Type, Status, Currency, Amount, Receipt ID, Balance): " +
			"without Transaction ID a payment cannot be imported once or matched with its refund. In PayPal open Activity → Download " +
			"(Reports → Activity download), choose Transaction type \"Balance affecting\" (or \"All transactions\") and format CSV: " +
			"that file has Transaction ID, Gross and Balance Impact"}})}
}

// wrongDownload is the refusal of a file that no format and no column mapping can read: the
// shop offers another download that has what is needed.
type wrongDownload struct{ error }

func (w wrongDownload) Unwrap() error { return w.error }

// IsWrongDownload says whether err refuses the file as the wrong download of its shop (such
// as PayPal's short activity layout): a column mapping cannot help, another download can.
func IsWrongDownload(err error) bool {
	var w wrongDownload
	return errors.As(err, &w)
}
