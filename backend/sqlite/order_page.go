package sqlite

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"partnerbook/backend/domain"
)

// orderSources are the sources an order may come from; listing them lets a search by order id
// use the (program_id, source, order_key) index.
var orderSources = []any{"shopify", "woocommerce", "stripe", "gumroad", "paypal", "paddle", "generic", "sync"}

// ListOrders returns one keyset page of a program's orders: filtered, searched and sorted in
// SQL along an index, so that any page of a million orders costs about the same.
func (s *Store) ListOrders(ctx context.Context, q domain.OrderQuery) (domain.OrderPage, error) {
	page := domain.OrderPage{Orders: []domain.OrderRow{}}
	prog, err := s.FindProgram(ctx, fmt.Sprint(q.ProgramID))
	if err != nil {
		return page, err
	}
	if q.Limit <= 0 || q.Limit > 500 {
		q.Limit = 50
	}
	from, fromArgs, where, args, err := s.orderWhere(ctx, prog, q)
	if err != nil {
		return page, err
	}
	add := func(clause string, a ...any) { where, args = append(where, clause), append(args, a...) }
	col := "o.time"
	if q.Sort == "total" {
		col = "o.total"
	} else if q.Sort != "" && q.Sort != "time" {
		return page, domain.Errorf(domain.EInvalid, "orders sort by time or total, not %q", q.Sort)
	}
	cmp, dir := ">", "ASC"
	if q.Desc {
		cmp, dir = "<", "DESC"
	}
	if q.After != "" {
		cut := strings.LastIndexByte(q.After, '|')
		id, err := strconv.ParseInt(q.After[cut+1:], 10, 64)
		if cut < 0 || err != nil {
			return page, domain.Errorf(domain.EInvalid, "after %q is not a page of this list", q.After)
		}
		var v any = q.After[:cut]
		if q.Sort == "total" {
			if v, err = strconv.ParseInt(q.After[:cut], 10, 64); err != nil {
				return page, domain.Errorf(domain.EInvalid, "after %q is not a page of this list", q.After)
			}
		}
		add("("+col+", o.id) "+cmp+" (?, ?)", v, id)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+orderRowColumns+` FROM `+from+`orders o LEFT JOIN partners p ON p.id = o.partner_id
		WHERE `+strings.Join(where, " AND ")+` ORDER BY `+col+` `+dir+`, o.id `+dir+` LIMIT ?`, append(append(fromArgs, args...), q.Limit+1)...)
	if err != nil {
		return page, fmt.Errorf("sqlite: list orders: %w", err)
	}
	defer rows.Close()
	var last orderKeyset
	for rows.Next() {
		if len(page.Orders) == q.Limit { // one more than the page: there is a next one
			page.Next = page.Orders[len(page.Orders)-1].Time + "|" + strconv.FormatInt(last.id, 10)
			if q.Sort == "total" {
				page.Next = strconv.FormatInt(last.total, 10) + "|" + strconv.FormatInt(last.id, 10)
			}
			break
		}
		r, k, err := scanOrderRow(rows, prog.Base)
		if err != nil {
			return page, err
		}
		last = k
		page.Orders = append(page.Orders, r)
	}
	return page, rows.Err()
}

// orderWhere is the FROM prefix (a narrow filter that drives the query, or "") and the
// conditions of a query's filters: partner, source, status, days and search. The list and
// the export share it, so an export holds exactly the rows the list shows.
func (s *Store) orderWhere(ctx context.Context, prog domain.Program, q domain.OrderQuery) (string, []any, []string, []any, error) {
	where, args := []string{"o.program_id = ?"}, []any{q.ProgramID}
	add := func(clause string, a ...any) { where, args = append(where, clause), append(args, a...) }
	if q.Partner != "" {
		add("o.partner_id = (SELECT id FROM partners WHERE program_id = ? AND key = ? COLLATE NOCASE)", q.ProgramID, q.Partner)
	}
	if q.Source != "" {
		add("o.source = ?", q.Source)
	}
	if q.Status != "" {
		if !slices.Contains(domain.OrderStatuses, q.Status) {
			return "", nil, nil, nil, domain.Errorf(domain.EInvalid, "status %q is not one of %s", q.Status, strings.Join(domain.OrderStatuses, ", "))
		}
		add(orderStatusSQL+" = ?", q.Status)
	}
	conds, dayArgs, bad := dayRange(prog.Location(), "o.time", q.From, q.To)
	if len(bad) > 0 {
		value := q.From
		if bad[0] == "to" {
			value = q.To
		}
		return "", nil, nil, nil, domain.Errorf(domain.EInvalid, "%s %q is not a date (YYYY-MM-DD)", bad[0], value)
	}
	for i, c := range conds {
		add(c, dayArgs[i])
	}
	from, fromArgs, err := s.narrowOrders(ctx, q)
	if err != nil {
		return "", nil, nil, nil, err
	}
	if from != "" {
		add("o.id = m.id")
	}
	if text := strings.TrimSpace(q.Search); text != "" && from == "" {
		// A broad search: walk the sort's index and keep the matches (they are many).
		sub, subArgs := searchCustomers(q.ProgramID, text, "UNION")
		add("(o.order_key IN (?, ?) OR +o.customer_id IN ("+sub+"))", append([]any{text, "#" + strings.TrimPrefix(text, "#")}, subArgs...)...)
	}
	return from, fromArgs, where, args, nil
}

