package portal

import (
	"net/http"
	"strings"

	"partnerbook/backend/i18n"
)

// signInData is what the sign-in pages show.
type signInData struct {
	base
	Email   string
	Sent    bool   // the code form
	Problem string // what went wrong, in the page's language
	Link    string // the sign-in link's token, on its confirmation page
}

// guestLang is the language of a page shown before sign-in: ?lang=, else the browser's.
func guestLang(r *http.Request) i18n.Lang {
	if l := r.URL.Query().Get("lang"); l != "" {
		return i18n.Get(l)
	}
	for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		code := strings.TrimSpace(strings.SplitN(part, ";", 2)[0])
		if l := i18n.Get(code); strings.HasPrefix(strings.ToLower(code), l.Code) {
			return l
		}
	}
	return i18n.Get("en")
}

func (p *Portal) guestPage(w http.ResponseWriter, r *http.Request) signInData {
	b := base{L: guestLang(r), CSRF: csrfToken(p.preSecret(w, r))}
	b.Published = p.published(r, b.L, "portal.published_guest", 0, "UTC")
	return signInData{base: b}
}

func (p *Portal) signInPage(w http.ResponseWriter, r *http.Request) {
	if _, ok := p.session(w, r); ok {
		http.Redirect(w, r, "/portal/", http.StatusSeeOther)
		return
	}
	p.render(w, http.StatusOK, "signin", p.guestPage(w, r))
}

// guestPost runs h for a form posted before sign-in: its CSRF token checked against the
// browser's own secret cookie (403), then the client's tries counted by lim (429).
func (p *Portal) guestPost(lim *limiter, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !p.csrfOK(r, preCookieValue(r)) {
			p.forbidden(w, r)
			return
		}
		if !lim.allow(clientOf(r), p.cfg.Now()) {
			p.tooMany(w)
			return
		}
		h(w, r)
	}
}

func (p *Portal) signInForm(w http.ResponseWriter, r *http.Request) {
	d := p.guestPage(w, r)
	d.Email, d.Sent = strings.TrimSpace(r.PostFormValue("email")), true
	if err := p.requestCode(r.Context(), r, d.Email); err != nil {
		p.cfg.Logf("portal: sign-in: %v", err) // the answer stays neutral
	}
	p.render(w, http.StatusOK, "signin", d)
}

func (p *Portal) verifyForm(w http.ResponseWriter, r *http.Request) {
	ok, err := p.verifyCode(w, r, r.PostFormValue("email"), r.PostFormValue("code"))
	if err != nil {
		p.fault(w, err)
		return
	}
	if ok {
		http.Redirect(w, r, "/portal/", http.StatusSeeOther)
		return
	}
	d := p.guestPage(w, r)
	d.Email, d.Sent = strings.TrimSpace(r.PostFormValue("email")), true
	d.Problem = d.L.T("portal.code_wrong")
	p.render(w, http.StatusUnauthorized, "signin", d)
}

// linkPage asks to confirm a sign-in link with a button: opening the link alone (as mail
// scanners do) signs nobody in.
func (p *Portal) linkPage(w http.ResponseWriter, r *http.Request) {
	d := p.guestPage(w, r)
	d.Link = r.URL.Query().Get("t")
	p.render(w, http.StatusOK, "link", d)
}

func (p *Portal) linkForm(w http.ResponseWriter, r *http.Request) {
	email, ok, err := p.cfg.Store.PortalUseLink(r.Context(), hash("link", r.PostFormValue("t")), CodeTries, p.cfg.Now())
	if err == nil && ok {
		ok, err = p.startSession(w, r, email)
	}
	if err != nil {
		p.fault(w, err)
		return
	}
	if ok {
		http.Redirect(w, r, "/portal/", http.StatusSeeOther)
		return
	}
	d := p.guestPage(w, r)
	d.Problem = d.L.T("portal.link_wrong")
	p.render(w, http.StatusUnauthorized, "signin", d)
}

func (p *Portal) signOut(w http.ResponseWriter, r *http.Request, s session) {
	if err := p.cfg.Store.PortalEndSession(r.Context(), hash("session", s.token), p.cfg.Now()); err != nil {
		p.fault(w, err)
		return
	}
	p.setCookie(w, r, CookieName, "", -1)
	http.Redirect(w, r, "/portal/sign-in", http.StatusSeeOther)
}
