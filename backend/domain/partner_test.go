package domain

import (
	"strings"
	"testing"
)

func TestPartnerValidation(t *testing.T) {
	ok := func() Partner {
		p := NewPartner()
		p.Name, p.Email, p.Key = "Kira", "kira@example.org", "kira"
		return p
	}
	tests := []struct {
		name   string
		change func(*Partner)
		column string // "" means valid
		msg    string
	}{
		{"valid", func(p *Partner) {}, "", ""},
		{"no name", func(p *Partner) { p.Name = "  " }, "name", "needs a name"},
		{"no email", func(p *Partner) { p.Email = "" }, "email", "needs an e-mail"},
		{"bad email", func(p *Partner) { p.Email = "kira@localhost" }, "email", "not an e-mail"},
		{"display name email", func(p *Partner) { p.Email = "Kira <kira@example.org>" }, "email", "not an e-mail"},
		{"key with space", func(p *Partner) { p.Key = "ki ra" }, "key", "not a key"},
		{"key with slash", func(p *Partner) { p.Key = "ki/ra" }, "key", "not a key"},
		{"coupon with comma", func(p *Partner) { p.Coupons = []string{"A,B"} }, "coupons", "not a coupon"},
		{"own parent", func(p *Partner) { p.Parent = "KIRA" }, "parent", "own parent"},
		{"bad status", func(p *Partner) { p.Status = "banned" }, "status", "not one of"},
		{"bad country", func(p *Partner) { p.Country = "Germany" }, "country", "two-letter"},
		{"bad vat", func(p *Partner) { p.VATID = "123" }, "vat_id", "not a VAT id"},
		{"bad language", func(p *Partner) { p.Language = "fr" }, "language", "not one of"},
		{"bad paypal", func(p *Partner) { p.PaypalEmail = "nope" }, "paypal_email", "not an e-mail"},
		{"iban check digits", func(p *Partner) { p.IBAN = "DE89370400440532013001" }, "iban", "check digits"},
		{"iban length", func(p *Partner) { p.IBAN = "DE8937040044053201300" }, "iban", "22 characters"},
		{"iban spaced ok", func(p *Partner) { p.IBAN = "de89 3704 0044 0532 0130 00" }, "", ""},
		{"vat spaced ok", func(p *Partner) { p.VATID = "de 123 456 789" }, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := ok()
			tt.change(&p)
			ps := p.Validate()
			if tt.column == "" {
				if len(ps) > 0 {
					t.Fatalf("want valid, got %v", ps)
				}
				return
			}
			for _, pr := range ps {
				if pr.Column == tt.column && strings.Contains(pr.Message, tt.msg) {
					return
				}
			}
			t.Errorf("no problem on %q containing %q in %v", tt.column, tt.msg, ps)
		})
	}
}

func TestPartnerNormalize(t *testing.T) {
	p := Partner{Name: " Kira ", Email: " Kira@Example.ORG ", Key: " kira ", Coupons: []string{" A ", "a", "", "B"},
		Country: "de", VATID: "de 123", IBAN: "de89 3704", PaypalEmail: "P@X.org", Language: "DE"}
	p.Normalize()
	if p.Email != "kira@example.org" || p.Name != "Kira" || p.Key != "kira" || p.Country != "DE" || p.VATID != "DE123" ||
		p.IBAN != "DE893704" || p.PaypalEmail != "p@x.org" || p.Language != "de" {
		t.Errorf("not normalized: %+v", p)
	}
	if strings.Join(p.Coupons, ",") != "A,B" {
		t.Errorf("coupons = %v, want blanks and case-insensitive repeats dropped", p.Coupons)
	}
}

func TestCheckIBAN(t *testing.T) {
	valid := []string{"DE89370400440532013000", "GB82WEST12345698765432", "NL91ABNA0417164300", "FR1420041010050500013M02606"}
	for _, s := range valid {
		if err := CheckIBAN(s); err != nil {
			t.Errorf("CheckIBAN(%s) = %v", s, err)
		}
	}
	invalid := []string{"DE89370400440532013001", "GB82WEST12345698765433", "XX", "1234567890123456", "DE8937040044053201300X"}
	for _, s := range invalid {
		if CheckIBAN(s) == nil {
			t.Errorf("CheckIBAN(%s) accepted", s)
		}
	}
}

func TestLeadValidation(t *testing.T) {
	l := Lead{Partner: " kira ", Email: " Jo@Example.com ", Status: ""}
	if ps := l.Validate(); len(ps) > 0 {
		t.Fatal(ps)
	}
	if l.Email != "jo@example.com" || l.Status != "new" || l.Partner != "kira" {
		t.Errorf("not normalized: %+v", l)
	}
	bad := Lead{Partner: "", Email: "x", Status: "won"}
	ps := bad.Validate()
	if len(ps) != 3 {
		t.Errorf("want 3 problems (partner, email, status), got %v", ps)
	}
}

func TestSettings(t *testing.T) {
	if _, err := CheckSetting("smtp.port", "70000"); ErrorCode(err) != EInvalid {
		t.Errorf("port 70000 accepted: %v", err)
	}
	if _, err := CheckSetting("smtp.security", "ssl"); ErrorCode(err) != EInvalid {
		t.Errorf("security ssl accepted: %v", err)
	}
	if _, err := CheckSetting("smtp.hots", "x"); ErrorCode(err) != ENotFound || !strings.Contains(err.Error(), "smtp.host") {
		t.Errorf("unknown key: %v, want not_found listing the keys", err)
	}
	if v, err := CheckSetting("smtp.host", "  mail.example.org "); err != nil || v != "mail.example.org" {
		t.Errorf("host = %q, %v", v, err)
	}
	if v, _ := CheckSetting("smtp.password", " pass with spaces "); v != " pass with spaces " {
		t.Errorf("a secret must be kept as typed, got %q", v)
	}
}

func TestProblemString(t *testing.T) {
	p := Problem{File: "orders.csv", Row: 17, Column: "Total", Message: `"12,3.0" is not an amount`}
	if got := p.String(); got != `orders.csv:17: column "Total": "12,3.0" is not an amount` {
		t.Errorf("String() = %s", got)
	}
	many := make([]Problem, 150)
	e := Invalid("x", many)
	if len(e.Problems) != MaxProblems || e.More != 50 {
		t.Errorf("want %d problems and 50 more, got %d and %d", MaxProblems, len(e.Problems), e.More)
	}
}
