package sync

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"

	"partnerbook/backend/domain"
)

// The partner portal's snapshot (portal.md): at each pull, once the fetched events are applied,
// the desktop publishes per program what the portal shows; the headless server keeps it and
// serves it while the laptop sleeps.

// MaxPublish bounds one program's snapshot (413 above it): a partner's newest lines and their
// statements' PDFs, for every partner who may sign in.
const MaxPublish = 64 << 20

// publish takes a program's portal snapshot (link secret only) and replaces the program's
// earlier one, in one transaction.
func (s *Server) publish(w http.ResponseWriter, r *http.Request) {
	if !s.requireLink(w, r) {
		return
	}
	body, err := readBodyMax(w, r, s.opt.MaxPublish)
	if err != nil {
		answer(w, err)
		return
	}
	var snap domain.PortalSnapshot
	if err := decode(body, &snap); err != nil {
		answer(w, err)
		return
	}
	res, err := s.opt.Store.ApplyPortalSnapshot(r.Context(), snap)
	if err != nil {
		if c := domain.ErrorCode(err); c == domain.EInvalid || c == domain.EConflict {
			answer(w, fail(http.StatusBadRequest, "invalid", "%s", domain.AsError(err).Error()))
			return
		}
		answer(w, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

// portalEvents lists what partners did in this server's portal after a cursor (link secret
// only): the desktop applies each once.
func (s *Server) portalEvents(w http.ResponseWriter, r *http.Request) {
	if !s.requireLink(w, r) {
		return
	}
	after, err := strconv.ParseInt(r.URL.Query().Get("after"), 10, 64)
	if err != nil || after < 0 {
		answer(w, &FieldError{Field: "after", Message: "should be a cursor from \"next\" (a whole number)"})
		return
	}
	evs, err := s.opt.Store.PortalEventsAfter(r.Context(), after, MaxEvents)
	if err != nil {
		answer(w, err)
		return
	}
	next := after
	if len(evs) > 0 {
		next = evs[len(evs)-1].ID
	}
	writeJSON(w, http.StatusOK, PortalFeed{Events: evs, Next: strconv.FormatInt(next, 10)})
}

// PortalFeed is the answer of GET /v1/sync/portal/events.
type PortalFeed struct {
	Events []domain.PortalEvent `json:"events"`
	Next   string               `json:"next"`
}

// pullPortalEvents fetches the portal events after the desktop's cursor and applies them, a
// page per transaction; it returns the cursor the snapshot is then read at.
func pullPortalEvents(ctx context.Context, d Desktop, client *http.Client, base, secret string, res *PullResult) (int64, error) {
	cursor, err := d.PortalCursor(ctx, base)
	if err != nil {
		return 0, err
	}
	for {
		var feed PortalFeed
		if err := call(ctx, client, "GET", fmt.Sprintf("%s/v1/sync/portal/events?after=%d", base, cursor), secret, nil, &feed); err != nil {
			return cursor, err
		}
		next := cursor
		for _, e := range feed.Events {
			if e.ID <= next {
				return cursor, domain.Errorf(domain.EInternal, "the server answered portal events out of order (%d after %d)", e.ID, next)
			}
			next = e.ID
		}
		if len(feed.Events) > 0 {
			applied, err := d.ApplyPortalEvents(ctx, base, feed.Events, next)
			if err != nil {
				return cursor, err
			}
			res.Applied += applied.Events
		}
		res.Fetched += len(feed.Events)
		cursor = next
		if len(feed.Events) < MaxEvents {
			return cursor, nil
		}
	}
}

// publishPortal sends each program's snapshot, read after the events were applied, so that it
// already shows the leads and requests just fetched.
func publishPortal(ctx context.Context, d Desktop, client *http.Client, base, secret string, programs []int64, cursor int64) (domain.PortalPublishResult, error) {
	var total domain.PortalPublishResult
	for _, id := range programs {
		snap, err := d.PortalSnapshotOf(ctx, id, cursor)
		if err != nil {
			return total, err
		}
		body, err := json.Marshal(snap)
		if err != nil {
			return total, err
		}
		if len(body) > MaxPublish {
			return total, domain.Errorf(domain.EInvalid, "the partner portal's snapshot of program %d is %d MiB, more than the %d MiB a server takes",
				id, len(body)>>20, MaxPublish>>20)
		}
		var res domain.PortalPublishResult
		if err := call(ctx, client, "POST", base+"/v1/sync/portal", secret, json.RawMessage(body), &res); err != nil {
			return total, err
		}
		total.Partners += res.Partners
		total.Lines += res.Lines
		total.Payouts += res.Payouts
		total.Statements += res.Statements
	}
	return total, nil
}
