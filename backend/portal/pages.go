package portal

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"partnerbook/backend/domain"
	"partnerbook/backend/i18n"
)

// base is what every page knows: its language, the form token, who is signed in, and on a
// headless server when what it shows was published.
type base struct {
	L         i18n.Lang
	CSRF      string
	Account   *domain.PortalAccount
	Nav       string
	Published string // "" where the portal reads the live database
}

func (p *Portal) page(r *http.Request, s session, nav string) base {
	a := s.PortalAccount
	b := base{L: i18n.Get(a.Language), CSRF: csrfToken(s.token), Account: &a, Nav: nav}
	b.Published = p.published(r, b.L, "portal.published", a.PartnerID, a.Timezone)
	return b
}

// published says when the data shown was published, in the partner's language and their
// program's zone; "" where it is live. A fault reading it leaves the line out (and is logged):
// the page itself is still right.
func (p *Portal) published(r *http.Request, l i18n.Lang, text string, partnerID int64, zone string) string {
	at, err := p.cfg.Store.PortalAsOf(r.Context(), partnerID)
	if err != nil {
		p.cfg.Logf("portal: as of: %v", err)
		return ""
	}
	if at.IsZero() {
		return ""
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		loc, zone = time.UTC, "UTC"
	}
	t := at.In(loc)
	return l.T(text, l.Day(t), t.Format("15:04"), zone)
}

type overviewData struct {
	base
	S     domain.PortalSummary
	Chart template.HTML
}

func (p *Portal) overview(w http.ResponseWriter, r *http.Request, s session) {
	sum, err := p.cfg.Store.PortalSummary(r.Context(), s.PartnerID)
	if err != nil {
		p.fault(w, err)
		return
	}
	d := overviewData{base: p.page(r, s, "overview"), S: sum}
	d.Chart = chart(d.L, sum.Months, sum.Currency)
	p.render(w, http.StatusOK, "overview", d)
}

type linksData struct {
	base
	Info    domain.PortalProgramInfo
	Link    string // the referral link, or the one built for a page
	Page    string
	Problem string
	QR      template.HTML
}

func (p *Portal) links(w http.ResponseWriter, r *http.Request, s session) {
	sum, err := p.cfg.Store.PortalSummary(r.Context(), s.PartnerID)
	if err != nil {
		p.fault(w, err)
		return
	}
	d := linksData{base: p.page(r, s, "links"), Info: sum.Program, Page: strings.TrimSpace(r.URL.Query().Get("page"))}
	if d.Info.Site != "" {
		link, ok := buildLink(d.Info.Site, d.Page, d.Info.Key)
		if !ok {
			d.Problem = d.L.T("portal.links.bad_page")
			link, _ = buildLink(d.Info.Site, "", d.Info.Key)
		}
		d.Link = link
		d.QR = qrSVG(link)
	}
	p.render(w, http.StatusOK, "links", d)
}

// buildLink is a referral link to a page of the shop's site: a path ("/shop/socks") or an
// address on the site's own host. A page elsewhere is refused: partners link to this shop.
func buildLink(site, page, key string) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(site))
	if err != nil || u.Host == "" {
		return "", false
	}
	if page != "" {
		pu, err := url.Parse(page)
		if err != nil || (pu.Host != "" && !strings.EqualFold(pu.Host, u.Host)) || (pu.Scheme != "" && pu.Host == "") {
			return "", false
		}
		if !strings.HasPrefix(pu.Path, "/") {
			pu.Path = "/" + pu.Path
		}
		u.Path, u.RawQuery, u.Fragment = pu.Path, pu.RawQuery, pu.Fragment
	}
	q := u.Query()
	q.Set("ref", key)
	u.RawQuery = q.Encode()
	return u.String(), true
}

type referralsData struct {
	base
	Lines      []domain.PortalLine
	Line       *domain.PortalLine
	Total      int
	Page       int
	Prev, Next int
}

func (p *Portal) referrals(w http.ResponseWriter, r *http.Request, s session) {
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	page = max(page, 1)
	lines, total, err := p.cfg.Store.PortalLines(r.Context(), s.PartnerID, (page-1)*linesOnPage, linesOnPage)
	if err != nil {
		p.fault(w, err)
		return
	}
	d := referralsData{base: p.page(r, s, "referrals"), Lines: lines, Total: total, Page: page}
	if page > 1 {
		d.Prev = page - 1
	}
	if page*linesOnPage < total {
		d.Next = page + 1
	}
	p.render(w, http.StatusOK, "referrals", d)
}

