package sync

import (
	"bytes"
	"encoding/json"
	"testing"

	"partnerbook/backend/domain"
)

// The fuzz targets feed every JSON body of the endpoint arbitrary bytes. A body is refused
// with a FieldError or taken; a body taken is normalised for good: its kept payload, read
// again as a body, is taken and kept byte for byte the same (a retry of it is the same event,
// never a 409). `go test` runs the seeds; `go test -fuzz FuzzSale ./backend/sync` explores.

func seeds(f *testing.F, bodies ...string) {
	for _, b := range bodies {
		f.Add([]byte(b))
	}
}

// refusedOrTaken fails unless err is nil or a FieldError with a message.
func refusedOrTaken(t *testing.T, err error) bool {
	if err == nil {
		return true
	}
	fe, ok := err.(*FieldError)
	if !ok || fe.Message == "" {
		t.Fatalf("a refusal that is not a field error: %#v", err)
	}
	return false
}

func FuzzVisit(f *testing.F) {
	seeds(f, `{"event_id":"e1","program":"pk_live_x","ref":"lena","visitor":"v1","url":"https://shop.example/?ref=lena","referrer":""}`,
		`{"event_id":"","program":"pk"}`, `{"event_id":5}`, `[]`, `{"event_id":"e\u0000"}`, `{} {}`, ``)
	f.Fuzz(func(t *testing.T, body []byte) {
		v, err := ParseVisit(body)
		if !refusedOrTaken(t, err) {
			return
		}
		e := VisitEvent(1, false, v)
		var again map[string]any
		json.Unmarshal(e.Payload, &again)
		again["program"] = v.Program
		b, _ := json.Marshal(again)
		v2, err := ParseVisit(b)
		if err != nil || !bytes.Equal(VisitEvent(1, false, v2).Payload, e.Payload) {
			t.Fatalf("kept %s, read again %+v %v", e.Payload, v2, err)
		}
	})
}

func FuzzSignup(f *testing.F) {
	seeds(f, `{"event_id":"s1","program":"pk_live_x","visitor":"v1","email":" Mara@Example.org ","name":"Mara","key":"lena"}`,
		`{"event_id":"s1","program":"pk_live_x","email":"mara"}`, `{"email":null}`, `nul`)
	f.Fuzz(func(t *testing.T, body []byte) {
		s, err := ParseSignup(body)
		if !refusedOrTaken(t, err) {
			return
		}
		if !domain.ValidEmail(s.Email) {
			t.Fatalf("took e-mail %q", s.Email)
		}
		e := SignupEvent(1, false, s)
		var again map[string]any
		json.Unmarshal(e.Payload, &again)
		again["program"] = s.Program
		b, _ := json.Marshal(again)
		s2, err := ParseSignup(b)
		if err != nil || !bytes.Equal(SignupEvent(1, false, s2).Payload, e.Payload) {
			t.Fatalf("kept %s, read again %+v %v", e.Payload, s2, err)
		}
	})
}

func FuzzSale(f *testing.F) {
	seeds(f, `{"order_id":"1","customer":{"email":"a@example.com","key":"c1"},"amount":"49.9","currency":"eur","coupon":"X","ref":"lena","items":[{"sku":"A","name":"Mug","quantity":2,"price":19.95}],"time":"2026-03-01T12:00:00+01:00"}`,
		`{"order_id":"1","amount":1e400,"currency":"EUR"}`, `{"order_id":"1","amount":"-1","currency":"EUR"}`,
		`{"order_id":"1","amount":"1.001","currency":"JPY"}`, `{"order_id":"1","amount":"1","currency":"EUR","items":[{}]}`,
		`{"order_id":"1","amount":"99999999999999999999","currency":"EUR"}`)
	f.Fuzz(func(t *testing.T, body []byte) {
		s, err := ParseSale(body)
		if !refusedOrTaken(t, err) {
			return
		}
		d, err := domain.ParseAmount(string(s.Amount))
		if err != nil || d.IsNegative() {
			t.Fatalf("took amount %q", s.Amount)
		}
		e := SaleEvent(1, false, s)
		s2, err := ParseSale(e.Payload)
		if err != nil || !bytes.Equal(SaleEvent(1, false, s2).Payload, e.Payload) {
			t.Fatalf("kept %s, read again %+v %v", e.Payload, s2, err)
		}
	})
}

func FuzzRefund(f *testing.F) {
	seeds(f, `{"order_id":"1","amount":"10.00","time":"2026-03-02T10:00:00Z","refund_id":"r1"}`, `{"order_id":"1","amount":0}`,
		`{"order_id":"1","amount":"abc"}`, `{"order_id":"1","amount":"1","time":"2026-02-30T00:00:00Z"}`)
	f.Fuzz(func(t *testing.T, body []byte) {
		r, err := ParseRefund(body)
		if !refusedOrTaken(t, err) {
			return
		}
		e := RefundEvent(1, false, r)
		r2, err := ParseRefund(e.Payload)
		if err != nil || !bytes.Equal(RefundEvent(1, false, r2).Payload, e.Payload) || RefundEvent(1, false, r2).EventID != e.EventID {
			t.Fatalf("kept %s, read again %+v %v", e.Payload, r2, err)
		}
	})
}

// FuzzPush feeds the headless server's push route: it answers, never panics, and refuses
// what is not a push without storing anything.
func FuzzPush(f *testing.F) {
	seeds(f, `{"programs":[{"id":1,"name":"Shop","currency":"EUR","cookie_days":30,"attribution":"last_click","origins":["https://shop.example"],"partners":[{"key":"lena","status":"active"}],"keys":[]}]}`,
		`{"programs":[{"id":0}]}`, `{"programs":null}`, `{"programs":[{"id":1,"name":"x","cookie_days":-1,"attribution":"x"}]}`, `{`)
	f.Fuzz(func(t *testing.T, body []byte) {
		var p domain.SyncPush
		if err := decode(body, &p); err != nil {
			refusedOrTaken(t, err)
		}
	})
}
