package domain

import (
	"sort"
	"strconv"
	"strings"
)

// Settings are the shop's settings as one typed value, read at once and checked once: the
// code that uses a setting reads a field, not a key. Secrets (passwords, the link secret) are
// not in it: they stay in the secret store and are asked for where they are used.
type Settings struct {
	Company CompanySettings
	SMTP    MailServer
	IMAP    MailServer
	Mail    MailSettings
	Sync    SyncSettings
	Portal  PortalSettings
	UI      UISettings
}

// CompanySettings are the shop as its statements and mails name it.
type CompanySettings struct {
	Name, Address, Country, VATID, Logo, IBAN, BIC, Language, Website string
	// VATRate is the setting company.vat_rate as stored ("" when unset: a run then charges
	// the standard rate of Country, see payout.RunRate).
	VATRate string
}

// MailServer is an SMTP or IMAP server; Port is 0 and Security "starttls" where not set.
type MailServer struct {
	Host     string
	Port     int
	Security string // none, starttls, tls
	User     string
}

// MailSettings are who the shop's mails come from and where their copies go.
type MailSettings struct {
	FromName    string // the display name of mail.from, "" when none
	From        string // the address of mail.from
	ReplyTo     string
	SentFolder  string
	LeadsFolder string
}

// SyncSettings are the sync endpoint the window runs and the headless server it pulls from.
type SyncSettings struct {
	Enabled bool
	Addr    string // default 127.0.0.1
	Port    int    // default 8787
	Remote  string // a headless server's URL, "" when none
}

// PortalSettings are the partner portal's.
type PortalSettings struct {
	URL string // the address partners use, "" when the endpoint's is meant
}

// UISettings are the window's own.
type UISettings struct {
	SampleOffered   bool   // the first start offered the sample program already
	ChecklistHidden bool   // the Dashboard's setup checklist is hidden
	Language        string // system, en or de; "" when unset (the system's)
}

// ParseSettings reads the stored settings (key → value, the keys unset left out) into their
// typed value, with the defaults where a key is unset. A stored value that no longer passes
// its check (saved before the check existed, or edited in the file) is an invalid error that
// names every such key, so that a person can correct them in Settings. Every stored key that
// is a setting is checked, also those no field holds; keys that are not settings (the store
// keeps its own state in the same table, such as sync.last_pull) are left alone. The value
// returned with the error has the keys that failed at their defaults.
func ParseSettings(stored map[string]string) (Settings, error) {
	valid, ps := checkStored(stored)
	get := func(key string) string { return valid[key] }
	number := func(key string, def int) int {
		if n, err := strconv.Atoi(get(key)); err == nil {
			return n
		}
		return def
	}
	or := func(v, def string) string {
		if v == "" {
			return def
		}
		return v
	}
	var s Settings
	s.Company = CompanySettings{Name: get("company.name"), Address: get("company.address"), Country: get("company.country"),
		VATID: get("company.vat_id"), VATRate: get("company.vat_rate"), Logo: get("company.logo"), IBAN: get("company.iban"), BIC: get("company.bic"),
		Language: get("company.language"), Website: get("company.website")}
	for _, m := range []struct {
		prefix string
		to     *MailServer
	}{{"smtp", &s.SMTP}, {"imap", &s.IMAP}} {
		*m.to = MailServer{Host: get(m.prefix + ".host"), Port: number(m.prefix+".port", 0),
			Security: or(get(m.prefix+".security"), "starttls"), User: get(m.prefix + ".user")}
	}
	s.Mail = MailSettings{ReplyTo: get("mail.reply_to"), SentFolder: get("imap.sent_folder"), LeadsFolder: get("imap.leads_folder")}
	if from := get("mail.from"); from != "" {
		s.Mail.FromName, s.Mail.From, _ = ParseMailbox(from) // checked by checkStored
	}
	s.Sync = SyncSettings{Enabled: get("sync.enabled") == "true", Addr: or(get("sync.addr"), "127.0.0.1"),
		Port: number("sync.port", 8787), Remote: get("sync.remote")}
	s.Portal = PortalSettings{URL: get("portal.url")}
	s.UI = UISettings{SampleOffered: get("ui.sample_offered") == "true", ChecklistHidden: get("ui.checklist_hidden") == "true",
		Language: get("ui.language")}
	if err := ps.Err("the stored settings are not valid: correct them in Settings"); err != nil {
		return s, err
	}
	return s, nil
}

// checkStored returns the stored settings that pass their checks (trimmed, the empty ones left
// out) and a problem, in key order, for each that does not.
func checkStored(stored map[string]string) (map[string]string, Problems) {
	var ps Problems
	valid := make(map[string]string, len(stored))
	for key, v := range stored {
		v = strings.TrimSpace(v)
		spec, err := LookupSetting(key)
		if err != nil || v == "" || spec.Secret {
			continue
		}
		if msg := spec.check(v); msg != "" {
			ps = append(ps, Problem{Column: key, Value: v, Message: msg})
			continue
		}
		valid[key] = v
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].Column < ps[j].Column })
	return valid, ps
}
