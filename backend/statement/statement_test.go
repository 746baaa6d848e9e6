package statement

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// fixed is a statement with names from all over Europe, an adjustment and a carried balance.
func fixed(lang string, n int) Statement {
	s := Statement{Lang: lang, Number: "2025-0042", PartnerKey: "bjorn",
		Issuer:     Party{Name: "Kaffeerösterei Łódź GmbH", Address: "Hauptstraße 1\n10115 Berlin", Country: "DE", VATID: "DE123456789"},
		Partner:    Party{Name: "Bjørn Øster", Address: "Nørregade 7\n1165 København", Country: "DK", VATID: "DK12345678"},
		Issued:     time.Date(2025, 4, 1, 9, 30, 0, 0, time.UTC),
		PeriodFrom: "2025-03-01", PeriodTo: "2025-03-31", Method: "iban", MethodDetail: "DK50 0040 0440 1162 43", Currency: "EUR",
		Adjustments: []Line{{Date: "2025-03-20", Order: "#1007", Kind: "adjustment", Rule: "correction of a paid line",
			Note: "changed after payout (refund or correction)", Amount: "-5.20"}},
		Carried: []Carried{{Currency: "USD", Amount: "12.50", Reason: "below the threshold of 50.00 EUR"}}}
	for i := 0; i < n; i++ {
		s.Lines = append(s.Lines, Line{Date: fmt.Sprintf("2025-03-%02d", 1+i%28), Order: fmt.Sprintf("#%d", 1000+i),
			Customer: Private("Jürgen Müller", "jm@example.de"), Kind: "sale", Rule: "sale 20%",
			Base: fmt.Sprintf("%d.50", 10+i), Amount: fmt.Sprintf("%d.10", 2+i/5)})
	}
	return s
}

