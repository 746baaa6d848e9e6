package sqlite

import (
	"context"
	"fmt"
)

// scanner is a row to scan: *sql.Row or *sql.Rows.
type scanner = interface{ Scan(...any) error }

// listPage reads a page of a list and how many rows match in all: count is a query of that
// number and query the rows' in their order, both of args; the page is size rows (0: all)
// from offset. what names the list in errors.
func listPage[T any](ctx context.Context, s *Store, what, count, query string, args []any, size, offset int,
	scan func(scanner) (T, error)) ([]T, int, error) {
	var total int
	if err := s.db.QueryRowContext(ctx, count, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("sqlite: count %s: %w", what, err)
	}
	out, err := pageRows(ctx, s, what, query, args, size, offset, scan)
	return out, total, err
}

// pageRows reads the rows of a page: query (of args) with LIMIT size (0: all) OFFSET offset.
func pageRows[T any](ctx context.Context, s *Store, what, query string, args []any, size, offset int,
	scan func(scanner) (T, error)) ([]T, error) {
	rows, err := s.db.QueryContext(ctx, query+` LIMIT ? OFFSET ?`, append(args[:len(args):len(args)], limit(size), offset)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: list %s: %w", what, err)
	}
	defer rows.Close()
	out := []T{}
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: list %s: %w", what, err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: list %s: %w", what, err)
	}
	return out, nil
}