func (p *Portal) referral(w http.ResponseWriter, r *http.Request, s session) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	l, err := p.cfg.Store.PortalLine(r.Context(), s.PartnerID, id)
	if err != nil {
		p.fault(w, err)
		return
	}
	p.render(w, http.StatusOK, "referrals", referralsData{base: p.page(r, s, "referrals"), Line: &l})
}

type payoutsData struct {
	base
	Payouts []domain.PortalPayout
}

func (p *Portal) payouts(w http.ResponseWriter, r *http.Request, s session) {
	ps, err := p.cfg.Store.PortalPayouts(r.Context(), s.PartnerID)
	if err != nil {
		p.fault(w, err)
		return
	}
	p.render(w, http.StatusOK, "payouts", payoutsData{base: p.page(r, s, "payouts"), Payouts: ps})
}

// statement sends a payout's statement PDF: the same bytes the shop filed.
func (p *Portal) statement(w http.ResponseWriter, r *http.Request, s session) {
	number := r.PathValue("number")
	pdf, err := p.cfg.Store.PortalStatement(r.Context(), s.PartnerID, number)
	if err != nil {
		p.fault(w, err)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", "statement-"+safeName(number)+".pdf"))
	w.Header().Set("Content-Length", strconv.Itoa(len(pdf)))
	w.Write(pdf)
}

func safeName(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r == '-' || r == '_' {
			return r
		}
		return '-'
	}, s)
}

type leadsData struct {
	base
	Leads         []domain.PortalLead
	Name, Email   string
	Problem, Done string
}

func (p *Portal) leadsPage(w http.ResponseWriter, r *http.Request, s session, d leadsData, status int) {
	if !s.Leads {
		http.NotFound(w, r)
		return
	}
	leads, err := p.cfg.Store.PortalLeads(r.Context(), s.PartnerID)
	if err != nil {
		p.fault(w, err)
		return
	}
	d.base, d.Leads = p.page(r, s, "leads"), leads
	if r.URL.Query().Get("added") != "" {
		d.Done = d.L.T("portal.leads.added")
	}
	p.render(w, status, "leads", d)
}

func (p *Portal) leads(w http.ResponseWriter, r *http.Request, s session) {
	p.leadsPage(w, r, s, leadsData{}, http.StatusOK)
}

func (p *Portal) addLead(w http.ResponseWriter, r *http.Request, s session) {
	if !s.Leads {
		http.NotFound(w, r)
		return
	}
	name, email := strings.TrimSpace(r.PostFormValue("name")), strings.TrimSpace(r.PostFormValue("email"))
	if _, err := p.cfg.Store.PortalAddLead(r.Context(), s.PartnerID, name, email); err != nil {
		if domain.ErrorCode(err) != domain.EInvalid {
			p.fault(w, err)
			return
		}
		p.leadsPage(w, r, s, leadsData{Name: name, Email: email, Problem: problemText(err)}, http.StatusBadRequest)
		return
	}
	http.Redirect(w, r, "/portal/leads?added=1", http.StatusSeeOther)
}

// problemText is an invalid input's problems in one line.
func problemText(err error) string {
	e := domain.AsError(err)
	var parts []string
	for _, pb := range e.Problems {
		parts = append(parts, pb.Message)
	}
	if len(parts) == 0 {
		return e.Message
	}
	return strings.Join(parts, "; ")
}

type profileData struct {
	base
	P              domain.PortalProfile
	Field, Value   string
	Problem, Done  string
	PendingByField map[string]bool
}

func (p *Portal) profilePage(w http.ResponseWriter, r *http.Request, s session, d profileData, status int) {
	pr, err := p.cfg.Store.PortalProfile(r.Context(), s.PartnerID)
	if err != nil {
		p.fault(w, err)
		return
	}
	d.base, d.P = p.page(r, s, "profile"), pr
	if r.URL.Query().Get("requested") != "" {
		d.Done = d.L.T("portal.profile.requested")
	}
	p.render(w, status, "profile", d)
}

func (p *Portal) profile(w http.ResponseWriter, r *http.Request, s session) {
	p.profilePage(w, r, s, profileData{}, http.StatusOK)
}

func (p *Portal) requestChange(w http.ResponseWriter, r *http.Request, s session) {
	field, value := r.PostFormValue("field"), strings.TrimSpace(r.PostFormValue("value"))
	if _, err := p.cfg.Store.PortalRequestChange(r.Context(), s.PartnerID, field, value); err != nil {
		if domain.ErrorCode(err) != domain.EInvalid {
			p.fault(w, err)
			return
		}
		p.profilePage(w, r, s, profileData{Field: field, Value: value, Problem: problemText(err)}, http.StatusBadRequest)
		return
	}
	http.Redirect(w, r, "/portal/profile?requested=1", http.StatusSeeOther)
}
