package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// Restore replaces the open database's content with a backup file, while it stays open: the
// backup is checked first, the current content is copied to safety (a new backup file, so
// nothing is lost), then SQLite's online backup copies the file's pages over the database in
// one step under its write lock, and a backup made by an older Partnerbook is migrated.
func (s *Store) Restore(ctx context.Context, src, safety string) error {
	if _, err := CheckFile(ctx, src); err != nil {
		return err
	}
	if filepath.Clean(src) == filepath.Clean(s.path) {
		return errors.New("sqlite: restore: the backup is the database itself")
	}
	if err := s.Backup(ctx, safety); err != nil {
		return err
	}
	from, err := openRaw("file:" + src + "?mode=ro")
	if err != nil {
		return err
	}
	defer from.Close()
	if err := copyPages(ctx, s.db, from); err != nil {
		return fmt.Errorf("sqlite: restore %s (the database before is kept as %s): %w", src, safety, err)
	}
	_, err = s.Migrate(ctx, filepath.Dir(safety), -1)
	return err
}

// copyPages copies every page of from's main database over to's, in one backup step.
func copyPages(ctx context.Context, to, from *sql.DB) error {
	dst, err := to.Conn(ctx)
	if err != nil {
		return err
	}
	defer dst.Close()
	srcConn, err := from.Conn(ctx)
	if err != nil {
		return err
	}
	defer srcConn.Close()
	return dst.Raw(func(d any) error {
		return srcConn.Raw(func(s any) error {
			dc, ok1 := d.(*sqlite3.SQLiteConn)
			sc, ok2 := s.(*sqlite3.SQLiteConn)
			if !ok1 || !ok2 {
				return errors.New("not a SQLite connection")
			}
			b, err := dc.Backup("main", sc, "main")
			if err != nil {
				return err
			}
			if _, err := b.Step(-1); err != nil {
				b.Finish()
				return err
			}
			return b.Finish()
		})
	})
}
