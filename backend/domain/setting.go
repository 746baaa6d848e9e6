package domain

import (
	"fmt"
	"net"
	"net/mail"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

var decimalHundred = decimal.NewFromInt(100)

// SettingSpec describes a setting: what it holds and how it is checked.
type SettingSpec struct {
	Key    string              `json:"key"`
	Label  string              `json:"label"`
	Secret bool                `json:"secret"` // write-only; kept outside the database
	check  func(string) string // returns a problem, "" when fine
	norm   func(string) string // the value as stored, where it has a canonical form
}

// Setting is a setting as shown: secrets only say whether they are set.
type Setting struct {
	Key    string `json:"key"`
	Value  string `json:"value"`
	Secret bool   `json:"secret"`
	Set    bool   `json:"set"`
}

func anyText(string) string { return "" }

func port(v string) string {
	if n, err := strconv.Atoi(v); err != nil || n < 1 || n > 65535 {
		return "is not a port number (1 to 65535)"
	}
	return ""
}

// host is an address to listen on: an IP address or a host name, without a port.
func host(v string) string {
	if strings.ContainsAny(v, " /:") && net.ParseIP(v) == nil {
		return "is not an address such as 127.0.0.1 or 0.0.0.0 (the port is sync.port)"
	}
	return ""
}

// remoteURL is a headless server's address, or empty.
func remoteURL(v string) string {
	if v == "" {
		return ""
	}
	if u, err := url.Parse(v); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "is not a URL such as https://track.example.com"
	}
	return ""
}

func choice(options ...string) func(string) string {
	return func(v string) string {
		for _, o := range options {
			if v == o {
				return ""
			}
		}
		return "is not one of " + strings.Join(options, ", ")
	}
}

func emailOrEmpty(v string) string {
	if v != "" && !ValidEmail(NormalizeEmail(v)) {
		return "is not an e-mail address"
	}
	return ""
}

func mailboxOrEmpty(v string) string {
	if v == "" {
		return ""
	}
	if _, _, err := ParseMailbox(v); err != nil {
		return err.Error()
	}
	return ""
}

// ParseMailbox reads a sender as people write it: a bare address (shop@atelier.test) or one
// with a display name (Atelier Nord <shop@atelier.test>, "Nord, Atelier" <shop@atelier.test>).
// It returns the display name ("" when none) and the address, lower case.
func ParseMailbox(v string) (name, address string, err error) {
	a, err := mail.ParseAddress(strings.TrimSpace(v))
	if err != nil {
		return "", "", fmt.Errorf("%q is not an e-mail address, nor a name with one in <> such as Atelier Nord <shop@atelier.test>", v)
	}
	address = NormalizeEmail(a.Address)
	if !ValidEmail(address) {
		return "", "", fmt.Errorf("%q is not an e-mail address", a.Address)
	}
	return strings.TrimSpace(a.Name), address, nil
}

func ibanOrEmpty(v string) string {
	if v == "" {
		return ""
	}
	if err := CheckIBAN(NormalizeIBAN(v)); err != nil {
		return err.Error()
	}
	return ""
}

func urlOrEmpty(v string) string {
	if v != "" && !strings.HasPrefix(v, "https://") && !strings.HasPrefix(v, "http://") {
		return "is not an address starting with https://"
	}
	return ""
}

func countryOrEmpty(v string) string {
	if v != "" && !countryRe.MatchString(v) {
		return "is not a two-letter country code such as DE"
	}
	return ""
}

// vatRate is a VAT rate in percent: more than 0 and less than 100, at most two decimals
// (Finland's 25.5).
func vatRate(v string) string {
	d, err := ParseAmount(v)
	if err != nil || !d.IsPositive() || d.Cmp(decimalHundred) >= 0 || d.Exponent() < -2 {
		return "is not a VAT rate in percent such as 19 or 25.5"
	}
	return ""
}

// normRate writes a rate without trailing zeros: 19.00 is 19.
func normRate(v string) string {
	d, err := ParseAmount(v)
	if err != nil {
		return v
	}
	return d.String()
}

