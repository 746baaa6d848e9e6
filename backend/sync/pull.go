package sync

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"partnerbook/backend/domain"
)

// Desktop is what `sync pull` needs of the desktop's store.
type Desktop interface {
	// SyncPushOf is what the server must know: programs' origins, cookie days, attribution,
	// partners' keys and statuses, the keys' hashes.
	SyncPushOf(ctx context.Context) (domain.SyncPush, error)
	// SyncCursor is the cursor after the last event fetched from remote.
	SyncCursor(ctx context.Context, remote string) (int64, error)
	// StoreFetched keeps fetched events (those not kept yet) and the new cursor, in one
	// transaction: an interrupted pull fetches the rest next time, none twice.
	StoreFetched(ctx context.Context, remote string, events []domain.Event, cursor int64) (int, error)
	ApplyEvents(ctx context.Context, max int) (domain.ApplyResult, error)
	// PortalCursor is the cursor after the last portal event fetched from remote.
	PortalCursor(ctx context.Context, remote string) (int64, error)
	// ApplyPortalEvents applies the portal events not applied before and keeps the new cursor,
	// in one transaction.
	ApplyPortalEvents(ctx context.Context, remote string, events []domain.PortalEvent, cursor int64) (domain.ApplyResult, error)
	// PortalSnapshotOf is what the partner portal shows in a program, to publish.
	PortalSnapshotOf(ctx context.Context, programID, cursor int64) (domain.PortalSnapshot, error)
}

// PullResult is what a pull did (cli.md's `sync pull --json`).
type PullResult struct {
	Pushed  domain.SyncPushResult `json:"pushed"`
	Fetched int                   `json:"fetched"`
	Applied int                   `json:"applied"`
	Cursor  string                `json:"cursor"`
}

// Pull pushes what the headless server at remote must know, fetches the events after the
// cursor, applies them, once each and in order, then fetches and applies what partners did in
// the server's partner portal, and last publishes the portal's snapshot of every program.
func Pull(ctx context.Context, d Desktop, client *http.Client, remote, secret string) (PullResult, error) {
	var res PullResult
	base, err := remoteURL(remote)
	if err != nil {
		return res, err
	}
	if secret == "" {
		return res, domain.Errorf(domain.EInvalid, "the link secret (setting sync.key) is not set: it is what `partnerbook init --server` printed on the server")
	}
	if client == nil {
		client = &http.Client{Timeout: time.Minute}
	}
	push, err := d.SyncPushOf(ctx)
	if err != nil {
		return res, err
	}
	if err := call(ctx, client, "POST", base+"/v1/sync/push", secret, push, &res.Pushed); err != nil {
		return res, err
	}
	cursor, err := d.SyncCursor(ctx, base)
	if err != nil {
		return res, err
	}
	for {
		var feed Feed
		if err := call(ctx, client, "GET", fmt.Sprintf("%s/v1/events?after=%d&limit=%d", base, cursor, MaxEvents), secret, nil, &feed); err != nil {
			return res, err
		}
		evs, next, err := feedEvents(feed, cursor)
		if err != nil {
			return res, err
		}
		if len(evs) > 0 {
			if _, err := d.StoreFetched(ctx, base, evs, next); err != nil {
				return res, err
			}
		}
		res.Fetched += len(evs)
		cursor = next
		if len(evs) < MaxEvents {
			break
		}
	}
	res.Cursor = strconv.FormatInt(cursor, 10)
	applied, err := NewApplier(d).ApplyAll(ctx)
	res.Applied = applied.Events
	if err != nil {
		return res, err
	}
	portalCursor, err := pullPortalEvents(ctx, d, client, base, secret, &res)
	if err != nil {
		return res, err
	}
	programs := make([]int64, len(push.Programs))
	for i, p := range push.Programs {
		programs[i] = p.ID
	}
	res.Pushed.PortalPublishResult, err = publishPortal(ctx, d, client, base, secret, programs, portalCursor)
	return res, err
}

