// Package payfile writes the files a bank or PayPal takes to pay a run's partners: a PayPal
// Payouts CSV, a Wise batch CSV and a SEPA credit transfer (pain.001.001.03).
package payfile

import (
	"fmt"
	"io"
	"strings"

	"partnerbook/backend/csvsafe"
	"partnerbook/backend/domain"
)

// Payment is one payout to one partner.
type Payment struct {
	Number   string // the payout's number: the reference the partner sees
	Key      string
	Name     string
	Email    string // PayPal e-mail
	Contact  string // the partner's own e-mail: Wise writes to it about the transfer
	IBAN     string
	VATID    string // a business, for Wise's receiver type
	Currency string
	Amount   string // decimal text, positive
}

// PayPalCSV writes a PayPal Payouts file: no header; recipient, amount, currency, an id
// (the payout number, 30 characters at most, no spaces) and a note. PayPal takes one currency
// a file: the payments must share theirs.
func PayPalCSV(w io.Writer, ps []Payment, note string) error {
	if err := oneCurrency(ps); err != nil {
		return err
	}
	cw := csvsafe.NewWriter(w)
	for _, p := range ps {
		if p.Email == "" {
			return fmt.Errorf("payfile: %s has no PayPal e-mail", p.Key)
		}
		id := strings.ReplaceAll(p.Number, " ", "")
		if len(id) > 30 {
			id = id[:30]
		}
		cw.Write([]string{p.Email, p.Amount, p.Currency, id, note + " " + p.Number})
	}
	cw.Flush()
	return cw.Error()
}

// wiseHeader is the header of Wise's "Send to bank accounts" batch template for recipients
// paid to an IBAN, as Wise's help article "How do I fill in my batch template?"
// (wise.com/help/articles/2663302) describes it and its downloaded template has it: name as on
// the account, recipientEmail, paymentReference (free text), referenceNumber (a structured
// reference, left empty), receiverType (PERSON or INSTITUTION), amountCurrency (source or
// target: which currency amount is in), amount, sourceCurrency, targetCurrency, IBAN.
var wiseHeader = []string{"name", "recipientEmail", "paymentReference", "referenceNumber", "receiverType", "amountCurrency",
	"amount", "sourceCurrency", "targetCurrency", "IBAN"}

// WiseCSV writes a Wise batch file ("send to bank accounts") for partners paid to an IBAN: the
// amount fixed in the target currency (the partner gets exactly the payout), the partner's
// e-mail so that Wise can tell them, and INSTITUTION for a partner with a VAT id.
func WiseCSV(w io.Writer, ps []Payment, sourceCurrency string) error {
	cw := csvsafe.NewWriter(w)
	cw.Write(wiseHeader)
	for _, p := range ps {
		if p.IBAN == "" {
			return fmt.Errorf("payfile: %s has no IBAN", p.Key)
		}
		kind := "PERSON"
		if p.VATID != "" {
			kind = "INSTITUTION"
		}
		email := p.Contact
		if email == "" {
			email = p.Email
		}
		cw.Write([]string{p.Name, email, p.Number, "", kind, "target", p.Amount, sourceCurrency, p.Currency, domain.NormalizeIBAN(p.IBAN)})
	}
	return cw.Flush()
}

func oneCurrency(ps []Payment) error {
	for _, p := range ps {
		if p.Currency != ps[0].Currency {
			return fmt.Errorf("payfile: one currency a file: %s and %s", ps[0].Currency, p.Currency)
		}
	}
	return nil
}
