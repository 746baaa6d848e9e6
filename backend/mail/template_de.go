package mail

func init() {
	defaults["statement.de"] = Template{
		Subject: `{{if .Credit}}Gutschriftskorrektur{{else}}Ihre Abrechnung{{end}} {{.Number}} von {{.Shop}}`,
		Text: `Hallo {{.Partner}},

{{if .Credit}}anbei die Korrektur {{.Number}} für {{.Period}}: {{.Amount}}. Sie wird mit Ihrer nächsten Auszahlung verrechnet.
{{else}}anbei Ihre Abrechnung {{.Number}} für {{.Period}}: {{.Amount}} sind auf dem Weg zu Ihnen.
{{end}}
Das PDF ist eine Gutschrift (Abrechnung im Gutschriftsverfahren) auf Ihren Namen; bitte bewahren Sie es für Ihre Buchhaltung auf.

Danke für die Zusammenarbeit,
{{.Shop}}
`,
		HTML: `<p>Hallo {{.Partner}},</p>
{{if .Credit}}<p>anbei die Korrektur <b>{{.Number}}</b> für {{.Period}}: <b>{{.Amount}}</b>. Sie wird mit Ihrer nächsten Auszahlung verrechnet.</p>
{{else}}<p>anbei Ihre Abrechnung <b>{{.Number}}</b> für {{.Period}}: <b>{{.Amount}}</b> sind auf dem Weg zu Ihnen.</p>
{{end}}<p>Das PDF ist eine Gutschrift (Abrechnung im Gutschriftsverfahren) auf Ihren Namen; bitte bewahren Sie es für Ihre Buchhaltung auf.</p>
<p>Danke für die Zusammenarbeit,<br>{{.Shop}}</p>
`,
	}
	defaults["report.de"] = Template{
		Subject: `Ihr Partnerbericht für {{.Month}}: {{.Earned}} verdient`,
		Text: `Hallo {{.Partner}},

hier ist Ihr {{.Month}} bei {{.Shop}}.

Vermittelte Bestellungen: {{len .Orders}} ({{.Sales}})
Verdiente Provision:      {{.Earned}}
Noch in der Wartezeit:    {{.Pending}}
Bereit zur Auszahlung:    {{.Balance}}
{{if .Orders}}
{{range .Orders}}  {{.Day}}  {{.Order}}  {{.Total}}  → {{.Commission}}
{{end}}{{end}}
Ihr Schlüssel: {{.Key}}{{if .Coupons}}
Ihre Gutscheine: {{range $i, $c := .Coupons}}{{if $i}}, {{end}}{{$c}}{{end}}{{end}}{{range .Links}}
Ihr Link: {{.}}{{end}}

Danke,
{{.Shop}}
`,
		HTML: `<p>Hallo {{.Partner}},</p>
<p>hier ist Ihr {{.Month}} bei {{.Shop}}.</p>
<table style="border-collapse:collapse">
<tr><td>Vermittelte Bestellungen</td><td style="text-align:right;padding-left:1em">{{len .Orders}} ({{.Sales}})</td></tr>
<tr><td>Verdiente Provision</td><td style="text-align:right;padding-left:1em"><b>{{.Earned}}</b></td></tr>
<tr><td>Noch in der Wartezeit</td><td style="text-align:right;padding-left:1em">{{.Pending}}</td></tr>
<tr><td>Bereit zur Auszahlung</td><td style="text-align:right;padding-left:1em">{{.Balance}}</td></tr>
</table>
{{if .Orders}}<table style="border-collapse:collapse;margin-top:1em">
<tr><th style="text-align:left">Tag</th><th style="text-align:left;padding-left:1em">Bestellung</th><th style="text-align:right;padding-left:1em">Summe</th><th style="text-align:right;padding-left:1em">Provision</th></tr>
{{range .Orders}}<tr><td>{{.Day}}</td><td style="padding-left:1em">{{.Order}}</td><td style="text-align:right;padding-left:1em">{{.Total}}</td><td style="text-align:right;padding-left:1em">{{.Commission}}</td></tr>
{{end}}</table>{{end}}
<p>Ihr Schlüssel: <b>{{.Key}}</b>{{if .Coupons}}<br>Ihre Gutscheine: {{range $i, $c := .Coupons}}{{if $i}}, {{end}}<b>{{$c}}</b>{{end}}{{end}}{{range .Links}}<br>Ihr Link: <a href="{{.}}">{{.}}</a>{{end}}</p>
<p>Danke,<br>{{.Shop}}</p>
`,
	}
	defaults["welcome.de"] = Template{
		Subject: `Willkommen im Partnerprogramm von {{.Shop}}`,
		Text: `Hallo {{.Partner}},

willkommen im Partnerprogramm von {{.Shop}}. Ihr Partnerschlüssel ist {{.Key}}.{{if .Coupons}}
Ihre Gutscheine: {{range $i, $c := .Coupons}}{{if $i}}, {{end}}{{$c}}{{end}}{{end}}{{range .Links}}
Ihr Link: {{.}}{{end}}
{{if .Portal}}
Ihre Vermittlungen, Provisionen und Abrechnungen sehen Sie jederzeit im Partnerportal: {{.Portal}}
(Anmeldung mit dieser E-Mail-Adresse).
{{end}}
Jeden Monat schicken wir Ihnen Ihre Zahlen, und zu jeder Auszahlung eine Abrechnung.
Einen Kontakt melden Sie, indem Sie an diese Adresse schreiben, mit einer Zeile "email: adresse@beispiel.de" (und "name: Vorname Nachname").

{{.Shop}}
`,
		HTML: `<p>Hallo {{.Partner}},</p>
<p>willkommen im Partnerprogramm von {{.Shop}}. Ihr Partnerschlüssel ist <b>{{.Key}}</b>.{{if .Coupons}}<br>Ihre Gutscheine: {{range $i, $c := .Coupons}}{{if $i}}, {{end}}<b>{{$c}}</b>{{end}}{{end}}{{range .Links}}<br>Ihr Link: <a href="{{.}}">{{.}}</a>{{end}}</p>
{{if .Portal}}<p>Ihre Vermittlungen, Provisionen und Abrechnungen sehen Sie jederzeit im <a href="{{.Portal}}">Partnerportal</a> (Anmeldung mit dieser E-Mail-Adresse).</p>
{{end}}<p>Jeden Monat schicken wir Ihnen Ihre Zahlen, und zu jeder Auszahlung eine Abrechnung.<br>
Einen Kontakt melden Sie, indem Sie an diese Adresse schreiben, mit einer Zeile "email: adresse@beispiel.de" (und "name: Vorname Nachname").</p>
<p>{{.Shop}}</p>
`,
	}
}