// narrowCap is the most orders a narrow filter may match to be sorted on its own.
const narrowCap = 5000

// narrowOrders finds a filter that matches few orders (a search, a source, a partner) and
// returns it as the FROM that drives the query: "(ids) m CROSS JOIN ", so that SQLite looks up
// those few and sorts them instead of walking a million rows for them. "" when every filter
// matches many: then walking the sort's index finds a page quickly.
func (s *Store) narrowOrders(ctx context.Context, q domain.OrderQuery) (string, []any, error) {
	type cand struct {
		sql, probe string // probe: the same rows, maybe twice, streamed (counts stop early)
		args       []any
	}
	var cands []cand
	if text := strings.TrimSpace(q.Search); text != "" {
		sub, subArgs := searchCustomers(q.ProgramID, text, "UNION")
		all, _ := searchCustomers(q.ProgramID, text, "UNION ALL")
		in := "?" + strings.Repeat(",?", len(orderSources)-1)
		args := append(append([]any{q.ProgramID}, orderSources...), text, "#"+strings.TrimPrefix(text, "#"))
		byKey := `SELECT id FROM orders WHERE program_id = ? AND source IN (` + in + `) AND order_key IN (?, ?)`
		cands = append(cands, cand{byKey + ` UNION SELECT id FROM orders WHERE customer_id IN (` + sub + `)`,
			byKey + ` UNION ALL SELECT o.id FROM (` + all + `) c CROSS JOIN orders o ON o.customer_id = c.id`,
			append(args, subArgs...)})
	}
	if q.Source != "" {
		sql := `SELECT id FROM orders WHERE program_id = ? AND source = ?`
		cands = append(cands, cand{sql, sql, []any{q.ProgramID, q.Source}})
	}
	if q.Partner != "" {
		sql := `SELECT id FROM orders WHERE partner_id = (SELECT id FROM partners WHERE program_id = ? AND key = ? COLLATE NOCASE)`
		cands = append(cands, cand{sql, sql, []any{q.ProgramID, q.Partner}})
	}
	for _, c := range cands {
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (`+c.probe+` LIMIT ?)`, append(c.args, narrowCap+1)...).Scan(&n); err != nil {
			return "", nil, fmt.Errorf("sqlite: list orders: %w", err)
		}
		if n <= narrowCap {
			return "(" + c.sql + ") m CROSS JOIN ", c.args, nil
		}
	}
	return "", nil, nil
}

// searchCustomers is the SQL of the ids of a program's customers whose e-mail or name starts
// with text, regardless of case, along the indexes customers_email and customers_name.
// union is "UNION", or "UNION ALL" where a customer may come twice (a count that stops early).
func searchCustomers(programID int64, text, union string) (string, []any) {
	lower := strings.ToLower(text)
	return `SELECT id FROM customers WHERE program_id = ? AND email >= ? AND email < ? AND email <> ''
		` + union + ` SELECT id FROM customers WHERE program_id = ? AND name >= ? COLLATE NOCASE AND name < ? COLLATE NOCASE`,
		[]any{programID, lower, lower + "\U0010FFFF", programID, lower, lower + "\U0010FFFF"}
}

// OrderSources lists the sources a program has orders from, for the Orders screen's filter.
func (s *Store) OrderSources(ctx context.Context, programID int64) ([]string, error) {
	var out []string
	for _, src := range orderSources {
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM orders WHERE program_id = ? AND source = ?)`,
			programID, src).Scan(&n); err != nil {
			return nil, fmt.Errorf("sqlite: order sources: %w", err)
		}
		if n == 1 {
			out = append(out, src.(string))
		}
	}
	slices.Sort(out)
	return out, nil
}