var settingSpecs = []SettingSpec{
	{Key: "company.name", Label: "Company name", check: anyText},
	{Key: "company.address", Label: "Company address", check: anyText},
	{Key: "company.country", Label: "Company country", check: countryOrEmpty},
	{Key: "company.vat_id", Label: "Company VAT id", check: anyText},
	{Key: "company.vat_rate", Label: "VAT rate in percent (empty: the standard rate of the company's country)", check: vatRate, norm: normRate},
	{Key: "company.logo", Label: "Company logo (PNG or JPEG file)", check: anyText},
	{Key: "company.iban", Label: "Company IBAN (pays SEPA transfers)", check: ibanOrEmpty},
	{Key: "company.bic", Label: "Company BIC (optional)", check: bicOrEmpty, norm: NormalizeBIC},
	{Key: "company.language", Label: "Language of the run summary (en, de)", check: anyText},
	{Key: "company.website", Label: "Shop website (partners' links are it with ?ref=KEY)", check: anyText},
	{Key: "smtp.host", Label: "SMTP host", check: anyText},
	{Key: "smtp.port", Label: "SMTP port", check: port},
	{Key: "smtp.security", Label: "SMTP security", check: choice("none", "starttls", "tls")},
	{Key: "smtp.user", Label: "SMTP user", check: anyText},
	{Key: "smtp.password", Label: "SMTP password", Secret: true, check: anyText},
	{Key: "mail.from", Label: "From address (may be Name <address>)", check: mailboxOrEmpty},
	{Key: "mail.reply_to", Label: "Reply-To address", check: emailOrEmpty},
	{Key: "imap.host", Label: "IMAP host", check: anyText},
	{Key: "imap.port", Label: "IMAP port", check: port},
	{Key: "imap.security", Label: "IMAP security", check: choice("none", "starttls", "tls")},
	{Key: "imap.user", Label: "IMAP user", check: anyText},
	{Key: "imap.password", Label: "IMAP password", Secret: true, check: anyText},
	{Key: "imap.sent_folder", Label: "IMAP Sent folder", check: anyText},
	{Key: "imap.leads_folder", Label: "IMAP leads folder", check: anyText},
	{Key: "sync.enabled", Label: "Sync endpoint on (while the window is open)", check: choice("true", "false")},
	{Key: "sync.addr", Label: "Sync endpoint address (default 127.0.0.1)", check: host},
	{Key: "sync.port", Label: "Sync endpoint port (default 8787)", check: port},
	{Key: "sync.remote", Label: "Headless server to pull from (its URL)", check: remoteURL},
	{Key: "sync.key", Label: "Headless server's link secret", Secret: true, check: anyText},
	{Key: "portal.url", Label: "Address partners use", check: urlOrEmpty},
	{Key: "ui.sample_offered", Label: "Sample program offered", check: choice("true", "false")},
	{Key: "ui.checklist_hidden", Label: "Setup checklist hidden on the Dashboard", check: choice("true", "false")},
	{Key: "ui.language", Label: "Language of the window (system, en, de)", check: choice("system", "en", "de")},
}

// SettingSpecs lists the known settings, sorted by key.
func SettingSpecs() []SettingSpec {
	out := append([]SettingSpec(nil), settingSpecs...)
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// LookupSetting returns the spec of a key, or a not-found error that lists the known keys.
func LookupSetting(key string) (SettingSpec, error) {
	for _, s := range settingSpecs {
		if s.Key == key {
			return s, nil
		}
	}
	keys := make([]string, 0, len(settingSpecs))
	for _, s := range SettingSpecs() {
		keys = append(keys, s.Key)
	}
	return SettingSpec{}, Errorf(ENotFound, "there is no setting %q; the settings are: %s", key, strings.Join(keys, ", "))
}

// CheckSetting validates a value for a key, trimmed; it returns the value to store.
func CheckSetting(key, value string) (string, error) {
	spec, err := LookupSetting(key)
	if err != nil {
		return "", err
	}
	if !spec.Secret {
		value = strings.TrimSpace(value)
	}
	if value == "" {
		return "", nil // an empty value clears a setting
	}
	if msg := spec.check(value); msg != "" {
		return "", Invalid("the setting is not valid", []Problem{{Column: key, Value: value, Message: msg}})
	}
	if spec.norm != nil {
		value = spec.norm(value)
	}
	return value, nil
}
