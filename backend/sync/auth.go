package sync

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"strconv"
	"strings"
	stdsync "sync"
	"time"

	"partnerbook/backend/domain"
)

// MaxBody is the largest body the endpoint reads (413 above it).
const MaxBody = 64 << 10

// httpError is an answer other than 2xx: status, stable code, message, and the field at fault.
type httpError struct {
	status        int
	code, message string
	field         string
	retryAfter    time.Duration
}

func (e *httpError) Error() string { return e.message }

func fail(status int, code, format string, a ...any) *httpError {
	return &httpError{status: status, code: code, message: fmt.Sprintf(format, a...)}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

func writeError(w http.ResponseWriter, status int, code, message, field string) {
	e := map[string]string{"code": code, "message": message}
	if field != "" {
		e["field"] = field
	}
	writeJSON(w, status, map[string]any{"error": e})
}

// answer writes err as sync.md's error body; any other error is a 500 that says no more.
func answer(w http.ResponseWriter, err error) {
	var he *httpError
	var fe *FieldError
	switch {
	case errors.As(err, &he):
		if he.retryAfter > 0 {
			w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(he.retryAfter.Seconds()))))
		}
		writeError(w, he.status, he.code, he.message, he.field)
	case errors.As(err, &fe):
		msg := fe.Message
		if fe.Field != "" {
			msg = fe.Field + " " + fe.Message
		}
		writeError(w, http.StatusBadRequest, "invalid", msg, fe.Field)
	case errors.Is(err, errClosed):
		writeError(w, http.StatusServiceUnavailable, "unavailable", err.Error(), "")
	default:
		writeError(w, http.StatusInternalServerError, "internal", "the event could not be stored; send it again", "")
	}
}

// readBody reads at most MaxBody bytes (413 beyond).
func readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
	var me *http.MaxBytesError
	if errors.As(err, &me) {
		return nil, fail(http.StatusRequestEntityTooLarge, "too_large", "the body is larger than %d KiB", MaxBody>>10)
	}
	if err != nil {
		return nil, fail(http.StatusBadRequest, "invalid", "the body could not be read: %v", err)
	}
	return b, nil
}

// clientAddr is who sent a request: the peer's address, or, where the peer is a reverse
// proxy on this machine, the address it says it forwards for.
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			parts := strings.Split(xff, ",")
			if last := strings.TrimSpace(parts[len(parts)-1]); last != "" {
				return last
			}
		}
	}
	return host
}

func bearer(r *http.Request) string {
	h := r.Header.Get("Authorization")
	if len(h) > 7 && strings.EqualFold(h[:7], "bearer ") {
		return strings.TrimSpace(h[7:])
	}
	return ""
}

// keyCache remembers for a second what a key's hash resolved to, so that a burst of calls
// does not ask the store for the same key and program each time. A revoked key stops working
// within that second.
type keyCache struct {
	store Store
	now   func() time.Time
	mu    stdsync.Mutex
	m     map[string]cachedKey
}

type cachedKey struct {
	key  domain.APIKey
	prog domain.Program
	err  error
	at   time.Time
}

const keyCacheFor = time.Second

func newKeyCache(st Store, now func() time.Time) *keyCache {
	return &keyCache{store: st, now: now, m: map[string]cachedKey{}}
}

// lookup resolves a key of the wanted kind to itself and its program: 401 unknown or revoked,
// 403 a key of the other kind.
func (c *keyCache) lookup(ctx context.Context, key, kind string) (domain.APIKey, domain.Program, error) {
	if key == "" {
		return domain.APIKey{}, domain.Program{}, fail(http.StatusUnauthorized, "unauthorized", "no key: %s", keyHint(kind))
	}
	if k := keyKind(key); k != kind {
		if k == "" {
			return domain.APIKey{}, domain.Program{}, fail(http.StatusUnauthorized, "unauthorized", "this is not a key of Partnerbook: %s", keyHint(kind))
		}
		return domain.APIKey{}, domain.Program{}, fail(http.StatusForbidden, "forbidden", "this call takes a %s key: %s", kind, keyHint(kind))
	}
	h := HashKey(key)
	now := c.now()
	c.mu.Lock()
	ck, ok := c.m[h]
	c.mu.Unlock()
	if !ok || now.Sub(ck.at) > keyCacheFor || now.Before(ck.at) {
		ck = cachedKey{at: now}
		ck.key, ck.err = c.store.KeyByHash(ctx, h)
		if ck.err == nil {
			ck.prog, ck.err = c.store.FindProgram(ctx, strconv.FormatInt(ck.key.ProgramID, 10))
		}
		if ck.err != nil && domain.ErrorCode(ck.err) != domain.ENotFound {
			return ck.key, ck.prog, ck.err // not cached: the store may answer next time
		}
		c.mu.Lock()
		if len(c.m) > 10000 {
			clear(c.m)
		}
		c.m[h] = ck
		c.mu.Unlock()
	}
	switch {
	case ck.err != nil:
		return ck.key, ck.prog, fail(http.StatusUnauthorized, "unauthorized", "this key is not known here: %s", keyHint(kind))
	case ck.key.Revoked != nil:
		return ck.key, ck.prog, fail(http.StatusUnauthorized, "unauthorized", "this key was revoked on %s", ck.key.Revoked.Format("2006-01-02"))
	}
	return ck.key, ck.prog, nil
}

func keyHint(kind string) string {
	if kind == domain.KeyPublishable {
		return "give the program's publishable key (pk_…) as \"program\""
	}
	return "send the program's secret key (sk_…) as Authorization: Bearer"
}

// linkOK says whether the request carries this server's link secret.
func (s *Server) linkOK(ctx context.Context, r *http.Request) (bool, error) {
	key := bearer(r)
	if keyKind(key) != "link" {
		return false, nil
	}
	want, err := s.opt.Store.LinkHash(ctx)
	if err != nil || want == "" {
		return false, err
	}
	return subtle.ConstantTimeCompare([]byte(HashKey(key)), []byte(want)) == 1, nil
}
