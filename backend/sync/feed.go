package sync

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"partnerbook/backend/domain"
)

// MaxEvents is the most events one GET /v1/events returns.
const MaxEvents = 1000

// FeedEvent is an event as GET /v1/events lists it.
type FeedEvent struct {
	ID         string          `json:"id"` // the cursor after this event
	EventID    string          `json:"event_id"`
	Program    int64           `json:"program"`
	Type       string          `json:"type"`
	Test       bool            `json:"test"`
	ReceivedAt string          `json:"received_at"`
	Payload    json.RawMessage `json:"payload"`
}

// Feed is the answer of GET /v1/events.
type Feed struct {
	Events []FeedEvent `json:"events"`
	Next   string      `json:"next"`
}

// events lists the events after a cursor, in commit order: a program's secret key sees its
// program's, the link secret (the desktop pulling) every program's.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	var programID int64
	link, err := s.linkOK(r.Context(), r)
	if err != nil {
		answer(w, err)
		return
	}
	if !link {
		k, _, err := s.keys.lookup(r.Context(), bearer(r), domain.KeySecret)
		if err != nil {
			answer(w, err)
			return
		}
		programID = k.ProgramID
	}
	q := r.URL.Query()
	after, limit := int64(0), 100
	if v := q.Get("after"); v != "" {
		if after, err = strconv.ParseInt(v, 10, 64); err != nil || after < 0 {
			answer(w, &FieldError{Field: "after", Message: "should be a cursor from \"next\" (a whole number)"})
			return
		}
	}
	if v := q.Get("limit"); v != "" {
		if limit, err = strconv.Atoi(v); err != nil || limit < 1 || limit > MaxEvents {
			answer(w, &FieldError{Field: "limit", Message: "should be a whole number from 1 to " + strconv.Itoa(MaxEvents)})
			return
		}
	}
	evs, err := s.opt.Store.EventsAfter(r.Context(), after, programID, limit)
	if err != nil {
		answer(w, err)
		return
	}
	feed := Feed{Events: make([]FeedEvent, 0, len(evs)), Next: strconv.FormatInt(after, 10)}
	for _, e := range evs {
		id := strconv.FormatInt(e.ID, 10)
		feed.Events = append(feed.Events, FeedEvent{ID: id, EventID: e.EventID, Program: e.ProgramID, Type: e.Type,
			Test: e.Test, ReceivedAt: e.ReceivedAt.UTC().Format("2006-01-02T15:04:05Z"), Payload: e.Payload})
		feed.Next = id
	}
	writeJSON(w, http.StatusOK, feed)
}

// push takes what the desktop tells its headless server (link secret only).
func (s *Server) push(w http.ResponseWriter, r *http.Request) {
	if !s.requireLink(w, r) {
		return
	}
	body, err := readBodyMax(w, r, MaxPush)
	if err != nil {
		answer(w, err)
		return
	}
	var p domain.SyncPush
	if err := decode(body, &p); err != nil {
		answer(w, err)
		return
	}
	res, err := s.opt.Store.ApplyPush(r.Context(), p)
	if err != nil {
		if domain.ErrorCode(err) == domain.EInvalid {
			answer(w, fail(http.StatusBadRequest, "invalid", "%s", domain.AsError(err).Error()))
			return
		}
		answer(w, err)
		return
	}
	s.keys.forget()
	writeJSON(w, http.StatusOK, res)
}

// MaxPush bounds a push's body: every program's partners and keys (a larger shop's push is
// still far below it).
const MaxPush = 32 << 20

func readBodyMax(w http.ResponseWriter, r *http.Request, max int64) ([]byte, error) {
	var buf bytes.Buffer
	_, err := buf.ReadFrom(http.MaxBytesReader(w, r.Body, max))
	if err != nil {
		if strings.Contains(err.Error(), "too large") {
			if max >= 1<<20 {
				return nil, fail(http.StatusRequestEntityTooLarge, "too_large", "the body is larger than %d MiB", max>>20)
			}
			return nil, fail(http.StatusRequestEntityTooLarge, "too_large", "the body is larger than %d KiB", max>>10)
		}
		return nil, fail(http.StatusBadRequest, "invalid", "the body could not be read: %v", err)
	}
	return buf.Bytes(), nil
}

func (c *keyCache) forget() {
	c.mu.Lock()
	clear(c.m)
	c.mu.Unlock()
}

// requireLink answers 401 (or the store's error) unless the request carries this server's link
// secret; it reports whether the handler may go on.
func (s *Server) requireLink(w http.ResponseWriter, r *http.Request) bool {
	ok, err := s.linkOK(r.Context(), r)
	if err != nil {
		answer(w, err)
		return false
	}
	if !ok {
		answer(w, fail(http.StatusUnauthorized, "unauthorized", "send this server's link secret (from `partnerbook init --server`) as Authorization: Bearer"))
	}
	return ok
}
