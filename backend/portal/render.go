package portal

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"net/http"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	qrcode "github.com/skip2/go-qrcode"

	"partnerbook/backend/domain"
	"partnerbook/backend/i18n"
)

//go:embed templates/*.html templates/style.css
var files embed.FS

// pages are the parsed templates, one set per page (each with the layout).
type pages struct {
	set   map[string]*template.Template
	style []byte
}

var funcs = template.FuncMap{
	"money": func(l i18n.Lang, amount, currency string) string { return l.Money(amount, currency) },
	"day":   func(l i18n.Lang, day string) string { return l.DayText(day) },
	"month": func(l i18n.Lang, month string) string {
		t, err := time.Parse("2006-01", month)
		if err != nil {
			return month
		}
		return l.Month(t)
	},
	"args":     func(l i18n.Lang, line domain.PortalLine) lineArgs { return lineArgs{L: l, Line: line} },
	"negative": func(amount string) bool { return strings.HasPrefix(amount, "-") },
	"nonzero":  func(amount string) bool { d, err := decimal.NewFromString(amount); return err == nil && !d.IsZero() },
}

// lineArgs hand a line and the page's language to a sub-template.
type lineArgs struct {
	L    i18n.Lang
	Line domain.PortalLine
}

func mustPages() *pages {
	ps := &pages{set: map[string]*template.Template{}}
	for _, name := range []string{"signin", "link", "overview", "links", "referrals", "payouts", "leads", "profile"} {
		ps.set[name] = template.Must(template.New("layout.html").Funcs(funcs).ParseFS(files, "templates/layout.html", "templates/"+name+".html"))
	}
	ps.style, _ = files.ReadFile("templates/style.css")
	return ps
}

func (p *Portal) render(w http.ResponseWriter, status int, name string, data any) {
	var b bytes.Buffer
	if err := p.pages.set[name].Execute(&b, data); err != nil {
		p.fault(w, fmt.Errorf("portal: page %s: %w", name, err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

func (p *Portal) style(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write(p.pages.style)
}

// chart draws the months' earnings as an SVG bar chart: no script, readable on a phone. The
// bars' heights are whole percent of the largest month, computed exactly.
func chart(l i18n.Lang, months []domain.PortalMonth, currency string) template.HTML {
	peak := decimal.Zero
	for _, m := range months {
		if d, err := decimal.NewFromString(m.Amount); err == nil && d.GreaterThan(peak) {
			peak = d
		}
	}
	const barW, gap, height = 22, 6, 120
	width := len(months) * (barW + gap)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %d %d" role="img" aria-label="%s">`, width, height+18,
		template.HTMLEscapeString(l.T("portal.overview.chart")))
	for i, m := range months {
		d, _ := decimal.NewFromString(m.Amount)
		h := int64(0)
		if peak.IsPositive() && d.IsPositive() {
			h = max(d.Mul(decimal.NewFromInt(height)).Div(peak).IntPart(), 1)
		}
		x := i * (barW + gap)
		t, _ := time.Parse("2006-01", m.Month)
		label := []rune(l.Months[t.Month()-1])[:3]
		fmt.Fprintf(&b, `<g><title>%s: %s</title><rect x="%d" y="%d" width="%d" height="%d" rx="3"></rect>`,
			template.HTMLEscapeString(l.Month(t)), template.HTMLEscapeString(l.Money(m.Amount, currency)), x, height-h, barW, h)
		fmt.Fprintf(&b, `<text x="%d" y="%d">%s</text></g>`, x+barW/2, height+14, template.HTMLEscapeString(string(label)))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// qrSVG draws a QR code of text as SVG (one path of the dark modules), medium error correction.
func qrSVG(text string) template.HTML {
	q, err := qrcode.New(text, qrcode.Medium)
	if err != nil {
		return ""
	}
	bm := q.Bitmap() // with its quiet zone
	var path strings.Builder
	for y, row := range bm {
		for x, dark := range row {
			if dark {
				fmt.Fprintf(&path, "M%d %dh1v1h-1z", x, y)
			}
		}
	}
	n := len(bm)
	return template.HTML(fmt.Sprintf(`<svg class="qr" viewBox="0 0 %d %d" shape-rendering="crispEdges" role="img" aria-label="QR">`+
		`<rect width="%d" height="%d" fill="#fff"></rect><path d="%s" fill="#000"></path></svg>`, n, n, n, n, path.String()))
}
