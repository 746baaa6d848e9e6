package portal

import (
	"encoding/json"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"partnerbook/backend/domain"
)

// The pages' data as JSON for a signed-in partner (portal.md). A POST must be JSON from this
// site: a form of another site can send neither that content type nor a matching Origin.

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func jsonError(w http.ResponseWriter, status int, code, message string) {
	writeJSON(w, status, map[string]any{"error": map[string]string{"code": code, "message": message}})
}

// sameSiteJSON says whether a POST carries JSON and, if the browser says where it comes from,
// comes from this portal's own origin.
func sameSiteJSON(r *http.Request) bool {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "application/json" {
		return false
	}
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	u, err := url.Parse(origin)
	return err == nil && u.Host == r.Host
}

func decode(w http.ResponseWriter, r *http.Request, v any) bool {
	if !sameSiteJSON(r) {
		jsonError(w, http.StatusForbidden, "forbidden", "send JSON (Content-Type: application/json) from the portal's own origin")
		return false
	}
	if err := json.NewDecoder(r.Body).Decode(v); err != nil {
		jsonError(w, http.StatusBadRequest, domain.EInvalid, "the body is not a JSON object of the expected fields")
		return false
	}
	return true
}

// api runs h for a signed-in partner and answers 401 without a session.
func (p *Portal) api(h partnerHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s, ok := p.session(w, r)
		if !ok {
			jsonError(w, http.StatusUnauthorized, "unauthorized", "sign in first")
			return
		}
		h(w, r, s)
	}
}

func (p *Portal) apiFault(w http.ResponseWriter, err error) {
	switch e := domain.AsError(err); e.Code {
	case domain.ENotFound:
		jsonError(w, http.StatusNotFound, e.Code, "not found")
	case domain.EInvalid, domain.EConflict:
		writeJSON(w, http.StatusBadRequest, map[string]any{"error": e})
	default:
		p.cfg.Logf("portal: %v", err)
		jsonError(w, http.StatusInternalServerError, domain.EInternal, "something went wrong; please try again later")
	}
}

func (p *Portal) apiSignIn(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Email string `json:"email"`
	}
	if !decode(w, r, &in) {
		return
	}
	if !p.byClient.allow(clientOf(r), p.cfg.Now()) {
		w.Header().Set("Retry-After", "900")
		jsonError(w, http.StatusTooManyRequests, "rate_limited", "too many attempts; please wait a few minutes")
		return
	}
	if err := p.requestCode(r.Context(), r, in.Email); err != nil {
		p.cfg.Logf("portal: sign-in: %v", err) // the answer stays neutral
	}
	writeJSON(w, http.StatusAccepted, map[string]string{"status": "if this address may sign in, a code is on its way"})
}

func (p *Portal) apiVerify(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Email string `json:"email"`
		Code  string `json:"code"`
	}
	if !decode(w, r, &in) {
		return
	}
	if !p.verifies.allow(clientOf(r), p.cfg.Now()) {
		w.Header().Set("Retry-After", "900")
		jsonError(w, http.StatusTooManyRequests, "rate_limited", "too many attempts; please wait a few minutes")
		return
	}
	ok, err := p.verifyCode(w, r, in.Email, in.Code)
	if err != nil {
		p.apiFault(w, err)
		return
	}
	if !ok {
		jsonError(w, http.StatusUnauthorized, "unauthorized", "the code is wrong, used or expired")
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "signed in"})
}

func (p *Portal) apiMe(w http.ResponseWriter, r *http.Request, s session) {
	sum, err := p.cfg.Store.PortalSummary(r.Context(), s.PartnerID)
	if err != nil {
		p.apiFault(w, err)
		return
	}
	at, err := p.cfg.Store.PortalAsOf(r.Context(), s.PartnerID)
	if err != nil {
		p.apiFault(w, err)
		return
	}
	var published any // null where the portal reads the live database
	if !at.IsZero() {
		published = at.UTC().Format(time.RFC3339)
	}
	writeJSON(w, http.StatusOK, map[string]any{"partner": map[string]any{"key": s.Key, "name": s.Name, "email": s.Email,
		"language": s.Language, "program": s.Program}, "overview": sum, "published": published})
}

func (p *Portal) apiLines(w http.ResponseWriter, r *http.Request, s session) {
	offset, _ := strconv.Atoi(r.URL.Query().Get("offset"))
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	if limit <= 0 || limit > 500 {
		limit = 100
	}
	lines, total, err := p.cfg.Store.PortalLines(r.Context(), s.PartnerID, max(offset, 0), limit)
	if err != nil {
		p.apiFault(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"lines": lines, "total": total})
}

func (p *Portal) apiLine(w http.ResponseWriter, r *http.Request, s session) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		jsonError(w, http.StatusNotFound, domain.ENotFound, "not found")
		return
	}
	l, err := p.cfg.Store.PortalLine(r.Context(), s.PartnerID, id)
	if err != nil {
		p.apiFault(w, err)
		return
	}
	writeJSON(w, http.StatusOK, l)
}

func (p *Portal) apiPayouts(w http.ResponseWriter, r *http.Request, s session) {
	ps, err := p.cfg.Store.PortalPayouts(r.Context(), s.PartnerID)
	if err != nil {
		p.apiFault(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"payouts": ps})
}

func (p *Portal) apiLeads(w http.ResponseWriter, r *http.Request, s session) {
	if !s.Leads {
		jsonError(w, http.StatusNotFound, domain.ENotFound, "this program pays no lead bounties")
		return
	}
	ls, err := p.cfg.Store.PortalLeads(r.Context(), s.PartnerID)
	if err != nil {
		p.apiFault(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"leads": ls})
}

func (p *Portal) apiAddLead(w http.ResponseWriter, r *http.Request, s session) {
	var in struct {
		Name  string `json:"name"`
		Email string `json:"email"`
	}
	if !decode(w, r, &in) {
		return
	}
	if !s.Leads {
		jsonError(w, http.StatusNotFound, domain.ENotFound, "this program pays no lead bounties")
		return
	}
	l, err := p.cfg.Store.PortalAddLead(r.Context(), s.PartnerID, in.Name, in.Email)
	if err != nil {
		p.apiFault(w, err)
		return
	}
	writeJSON(w, http.StatusCreated, l)
}

func (p *Portal) apiRequestChange(w http.ResponseWriter, r *http.Request, s session) {
	var in struct {
		Field string `json:"field"`
		Value string `json:"value"`
	}
	if !decode(w, r, &in) {
		return
	}
	req, err := p.cfg.Store.PortalRequestChange(r.Context(), s.PartnerID, in.Field, in.Value)
	if err != nil {
		p.apiFault(w, err)
		return
	}
	writeJSON(w, http.StatusCreated, req)
}
