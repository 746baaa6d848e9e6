package statement

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"

	"partnerbook/backend/csvsafe"
	"partnerbook/backend/domain"
)

// DATEVAccounts are the accounts a run's bookings go to: the expense account of the
// commissions (SKR03 4760 "Verkaufsprovisionen", SKR04 6770) and the partners' creditor account
// (a collective creditor, 70000), with the tax adviser's and the client's numbers for the
// header. Empty fields take those defaults.
type DATEVAccounts struct {
	Consultant, Client string // Beraternummer (up to 7 digits), Mandantennummer (up to 5)
	Expense, Creditor  string
	FiscalYearStart    string // MMDD, default 0101
}

// datevColumns are the column names of a Buchungsstapel of format version 9, in their order
// (DATEV's interface guide for the DATEV format, "Buchungsstapel"; the same layout as the
// open-source `datev` Ruby gem writes).
func datevColumns() []string {
	cols := []string{"Umsatz (ohne Soll/Haben-Kz)", "Soll/Haben-Kennzeichen", "WKZ Umsatz", "Kurs", "Basis-Umsatz", "WKZ Basis-Umsatz",
		"Konto", "Gegenkonto (ohne BU-Schlüssel)", "BU-Schlüssel", "Belegdatum", "Belegfeld 1", "Belegfeld 2", "Skonto", "Buchungstext",
		"Postensperre", "Diverse Adressnummer", "Geschäftspartnerbank", "Sachverhalt", "Zinssperre", "Beleglink"}
	for i := 1; i <= 8; i++ {
		cols = append(cols, fmt.Sprintf("Beleginfo - Art %d", i), fmt.Sprintf("Beleginfo - Inhalt %d", i))
	}
	cols = append(cols, "KOST1 - Kostenstelle", "KOST2 - Kostenstelle", "Kost-Menge", "EU-Land u. UStID", "EU-Steuersatz",
		"Abw. Versteuerungsart", "Sachverhalt L+L", "Funktionsergänzung L+L", "BU 49 Hauptfunktionstyp", "BU 49 Hauptfunktionsnummer",
		"BU 49 Funktionsergänzung")
	for i := 1; i <= 20; i++ {
		cols = append(cols, fmt.Sprintf("Zusatzinformation - Art %d", i), fmt.Sprintf("Zusatzinformation- Inhalt %d", i))
	}
	return append(cols, "Stück", "Gewicht", "Zahlweise", "Forderungsart", "Veranlagungsjahr", "Zugeordnete Fälligkeit", "Skontotyp",
		"Auftragsnummer", "Buchungstyp", "USt-Schlüssel (Anzahlungen)", "EU-Land (Anzahlungen)", "Sachverhalt L+L (Anzahlungen)",
		"EU-Steuersatz (Anzahlungen)", "Erlöskonto (Anzahlungen)", "Herkunft-Kz", "Buchungs GUID", "KOST-Datum", "SEPA-Mandatsreferenz",
		"Skontosperre", "Gesellschaftername", "Beteiligtennummer", "Identifikationsnummer", "Zeichnernummer", "Postensperre bis",
		"Bezeichnung SoBil-Sachverhalt", "Kennzeichen SoBil-Buchung", "Festschreibung", "Leistungsdatum", "Datum Zuord. Steuerperiode")
}

// datevKey is the DATEV tax key of a payout: 9 (19 % input VAT) or 8 (7 %) for a domestic
// partner's invoice at those German rates; none otherwise (reverse charge and other rates are
// keyed by the tax adviser, whose accounts carry their automatic functions).
func datevKey(p RunPayout) string {
	if p.VATTreatment != "domestic" {
		return ""
	}
	switch p.VATRate {
	case "19":
		return "9"
	case "7":
		return "8"
	}
	return ""
}

// DATEV writes the run's bookings as a DATEV "Buchungsstapel" (an EXTF file: format version 700,
// data category 21, format version 9), the CSV layout German tax advisers import into DATEV
// Rechnungswesen: a header line, the column names, one booking a payout. Each payout is booked
// at its gross on the expense account against the creditor account (S for an invoice, H for a
// credit note), with the payout's number as Belegfeld 1, the partner's key and treatment as the
// text, the tax key of a domestic rate, and a reverse-charge partner's VAT id. Text is quoted and
// made spreadsheet-safe; the file is Windows-1252 with CRLF line ends, as DATEV reads it.
func DATEV(w io.Writer, r Run, a DATEVAccounts, exported time.Time) error {
	def := func(v, d string) string {
		if strings.TrimSpace(v) == "" {
			return d
		}
		return strings.TrimSpace(v)
	}
	expense, creditor, fy := def(a.Expense, "4760"), def(a.Creditor, "70000"), def(a.FiscalYearStart, "0101")
	day, err := time.Parse("2006-01-02", r.AsOf)
	if err != nil {
		return fmt.Errorf("statement: DATEV: the run's day %q: %w", r.AsOf, err)
	}
	currency := "EUR"
	if len(r.Payouts) > 0 {
		currency = r.Payouts[0].Currency
	}
	q := func(s string) string { return `"` + strings.ReplaceAll(csvsafe.Cell(s), `"`, `""`) + `"` }
	header := []string{q("EXTF"), "700", "21", q("Buchungsstapel"), "9", exported.UTC().Format("20060102150405") + "000", "", q("PB"),
		q("Partnerbook"), "", a.Consultant, a.Client, fmt.Sprintf("%d%s", day.Year(), fy), fmt.Sprint(len(expense)),
		day.Format("20060102"), day.Format("20060102"), q(cut(fmt.Sprintf("Partner payout run %d", r.ID), 30)), "", "1", "0", "",
		q(currency), "", "", "", "", "", "", "", "", ""}
	cols := datevColumns()
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = q(c)
	}
	var b strings.Builder
	b.WriteString(strings.Join(header, ";") + "\r\n")
	b.WriteString(strings.Join(names, ";") + "\r\n")
	for _, p := range r.Payouts {
		gross, err := decimal.NewFromString(orNet(p.Gross, p.Net))
		if err != nil {
			return fmt.Errorf("statement: DATEV: payout %s: amount %q: %w", p.Number, orNet(p.Gross, p.Net), err)
		}
		side := "S"
		if gross.IsNegative() {
			side = "H"
		}
		row := make([]string, len(cols))
		text := "Provision " + p.Key
		if p.VATTreatment == "reverse_charge" {
			text += " Reverse Charge"
		}
		row[0] = strings.Replace(gross.Abs().StringFixed(domain.MinorUnits(p.Currency)), ".", ",", 1)
		row[1], row[2], row[6], row[7], row[8] = q(side), q(p.Currency), expense, creditor, q(datevKey(p))
		row[9], row[10], row[13] = day.Format("0201"), q(cut(p.Number, 12)), q(cut(text+" "+p.Partner, 60))
		if p.VATTreatment == "reverse_charge" {
			row[39] = q(cut(p.VATID, 15))
		}
		row[len(cols)-3] = "0" // Festschreibung: left open for the tax adviser
		row[len(cols)-2] = day.Format("02012006")
		b.WriteString(strings.Join(row, ";") + "\r\n")
	}
	enc := encoding.ReplaceUnsupported(charmap.Windows1252.NewEncoder())
	out, err := enc.String(b.String())
	if err != nil {
		return fmt.Errorf("statement: DATEV: %w", err)
	}
	_, err = io.WriteString(w, out)
	return err
}

func cut(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n])
	}
	return s
}
