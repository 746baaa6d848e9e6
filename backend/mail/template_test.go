package mail

import (
	"errors"
	"strings"
	"testing"
)

func TestDefaultTemplatesRender(t *testing.T) {
	f := Figures{Shop: "Blumen & Co", Partner: "Kira <K>", Key: "kira", Number: "2025-0001", Amount: "1.234,50 EUR", Period: "01.03.2025 – 31.03.2025",
		Month: "März 2025", Orders: []OrderFigure{{Day: "04.03.2025", Order: "#1201", Total: "56,90 EUR", Commission: "10,40 EUR"}},
		Sales: "56,90 EUR", Earned: "10,40 EUR", Balance: "0,00 EUR", Pending: "10,40 EUR", Coupons: []string{"KIRA10", "KIRA20"}, Links: []string{"https://shop.example/?ref=kira"}}
	for _, kind := range Kinds {
		for _, lang := range []string{"en", "de"} {
			t.Run(kind+"."+lang, func(t *testing.T) {
				tpl, ok := Default(kind, lang)
				if !ok || tpl.Language != lang {
					t.Fatalf("no default %s.%s", kind, lang)
				}
				r, err := Render(tpl, f)
				if err != nil {
					t.Fatal(err)
				}
				if r.Subject == "" || strings.Contains(r.Subject, "\n") {
					t.Errorf("subject %q", r.Subject)
				}
				if !strings.Contains(r.Text, "Kira <K>") || !strings.Contains(r.HTML, "Kira &lt;K&gt;") {
					t.Errorf("the name must be plain in the text and escaped in the HTML:\n%s\n%s", r.Text, r.HTML)
				}
				want := map[string]string{"statement": "1.234,50 EUR", "report": "#1201", "welcome": "KIRA20"}[kind]
				if !strings.Contains(r.Text, want) || !strings.Contains(r.HTML, want) {
					t.Errorf("%q missing:\n%s\n%s", want, r.Text, r.HTML)
				}
			})
		}
	}
	if tpl, ok := Default("report", "fr"); !ok || tpl.Language != "en" {
		t.Error("a language without templates gets the English ones")
	}
}

func TestTemplateProblemsNameThePart(t *testing.T) {
	_, err := Render(Template{Subject: "Hi {{.Partner", Text: "x"}, Figures{})
	var p *Problem
	if !errors.As(err, &p) || p.Part != "subject" {
		t.Errorf("got %v", err)
	}
	_, err = Render(Template{Subject: "x", Text: "{{.Nope}}"}, Figures{})
	if !errors.As(err, &p) || p.Part != "text" || !strings.Contains(p.Message, "Nope") {
		t.Errorf("got %v", err)
	}
}
