package statement

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"partnerbook/backend/i18n"
)

// The page: A4 portrait, millimetres.
const (
	margin = 15.0
	width  = 210.0 - 2*margin
	rowH   = 5.0
)

// doc is a PDF being written, in one language.
type doc struct {
	pdf *gofpdf.Fpdf
	l   i18n.Lang
}

// parsedFonts are the fonts of every document, parsed once for the process: parsing them
// and hashing their widths for each document was most of the time a statement took. Each
// document still embeds only the glyphs it uses, cut from its own copy of the file.
var parsedFonts = sync.OnceValues(func() (fonts struct{ regular, bold *gofpdf.UTF8Font }, err error) {
	if fonts.regular, err = gofpdf.NewUTF8Font("go", "", goregular.TTF); err != nil {
		return fonts, fmt.Errorf("statement: the regular font: %w", err)
	}
	if fonts.bold, err = gofpdf.NewUTF8Font("go", "B", gobold.TTF); err != nil {
		return fonts, fmt.Errorf("statement: the bold font: %w", err)
	}
	return fonts, nil
})

// newDoc starts a PDF whose bytes depend only on what is written into it: the fonts are
// embedded (any UTF-8 name prints), the catalog sorted and the dates fixed to created.
func newDoc(lang string, created time.Time, title string) *doc {
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(created.UTC())
	pdf.SetModificationDate(created.UTC())
	pdf.SetTitle(title, true)
	pdf.SetCreator("Partnerbook", true)
	if f, err := parsedFonts(); err != nil {
		pdf.SetError(err)
	} else {
		pdf.AddParsedUTF8Font(f.regular)
		pdf.AddParsedUTF8Font(f.bold)
	}
	pdf.SetMargins(margin, margin, margin)
	pdf.SetAutoPageBreak(true, margin+8)
	pdf.AliasNbPages("{nb}")
	d := &doc{pdf: pdf, l: i18n.Get(lang)}
	pdf.SetFooterFunc(func() {
		pdf.SetY(-margin - 2)
		d.font(8, false)
		pdf.CellFormat(width, 4, d.l.T("statement.page", pdf.PageNo(), "{nb}"), "", 0, "R", false, 0, "")
	})
	return d
}

func (d *doc) font(size float64, bold bool) {
	style := ""
	if bold {
		style = "B"
	}
	d.pdf.SetFont("go", style, size)
}

// fit cuts s to w millimetres, with an ellipsis where it was cut.
func (d *doc) fit(s string, w float64) string {
	if d.pdf.GetStringWidth(s) <= w-1 {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && d.pdf.GetStringWidth(string(r)+"…") > w-1 {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

// text writes a paragraph.
func (d *doc) text(s string, size float64, bold bool) {
	d.font(size, bold)
	d.pdf.MultiCell(width, size*0.45, s, "", "L", false)
}

// column of a table: its title, width and alignment.
type column struct {
	title string
	w     float64
	align string
}

// table writes a header row (again on each new page) and the rows.
func (d *doc) table(cols []column, rows [][]string) {
	header := func() {
		d.font(8, true)
		d.pdf.SetFillColor(235, 235, 235)
		for _, c := range cols {
			d.pdf.CellFormat(c.w, rowH+1, d.fit(c.title, c.w), "B", 0, c.align, true, 0, "")
		}
		d.pdf.Ln(-1)
		d.font(8, false)
	}
	header()
	_, pageH := d.pdf.GetPageSize()
	for _, row := range rows {
		if d.pdf.GetY()+rowH > pageH-margin-8 {
			d.pdf.AddPage()
			header()
		}
		for i, c := range cols {
			d.pdf.CellFormat(c.w, rowH, d.fit(row[i], c.w), "", 0, c.align, false, 0, "")
		}
		d.pdf.Ln(-1)
	}
}

// logo places a PNG or JPEG at the top right; a logo it cannot read is left out.
func (d *doc) logo(b []byte) {
	if len(b) == 0 {
		return
	}
	tp := ""
	switch http.DetectContentType(b) {
	case "image/png":
		tp = "PNG"
	case "image/jpeg":
		tp = "JPG"
	default:
		return
	}
	opt := gofpdf.ImageOptions{ImageType: tp, ReadDpi: false}
	info := d.pdf.RegisterImageOptionsReader("logo", opt, bytes.NewReader(b))
	if d.pdf.Err() || info == nil {
		d.pdf.ClearError()
		return
	}
	h := 18.0
	w := info.Width() * h / info.Height()
	if w > 60 {
		w, h = 60, info.Height()*60/info.Width()
	}
	d.pdf.ImageOptions("logo", margin+width-w, margin, w, h, false, opt, 0, "")
}

func (d *doc) bytes() ([]byte, error) {
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("statement: pdf: %w", err)
	}
	return buf.Bytes(), nil
}

// party writes a name, address lines, country and VAT id under a caption.
func (d *doc) party(caption string, p Party) {
	d.text(caption, 8, true)
	lines := []string{p.Name}
	for _, a := range strings.Split(p.Address, "\n") {
		if a = strings.TrimSpace(a); a != "" {
			lines = append(lines, a)
		}
	}
	if p.Country != "" {
		lines = append(lines, p.Country)
	}
	if p.VATID != "" {
		lines = append(lines, d.l.T("statement.vat_id", p.VATID))
	}
	d.text(strings.Join(lines, "\n"), 9, false)
}
