package payfile

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerbook/backend/payfile/sepacheck"
)

var ps = []Payment{
	{Number: "2025-0001", Key: "bjorn", Name: "Bjørn Øster", IBAN: "DK50 0040 0440 1162 43", Currency: "EUR", Amount: "120.50", VATID: "DK1"},
	{Number: "2025-0002", Key: "lukasz", Name: "Łukasz Żółć & Söhne", IBAN: "de89370400440532013000", Currency: "EUR", Amount: "0.01"},
	{Number: "2025-0003", Key: "ines", Name: "Inês Conceição", IBAN: "PT50000201231234567890154", Currency: "EUR", Amount: "1000.99"},
}

// TestSEPARoundTrip parses the file back and checks its count and sums, header and block.
func TestSEPARoundTrip(t *testing.T) {
	var b bytes.Buffer
	created := time.Date(2025, 4, 1, 9, 30, 0, 0, time.UTC)
	if err := SEPA(&b, Debtor{Name: "Kaffeerösterei GmbH", IBAN: "DE02120300000000202051"}, "PB-RUN-7", created, "2025-04-02", ps, "Partner commission"); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Init struct {
			Count int    `xml:"GrpHdr>NbOfTxs"`
			Sum   string `xml:"GrpHdr>CtrlSum"`
			When  string `xml:"GrpHdr>CreDtTm"`
			Pmt   struct {
				Count int    `xml:"NbOfTxs"`
				Sum   string `xml:"CtrlSum"`
				Day   string `xml:"ReqdExctnDt"`
				IBAN  string `xml:"DbtrAcct>Id>IBAN"`
				Agent string `xml:"DbtrAgt>FinInstnId>Othr>Id"`
				Tx    []struct {
					E2E    string `xml:"PmtId>EndToEndId"`
					Amount struct {
						Ccy   string `xml:"Ccy,attr"`
						Value string `xml:",chardata"`
					} `xml:"Amt>InstdAmt"`
					Name string `xml:"Cdtr>Nm"`
					IBAN string `xml:"CdtrAcct>Id>IBAN"`
					Ref  string `xml:"RmtInf>Ustrd"`
				} `xml:"CdtTrfTxInf"`
			} `xml:"PmtInf"`
		} `xml:"CstmrCdtTrfInitn"`
	}
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	in := doc.Init
	sum := decimal.Zero
	for _, tx := range in.Pmt.Tx {
		d, _ := decimal.NewFromString(tx.Amount.Value)
		sum = sum.Add(d)
		if tx.Amount.Ccy != "EUR" {
			t.Errorf("currency %q", tx.Amount.Ccy)
		}
	}
	if in.Count != 3 || in.Pmt.Count != 3 || len(in.Pmt.Tx) != 3 {
		t.Errorf("counts %d %d %d, want 3", in.Count, in.Pmt.Count, len(in.Pmt.Tx))
	}
	if in.Sum != "1121.50" || in.Pmt.Sum != "1121.50" || sum.StringFixed(2) != "1121.50" {
		t.Errorf("sums %s %s %s, want 1121.50", in.Sum, in.Pmt.Sum, sum.StringFixed(2))
	}
	if in.When != "2025-04-01T09:30:00" || in.Pmt.Day != "2025-04-02" || in.Pmt.IBAN != "DE02120300000000202051" || in.Pmt.Agent != "NOTPROVIDED" {
		t.Errorf("header %+v", in)
	}
	tx := in.Pmt.Tx
	if tx[0].Name != "Bjoern Oster" && tx[0].Name != "Bjorn Oster" {
		t.Errorf("name %q", tx[0].Name)
	}
	if tx[1].Name != "Lukasz Zolc Soehne" || tx[1].IBAN != "DE89370400440532013000" || tx[2].Name != "Ines Conceicao" {
		t.Errorf("names %q %q %q", tx[0].Name, tx[1].Name, tx[2].Name)
	}
	if tx[2].E2E != "2025-0003" || tx[2].Ref != "Partner commission 2025-0003" {
		t.Errorf("references %q %q", tx[2].E2E, tx[2].Ref)
	}
	t.Run("schema", func(t *testing.T) { sepacheck.Validate(t, "round-trip.xml", b.Bytes()) })
}

func TestSEPARefusals(t *testing.T) {
	d := Debtor{Name: "Shop", IBAN: "DE02120300000000202051"}
	now := time.Now()
	for name, c := range map[string]struct {
		d    Debtor
		p    Payment
		want string
	}{
		"bad shop IBAN": {Debtor{Name: "Shop", IBAN: "DE00120300000000202051"}, ps[0], "company.iban"},
		"usd":           {d, Payment{Key: "x", Currency: "USD", Amount: "1", IBAN: ps[0].IBAN}, "EUR only"},
		"bad IBAN":      {d, Payment{Key: "x", Currency: "EUR", Amount: "1", IBAN: "DE89370400440532013001"}, "x:"},
		"not positive":  {d, Payment{Key: "x", Currency: "EUR", Amount: "-1", IBAN: ps[0].IBAN}, "not a positive"},
	} {
		err := SEPA(&bytes.Buffer{}, c.d, "M", now, "2025-01-01", []Payment{c.p}, "")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", name, err, c.want)
		}
	}
}

func TestPayPalAndWise(t *testing.T) {
	var b bytes.Buffer
	pp := []Payment{{Number: "2025-0004", Key: "kira", Email: "kira@example.com", Currency: "USD", Amount: "55.00"},
		{Number: "2025-0005", Key: "jo", Email: "jo@example.org", Currency: "USD", Amount: "7.10"}}
	if err := PayPalCSV(&b, pp, "Commission"); err != nil {
		t.Fatal(err)
	}
	want := "kira@example.com,55.00,USD,2025-0004,Commission 2025-0004\njo@example.org,7.10,USD,2025-0005,Commission 2025-0005\n"
	if b.String() != want {
		t.Errorf("paypal:\n%s\nwant:\n%s", b.String(), want)
	}
	pp[1].Currency = "EUR"
	if err := PayPalCSV(&bytes.Buffer{}, pp, ""); err == nil {
		t.Error("two currencies in one PayPal file")
	}
	b.Reset()
	wise := append([]Payment(nil), ps[:2]...)
	wise[0].Contact, wise[1].Contact = "bjorn@example.dk", "lukasz@example.pl"
	if err := WiseCSV(&b, wise, "EUR"); err != nil {
		t.Fatal(err)
	}
	want = "name,recipientEmail,paymentReference,referenceNumber,receiverType,amountCurrency,amount,sourceCurrency,targetCurrency,IBAN\n" +
		"Bjørn Øster,bjorn@example.dk,2025-0001,,INSTITUTION,target,120.50,EUR,EUR,DK5000400440116243\n" +
		"Łukasz Żółć & Söhne,lukasz@example.pl,2025-0002,,PERSON,target,0.01,EUR,EUR,DE89370400440532013000\n"
	if b.String() != want {
		t.Errorf("wise:\n%s\nwant:\n%s", b.String(), want)
	}
}