func feedEvents(feed Feed, cursor int64) ([]domain.Event, int64, error) {
	evs := make([]domain.Event, 0, len(feed.Events))
	next := cursor
	for _, fe := range feed.Events {
		id, err := strconv.ParseInt(fe.ID, 10, 64)
		if err != nil || id <= next {
			return nil, cursor, domain.Errorf(domain.EInternal, "the server answered events out of order (%q after %d)", fe.ID, next)
		}
		at, err := time.Parse(time.RFC3339, fe.ReceivedAt)
		if err != nil {
			return nil, cursor, domain.Errorf(domain.EInternal, "the server answered an event without a time (%q)", fe.ID)
		}
		next = id
		e := domain.Event{EventID: fe.EventID, ProgramID: fe.Program, Type: fe.Type, Test: fe.Test, Payload: fe.Payload, ReceivedAt: at}
		evs = append(evs, e)
	}
	return evs, next, nil
}

func remoteURL(remote string) (string, error) {
	remote = strings.TrimRight(strings.TrimSpace(remote), "/")
	u, err := url.Parse(remote)
	if remote == "" || err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", domain.Errorf(domain.EInvalid, "the server's address (setting sync.remote) %q is not a URL such as https://track.example.com", remote)
	}
	return remote, nil
}

// call sends one request of the pull and reads its JSON answer, turning the server's errors
// into messages a person can act on.
func call(ctx context.Context, client *http.Client, method, u, secret string, in, out any) error {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+secret)
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return domain.Errorf(domain.EInternal, "the server cannot be reached: %v", err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 256<<20))
	if err != nil {
		return domain.Errorf(domain.EInternal, "the server's answer was cut short: %v", err)
	}
	if resp.StatusCode != http.StatusOK {
		var e struct {
			Error struct{ Message string } `json:"error"`
		}
		json.Unmarshal(data, &e)
		if resp.StatusCode == http.StatusUnauthorized {
			return domain.Errorf(domain.EInvalid, "the server refused the link secret (setting sync.key): %s", e.Error.Message)
		}
		return domain.Errorf(domain.EInternal, "the server answered %s: %s", resp.Status, e.Error.Message)
	}
	if err := json.Unmarshal(data, out); err != nil {
		return domain.Errorf(domain.EInternal, "the server's answer is not what Partnerbook expects: %v", err)
	}
	return nil
}

// Linked is a desktop's store with its link settings: sync.remote, sync.key (a secret), and
// where the last pull's outcome is kept.
type Linked interface {
	Desktop
	Settings(ctx context.Context) (domain.Settings, error)
	SecretValue(key string) (string, error)
	RecordPull(ctx context.Context, ok bool, message string) error
}

// PullLinked is `sync pull` with the data folder's settings; how it ended, done or failed,
// is kept for the Sync screen.
func PullLinked(ctx context.Context, d Linked) (PullResult, error) {
	res, err := pullLinked(ctx, d)
	if err != nil {
		if rerr := d.RecordPull(ctx, false, domain.AsError(err).Message); rerr != nil {
			return res, rerr
		}
		return res, err
	}
	return res, d.RecordPull(ctx, true, fmt.Sprintf("pushed %d program(s); fetched %d event(s), applied %d; published the partner portal of %d partner(s)",
		res.Pushed.Programs, res.Fetched, res.Applied, res.Pushed.PortalPublishResult.Partners))
}

func pullLinked(ctx context.Context, d Linked) (PullResult, error) {
	set, err := d.Settings(ctx)
	if err != nil {
		return PullResult{}, err
	}
	secret, err := d.SecretValue("sync.key")
	if err != nil {
		return PullResult{}, err
	}
	if set.Sync.Remote == "" {
		return PullResult{}, domain.Errorf(domain.EInvalid, "no headless server is set: set sync.remote (its URL) and sync.key (its link secret) first")
	}
	return Pull(ctx, d, nil, set.Sync.Remote, secret)
}
