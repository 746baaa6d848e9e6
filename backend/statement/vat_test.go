package statement

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"partnerbook/backend/i18n"
)

// vatStatement is a statement of 43.21 EUR of commissions to a partner of the treatment.
func vatStatement(lang, treatment string) Statement {
	s := Statement{Lang: lang, Number: "2025-0051", Issued: time.Date(2025, 5, 10, 8, 0, 0, 0, time.UTC), Currency: "EUR",
		Issuer:     Party{Name: "Kaffeerösterei Muster GmbH", Address: "Hauptstraße 1\n10115 Berlin", Country: "DE", VATID: "DE111111111"},
		PeriodFrom: "2025-04-01", PeriodTo: "2025-05-10", Method: "iban", MethodDetail: "DE89370400440532013000",
		Lines: []Line{
			{Date: "2025-04-03", Order: "#1001", Customer: "J. M. · example.de", Kind: "sale", Rule: "sale 10%", Base: "300.00", Amount: "30.00"},
			{Date: "2025-04-20", Order: "#1002", Customer: "A. B. · example.com", Kind: "sale", Rule: "sale 10%", Base: "132.10", Amount: "13.21"},
		},
		VATTreatment: treatment}
	switch treatment {
	case "domestic":
		s.PartnerKey, s.Partner = "jonas", Party{Name: "Jonas Weber Medien", Address: "Elbchaussee 5\n22765 Hamburg", Country: "DE", VATID: "DE123456789"}
		s.VATRate, s.VAT = "19", "8.21"
	case "reverse_charge":
		s.PartnerKey, s.Partner = "kira", Party{Name: "Kira Nowak", Address: "ul. Floriańska 3\n31-019 Kraków", Country: "PL", VATID: "PL5260250995"}
	case "exempt":
		s.PartnerKey, s.Partner = "lena", Party{Name: "Lena Fischer", Address: "Lindenstraße 5\n80331 München", Country: "DE"}
	case "none":
		s.PartnerKey, s.Partner = "sam", Party{Name: "Sam Carter", Address: "12 Main Street\nPortland, OR 97201", Country: "US"}
	}
	return s
}

// normalized is the text of a PDF with runs of spaces made one and blank lines dropped, so that
// the golden files follow the words and amounts, not pdftotext's column widths.
func normalized(t *testing.T, pdf []byte) string {
	var out []string
	for _, l := range strings.Split(pdftotext(t, pdf), "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n") + "\n"
}

