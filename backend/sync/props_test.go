package sync

import (
	"fmt"
	"math/rand"
	stdsync "sync"
	"testing"
	"time"
)

// Any interleaving of events, their duplicates and their retries, sent at once by many
// clients, stores each event once, and every answer for one event is the same.
func TestDuplicatesAndRetriesStoreOnce(t *testing.T) {
	for seed := int64(1); seed <= 5; seed++ {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			f := newFixture(t, Options{Rate: -1})
			rng := rand.New(rand.NewSource(seed))
			type send struct{ path, body, key string }
			var sends []send
			distinct := 20 + rng.Intn(30)
			for i := 0; i < distinct; i++ {
				var s send
				switch rng.Intn(3) {
				case 0:
					s = send{"/v1/track/sale", fmt.Sprintf(`{"order_id":"P%d","amount":"%d.50","currency":"EUR"}`, i, i+1), f.sk}
				case 1:
					s = send{"/v1/track/refund", fmt.Sprintf(`{"order_id":"P%d","amount":"1.00","refund_id":"r%d"}`, i, i), f.skTest}
				default:
					s = send{"/v1/track/visit", fmt.Sprintf(`{"event_id":"ev%d","program":"%s","ref":"lena","visitor":"v%d"}`, i, f.pk, i%7), ""}
				}
				for k := 1 + rng.Intn(4); k > 0; k-- { // sent once to four times
					sends = append(sends, s)
				}
			}
			rng.Shuffle(len(sends), func(i, j int) { sends[i], sends[j] = sends[j], sends[i] })
			answers := make([]string, len(sends))
			var wg stdsync.WaitGroup
			for w := 0; w < 8; w++ {
				wg.Add(1)
				go func(w int) {
					defer wg.Done()
					for i := w; i < len(sends); i += 8 {
						s := sends[i]
						h := origin("https://shop.example")
						if s.key != "" {
							h = auth(s.key)
						}
						r := do(t, "POST", f.url+s.path, h, s.body)
						if r.status != 200 {
							t.Errorf("%s %s: %d %s", s.path, s.body, r.status, r.raw)
						}
						answers[i] = r.raw
					}
				}(w)
			}
			wg.Wait()
			first := map[string]string{}
			for i, s := range sends {
				if a, ok := first[s.body]; ok && a != answers[i] {
					t.Errorf("%s answered %s and %s", s.body, a, answers[i])
				}
				first[s.body] = answers[i]
			}
			evs, err := f.store.EventsAfter(ctx, 0, 0, 1000)
			if err != nil || len(evs) != distinct {
				t.Fatalf("%d sends of %d events stored %d (%v)", len(sends), distinct, len(evs), err)
			}
		})
	}
}

// Events committed but not applied when the process ended (a crash between commit and
// apply) are applied when the endpoint starts, each once; a new sale is applied without
// waiting for the applier's periodic look.
func TestAppliedAtStartAndOnCommit(t *testing.T) {
	st := newStore(t)
	prog := addProgram(t, st, "Shop", "https://shop.example")
	sk, _ := makeKey(t, st, prog.ID, "secret", false)
	log, err := st.OpenEventLog()
	if err != nil {
		t.Fatal(err)
	}
	sale, _ := ParseSale([]byte(`{"order_id":"left","customer":{"email":"mara@example.org"},"amount":"50.00","currency":"EUR","ref":"lena"}`))
	if _, errs, err := log.Commit(ctx, []domainEvent{SaleEvent(prog.ID, false, sale)}); err != nil || errs[0] != nil {
		t.Fatal(err, errs)
	}
	run, err := Listen(ctx, st, log, "127.0.0.1:0", Options{Rate: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer run.Close()
	if got := orderCount(t, st); got != 1 {
		t.Fatalf("the sale left unapplied: %d orders after the start", got)
	}
	r := do(t, "POST", run.URL+"/v1/track/sale", auth(sk), `{"order_id":"new","amount":"10.00","currency":"EUR","ref":"kira"}`)
	if r.status != 200 {
		t.Fatalf("%d %s", r.status, r.raw)
	}
	deadline := time.Now().Add(4 * time.Second) // the periodic look is every 5 s: only the kick is this quick
	for orderCount(t, st) != 2 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if got := orderCount(t, st); got != 2 {
		t.Fatalf("the new sale was not applied: %d orders", got)
	}
	var partner string
	st.DB().QueryRow(`SELECT p.key FROM orders o JOIN partners p ON p.id = o.partner_id WHERE o.order_key = 'left'`).Scan(&partner)
	if partner != "lena" {
		t.Errorf("the sale left unapplied is credited to %q", partner)
	}
}

// A refund becomes a refund of the sale's order (its commission follows), once; a refund of
// an order no sale sent changes nothing and says why in the install check; a test key's sale
// never becomes an order.
func TestRefundsApplied(t *testing.T) {
	st := newStore(t)
	prog := addProgram(t, st, "Shop", "https://shop.example")
	sk, _ := makeKey(t, st, prog.ID, "secret", false)
	skTest, _ := makeKey(t, st, prog.ID, "secret", true)
	log, err := st.OpenEventLog()
	if err != nil {
		t.Fatal(err)
	}
	run, err := Listen(ctx, st, log, "127.0.0.1:0", Options{Rate: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer run.Close()
	for _, c := range []struct{ path, key, body string }{
		{"sale", sk, `{"order_id":"R1","customer":{"email":"mara@example.org"},"amount":"100.00","currency":"EUR","ref":"lena","time":"2026-03-01T10:00:00Z"}`},
		{"refund", sk, `{"order_id":"R1","amount":"30.00","time":"2026-03-02T10:00:00Z"}`},
		{"refund", sk, `{"order_id":"R1","amount":"30.00","time":"2026-03-02T10:00:00Z"}`}, // the same again
		{"refund", sk, `{"order_id":"NOPE","amount":"5.00"}`},
		{"sale", skTest, `{"order_id":"T1","amount":"10.00","currency":"EUR","ref":"lena"}`},
	} {
		if r := do(t, "POST", run.URL+"/v1/track/"+c.path, auth(c.key), c.body); r.status != 200 {
			t.Fatalf("%s: %d %s", c.body, r.status, r.raw)
		}
	}
	if _, err := run.Applier().ApplyAll(ctx); err != nil {
		t.Fatal(err)
	}
	var total, refunded, orders int64
	var commission string
	st.DB().QueryRow(`SELECT total, refunded FROM orders WHERE order_key = 'R1'`).Scan(&total, &refunded)
	st.DB().QueryRow(`SELECT count(*) FROM orders`).Scan(&orders)
	st.DB().QueryRow(`SELECT group_concat(amount, ' ') FROM commission_lines`).Scan(&commission)
	if total != 10000 || refunded != 3000 || orders != 1 {
		t.Errorf("order R1 %d refunded %d; %d orders", total, refunded, orders)
	}
	if commission != "1400" { // 20 % of 100.00 less the 30.00 refunded
		t.Errorf("the commission did not follow the refund: %q", commission)
	}
	var problem string
	st.DB().QueryRow(`SELECT problem FROM events WHERE event_id LIKE 'refund:%:NOPE:%'`).Scan(&problem)
	if problem == "" {
		t.Error("a refund of an unknown order says nothing")
	}
}
