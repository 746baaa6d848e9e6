package mail

import (
	"bytes"
	"fmt"
	htmltemplate "html/template"
	"strings"
	texttemplate "text/template"

	"partnerbook/backend/domain"
)

// Template is one e-mail's source: Go templates for the subject, the plain text and the HTML.
type Template = domain.MailTemplate

// Kinds are the e-mails a shop sends its partners.
var Kinds = []string{"statement", "report", "welcome"}

// Figures is what a template may show. Amounts and days are already written in the partner's
// language ("1.234,50 EUR"), so a template never formats money.
type Figures struct {
	Shop      string // the shop's name (company.name)
	ShopEmail string
	Partner   string // the partner's name
	Key       string
	Email     string
	// Statement e-mail.
	Number string
	Amount string
	Credit bool // the statement is a credit note
	Period string
	// Monthly report.
	Month    string
	Orders   []OrderFigure
	Sales    string // the month's credited order totals
	Earned   string // the month's commissions
	Balance  string // approved and not yet paid
	Pending  string // still in their hold period
	Links    []string
	Coupons  []string
	Currency string
	// Portal is the partner portal's address, "" where the program has it off (welcome).
	Portal string
}

// OrderFigure is one credited order in a report.
type OrderFigure struct {
	Day        string
	Order      string
	Total      string
	Commission string
}

// Rendered is a template filled in with a partner's figures.
type Rendered struct {
	Subject string `json:"subject"`
	Text    string `json:"text"`
	HTML    string `json:"html"`
}

// Problem is a template that does not parse or run, naming the part ("subject", "text", "html").
type Problem struct {
	Part    string `json:"part"`
	Message string `json:"message"`
}

func (p *Problem) Error() string { return fmt.Sprintf("the %s of the template: %s", p.Part, p.Message) }

// Render fills t in with f. The HTML part escapes what it shows; the subject loses line breaks.
func Render(t Template, f Figures) (Rendered, error) {
	var out Rendered
	var err error
	if out.Subject, err = renderText("subject", t.Subject, f); err != nil {
		return out, err
	}
	out.Subject = strings.Join(strings.Fields(out.Subject), " ")
	if out.Text, err = renderText("text", t.Text, f); err != nil {
		return out, err
	}
	if strings.TrimSpace(t.HTML) != "" {
		h, err := htmltemplate.New("html").Option("missingkey=error").Parse(t.HTML)
		if err != nil {
			return out, &Problem{Part: "html", Message: clean(err)}
		}
		var b bytes.Buffer
		if err := h.Execute(&b, f); err != nil {
			return out, &Problem{Part: "html", Message: clean(err)}
		}
		out.HTML = b.String()
	}
	return out, nil
}

func renderText(part, src string, f Figures) (string, error) {
	t, err := texttemplate.New(part).Option("missingkey=error").Parse(src)
	if err != nil {
		return "", &Problem{Part: part, Message: clean(err)}
	}
	var b bytes.Buffer
	if err := t.Execute(&b, f); err != nil {
		return "", &Problem{Part: part, Message: clean(err)}
	}
	return b.String(), nil
}

// clean drops Go's "template: name:" prefix, which says nothing to a shop owner.
func clean(err error) string {
	s := err.Error()
	for _, p := range []string{"html/template:", "template:"} {
		s = strings.TrimPrefix(s, p)
	}
	s = strings.TrimSpace(s)
	if i := strings.Index(s, ": "); i > 0 && !strings.Contains(s[:i], " ") {
		s = s[i+2:]
	}
	return s
}

// Default is the template Partnerbook ships for kind in lang (English where lang has none).
func Default(kind, lang string) (Template, bool) {
	t, ok := defaults[kind+"."+lang]
	if !ok {
		t, ok = defaults[kind+".en"]
		lang = "en"
	}
	t.Kind, t.Language = kind, lang
	return t, ok
}