// Golden statements of each VAT treatment in English and German (the text pdftotext reads),
// and, for a domestic partner, a credit note and a payout that nets it. `-args -update`
// rewrites them after a deliberate change.
func TestVATStatementsGolden(t *testing.T) {
	type tc struct {
		name  string
		st    Statement
		wants []string
	}
	var cases []tc
	wants := map[string]map[string][]string{
		"en": {
			"domestic":       {"Net amount 43.21 EUR", "VAT 19 % 8.21 EUR", "Gross amount 51.42 EUR", "Total 51.42 EUR"},
			"reverse_charge": {"Total 43.21 EUR", "Reverse charge: VAT is to be accounted for by the recipient"},
			"exempt":         {"Total 43.21 EUR", "small business under § 19 UStG"},
			"none":           {"Total 43.21 EUR", "No VAT is shown: the supplier is a private person"},
		},
		"de": {
			"domestic":       {"Nettobetrag 43,21 EUR", "Umsatzsteuer 19 % 8,21 EUR", "Bruttobetrag 51,42 EUR", "Gesamt 51,42 EUR"},
			"reverse_charge": {"Gesamt 43,21 EUR", "Steuerschuldnerschaft des Leistungsempfängers"},
			"exempt":         {"Gesamt 43,21 EUR", "Gemäß § 19 UStG wird keine Umsatzsteuer berechnet"},
			"none":           {"Gesamt 43,21 EUR", "Ohne Umsatzsteuer: der Leistende ist Privatperson"},
		},
	}
	for _, lang := range []string{"en", "de"} {
		for _, tr := range []string{"domestic", "reverse_charge", "exempt", "none"} {
			cases = append(cases, tc{tr + "-" + lang, vatStatement(lang, tr), wants[lang][tr]})
		}
		credit := vatStatement(lang, "domestic")
		credit.Number, credit.Credit, credit.Corrects, credit.Lines = "2025-0052", true, []string{"2025-0051"}, nil
		credit.Adjustments = []Line{{Date: "2025-05-20", Order: "#1001", Kind: "adjustment", Rule: "correction of a paid line",
			Note: "changed after payout (refund or correction)", Amount: "-10.00"}}
		credit.VAT = "-1.90"
		netting := vatStatement(lang, "domestic")
		netting.Number, netting.Netted = "2025-0053", []Netted{{Number: "2025-0052", Amount: "-10.00", VAT: "-1.90"}}
		if lang == "en" {
			cases = append(cases,
				tc{"domestic-credit-en", credit, []string{"Net amount -10.00 EUR", "VAT 19 % -1.90 EUR", "Gross amount -11.90 EUR", "Total owed by the partner -11.90 EUR"}},
				tc{"domestic-netting-en", netting, []string{"Gross amount 51.42 EUR", "Credit notes netted (with their VAT) -11.90 EUR", "Total 39.52 EUR"}})
		} else {
			cases = append(cases,
				tc{"domestic-credit-de", credit, []string{"Umsatzsteuer 19 % -1,90 EUR", "Bruttobetrag -11,90 EUR", "Vom Partner geschuldet -11,90 EUR"}},
				tc{"domestic-netting-de", netting, []string{"Verrechnete Stornorechnungen (mit Umsatzsteuer) -11,90 EUR", "Gesamt 39,52 EUR"}})
		}
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, err := PDF(c.st)
			if err != nil {
				t.Fatal(err)
			}
			text := normalized(t, b)
			for _, w := range c.wants {
				if !strings.Contains(text, w) {
					t.Errorf("lacks %q:\n%s", w, text)
				}
			}
			// What only another treatment's statement says.
			for tr, phrases := range map[string][]string{"domestic": {"VAT 19 %", "Umsatzsteuer 19 %"},
				"reverse_charge": {"Reverse"}, "exempt": {"§ 19"}, "none": {"No VAT is shown", "Ohne Umsatzsteuer:"}} {
				for _, p := range phrases {
					if tr != c.st.VATTreatment && strings.Contains(text, p) {
						t.Errorf("says %q, which only a %s statement says:\n%s", p, tr, text)
					}
				}
			}
			golden := filepath.Join("testdata", "vat", c.name+".txt")
			if *update {
				if err := os.WriteFile(golden, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (go test ./backend/statement -run VATStatementsGolden -args -update writes it)", err)
			}
			if text != string(want) {
				t.Errorf("%s differs from the golden file:\n%s\nwant:\n%s", c.name, text, want)
			}
		})
	}
}

// The exemption note is the partner's country's where the table has one, else the Directive's.
func TestExemptionNote(t *testing.T) {
	for _, c := range []struct{ lang, country, want string }{
		{"de", "DE", "§ 19 UStG"}, {"en", "AT", "§ 6 (1) no. 27 UStG"}, {"de", "FR", "293 B du CGI"},
		{"en", "IT", "Art. 282–292 Directive 2006/112/EC"}, {"de", "", "Art. 282–292 Richtlinie 2006/112/EG"},
	} {
		s := vatStatement(c.lang, "exempt")
		s.Partner.Country = c.country
		if got := vatNote(i18n.Get(s.Lang), s); !strings.Contains(got, c.want) {
			t.Errorf("%s %s: %q lacks %q", c.lang, c.country, got, c.want)
		}
	}
	old := vatStatement("en", "")
	old.Partner = Party{Name: "Kira", Country: "PL", VATID: "PL5260250995"}
	if got := vatNote(i18n.Get(old.Lang), old); !strings.Contains(got, "Reverse charge") {
		t.Errorf("a statement issued before VAT keeps its reverse-charge note: %q", got)
	}
}
