package sqlite

import (
	"fmt"
	"testing"
	"time"

	"partnerbook/backend/domain"
)

// event stores a sync event as the endpoint would, received on March day at hour.
func event(t *testing.T, s *Store, pid int64, id, typ, payload string, day, hour int) {
	t.Helper()
	at := time.Date(2025, 3, 1, hour, 0, 0, 0, time.UTC).AddDate(0, 0, day-1).Format(TimeLayout)
	if _, err := s.db.Exec(`INSERT INTO events (event_id, program_id, type, payload, received_at) VALUES (?, ?, ?, ?, ?)`,
		id, pid, typ, payload, at); err != nil {
		t.Fatal(err)
	}
}

func orderPartner(t *testing.T, s *Store, pid int64, id string) string {
	t.Helper()
	var key, reason string
	s.db.QueryRow(`SELECT COALESCE(p.key, ''), o.reason FROM orders o LEFT JOIN partners p ON p.id = o.partner_id
		WHERE o.program_id = ? AND o.order_key = ?`, pid, id).Scan(&key, &reason)
	return key + " " + reason
}

// Tracked signups link their customers: the visitor's visits with a partner's key within the
// cookie window before the signup, the last one (or the first, with first_click); the signup's
// own key counts when no visit is in the window. Later orders without a coupon or key are the
// partner's (reason "customer"), and the customer's link says "signup".
func TestTrackedSignups(t *testing.T) {
	for _, tc := range []struct{ attribution, mara string }{{"last_click", "lena"}, {"first_click", "kira"}} {
		t.Run(tc.attribution, func(t *testing.T) {
			s, _ := openPath(t)
			prog, _, _ := commissionProgram(t, s, "0")
			prog.Attribution = tc.attribution
			if _, err := s.UpdateProgram(ctx, prog); err != nil {
				t.Fatal(err)
			}
			pid := prog.ID
			// v1: kira's link on the 1st, lena's on the 10th, signs up on the 12th.
			event(t, s, pid, "v1a", "visit", `{"ref":"KIRA","visitor":"v1"}`, 1, 9)
			event(t, s, pid, "v1b", "visit", `{"ref":"lena","visitor":"v1"}`, 10, 9)
			event(t, s, pid, "v1s", "signup", `{"visitor":"v1","email":" Mara@Example.org ","name":"Mara"}`, 12, 9)
			// v2: a visit 31 days before the signup, outside the 30-day cookie window.
			event(t, s, pid, "v2a", "visit", `{"ref":"kira","visitor":"v2"}`, 1, 8)
			event(t, s, pid, "v2s", "signup", `{"visitor":"v2","email":"jonas@example.com"}`, 32, 9)
			// v3: a key no partner has; the signup carries the cookie's key.
			event(t, s, pid, "v3a", "visit", `{"ref":"nobody","visitor":"v3"}`, 5, 9)
			event(t, s, pid, "v3s", "signup", `{"visitor":"v3","email":"amelie@example.org","key":"kira"}`, 6, 9)
			// v4: the only visit comes after the signup.
			event(t, s, pid, "v4s", "signup", `{"visitor":"v4","email":"piotr@example.net"}`, 6, 9)
			event(t, s, pid, "v4a", "visit", `{"ref":"lena","visitor":"v4"}`, 7, 9)
			// A visit of another visitor does not count.
			event(t, s, pid, "v5a", "visit", `{"ref":"lena","visitor":"v5"}`, 5, 9)
			event(t, s, pid, "v5s", "signup", `{"visitor":"v6","email":"sam@example.com"}`, 6, 9)

			res, err := s.ApplyEvents(ctx, 1000)
			if err != nil || res.Linked != 2 || res.Events != 11 {
				t.Fatalf("applied %+v, %v", res, err)
			}
			if again, _ := s.ApplyEvents(ctx, 1000); again.Events != 0 {
				t.Errorf("applied again: %+v", again)
			}
			if _, err := importItems(t, s, pid, domain.OrderImport{}, sale("#1", 15, 5000, "mara@example.org", ""),
				sale("#2", 15, 5000, "amelie@example.org", ""), sale("#3", 15, 5000, "jonas@example.com", ""),
				sale("#4", 15, 5000, "piotr@example.net", ""), sale("#5", 15, 5000, "sam@example.com", "")); err != nil {
				t.Fatal(err)
			}
			got := fmt.Sprint(orderPartner(t, s, pid, "#1"), ", ", orderPartner(t, s, pid, "#2"), ", ", orderPartner(t, s, pid, "#3"),
				", ", orderPartner(t, s, pid, "#4"), ", ", orderPartner(t, s, pid, "#5"))
			want := tc.mara + " customer, kira customer,  ,  ,  "
			if got != want {
				t.Errorf("orders credited %q, want %q", got, want)
			}
			var name, reason string
			s.db.QueryRow(`SELECT name, link_reason FROM customers WHERE email = 'mara@example.org'`).Scan(&name, &reason)
			if name != "Mara" || reason != "signup" {
				t.Errorf("the signup's customer: %q linked by %q", name, reason)
			}
		})
	}
}

// A signup applied before the customer's first order links the orders imported after; a
// signup applied after orders exist recomputes them at once.
func TestSignupAfterOrdersRecomputes(t *testing.T) {
	s, _ := openPath(t)
	prog, _, _ := commissionProgram(t, s, "0")
	if _, err := importItems(t, s, prog.ID, domain.OrderImport{}, sale("#1", 20, 5000, "mara@example.org", "")); err != nil {
		t.Fatal(err)
	}
	if got := orderPartner(t, s, prog.ID, "#1"); got != " " {
		t.Fatalf("before the signup: %q", got)
	}
	event(t, s, prog.ID, "a", "visit", `{"ref":"lena","visitor":"v1"}`, 10, 9)
	event(t, s, prog.ID, "s", "signup", `{"visitor":"v1","email":"mara@example.org"}`, 11, 9)
	if res, err := s.ApplyEvents(ctx, 1000); err != nil || res.Linked != 1 {
		t.Fatalf("applied %+v, %v", res, err)
	}
	if got := orderPartner(t, s, prog.ID, "#1"); got != "lena customer" {
		t.Errorf("after the signup: %q", got)
	}
	if got := lines(t, s, prog.ID, "2025-03-21"); got != "#1 lena sale pending 10.00 " {
		t.Errorf("lines:\n%s", got)
	}
}
