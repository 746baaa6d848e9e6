package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"sync"

	"github.com/mattn/go-sqlite3"

	"partnerbook/backend/commission"
)

// pipeline computes the chunks with the reads on snapshot connections (see chunks): readers
// read the chunks, run the engine and plan the writes, and this goroutine writes; a chunk or
// two ahead each, so memory stays flat.
//
// When the program has few lines yet (fewer than a quarter of its customers and lone orders),
// nearly every line is new and the writes set the pace: then one reader is enough, so that two
// busy goroutines share the two cores instead of three. When lines exist, reading them and
// running the engine set the pace (the writes are few): then two readers take the chunks in
// turn, each on its own connection and with its own planner, and this goroutine takes them back
// in their order.
func (c *computer) pipeline(all []chunkOf) (err error) {
	readers, err := c.readersFor(all)
	if err != nil {
		return err
	}
	conns := make([]*sql.Conn, 0, readers)
	var releases []func() error
	defer func() { // last, once every goroutine below is done with its connection
		for _, release := range releases {
			if e := release(); err == nil {
				err = e
			}
		}
	}()
	for range readers {
		conn, release, err := c.tx.store.snapshot(c.tx.ctx)
		if err != nil {
			return err
		}
		conns, releases = append(conns, conn), append(releases, release)
	}
	ctx, cancel := context.WithCancel(c.tx.ctx)
	var wg sync.WaitGroup
	defer wg.Wait()
	defer cancel()
	read := make([]chan chunkData, readers)
	for r := range read {
		read[r] = make(chan chunkData, 1)
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.readEvery(ctx, conns[r], all, r, readers, read[r])
		}()
	}
	for i := range all { // the chunks in their order
		d, ok := <-read[i%readers]
		if !ok {
			break
		}
		if d.err != nil {
			return d.err
		}
		if err := c.computeChunk(d); err != nil {
			return err
		}
		d.recycle()
	}
	return ctx.Err()
}

// readersFor is how many readers the pipeline of the chunks takes (see pipeline). The lines
// are counted from the report's balances (counting the table itself took a third of a second
// in a program of a million orders); the chunks hold customers and lone orders.
func (c *computer) readersFor(all []chunkOf) (int, error) {
	var lines int
	if err := c.tx.QueryRowContext(c.tx.ctx, `SELECT COALESCE(sum(lines), 0) FROM report_balances WHERE program_id = ?`,
		c.prog.ID).Scan(&lines); err != nil {
		return 0, fmt.Errorf("sqlite: recompute: %w", err)
	}
	if lines >= idsIn(all)/4 {
		return 2, nil
	}
	return 1, nil
}

// readEvery reads and plans every readers-th chunk of all from the r-th, on conn, with a
// planner of its own (the merger's is the writer's), and sends each to out, which it closes
// when done, after a chunk that failed, or when ctx ends.
func (c *computer) readEvery(ctx context.Context, conn *sql.Conn, all []chunkOf, r, readers int, out chan<- chunkData) {
	defer close(out)
	plan := commission.NewPlanner(c.merge.hold, c.merge.loc)
	for i := r; i < len(all); i += readers {
		d := c.readChunk(ctx, conn, all[i])
		c.planChunk(ctx, conn, &d, plan)
		select {
		case out <- d:
			if d.err != nil {
				return
			}
		case <-ctx.Done():
			return
		}
	}
}

// snapshot is a connection of the pool in a read transaction (readTx), with a roomy cache: it
// sees the database as the last commit left it, so beside a write transaction, as it was before
// that transaction began. release ends the read transaction and gives the connection back to
// the pool as it was.
func (s *Store) snapshot(ctx context.Context) (conn *sql.Conn, release func() error, err error) {
	conn, end, err := s.readTx(ctx)
	if err != nil {
		return nil, nil, err
	}
	restore, err := roomy(ctx, conn)
	if err != nil {
		end()
		return nil, nil, err
	}
	return conn, func() error {
		defer end()
		return restore()
	}, nil
}

// readTx is a connection of the pool in a read transaction: it sees the database as the last
// commit left it, whatever commits beside it until release, which ends the read transaction
// and gives the connection back to the pool. (The store's transactions begin IMMEDIATE, taking
// the write lock; this one does not.)
func (s *Store) readTx(ctx context.Context) (conn *sql.Conn, release func(), err error) {
	if conn, err = s.db.Conn(ctx); err != nil {
		return nil, nil, fmt.Errorf("sqlite: read: %w", err)
	}
	release = func() {
		// A read transaction has nothing to undo, and after a failed BEGIN none is open. Should
		// one still be open, the connection is dropped, not given back to the pool.
		conn.ExecContext(context.Background(), "ROLLBACK")
		conn.Raw(func(dc any) error {
			if c, ok := dc.(*sqlite3.SQLiteConn); ok && !c.AutoCommit() {
				return driver.ErrBadConn
			}
			return nil
		})
		conn.Close()
	}
	if _, err := conn.ExecContext(ctx, "BEGIN DEFERRED"); err != nil {
		release()
		return nil, nil, fmt.Errorf("sqlite: read: %w", err)
	}
	return conn, release, nil
}

var _ querier = (*sql.Conn)(nil)
