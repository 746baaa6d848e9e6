package domain

import (
	"net/mail"
	"regexp"
	"strings"
	"time"
)

// Partner statuses and statement languages.
var (
	PartnerStatuses = []string{"active", "pending", "suspended"}
	Languages       = []string{"en", "de"}
	// VATTreatments are how a partner's self-billing invoices treat VAT (backend/payout, vat.go):
	// domestic (VAT charged), reverse_charge, exempt (a small business), none.
	VATTreatments = []string{"domestic", "reverse_charge", "exempt", "none"}
	keyRe         = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)
	couponRe      = regexp.MustCompile(`^[^\s,;]{1,64}$`)
	countryRe     = regexp.MustCompile(`^[A-Z]{2}$`)
	vatRe         = regexp.MustCompile(`^[A-Z]{2}[A-Z0-9+*.]{2,13}$`)
)

// Partner is a person or company that earns commissions in one program.
type Partner struct {
	ID          int64    `json:"id"`
	ProgramID   int64    `json:"program_id"`
	Name        string   `json:"name"`
	Email       string   `json:"email"`
	Key         string   `json:"key"`
	Coupons     []string `json:"coupons"`
	Parent      string   `json:"parent"` // the parent partner's key, "" for none
	Status      string   `json:"status"`
	Address     string   `json:"address"`
	Country     string   `json:"country"`
	VATID       string   `json:"vat_id"`
	Language    string   `json:"language"`
	PaypalEmail string   `json:"paypal_email"`
	IBAN        string   `json:"iban"`
	// VATTreatment is derived from the company's and the partner's country and VAT id when the
	// partner is saved, unless a person chose it (VATTreatmentSet).
	VATTreatment    string    `json:"vat_treatment"`
	VATTreatmentSet bool      `json:"vat_treatment_set"`
	CreatedAt       time.Time `json:"created_at"`
	UpdatedAt       time.Time `json:"updated_at"`
}

// PartnerPatch changes some fields of a partner; nil fields stay as they are. It is also
// the input of a new partner, where nil means the default.
type PartnerPatch struct {
	Name        *string   `json:"name,omitempty"`
	Email       *string   `json:"email,omitempty"`
	Key         *string   `json:"key,omitempty"`
	Coupons     *[]string `json:"coupons,omitempty"`
	Parent      *string   `json:"parent,omitempty"`
	Status      *string   `json:"status,omitempty"`
	Address     *string   `json:"address,omitempty"`
	Country     *string   `json:"country,omitempty"`
	VATID       *string   `json:"vat_id,omitempty"`
	Language    *string   `json:"language,omitempty"`
	PaypalEmail *string   `json:"paypal_email,omitempty"`
	IBAN        *string   `json:"iban,omitempty"`
	// VATTreatment chooses the treatment; "auto" (or "") derives it again when saved.
	VATTreatment *string `json:"vat_treatment,omitempty"`
}

// Apply returns p with the patch's fields set.
func (pp PartnerPatch) Apply(p Partner) Partner {
	set := func(dst *string, src *string) {
		if src != nil {
			*dst = *src
		}
	}
	set(&p.Name, pp.Name)
	set(&p.Email, pp.Email)
	set(&p.Key, pp.Key)
	set(&p.Parent, pp.Parent)
	set(&p.Status, pp.Status)
	set(&p.Address, pp.Address)
	set(&p.Country, pp.Country)
	set(&p.VATID, pp.VATID)
	set(&p.Language, pp.Language)
	set(&p.PaypalEmail, pp.PaypalEmail)
	set(&p.IBAN, pp.IBAN)
	if pp.Coupons != nil {
		p.Coupons = append([]string(nil), (*pp.Coupons)...)
	}
	if pp.VATTreatment != nil {
		v := strings.ToLower(strings.TrimSpace(*pp.VATTreatment))
		p.VATTreatmentSet = v != "" && v != "auto"
		if p.VATTreatmentSet {
			p.VATTreatment = v
		}
	}
	return p
}

