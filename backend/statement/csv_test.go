package statement

import (
	"bytes"
	"strings"
	"testing"
)

// A partner named like a formula lands in the bookkeeping CSV as text; amounts stay numbers.
func TestBookkeepingCSVFormulaSafe(t *testing.T) {
	r := Run{Payouts: []RunPayout{{Number: "2025-0009", Date: "2025-04-01", Partner: `=HYPERLINK("http://evil.test","x")`,
		Key: "@evil", Net: "-5.20", Currency: "EUR", Method: "paypal", Credit: true}}}
	var b bytes.Buffer
	if err := BookkeepingCSV(&b, r); err != nil {
		t.Fatal(err)
	}
	want := `2025-0009,2025-04-01,"'=HYPERLINK(""http://evil.test"",""x"")",'@evil,,,-5.20,EUR,paypal,credit_note,,,0.00,-5.20` + "\n"
	if !strings.HasSuffix(b.String(), want) {
		t.Errorf("csv:\n%s\nwant the row:\n%s", b.String(), want)
	}
}
