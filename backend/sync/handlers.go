package sync

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"time"

	"partnerbook/backend/domain"
	"partnerbook/backend/sync/pbjs"
)

// browserCall is a call a page makes with a publishable key: its event and, for a visit,
// what else the answer says.
type browserCall func(w http.ResponseWriter, r *http.Request, body []byte) (domain.Event, map[string]any, error)

// browser wraps the routes a page calls: per-address limit, CORS preflight, the body bound,
// the publishable key and the Origin check, then the commit.
func (s *Server) browser(call browserCall) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Vary", "Origin")
		if ok, wait := s.limit.allow(clientAddr(r)); !ok {
			answer(w, &httpError{status: http.StatusTooManyRequests, code: "rate_limited",
				message: "too many calls from this address; try again later", retryAfter: wait})
			return
		}
		if r.Method == http.MethodOptions {
			s.preflight(w, r)
			return
		}
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", "POST, OPTIONS")
			writeError(w, http.StatusMethodNotAllowed, "method_not_allowed", r.URL.Path+" takes POST", "")
			return
		}
		s.record(w, r, func(body []byte) (domain.Event, map[string]any, error) { return call(w, r, body) })
	}
}

// record reads the call's body, makes its event (event), commits it, and answers with what
// it did and the event's extra fields.
func (s *Server) record(w http.ResponseWriter, r *http.Request, event func(body []byte) (domain.Event, map[string]any, error)) {
	body, err := readBody(w, r)
	if err != nil {
		answer(w, err)
		return
	}
	e, extra, err := event(body)
	if err != nil {
		answer(w, err)
		return
	}
	out, err := s.commit.commit(r.Context(), e)
	if err != nil {
		answer(w, commitError(err))
		return
	}
	a := eventAnswer(e, out)
	for k, v := range extra {
		a[k] = v
	}
	writeJSON(w, http.StatusOK, a)
}

// preflight answers a CORS preflight: allowed where some program allows the origin (the
// preflight carries no key; the call itself is checked against its program).
func (s *Server) preflight(w http.ResponseWriter, r *http.Request) {
	origin := domain.NormalizeOrigin(r.Header.Get("Origin"))
	ok, err := s.opt.Store.OriginAllowed(r.Context(), origin)
	if err != nil {
		answer(w, err)
		return
	}
	if origin == "" || !ok {
		writeError(w, http.StatusForbidden, "forbidden", fmt.Sprintf("no program allows the origin %q", origin), "")
		return
	}
	h := w.Header()
	h.Set("Access-Control-Allow-Origin", r.Header.Get("Origin"))
	h.Set("Access-Control-Allow-Credentials", "true")
	h.Set("Access-Control-Allow-Methods", "POST")
	h.Set("Access-Control-Allow-Headers", "Content-Type")
	h.Set("Access-Control-Max-Age", "86400")
	w.WriteHeader(http.StatusNoContent)
}

// pageProgram checks a page's publishable key and its Origin header against the program.
func (s *Server) pageProgram(w http.ResponseWriter, r *http.Request, key string) (domain.APIKey, domain.Program, error) {
	k, prog, err := s.keys.lookup(r.Context(), key, domain.KeyPublishable)
	if err != nil {
		return k, prog, err
	}
	origin := domain.NormalizeOrigin(r.Header.Get("Origin"))
	if origin == "" || !slices.Contains(prog.Origins, origin) {
		if len(prog.Origins) == 0 {
			return k, prog, fail(http.StatusForbidden, "forbidden", "program %q allows no site yet: add the shop's origin to its origins", prog.Name)
		}
		return k, prog, fail(http.StatusForbidden, "forbidden", "program %q does not allow the origin %q", prog.Name, origin)
	}
	w.Header().Set("Access-Control-Allow-Origin", r.Header.Get("Origin"))
	w.Header().Set("Access-Control-Allow-Credentials", "true")
	return k, prog, nil
}

// visit records a visit; its answer says whether the key is an active partner's (ref, else
// null) and the program's cookie days and attribution, which the script follows.
func (s *Server) visit(w http.ResponseWriter, r *http.Request, body []byte) (domain.Event, map[string]any, error) {
	v, err := ParseVisit(body)
	if err != nil {
		return domain.Event{}, nil, err
	}
	k, prog, err := s.pageProgram(w, r, v.Program)
	if err != nil {
		return domain.Event{}, nil, err
	}
	e := VisitEvent(prog.ID, k.Test, v)
	extra := map[string]any{"ref": nil, "cookie_days": prog.CookieDays, "attribution": prog.Attribution}
	key, ok, err := s.opt.Store.ActivePartnerKey(r.Context(), prog.ID, v.Ref)
	if err != nil {
		return e, nil, err
	}
	if ok {
		e.Ref, extra["ref"] = key, key
		s.setCookie(w, r, prog, key, v.Visitor)
	}
	return e, extra, nil
}

// setCookie sets pb_ref from the server (pbjs.VisitCookie): browsers keep it only where the
// endpoint is the shop's own site (a reverse proxy), and such cookies last the whole window.
func (s *Server) setCookie(w http.ResponseWriter, r *http.Request, prog domain.Program, key, visitor string) {
	if c := pbjs.VisitCookie(r, key, visitor, s.opt.Now(), prog.CookieDays, prog.Attribution == "first_click"); c != nil {
		http.SetCookie(w, c)
	}
}

func (s *Server) signup(w http.ResponseWriter, r *http.Request, body []byte) (domain.Event, map[string]any, error) {
	v, err := ParseSignup(body)
	if err != nil {
		return domain.Event{}, nil, err
	}
	k, prog, err := s.pageProgram(w, r, v.Program)
	if err != nil {
		return domain.Event{}, nil, err
	}
	return SignupEvent(prog.ID, k.Test, v), nil, nil
}

// server wraps the routes a shop's server calls with its secret key (not limited per address).
func (s *Server) server(call func(body []byte, k domain.APIKey) (domain.Event, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		k, _, err := s.keys.lookup(r.Context(), bearer(r), domain.KeySecret)
		if err != nil {
			answer(w, err)
			return
		}
		s.record(w, r, func(body []byte) (domain.Event, map[string]any, error) {
			e, err := call(body, k)
			return e, nil, err
		})
	}
}

func (s *Server) sale(body []byte, k domain.APIKey) (domain.Event, error) {
	v, err := ParseSale(body)
	return SaleEvent(k.ProgramID, k.Test, v), err
}

func (s *Server) refund(body []byte, k domain.APIKey) (domain.Event, error) {
	v, err := ParseRefund(body)
	return RefundEvent(k.ProgramID, k.Test, v), err
}

// commitError turns the event log's refusal of a reused id into 409.
func commitError(err error) error {
	if domain.ErrorCode(err) == domain.EConflict {
		return fail(http.StatusConflict, "conflict", "this id was sent before with another body; an id is for one event, forever")
	}
	return err
}

// eventAnswer is the answer to a stored event: the same for the first call and every repeat.
func eventAnswer(e domain.Event, out domain.EventOutcome) map[string]any {
	return map[string]any{"event": map[string]any{"id": strconv.FormatInt(out.ID, 10), "event_id": e.EventID, "type": e.Type,
		"test": e.Test, "received_at": out.ReceivedAt.UTC().Format(time.RFC3339)}}
}
