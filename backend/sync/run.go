package sync

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	stdsync "sync"
	"time"

	"partnerbook/backend/domain"
)

// Backend is what a running endpoint needs of its data folder's store.
type Backend interface {
	Store
	EventApplier
	// ServerMode says whether the folder is a headless server's: its events wait for the
	// desktop's pull instead of being applied.
	ServerMode(ctx context.Context) (bool, error)
}

// Running is an endpoint listening on an address, with its applier.
type Running struct {
	URL     string
	srv     *Server
	http    *http.Server
	log     Log
	applier *Applier
	stop    context.CancelFunc
	wg      stdsync.WaitGroup
}

// Listen starts the endpoint on addr ("127.0.0.1:0" picks a free port) over the store and its
// event log. In a desktop's folder it first applies what a crash left committed but not
// applied, then applies new events within a second of their commit.
func Listen(ctx context.Context, b Backend, log Log, addr string, opt Options) (*Running, error) {
	server, err := b.ServerMode(ctx)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	r := &Running{log: log, stop: cancel}
	if !server {
		r.applier = NewApplier(b)
		r.applier.OnApplied, r.applier.OnError = opt.Applied, opt.ApplyFailed
		if _, err := r.applier.ApplyAll(ctx); err != nil {
			cancel()
			return nil, fmt.Errorf("applying the events left from before: %w", err)
		}
		prev := opt.Committed
		opt.Committed = func() {
			r.applier.Kick()
			if prev != nil {
				prev()
			}
		}
	}
	opt.Store, opt.Log = b, log
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		cancel()
		return nil, fmt.Errorf("the sync endpoint cannot listen on %s: %w", addr, err)
	}
	r.srv = New(opt)
	r.URL = "http://" + ln.Addr().String()
	r.http = &http.Server{Handler: r.srv.Handler(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 30 * time.Second, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 32 << 10}
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		r.http.Serve(ln)
	}()
	if r.applier != nil {
		r.wg.Add(1)
		go func() {
			defer r.wg.Done()
			r.applier.Run(ctx)
		}()
	}
	return r, nil
}

// Applier is told when events were committed and applies them; it also looks every few
// seconds, so that nothing waits for a next event.
type Applier struct {
	b    EventApplier
	kick chan struct{}
	// OnApplied, when set, hears what each round applied (the app refreshes its screens).
	OnApplied func(domain.ApplyResult)
	// OnError, when set, hears a round that failed (the events stay, and are tried again).
	OnError func(error)
}

// EventApplier applies up to max committed events not applied yet, each once, in order.
type EventApplier interface {
	ApplyEvents(ctx context.Context, max int) (domain.ApplyResult, error)
}

// NewApplier returns an applier over the store.
func NewApplier(b EventApplier) *Applier { return &Applier{b: b, kick: make(chan struct{}, 1)} }

// Kick asks for a round soon; it never blocks.
func (a *Applier) Kick() {
	select {
	case a.kick <- struct{}{}:
	default:
	}
}

// applyChunk is how many events one transaction applies.
const applyChunk = 500

// ApplyAll applies every event not applied yet, a chunk per transaction.
func (a *Applier) ApplyAll(ctx context.Context) (domain.ApplyResult, error) {
	var total domain.ApplyResult
	for {
		res, err := a.b.ApplyEvents(ctx, applyChunk)
		total.Events += res.Events
		total.Orders += res.Orders
		total.Refunds += res.Refunds
		total.Linked += res.Linked
		total.Problems += res.Problems
		if err != nil || res.Events < applyChunk {
			return total, err
		}
	}
}

// Run applies events as they come until ctx ends.
func (a *Applier) Run(ctx context.Context) {
	tick := time.NewTicker(5 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-a.kick:
		case <-tick.C:
		}
		res, err := a.ApplyAll(ctx)
		if err != nil && !errors.Is(err, context.Canceled) && a.OnError != nil {
			a.OnError(err)
		}
		if res.Events > 0 && a.OnApplied != nil {
			a.OnApplied(res)
		}
	}
}

// Applier is the running endpoint's applier (nil on a headless server).
func (r *Running) Applier() *Applier { return r.applier }

// Close stops listening, lets the requests under way finish (their events committed), and
// stops the applier; the event log is closed too.
func (r *Running) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := r.http.Shutdown(ctx)
	r.srv.Close()
	r.stop()
	r.wg.Wait()
	if c, ok := r.log.(io.Closer); ok {
		if cerr := c.Close(); err == nil {
			err = cerr
		}
	}
	return err
}
