// Package payfile writes the files a bank or PayPal takes to pay a run's partners: a PayPal
// Payouts CSV, a Wise batch CSV and a SEPA credit transfer (pain.001.001.03).
package payfile

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"partnerbook/backend/csvsafe"
	"partnerbook/backend/domain"
)

// Payment is one payout to one partner.
type Payment struct {
	Number   string // the payout's number: the reference the partner sees
	Key      string
	Name     string
	Email    string // PayPal e-mail
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

// WiseCSV writes a Wise batch file ("send to bank accounts") for partners paid to an IBAN:
// the amount fixed in the target currency.
func WiseCSV(w io.Writer, ps []Payment, sourceCurrency string) error {
	cw := csvsafe.NewWriter(w)
	cw.Write([]string{"name", "recipientEmail", "paymentReference", "receiverType", "amountCurrency", "amount", "sourceCurrency", "targetCurrency", "IBAN"})
	for _, p := range ps {
		if p.IBAN == "" {
			return fmt.Errorf("payfile: %s has no IBAN", p.Key)
		}
		kind := "PRIVATE"
		if p.VATID != "" {
			kind = "BUSINESS"
		}
		cw.Write([]string{p.Name, p.Email, p.Number, kind, "target", p.Amount, sourceCurrency, p.Currency, domain.NormalizeIBAN(p.IBAN)})
	}
	cw.Flush()
	return cw.Error()
}

func oneCurrency(ps []Payment) error {
	for _, p := range ps {
		if p.Currency != ps[0].Currency {
			return fmt.Errorf("payfile: one currency a file: %s and %s", ps[0].Currency, p.Currency)
		}
	}
	return nil
}

// latin are the letters SEPA's character set lacks, written as it would have them.
var latin = map[rune]string{'Ä': "Ae", 'Ö': "Oe", 'Ü': "Ue", 'ä': "ae", 'ö': "oe", 'ü': "ue", 'ß': "ss", 'Ø': "O", 'ø': "o",
	'Å': "A", 'å': "a", 'Æ': "AE", 'æ': "ae", 'Ł': "L", 'ł': "l", 'Đ': "D", 'đ': "d", 'Þ': "Th", 'þ': "th", 'Œ': "OE", 'œ': "oe"}

// sepaText keeps what the SEPA character set allows (a-z A-Z 0-9 / - ? : ( ) . , ' + space),
// writes other Latin letters without their marks, and cuts to n characters.
func sepaText(s string, n int) string {
	var b strings.Builder
	for _, r := range s {
		if x, ok := latin[r]; ok {
			b.WriteString(x)
			continue
		}
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("/-?:().,'+ ", r)):
			b.WriteRune(r)
		case unicode.IsLetter(r):
			b.WriteString(stripMark(r))
		default:
			b.WriteRune(' ')
		}
	}
	out := strings.Join(strings.Fields(b.String()), " ")
	if len(out) > n {
		out = strings.TrimSpace(out[:n])
	}
	return out
}

// stripMark writes a letter with a diacritic as its base letter (é → e), or "?" where it has
// none in Latin.
func stripMark(r rune) string {
	const from, to = "ÀÁÂÃÇÈÉÊËÌÍÎÏÑÒÓÔÕÙÚÛÝàáâãçèéêëìíîïñòóôõùúûýÿĀāĂăĄąĆćČčĎďĒēĘęĚěĞğĪīİıĶķĹĺĽľŃńŇňŌōŐőŔŕŘřŚśŞşŠšŢţŤťŪūŮůŰűŹźŻżŽž",
		"AAAACEEEEIIIINOOOOUUUYaaaaceeeeiiiinoooouuuyyAaAaAaCcCcDdEeEeEeGgIiIiKkLlLlNnNnOoOoRrRrSsSsSsTtTtUuUuUuZzZzZz"
	fr := []rune(from)
	for i, x := range fr {
		if x == r {
			return string(to[i])
		}
	}
	return "?"
}
