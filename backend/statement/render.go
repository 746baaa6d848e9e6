package statement

import (
	"strings"

	"github.com/shopspring/decimal"

	"partnerbook/backend/domain"
	"partnerbook/backend/i18n"
)

// PDF renders the statement. The same statement gives the same bytes, so a PDF lost in a crash
// is made again exactly.
func PDF(s Statement) ([]byte, error) {
	title := "statement.title"
	if s.Credit {
		title = "statement.credit_title"
	}
	d := newDoc(s.Lang, s.Issued, s.Number)
	l, pdf := d.l, d.pdf
	pdf.AddPage()
	d.logo(s.Logo)
	d.party(l.T("statement.issuer"), s.Issuer)
	pdf.Ln(4)
	d.party(l.T("statement.supplier"), s.Partner)
	pdf.Ln(4)
	d.text(l.T(title)+" "+s.Number, 15, true)
	if s.Sample {
		d.pdf.SetTextColor(180, 30, 30)
		d.text(l.T("statement.sample"), 11, true)
		d.pdf.SetTextColor(0, 0, 0)
	}
	pdf.Ln(1)
	method := l.T("method.other")
	if s.Method == "iban" || s.Method == "paypal" {
		method = l.T("method."+s.Method, s.MethodDetail)
	}
	meta := [][2]string{
		{l.T("statement.number"), s.Number},
		{l.T("statement.date"), l.Day(s.Issued)},
		{l.T("statement.period"), l.DayText(s.PeriodFrom) + " – " + l.DayText(s.PeriodTo)},
		{l.T("statement.partner_key"), s.PartnerKey},
		{l.T("statement.method"), method},
	}
	for _, m := range meta {
		d.font(9, true)
		pdf.CellFormat(35, rowH, m[0], "", 0, "L", false, 0, "")
		d.font(9, false)
		pdf.CellFormat(width-35, rowH, d.fit(m[1], width-35), "", 1, "L", false, 0, "")
	}
	if s.Credit && len(s.Corrects) > 0 {
		pdf.Ln(2)
		d.text(l.T("statement.corrects", strings.Join(s.Corrects, ", ")), 9, true)
	}
	money := func(v string) string { return l.Number(v) }
	pdf.Ln(4)
	d.text(l.T("statement.lines")+" ("+s.Currency+")", 11, true)
	pdf.Ln(1)
	if len(s.Lines) == 0 {
		d.text(l.T("statement.none"), 9, false)
	} else {
		rows := make([][]string, len(s.Lines))
		for i, x := range s.Lines {
			rows[i] = []string{l.DayText(x.Date), x.Order, x.Customer, money(x.Base), orKind(l, x), money(x.Amount)}
		}
		d.table([]column{{l.T("statement.col.date"), 22, "L"}, {l.T("statement.col.order"), 28, "L"},
			{l.T("statement.col.customer"), 42, "L"}, {l.T("statement.col.base"), 24, "R"},
			{l.T("statement.col.rule"), 40, "L"}, {l.T("statement.col.amount"), 24, "R"}}, rows)
	}
	if len(s.Adjustments) > 0 {
		pdf.Ln(4)
		d.text(l.T("statement.adjustments"), 11, true)
		pdf.Ln(1)
		rows := make([][]string, len(s.Adjustments))
		for i, x := range s.Adjustments {
			rows[i] = []string{l.DayText(x.Date), x.Order, ruleText(x.Rule, x.Note), money(x.Amount)}
		}
		d.table([]column{{l.T("statement.col.date"), 22, "L"}, {l.T("statement.col.order"), 28, "L"},
			{l.T("statement.col.note"), 106, "L"}, {l.T("statement.col.amount"), 24, "R"}}, rows)
	}
	if len(s.Netted) > 0 {
		pdf.Ln(4)
		d.text(l.T("statement.netted"), 11, true)
		pdf.Ln(1)
		rows := make([][]string, len(s.Netted))
		for i, n := range s.Netted {
			rows[i] = []string{n.Number, money(n.Amount)}
		}
		d.table([]column{{l.T("statement.number"), 156, "L"}, {l.T("statement.col.amount"), 24, "R"}}, rows)
	}
	t := s.Totals()
	pdf.Ln(4)
	sum := func(label string, v decimal.Decimal, bold bool) {
		d.font(10, bold)
		pdf.CellFormat(width-40, rowH+1, label, "", 0, "R", false, 0, "")
		pdf.CellFormat(40, rowH+1, l.Money(v.StringFixed(domain.MinorUnits(s.Currency)), s.Currency), "", 1, "R", false, 0, "")
	}
	sum(l.T("statement.subtotal"), t.Lines, false)
	if len(s.Adjustments) > 0 {
		sum(l.T("statement.adjust_total"), t.Adjustments, false)
	}
	if s.Charged() {
		sum(l.T("statement.net"), t.Net, false)
		sum(l.T("statement.vat", l.Number(s.VATRate)), t.VAT, false)
		sum(l.T("statement.gross"), t.Gross, true)
	}
	if len(s.Netted) > 0 {
		if t.NettedVAT.IsZero() {
			sum(l.T("statement.netted_total"), t.Netted, false)
		} else {
			sum(l.T("statement.netted_gross"), t.Netted.Add(t.NettedVAT), false)
		}
	}
	if s.Credit {
		sum(l.T("statement.credit_total"), t.Total, true)
	} else {
		sum(l.T("statement.total"), t.Total, true)
	}
	pdf.Ln(3)
	if s.Credit {
		d.text(l.T("statement.credit_carried"), 9, false)
	}
	if len(s.Carried) == 0 {
		d.text(l.T("statement.no_carried"), 9, false)
	}
	for _, c := range s.Carried {
		d.text(l.T("statement.carried", l.Money(c.Amount, c.Currency), c.Reason), 9, false)
	}
	pdf.Ln(3)
	d.text(l.T("statement.self_billing", s.Issuer.Name, s.Partner.Name), 8, false)
	if note := vatNote(l, s); note != "" {
		pdf.Ln(1)
		d.text(note, 8, true)
	}
	return d.bytes()
}

// vatNote is what the statement says of VAT below the totals: the reverse-charge sentence, the
// exemption note of the partner's country (a general one where the table has none), or why no
// VAT is shown; nothing for a domestic statement, whose totals show it.
func vatNote(l i18n.Lang, s Statement) string {
	switch {
	case s.ReverseCharge():
		return l.T("statement.reverse_charge")
	case s.VATTreatment == "exempt":
		if key := "statement.exempt." + strings.ToUpper(strings.TrimSpace(s.Partner.Country)); l.Has(key) {
			return l.T(key)
		}
		return l.T("statement.exempt")
	case s.VATTreatment == "none":
		return l.T("statement.vat_none")
	}
	return ""
}

func ruleText(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + ": " + b
}

// orKind is the line's rule, or its kind where the line names no rule.
func orKind(l i18n.Lang, x Line) string {
	if x.Rule != "" {
		return x.Rule
	}
	return l.T("kind." + x.Kind)
}
