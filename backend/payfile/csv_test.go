package payfile

import (
	"bytes"
	"strings"
	"testing"
)

// Names and notes that a spreadsheet would run as formulas are written as text in the CSV
// payment files; amounts stay numbers.
func TestPaymentCSVFormulaSafe(t *testing.T) {
	evil := `=HYPERLINK("http://evil.test","x")`
	var b bytes.Buffer
	pp := []Payment{{Number: "2025-0004", Key: "kira", Email: "kira@example.com", Currency: "USD", Amount: "55.00"}}
	if err := PayPalCSV(&b, pp, "+cmd|' /C calc'!A0"); err != nil {
		t.Fatal(err)
	}
	if want := "kira@example.com,55.00,USD,2025-0004,'+cmd|' /C calc'!A0 2025-0004\n"; b.String() != want {
		t.Errorf("paypal:\n%s\nwant:\n%s", b.String(), want)
	}
	b.Reset()
	w := []Payment{{Number: "2025-0005", Key: "evil", Name: evil, Email: "-x@example.com", IBAN: "DE89370400440532013000", Currency: "EUR", Amount: "10.00"}}
	if err := WiseCSV(&b, w, "EUR"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"'=HYPERLINK(""http://evil.test"",""x"")"`) || !strings.Contains(b.String(), ",'-x@example.com,") {
		t.Errorf("wise: the formula is live:\n%s", b.String())
	}
	if !strings.Contains(b.String(), ",10.00,") {
		t.Errorf("wise: the amount is not a plain number:\n%s", b.String())
	}
}