func pdftotext(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext is needed (Debian: poppler-utils; scripts/setup.sh installs it)")
	}
	f := filepath.Join(t.TempDir(), "s.pdf")
	os.WriteFile(f, pdf, 0o600)
	out, err := exec.Command("pdftotext", "-layout", f, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestStatementTextRoundTrip(t *testing.T) {
	b, err := PDF(fixed("en", 80))
	if err != nil {
		t.Fatal(err)
	}
	text := pdftotext(t, b)
	for _, want := range []string{"Self-billing invoice 2025-0042", "Bjørn Øster", "Kaffeerösterei Łódź GmbH", "J. M. · example.de",
		"#1079", "17.10", "-5.20", "Page 1 of 3", "Page 3 of 3", "VAT ID: DK12345678", "Reverse charge",
		"issued by Kaffeerösterei Łódź GmbH, the customer, in the name and on behalf of the supplier, Bjørn Øster",
		"Total", "Balance carried forward: 12.50 USD (below the threshold of 50.00 EUR)", "Bank transfer to DK50 0040 0440 1162 43"} {
		if !strings.Contains(text, want) {
			t.Errorf("the text lacks %q:\n%s", want, text)
		}
	}
	// 80 lines: 2+0/5 … 2+79/5 = sum of (2+i/5) + 80*0.10, less the 5.20 adjustment.
	var cents int
	for i := 0; i < 80; i++ {
		cents += (2+i/5)*100 + 10
	}
	cents -= 520
	if want := fmt.Sprintf("%d.%02d EUR", cents/100, cents%100); !strings.Contains(text, want) {
		t.Errorf("the total %s is missing:\n%s", want, text)
	}
}

func TestStatementGerman(t *testing.T) {
	s := fixed("de", 3)
	s.Partner.Country, s.Partner.VATID = "DE", "DE999999999" // same country: no reverse charge
	b, err := PDF(s)
	if err != nil {
		t.Fatal(err)
	}
	text := pdftotext(t, b)
	for _, want := range []string{"Gutschrift", "Seite 1 von 1", "01.04.2025", "01.03.2025 – 31.03.2025", "-5,20", "Gesamt", "Überweisung auf"} {
		if !strings.Contains(text, want) {
			t.Errorf("the text lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Reverse Charge") {
		t.Error("a partner in the issuer's own country gets no reverse-charge note")
	}
}

func TestCreditNote(t *testing.T) {
	s := fixed("en", 0)
	s.Credit, s.Corrects, s.Number = true, []string{"2025-0007"}, "2025-0043"
	b, err := PDF(s)
	if err != nil {
		t.Fatal(err)
	}
	text := pdftotext(t, b)
	for _, want := range []string{"Credit note (self-billing) 2025-0043", "This credit note corrects invoice 2025-0007.", "-5.20 EUR", "netted in the next payout"} {
		if !strings.Contains(text, want) {
			t.Errorf("the text lacks %q:\n%s", want, text)
		}
	}
}

// TestPageOneIsNotBlank renders page 1 and fails on a blank page.
func TestPageOneIsNotBlank(t *testing.T) {
	b, err := PDF(fixed("en", 5))
	if err != nil {
		t.Fatal(err)
	}
	m, err := png.Decode(bytes.NewReader(pagePNG(t, b, 1, 50)))
	if err != nil {
		t.Fatal(err)
	}
	dark, all := 0, 0
	for y := m.Bounds().Min.Y; y < m.Bounds().Max.Y; y++ {
		for x := m.Bounds().Min.X; x < m.Bounds().Max.X; x++ {
			r, g, bl, _ := m.At(x, y).RGBA()
			all++
			if r+g+bl < 3*0x8000 {
				dark++
			}
		}
	}
	if dark < all/200 {
		t.Fatalf("page 1 is blank: %d dark pixels of %d", dark, all)
	}
}

// TestGolden: a fixed statement gives exactly the bytes of its golden file, and again the
// same bytes when made a second time (a PDF lost in a crash is made again exactly).
func TestGolden(t *testing.T) {
	for _, lang := range []string{"en", "de"} {
		b, err := PDF(fixed(lang, 60))
		if err != nil {
			t.Fatal(err)
		}
		again, _ := PDF(fixed(lang, 60))
		if !bytes.Equal(b, again) {
			t.Fatal("the same statement gave different bytes")
		}
		golden := filepath.Join("testdata", "statement-"+lang+".pdf")
		if *update {
			os.MkdirAll("testdata", 0o755)
			os.WriteFile(golden, b, 0o644)
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (make it with go test -run Golden -update)", err)
		}
		if !bytes.Equal(b, want) {
			t.Errorf("%s: the statement differs from its golden file (if the change is meant, go test -run Golden -update and look at the PDF)", golden)
		}
	}
}

func TestPrivate(t *testing.T) {
	for _, c := range [][3]string{{"Jürgen Müller", "JM@Example.DE", "J. M. · example.de"}, {"", "lena@shop.io", "L. · shop.io"},
		{"Łucja", "", "Ł."}, {"", "", ""}} {
		if got := Private(c[0], c[1]); got != c[2] {
			t.Errorf("Private(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
}

func TestReverseCharge(t *testing.T) {
	s := fixed("en", 0)
	for _, c := range []struct {
		country, vat string
		want         bool
	}{{"DK", "DK1", true}, {"DK", "", false}, {"DE", "DE1", false}, {"US", "US1", false}, {"at", "ATU1", true}} {
		s.Partner.Country, s.Partner.VATID = c.country, c.vat
		if got := s.ReverseCharge(); got != c.want {
			t.Errorf("%s %q: reverse charge %v, want %v", c.country, c.vat, got, c.want)
		}
	}
}

func TestSummaryAndCSV(t *testing.T) {
	r := Run{ID: 3, AsOf: "2025-04-01", Created: time.Date(2025, 4, 1, 9, 0, 0, 0, time.UTC), Lang: "en",
		Issuer: Party{Name: "Shop"}, Payouts: []RunPayout{
			{Number: "2025-0001", Date: "2025-04-01", Partner: "Bjørn Øster", Key: "bjorn", Country: "DK", VATID: "DK1", Net: "120.50", Currency: "EUR", Method: "iban"},
			{Number: "2025-0002", Date: "2025-04-01", Partner: "Lena", Key: "lena", Net: "-5.20", Currency: "EUR", Method: "paypal", Credit: true},
			{Number: "2025-0003", Date: "2025-04-01", Partner: "Jonas", Key: "jonas", Country: "DE", VATID: "DE123456789", Net: "43.21",
				Currency: "EUR", Method: "iban", VATTreatment: "domestic", VATRate: "19", VAT: "8.21", Gross: "51.42"}},
		Carried: []RunCarried{{Key: "kira", Currency: "EUR", Amount: "10.00", Reason: "below the threshold"}}}
	b, err := SummaryPDF(r)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(pdftotext(t, b)), " ")
	for _, want := range []string{"Payout run 3", "Bjørn Øster (bjorn)", "120.50 EUR", "-5.20 EUR", "kira", "below the threshold",
		"Totals · Net 158.51 EUR", "Totals · VAT 8.21 EUR", "Totals · Gross (paid) 166.72 EUR", "51.42 EUR"} {
		if !strings.Contains(text, want) {
			t.Errorf("the summary lacks %q:\n%s", want, text)
		}
	}
	var csv bytes.Buffer
	if err := BookkeepingCSV(&csv, r); err != nil {
		t.Fatal(err)
	}
	want := "number,date,partner,key,country,vat_id,net,currency,method,type,vat_treatment,vat_rate,vat,gross\n" +
		"2025-0001,2025-04-01,Bjørn Øster,bjorn,DK,DK1,120.50,EUR,iban,invoice,,,0.00,120.50\n" +
		"2025-0002,2025-04-01,Lena,lena,,,-5.20,EUR,paypal,credit_note,,,0.00,-5.20\n" +
		"2025-0003,2025-04-01,Jonas,jonas,DE,DE123456789,43.21,EUR,iban,invoice,domestic,19,8.21,51.42\n"
	if csv.String() != want {
		t.Errorf("csv:\n%s\nwant:\n%s", csv.String(), want)
	}
}

// A sample run's summary says it is a sample, and prints its long numbers whole.
func TestSampleSummary(t *testing.T) {
	r := Run{ID: 1, AsOf: "2026-03-01", Created: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC), Lang: "en", Sample: true,
		Issuer: Party{Name: "Sample Coffee Roasters (sample)"}, Payouts: []RunPayout{{Number: "SAMPLE-2026-0012", Date: "2026-03-01",
			Partner: "Kira Nowak", Key: "kira", Net: "53.61", Currency: "EUR", Method: "paypal"}}}
	for _, sample := range []bool{true, false} {
		r.Sample = sample
		b, err := SummaryPDF(r)
		if err != nil {
			t.Fatal(err)
		}
		text := pdftotext(t, b)
		if !strings.Contains(text, "SAMPLE-2026-0012") || strings.Contains(text, "Sample: everything in this run is invented") != sample {
			t.Errorf("sample %v: the summary:\n%s", sample, text)
		}
	}
}

// BenchmarkStatements makes 1,000 statements of 50 lines (budget: under 5 s on 2 cores).
//
//	go test -run '^$' -bench Statements -benchtime 1x ./backend/statement/
func BenchmarkStatements(b *testing.B) {
	s := fixed("en", 50)
	for i := 0; i < b.N; i++ {
		if err := Many(1000, func(j int) (Statement, error) { return s, nil }, func(j int, pdf []byte) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}

// A logo of the settings is drawn; bytes that are no image are left out, not an error.
func TestLogo(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 40, 20))
	for x := 0; x < 40; x++ {
		for y := 0; y < 20; y++ {
			img.Set(x, y, color.RGBA{200, 30, 30, 255})
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	s := fixed("en", 1)
	plain, _ := PDF(s)
	s.Logo = buf.Bytes()
	withLogo, err := PDF(s)
	if err != nil || !bytes.Contains(withLogo, []byte("/Subtype /Image")) || bytes.Contains(plain, []byte("/Subtype /Image")) {
		t.Fatalf("the logo is not in the PDF: %v", err)
	}
	s.Logo = []byte("not an image")
	if _, err := PDF(s); err != nil {
		t.Fatalf("bytes that are no image: %v", err)
	}
}

// Statements made at once on every core give the bytes each gives alone (under -race, this
// also shows the fonts are not shared between documents).
func TestManyAtOnce(t *testing.T) {
	want := make([][]byte, 6)
	for i := range want {
		want[i], _ = PDF(fixed([]string{"en", "de"}[i%2], 5+i))
	}
	got := make([][]byte, 6)
	err := Many(6, func(i int) (Statement, error) { return fixed([]string{"en", "de"}[i%2], 5+i), nil },
		func(i int, pdf []byte) error { got[i] = pdf; return nil })
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if !bytes.Equal(got[i], want[i]) {
			t.Errorf("statement %d made at once differs", i)
		}
	}
}

// The fonts are parsed once for all documents, but each embeds only the glyphs it uses: a
// statement made after one with Greek and Cyrillic names is the same bytes as made before it,
// and smaller than the one whose names need more glyphs.
func TestFontSubsetPerDocument(t *testing.T) {
	plain := fixed("en", 3)
	before, err := PDF(plain)
	if err != nil {
		t.Fatal(err)
	}
	wide := fixed("en", 3)
	wide.Partner.Name, wide.Partner.Address = "Ξενοφῶν Παπαδόπουλος", "Улица Пушкина 10\nМосква"
	other, err := PDF(wide)
	if err != nil {
		t.Fatal(err)
	}
	after, err := PDF(plain)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Fatal("a statement changed after another with other glyphs was made")
	}
	if len(other) <= len(before) {
		t.Fatalf("the statement with more glyphs is not larger: %d bytes, %d without them", len(other), len(before))
	}
	for _, want := range []string{"Ξενοφῶν Παπαδόπουλος", "Улица Пушкина 10"} {
		if !strings.Contains(pdftotext(t, other), want) {
			t.Errorf("%q is not in the text of the PDF", want)
		}
	}
}
