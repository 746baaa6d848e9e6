package sqlite

import (
	"context"
	"database/sql"
	"strings"
)

// batchRows is how many rows one statement writes where a writer binds its rows as values
// (new commission lines, lines changed in place, the report's sums): fewer round trips through
// cgo than a statement a row, and faster than reading the values out of JSON in SQLite.
const batchRows = 25

// batchStmts write rows of cols values each: batchRows rows a statement (many) while that many
// wait, the rest a row a statement (one).
type batchStmts struct {
	one, many *sql.Stmt
	cols      int
}

// rowsOf is a statement's text with n rows of values: head, the rows joined by commas, tail.
func rowsOf(head, row, tail string, n int) string {
	return head + row + strings.Repeat(", "+row, n-1) + tail
}

// exec writes the rows of args.
func (b batchStmts) exec(ctx context.Context, args []any) error {
	for len(args) > 0 {
		st, n := b.one, b.cols
		if len(args) >= batchRows*b.cols {
			st, n = b.many, batchRows*b.cols
		}
		if _, err := st.ExecContext(ctx, args[:n]...); err != nil {
			return err
		}
		args = args[n:]
	}
	return nil
}

// prepareBatch prepares the statements of rows of cols values: one writes a row, many
// batchRows rows. Nothing stays prepared when it fails.
func (tx *Tx) prepareBatch(one, many string, cols int) (batchStmts, error) {
	b := batchStmts{cols: cols}
	var err error
	if b.one, err = tx.PrepareContext(tx.ctx, one); err != nil {
		return batchStmts{}, err
	}
	if b.many, err = tx.PrepareContext(tx.ctx, many); err != nil {
		b.one.Close()
		return batchStmts{}, err
	}
	return b, nil
}

// prepareRows prepares the statement head, rows of row, tail (see rowsOf) as a batch.
func (tx *Tx) prepareRows(head, row, tail string, cols int) (batchStmts, error) {
	return tx.prepareBatch(rowsOf(head, row, tail, 1), rowsOf(head, row, tail, batchRows), cols)
}

func (b batchStmts) close() {
	for _, st := range []*sql.Stmt{b.one, b.many} {
		if st != nil {
			st.Close()
		}
	}
}
