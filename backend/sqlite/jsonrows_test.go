package sqlite

import (
	"math"
	"partnerbook/backend/domain"
	"reflect"
	"testing"
	"time"
)

// readAll reads rows of an integer and a string each.
func readAll(s string) ([]any, error) {
	var out []any
	r := jsonRows{s: s}
	for r.next() {
		out = append(out, r.int(), r.str())
		r.end()
	}
	return out, r.err
}

func TestJSONRows(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []any
	}{
		{`[]`, nil},
		{`[[1,"a"]]`, []any{int64(1), "a"}},
		{`[[-42,""],[9223372036854775807,"b c"]]`, []any{int64(-42), "", int64(math.MaxInt64), "b c"}},
		{`[[-9223372036854775808,"x"]]`, []any{int64(math.MinInt64), "x"}},
		{`[[1,"say \"hi\""]]`, []any{int64(1), `say "hi"`}},
		{`[[1,"C:\\shop\\"]]`, []any{int64(1), `C:\shop\`}},
		{`[[1,"tab\there\nline"]]`, []any{int64(1), "tab\there\nline"}},
		{`[[1,"\u0001\u00e9"]]`, []any{int64(1), "\x01é"}},
		{`[[1,"Müller 😀"]]`, []any{int64(1), "Müller 😀"}},
		{`[[1,"a,b"],[2,"]["]]`, []any{int64(1), "a,b", int64(2), "]["}},
	} {
		got, err := readAll(c.in)
		if err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %#v, %v; want %#v", c.in, got, err, c.want)
		}
	}
}

func TestJSONRowsRefusesWhatItCannotRead(t *testing.T) {
	for _, in := range []string{``, `[`, `[[1,"a"]`, `[[1,"a"],]`, `[[1]]`, `[["a","a"]]`, `[[1,2]]`, `[[1.5,"a"]]`,
		`[[null,"a"]]`, `[[1,"a]]`, `[[1,"a","b"]]`, `{"a":1}`, `[[1,"a"]]x`, `[[99999999999999999999,"a"]]`} {
		if got, err := readAll(in); err == nil {
			t.Errorf("%q read as %#v", in, got)
		}
	}
}

// loadOrders reads every column as it is stored, whatever text it holds.
func TestLoadOrdersReadsTheColumnsAsStored(t *testing.T) {
	s := open(t)
	pid := program(t, s, "Shop").ID
	odd := "say \"hi\" \\ \t Müller 😀 \x01"
	if _, err := s.db.Exec(`INSERT INTO orders (id, program_id, source, order_key, time, customer_email, currency, total, net,
		discount, discount_codes, ref_key, refunded, cancelled, reason, sale_base, created_at, updated_at)
		VALUES (7, ?, 'csv', '#7', '2025-03-01T10:00:00Z', ?, 'EUR', -5, 9223372036854775807, 3, ?, ?, 2, 1, '', '12.50', 'x', 'x')`,
		pid, "  Ana@Example.org ", "A\"1,B\\2,Ç", odd); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`INSERT INTO order_sigs (order_id, sig) VALUES (7, ?)`, int64(math.MinInt64)); err != nil {
		t.Fatal(err)
	}
	var got []loadedOrder
	err := s.write(ctx, func(tx *Tx) error {
		c, err := tx.newComputer(pid)
		if err != nil {
			return err
		}
		defer c.merge.close()
		got, err = c.loadOrders(ctx, tx, 0, `o.id = ?`, 7)
		return err
	})
	if err != nil || len(got) != 1 {
		t.Fatalf("%+v, %v", got, err)
	}
	lo := got[0]
	want := []any{int64(7), int64(0), "ana@example.org", time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC), "2025-03-01T10", "EUR",
		int64(-5), int64(math.MaxInt64), int64(3), int64(2), true, []string{`A"1`, `B\2`, "Ç"}, odd, int64(0), "", "12.50", int64(math.MinInt64)}
	have := []any{lo.ID, lo.Customer, lo.Email, lo.Time, lo.hour, lo.Currency, lo.Total, lo.Net, lo.Discount, lo.Refunded,
		lo.Cancelled, lo.Codes, lo.Ref, lo.partner, lo.reason, lo.saleBase, lo.sig}
	for i := range want {
		if !reflect.DeepEqual(have[i], want[i]) {
			t.Errorf("column %d: %#v, want %#v", i, have[i], want[i])
		}
	}
}

// A whole recompute of what did not change rewrites no customer's link and no order's
// attribution: what it read of them (as JSON, see jsonRows) is what it would write.
func TestAnUnchangedRecomputeRewritesNoLinkNorAttribution(t *testing.T) {
	s := open(t)
	prog, _, _ := commissionProgram(t, s, "0")
	if _, err := s.AddLead(ctx, prog.ID, domain.Lead{Partner: "lena", Email: "bo@example.org"}); err != nil {
		t.Fatal(err)
	}
	if _, err := importItems(t, s, prog.ID, domain.OrderImport{}, sale("#1", 1, 5000, "ana@example.org", "KIRA10"),
		sale("#2", 2, 7000, "ana@example.org", ""), sale("#3", 3, 3000, "bo@example.org", ""), sale("#4", 4, 2000, "", "LENA")); err != nil {
		t.Fatal(err)
	}
	recomputeAll(t, s, prog.ID)
	for _, q := range []string{`CREATE TABLE rewrites (what TEXT)`,
		`CREATE TRIGGER count_links AFTER UPDATE ON customers BEGIN INSERT INTO rewrites VALUES ('link ' || NEW.id); END`,
		`CREATE TRIGGER count_attributions AFTER UPDATE ON orders BEGIN INSERT INTO rewrites VALUES ('order ' || NEW.id); END`} {
		if _, err := s.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	var linked, credited int
	s.db.QueryRow(`SELECT (SELECT count(*) FROM customers WHERE partner_id IS NOT NULL AND linked_at IS NOT NULL),
		(SELECT count(*) FROM orders WHERE partner_id IS NOT NULL AND reason <> '')`).Scan(&linked, &credited)
	if linked < 2 || credited < 3 {
		t.Fatalf("%d customers linked, %d orders credited: the test proves nothing", linked, credited)
	}
	recomputeAll(t, s, prog.ID)
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM rewrites`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d rows rewritten (%v)", n, err)
	}
}
