package sync

import (
	"context"
	"errors"
	stdsync "sync"

	"partnerbook/backend/domain"
)

// Log commits events durably; sqlite.EventLog is one.
type Log interface {
	Commit(ctx context.Context, events []domain.Event) ([]domain.EventOutcome, []error, error)
}

// maxBatch bounds how many events share one commit.
const maxBatch = 512

// committer is the group commit: requests hand their event to one goroutine, which commits
// everything that arrived while the previous commit was being fsynced in one transaction,
// then answers each request. Under load a commit carries many events; alone, one.
type committer struct {
	log  Log
	in   chan *pending
	stop chan struct{}
	wg   stdsync.WaitGroup
	// committed is told (without blocking) after every commit that stored a new event.
	committed func()
}

type pending struct {
	event   domain.Event
	outcome domain.EventOutcome
	err     error
	done    chan struct{}
}

func newCommitter(log Log, committed func()) *committer {
	c := &committer{log: log, in: make(chan *pending, 4*maxBatch), stop: make(chan struct{}), committed: committed}
	c.wg.Add(1)
	go c.run()
	return c
}

// errClosed answers requests that arrive while the server shuts down.
var errClosed = errors.New("the endpoint is shutting down")

// commit hands e to the group commit and waits for its outcome.
func (c *committer) commit(ctx context.Context, e domain.Event) (domain.EventOutcome, error) {
	p := &pending{event: e, done: make(chan struct{})}
	select {
	case c.in <- p:
	case <-c.stop:
		return domain.EventOutcome{}, errClosed
	case <-ctx.Done():
		return domain.EventOutcome{}, ctx.Err()
	}
	// Once handed over, the answer is waited for even if the client left: the commit decides.
	<-p.done
	return p.outcome, p.err
}

func (c *committer) run() {
	defer c.wg.Done()
	batch := make([]*pending, 0, maxBatch)
	events := make([]domain.Event, 0, maxBatch)
	for {
		var first *pending
		select {
		case first = <-c.in:
		case <-c.stop:
			c.drain()
			return
		}
		batch = append(batch[:0], first)
	more:
		for len(batch) < maxBatch {
			select {
			case p := <-c.in:
				batch = append(batch, p)
			default:
				break more
			}
		}
		c.flush(batch, events[:0])
	}
}

// drain answers what is still queued at shutdown: committed, as every handed-over request is.
func (c *committer) drain() {
	for {
		select {
		case p := <-c.in:
			c.flush([]*pending{p}, nil)
		default:
			return
		}
	}
}

func (c *committer) flush(batch []*pending, events []domain.Event) {
	for _, p := range batch {
		events = append(events, p.event)
	}
	// The commit is not tied to any one request: a client that left does not undo the others.
	outs, errs, err := c.log.Commit(context.Background(), events)
	stored := false
	for i, p := range batch {
		if err != nil {
			p.err = err
		} else {
			p.outcome, p.err = outs[i], errs[i]
			stored = stored || (errs[i] == nil && !outs[i].Duplicate)
		}
		close(p.done)
	}
	if stored && c.committed != nil {
		c.committed()
	}
}

// close stops taking events once the queued ones are committed.
func (c *committer) close() {
	close(c.stop)
	c.wg.Wait()
}
