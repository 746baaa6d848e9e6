// Package payout holds the rules of a payout run (docs/commissions.md, "Payouts"): what becomes
// of each partner's balance (a payout, a credit note, or carried forward), the conversion by the
// rate table for the threshold, the netting of open credit notes, the invoice numbers, which
// invoices a credit note corrects, and what a run must have before it issues anything. It is
// pure: balances, settings, rates and the day come in as values; no clock, no database. The
// store reads and writes around it.
package payout

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/shopspring/decimal"

	"partnerbook/backend/domain"
)

// The kinds of a decision.
const (
	Invoice    = "invoice"     // a payout: a self-billing invoice
	CreditNote = "credit_note" // lines that add up to less than zero
	Carry      = "carry"       // nothing issued: the balance waits for a later run
)

// Balance is one partner's approved, unpaid lines in one currency, as the store sums them.
type Balance struct {
	Partner  int64
	Key      string
	Currency string
	Amount   int64 // the lines, minor units
	Lines    int
	Credit   int64 // the partner's open credit notes in this currency (negative), netted by the next payout
}

// Rules are what a run decides by: the program's currency and threshold, and the rate table.
type Rules struct {
	Currency  string          // the program's currency, in which thresholds are compared
	Threshold decimal.Decimal // the least balance paid out, in Currency
	AsOf      string          // the run's day, for messages
	Rates     Rates
}

// Decision is what becomes of one balance.
type Decision struct {
	Balance
	Kind    string // Invoice, CreditNote or Carry
	Amount  int64  // the payout's, the credit note's or the carried amount, minor units
	Nets    bool   // the payout nets the open credit notes (they are settled by it)
	Reason  string // why a balance is carried
	Warning string // what a person should do (a missing rate)
}

// Rates are exchange rates in units of a currency per 1 EUR (ECB reference rates), the latest
// on or before the run's day.
type Rates map[string]decimal.Decimal

// Convert turns an amount into another currency; ok is false when a rate is missing.
func (r Rates) Convert(amount decimal.Decimal, from, to string) (decimal.Decimal, bool) {
	if from == to {
		return amount, true
	}
	rate := func(cur string) (decimal.Decimal, bool) {
		if cur == "EUR" {
			return decimal.NewFromInt(1), true
		}
		d, ok := r[cur]
		return d, ok && d.IsPositive()
	}
	rf, ok1 := rate(from)
	rt, ok2 := rate(to)
	if !ok1 || !ok2 {
		return decimal.Zero, false
	}
	return amount.Mul(rt).DivRound(rf, 12), true
}

// Decide says what becomes of a balance: a credit note when the lines add up to less than
// zero; a payout (netting the open credit notes) when lines and credit notes together reach the
// threshold in the program's currency; else carried forward, with the reason.
func Decide(b Balance, r Rules) Decision {
	d := Decision{Balance: b}
	if b.Amount < 0 {
		d.Kind, d.Amount = CreditNote, b.Amount
		return d
	}
	net := b.Amount + b.Credit
	d.Kind, d.Amount = Carry, net
	inProgram, ok := r.Rates.Convert(domain.FromMinor(net, b.Currency), b.Currency, r.Currency)
	switch {
	case !ok:
		d.Reason = reasonNoRate
		d.Warning = fmt.Sprintf("%s: %s %s not paid: no exchange rate from %s to %s on or before %s (import one with `partnerbook import rates`)",
			b.Key, domain.FormatMinor(net, b.Currency), b.Currency, b.Currency, r.Currency, r.AsOf)
	case net <= 0:
		d.Reason = reasonNotPositive
	case inProgram.LessThan(r.Threshold):
		d.Reason = reasonBelow + r.Threshold.StringFixed(domain.MinorUnits(r.Currency)) + " " + r.Currency
	default:
		d.Kind, d.Nets = Invoice, b.Credit != 0
	}
	return d
}

// Plan decides every balance, in the order given.
func Plan(bs []Balance, r Rules) []Decision {
	out := make([]Decision, len(bs))
	for i, b := range bs {
		out[i] = Decide(b, r)
	}
	return out
}

// Year is the year of a run's day (YYYY-MM-DD), the year its numbers are counted in.
func Year(asOf string) (int, error) {
	if len(asOf) < 4 {
		return 0, domain.Errorf(domain.EInvalid, "%q is not a day (YYYY-MM-DD)", asOf)
	}
	y, err := strconv.Atoi(asOf[:4])
	if err != nil {
		return 0, domain.Errorf(domain.EInvalid, "%q is not a day (YYYY-MM-DD)", asOf)
	}
	return y, nil
}

// Number is the n-th number of a year's series: 2025-0001.
func Number(year, n int) string { return fmt.Sprintf("%d-%04d", year, n) }

// Corrects names the invoices a credit note corrects: those that paid the lines its
// adjustments correct, and the partner's latest invoice in its currency when it was made
// (latest may be ""); sorted, each once.
func Corrects(paidAdjusted []string, latest string) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, n := range append(append([]string(nil), paidAdjusted...), latest) {
		if n != "" && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}
