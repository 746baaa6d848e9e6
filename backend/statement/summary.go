package statement

import (
	"io"
	"time"

	"github.com/shopspring/decimal"

	"partnerbook/backend/csvsafe"
	"partnerbook/backend/domain"
)

// RunPayout is one payout of a run, as the books need it.
type RunPayout struct {
	Number  string `json:"number"`
	Date    string `json:"date"` // YYYY-MM-DD, the run's day
	Partner string `json:"partner"`
	Key     string `json:"key"`
	Country string `json:"country"`
	VATID   string `json:"vat_id"`
	Net     string `json:"net"`
	// VATTreatment, VATRate (percent, "0" for none), VAT and Gross (what is paid: Net + VAT)
	// as the statement was issued; VAT includes that of the credit notes a payout nets.
	VATTreatment string `json:"vat_treatment"`
	VATRate      string `json:"vat_rate"`
	VAT          string `json:"vat"`
	Gross        string `json:"gross"`
	Currency     string `json:"currency"`
	Method       string `json:"method"`
	Credit       bool   `json:"credit"`
}

// Run is a payout run for the books: its payouts and what it carried forward.
type Run struct {
	ID      int64        `json:"id"`
	AsOf    string       `json:"as_of"`
	Created time.Time    `json:"created"`
	Lang    string       `json:"lang"`
	Issuer  Party        `json:"issuer"`
	Payouts []RunPayout  `json:"payouts"`
	Carried []RunCarried `json:"carried"`
	Sample  bool         `json:"sample,omitempty"` // a run of the sample program: it says so
}

// RunCarried is a balance the run carried forward.
type RunCarried struct {
	Key      string `json:"key"`
	Currency string `json:"currency"`
	Amount   string `json:"amount"`
	Reason   string `json:"reason"`
}

// BookkeepingCSV writes the run's payouts, one a row, for the books.
func BookkeepingCSV(w io.Writer, r Run) error {
	cw := csvsafe.NewWriter(w)
	cw.Write([]string{"number", "date", "partner", "key", "country", "vat_id", "net", "currency", "method", "type",
		"vat_treatment", "vat_rate", "vat", "gross"})
	for _, p := range r.Payouts {
		kind := "invoice"
		if p.Credit {
			kind = "credit_note"
		}
		cw.Write([]string{p.Number, p.Date, p.Partner, p.Key, p.Country, p.VATID, p.Net, p.Currency, p.Method, kind,
			p.VATTreatment, p.VATRate, or0(p.VAT, p.Currency), orNet(p.Gross, p.Net)})
	}
	cw.Flush()
	return cw.Error()
}

func or0(v, currency string) string {
	if v == "" {
		return decimal.Zero.StringFixed(domain.MinorUnits(currency))
	}
	return v
}

func orNet(gross, net string) string {
	if gross == "" {
		return net
	}
	return gross
}

// SummaryPDF is the run's summary for the books: every payout and the totals per currency.
func SummaryPDF(r Run) ([]byte, error) {
	d := newDoc(r.Lang, r.Created, "Payout run "+r.AsOf)
	l, pdf := d.l, d.pdf
	pdf.AddPage()
	d.text(l.T("summary.title", r.ID), 15, true)
	d.text(l.T("summary.as_of", l.DayText(r.AsOf), r.Issuer.Name), 9, false)
	if r.Sample {
		d.pdf.SetTextColor(180, 30, 30)
		d.text(l.T("summary.sample"), 9, true)
		d.pdf.SetTextColor(0, 0, 0)
	}
	pdf.Ln(4)
	if len(r.Payouts) == 0 {
		d.text(l.T("summary.none"), 9, false)
	} else {
		rows := make([][]string, len(r.Payouts))
		type sums struct{ net, vat, gross decimal.Decimal }
		totals := map[string]*sums{}
		var currencies []string
		for i, p := range r.Payouts {
			vat, gross := dec(or0(p.VAT, p.Currency)), dec(orNet(p.Gross, p.Net))
			rows[i] = []string{p.Number, p.Partner + " (" + p.Key + ")", p.Country, p.VATID, p.Method, l.Number(p.Net),
				l.Number(vat.StringFixed(domain.MinorUnits(p.Currency))), l.Money(gross.StringFixed(domain.MinorUnits(p.Currency)), p.Currency)}
			if _, ok := totals[p.Currency]; !ok {
				currencies = append(currencies, p.Currency)
				totals[p.Currency] = &sums{}
			}
			t := totals[p.Currency]
			t.net, t.vat, t.gross = t.net.Add(dec(p.Net)), t.vat.Add(vat), t.gross.Add(gross)
		}
		d.table([]column{{l.T("summary.col.number"), 31, "L"}, {l.T("summary.col.partner"), 41, "L"},
			{l.T("summary.col.country"), 12, "L"}, {l.T("summary.col.vat_id"), 22, "L"},
			{l.T("summary.col.method"), 14, "L"}, {l.T("summary.col.net"), 20, "R"}, {l.T("summary.col.vat"), 16, "R"},
			{l.T("summary.col.gross"), 24, "R"}}, rows)
		pdf.Ln(3)
		for _, c := range currencies {
			t := totals[c]
			for _, x := range []struct {
				key string
				v   decimal.Decimal
			}{{"summary.total_net", t.net}, {"summary.total_vat", t.vat}, {"summary.total_gross", t.gross}} {
				d.font(10, x.key == "summary.total_gross")
				pdf.CellFormat(width-40, rowH+1, l.T("summary.totals")+" · "+l.T(x.key), "", 0, "R", false, 0, "")
				pdf.CellFormat(40, rowH+1, l.Money(x.v.StringFixed(domain.MinorUnits(c)), c), "", 1, "R", false, 0, "")
			}
		}
	}
	if len(r.Carried) > 0 {
		pdf.Ln(4)
		d.text(l.T("summary.carried"), 11, true)
		rows := make([][]string, len(r.Carried))
		for i, c := range r.Carried {
			rows[i] = []string{c.Key, c.Reason, l.Money(c.Amount, c.Currency)}
		}
		d.table([]column{{l.T("summary.col.partner"), 50, "L"}, {"", 98, "L"}, {l.T("summary.col.net"), 32, "R"}}, rows)
	}
	return d.bytes()
}
