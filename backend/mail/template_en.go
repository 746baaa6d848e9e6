package mail

// defaults are the templates Partnerbook ships, by kind.language. People edit copies of them
// in the window; these stay as they are, for "reset".
var defaults = map[string]Template{
	"statement.en": {
		Subject: `{{if .Credit}}Credit note{{else}}Your statement{{end}} {{.Number}} from {{.Shop}}`,
		Text: `Hello {{.Partner}},

{{if .Credit}}attached is credit note {{.Number}} for {{.Period}}: {{.Amount}}. It is netted with your next payout.
{{else}}attached is your statement {{.Number}} for {{.Period}}: {{.Amount}} is on its way to you.
{{end}}
The PDF is a self-billing invoice made out in your name; please keep it for your books.

Thank you for working with us,
{{.Shop}}
`,
		HTML: `<p>Hello {{.Partner}},</p>
{{if .Credit}}<p>attached is credit note <b>{{.Number}}</b> for {{.Period}}: <b>{{.Amount}}</b>. It is netted with your next payout.</p>
{{else}}<p>attached is your statement <b>{{.Number}}</b> for {{.Period}}: <b>{{.Amount}}</b> is on its way to you.</p>
{{end}}<p>The PDF is a self-billing invoice made out in your name; please keep it for your books.</p>
<p>Thank you for working with us,<br>{{.Shop}}</p>
`,
	},
	"report.en": {
		Subject: `Your partner report for {{.Month}}: {{.Earned}} earned`,
		Text: `Hello {{.Partner}},

here is {{.Month}} at {{.Shop}}.

Orders you brought: {{len .Orders}} ({{.Sales}})
Commission earned:  {{.Earned}}
Still on hold:      {{.Pending}}
Ready for payout:   {{.Balance}}
{{if .Orders}}
{{range .Orders}}  {{.Day}}  {{.Order}}  {{.Total}}  → {{.Commission}}
{{end}}{{end}}
Your key: {{.Key}}{{if .Coupons}}
Your coupons: {{range $i, $c := .Coupons}}{{if $i}}, {{end}}{{$c}}{{end}}{{end}}{{range .Links}}
Your link: {{.}}{{end}}

Thank you,
{{.Shop}}
`,
		HTML: `<p>Hello {{.Partner}},</p>
<p>here is {{.Month}} at {{.Shop}}.</p>
<table style="border-collapse:collapse">
<tr><td>Orders you brought</td><td style="text-align:right;padding-left:1em">{{len .Orders}} ({{.Sales}})</td></tr>
<tr><td>Commission earned</td><td style="text-align:right;padding-left:1em"><b>{{.Earned}}</b></td></tr>
<tr><td>Still on hold</td><td style="text-align:right;padding-left:1em">{{.Pending}}</td></tr>
<tr><td>Ready for payout</td><td style="text-align:right;padding-left:1em">{{.Balance}}</td></tr>
</table>
{{if .Orders}}<table style="border-collapse:collapse;margin-top:1em">
<tr><th style="text-align:left">Day</th><th style="text-align:left;padding-left:1em">Order</th><th style="text-align:right;padding-left:1em">Total</th><th style="text-align:right;padding-left:1em">Commission</th></tr>
{{range .Orders}}<tr><td>{{.Day}}</td><td style="padding-left:1em">{{.Order}}</td><td style="text-align:right;padding-left:1em">{{.Total}}</td><td style="text-align:right;padding-left:1em">{{.Commission}}</td></tr>
{{end}}</table>{{end}}
<p>Your key: <b>{{.Key}}</b>{{if .Coupons}}<br>Your coupons: {{range $i, $c := .Coupons}}{{if $i}}, {{end}}<b>{{$c}}</b>{{end}}{{end}}{{range .Links}}<br>Your link: <a href="{{.}}">{{.}}</a>{{end}}</p>
<p>Thank you,<br>{{.Shop}}</p>
`,
	},
	"welcome.en": {
		Subject: `Welcome to the {{.Shop}} partner program`,
		Text: `Hello {{.Partner}},

welcome to the {{.Shop}} partner program. Your partner key is {{.Key}}.{{if .Coupons}}
Your coupons: {{range $i, $c := .Coupons}}{{if $i}}, {{end}}{{$c}}{{end}}{{end}}{{range .Links}}
Your link: {{.}}{{end}}
{{if .Portal}}
See your referrals, commissions and statements any day in the partner portal: {{.Portal}}
(sign in with this e-mail address).
{{end}}
Every month we send you your figures, and a statement with each payout.
To tell us about a lead, reply to this address with a line "email: their@address" (and "name: Their Name").

{{.Shop}}
`,
		HTML: `<p>Hello {{.Partner}},</p>
<p>welcome to the {{.Shop}} partner program. Your partner key is <b>{{.Key}}</b>.{{if .Coupons}}<br>Your coupons: {{range $i, $c := .Coupons}}{{if $i}}, {{end}}<b>{{$c}}</b>{{end}}{{end}}{{range .Links}}<br>Your link: <a href="{{.}}">{{.}}</a>{{end}}</p>
{{if .Portal}}<p>See your referrals, commissions and statements any day in the <a href="{{.Portal}}">partner portal</a> (sign in with this e-mail address).</p>
{{end}}<p>Every month we send you your figures, and a statement with each payout.<br>
To tell us about a lead, reply to this address with a line "email: their@address" (and "name: Their Name").</p>
<p>{{.Shop}}</p>
`,
	},
}