// NewPartner is a partner with the defaults: active, English.
func NewPartner() Partner {
	return Partner{Status: "active", Language: "en", Coupons: []string{}, VATTreatment: "none"}
}

// Normalize brings fields to their canonical form: trimmed, e-mails lower case, country and
// VAT id and IBAN upper case without spaces, coupons without blanks or repeats.
func (p *Partner) Normalize() {
	p.Name = strings.TrimSpace(p.Name)
	p.Email = NormalizeEmail(p.Email)
	p.Key = strings.TrimSpace(p.Key)
	p.Parent = strings.TrimSpace(p.Parent)
	p.Status = strings.TrimSpace(p.Status)
	p.Address = strings.TrimSpace(p.Address)
	p.Country = strings.ToUpper(strings.TrimSpace(p.Country))
	p.VATID = strings.ToUpper(strings.Join(strings.Fields(p.VATID), ""))
	p.Language = strings.ToLower(strings.TrimSpace(p.Language))
	p.PaypalEmail = NormalizeEmail(p.PaypalEmail)
	p.IBAN = NormalizeIBAN(p.IBAN)
	seen := map[string]bool{}
	coupons := []string{}
	for _, c := range p.Coupons {
		c = strings.TrimSpace(c)
		if c == "" || seen[strings.ToLower(c)] {
			continue
		}
		seen[strings.ToLower(c)] = true
		coupons = append(coupons, c)
	}
	p.Coupons = coupons
}

// Validate checks a partner on its own; uniqueness and the parent are the store's to check.
func (p *Partner) Validate() Problems {
	p.Normalize()
	var ps Problems
	if p.Name == "" {
		ps.Add("name", "a partner needs a name")
	} else if len([]rune(p.Name)) > 200 {
		ps.Add("name", "is longer than 200 characters")
	}
	if p.Email == "" {
		ps.Add("email", "a partner needs an e-mail address")
	} else if !ValidEmail(p.Email) {
		ps.Add("email", "%q is not an e-mail address", p.Email)
	}
	if !keyRe.MatchString(p.Key) {
		ps.Add("key", "%q is not a key: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit", p.Key)
	}
	for _, c := range p.Coupons {
		if !couponRe.MatchString(c) {
			ps.Add("coupons", "%q is not a coupon code: 1 to 64 characters without spaces, ',' or ';'", c)
		}
	}
	if p.Parent != "" && strings.EqualFold(p.Parent, p.Key) {
		ps.Add("parent", "a partner cannot be their own parent")
	}
	OneOf(&ps, "status", p.Status, PartnerStatuses)
	if p.Country != "" && !countryRe.MatchString(p.Country) {
		ps.Add("country", "%q is not a two-letter country code such as DE", p.Country)
	}
	if p.VATID != "" && !vatRe.MatchString(p.VATID) {
		ps.Add("vat_id", "%q is not a VAT id: a country prefix and 2 to 13 letters or digits", p.VATID)
	}
	OneOf(&ps, "language", p.Language, Languages)
	OneOf(&ps, "vat_treatment", p.VATTreatment, VATTreatments)
	if p.PaypalEmail != "" && !ValidEmail(p.PaypalEmail) {
		ps.Add("paypal_email", "%q is not an e-mail address", p.PaypalEmail)
	}
	if p.IBAN != "" {
		if err := CheckIBAN(p.IBAN); err != nil {
			ps.Add("iban", "%s", err.Error())
		}
	}
	return ps
}

// NormalizeEmail trims and lower-cases an e-mail address (how customers are identified too).
func NormalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// ValidEmail says whether s is a bare address (no display name) with a dotted domain.
func ValidEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Name != "" || !strings.EqualFold(a.Address, s) {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	return at > 0 && strings.Contains(domain, ".") && !strings.HasSuffix(domain, ".")
}
