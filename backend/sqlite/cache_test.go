package sqlite

import "testing"

// A recompute raises its connection's page cache while it runs and sets it back after: the
// pool's connections keep SQLite's default, so a server's many connections stay small.
func TestRecomputeGivesItsCacheBack(t *testing.T) {
	s := open(t)
	p := program(t, s, "Shop")
	size := func(tx *Tx) (n int64) {
		if err := tx.QueryRowContext(tx.ctx, `PRAGMA cache_size`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	err := s.write(ctx, func(tx *Tx) error {
		before := size(tx)
		restore, err := roomy(tx.ctx, tx)
		if err != nil {
			return err
		}
		if got := size(tx); got != -roomyCacheKiB {
			t.Errorf("cache while roomy: %d, want %d", got, -roomyCacheKiB)
		}
		if err := restore(); err != nil {
			return err
		}
		if err := tx.recompute(p.ID, recomputeScope{all: true, fresh: true}); err != nil {
			return err
		}
		if after := size(tx); after != before || before == -roomyCacheKiB {
			t.Errorf("cache after a recompute: %d, before %d (the default, not %d)", after, before, -roomyCacheKiB)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
