package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sync"

	"partnerbook/backend/commission"
)

// pipeline computes the chunks with the reads on snapshot connections (see chunks): readers
// read the chunks, the engine's stage runs the engine and plans the writes, and this goroutine
// writes; a chunk or two ahead each, so memory stays flat.
//
// When the program has few lines yet (fewer than a quarter of its customers and lone orders),
// nearly every line is new and the writes set the pace: then one reader runs the engine itself,
// so that two busy goroutines share the two cores instead of three. When lines exist, reading
// them sets the pace (the writes are few): then two readers take the chunks in turn, each on
// its own connection, and the engine gets its own stage, which takes the chunks back in their
// order.
func (c *computer) pipeline(all []chunkOf) (err error) {
	// The lines are counted from the report's balances (counting the table itself took a third
	// of a second in a program of a million orders); the chunks hold customers and lone orders.
	var lines, ids int
	if err := c.tx.QueryRowContext(c.tx.ctx, `SELECT COALESCE(sum(lines), 0) FROM report_balances WHERE program_id = ?`,
		c.prog.ID).Scan(&lines); err != nil {
		return fmt.Errorf("sqlite: recompute: %w", err)
	}
	for _, ck := range all {
		ids += len(ck.ids)
	}
	engineStage := lines >= ids/4
	readers := 1
	if engineStage {
		readers = 2
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
	send := func(ch chan chunkData, d chunkData) bool {
		select {
		case ch <- d:
			return d.err == nil
		case <-ctx.Done():
			return false
		}
	}
	// The engine's own planner (the merger's is the writer's); one reader alone shares it.
	plan := commission.NewPlanner(c.merge.hold, c.merge.loc)
	read := make([]chan chunkData, readers)
	for r := range read {
		read[r] = make(chan chunkData, 1)
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(read[r])
			for i := r; i < len(all); i += readers {
				d := c.readChunk(ctx, conns[r], all[i])
				if !engineStage {
					c.runEngine(&d, plan)
				}
				if !send(read[r], d) {
					return
				}
			}
		}()
	}
	computed := make(chan chunkData, 1)
	wg.Add(1)
	go func() { // the chunks in their order, through the engine when it has its stage
		defer wg.Done()
		defer close(computed)
		for i := range all {
			var d chunkData
			var ok bool
			select {
			case d, ok = <-read[i%readers]:
			case <-ctx.Done():
				return
			}
			if !ok {
				return
			}
			if engineStage {
				c.runEngine(&d, plan)
			}
			if !send(computed, d) {
				return
			}
		}
	}()
	for d := range computed {
		if d.err != nil {
			return d.err
		}
		if err := c.computeChunk(d); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// snapshot is a connection of the pool in a read transaction, with a roomy cache: it sees the
// database as the last commit left it, so beside a write transaction, as it was before that
// transaction began. release ends the read transaction and gives the connection back to the
// pool as it was.
func (s *Store) snapshot(ctx context.Context) (conn *sql.Conn, release func() error, err error) {
	if conn, err = s.db.Conn(ctx); err != nil {
		return nil, nil, fmt.Errorf("sqlite: recompute reader: %w", err)
	}
	restore, err := roomy(ctx, conn)
	if err != nil {
		conn.Close()
		return nil, nil, err
	}
	release = func() error {
		defer conn.Close()
		// A read transaction has nothing to undo, and after a failed BEGIN none is open.
		conn.ExecContext(context.Background(), "ROLLBACK")
		return restore()
	}
	if _, err := conn.ExecContext(ctx, "BEGIN DEFERRED"); err != nil {
		release()
		return nil, nil, fmt.Errorf("sqlite: recompute reader: %w", err)
	}
	return conn, release, nil
}

var _ querier = (*sql.Conn)(nil)
