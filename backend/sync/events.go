package sync

import (
	"encoding/json"
	"fmt"

	"partnerbook/backend/domain"
)

// Bounds of the fields (characters).
const (
	maxID    = 128
	maxKey   = 128
	maxText  = 200
	maxURL   = 2048
	maxItems = 500
)

// ParseVisit reads and checks a visit's body.
func ParseVisit(body []byte) (Visit, error) {
	var v Visit
	if err := decode(body, &v); err != nil {
		return v, err
	}
	err := texts(check(&v.EventID, "event_id", maxID, true), check(&v.Program, "program", maxKey, true),
		check(&v.Ref, "ref", maxKey, true), check(&v.Visitor, "visitor", maxID, true),
		check(&v.URL, "url", maxURL, false), check(&v.Referrer, "referrer", maxURL, false))
	return v, err
}

// ParseSignup reads and checks a signup's body.
func ParseSignup(body []byte) (Signup, error) {
	var s Signup
	if err := decode(body, &s); err != nil {
		return s, err
	}
	err := texts(check(&s.EventID, "event_id", maxID, true), check(&s.Program, "program", maxKey, true),
		check(&s.Visitor, "visitor", maxID, false), check(&s.Email, "email", maxText, true),
		check(&s.Name, "name", maxText, false), check(&s.Key, "key", maxKey, false))
	if err != nil {
		return s, err
	}
	s.Email = domain.NormalizeEmail(s.Email)
	if !domain.ValidEmail(s.Email) {
		return s, fieldErr("email", "%q is not an e-mail address", s.Email)
	}
	return s, nil
}

// ParseSale reads and checks a sale's body: the amounts must fit the currency's minor units.
func ParseSale(body []byte) (Sale, error) {
	var s Sale
	if err := decode(body, &s); err != nil {
		return s, err
	}
	err := texts(check(&s.OrderID, "order_id", maxID, true), check(&s.Customer.Email, "customer.email", maxText, false),
		check(&s.Customer.Key, "customer.key", maxID, false), check(&s.Currency, "currency", 3, true),
		check(&s.Coupon, "coupon", maxKey, false), check(&s.Ref, "ref", maxKey, false))
	if err != nil {
		return s, err
	}
	s.Customer.Email = domain.NormalizeEmail(s.Customer.Email)
	if s.Customer.Email != "" && !domain.ValidEmail(s.Customer.Email) {
		return s, fieldErr("customer.email", "%q is not an e-mail address", s.Customer.Email)
	}
	cur, ok := domain.NormalizeCurrency(s.Currency)
	if !ok {
		return s, fieldErr("currency", "%q is not an ISO 4217 code such as EUR", s.Currency)
	}
	s.Currency = cur
	if err := money("amount", &s.Amount, cur, true); err != nil {
		return s, err
	}
	if len(s.Items) > maxItems {
		return s, fieldErr("items", "has more than %d items", maxItems)
	}
	for i := range s.Items {
		it := &s.Items[i]
		f := fmt.Sprintf("items[%d]", i)
		if err := texts(check(&it.SKU, f+".sku", maxText, false), check(&it.Name, f+".name", maxText, false)); err != nil {
			return s, err
		}
		if it.Quantity < 1 || it.Quantity > 1_000_000 {
			return s, fieldErr(f+".quantity", "should be a whole number from 1 to 1000000")
		}
		if err := money(f+".price", &it.Price, cur, true); err != nil {
			return s, err
		}
	}
	s.Time, err = parseTime("time", s.Time)
	return s, err
}

// ParseRefund reads and checks a refund's body.
func ParseRefund(body []byte) (Refund, error) {
	var r Refund
	if err := decode(body, &r); err != nil {
		return r, err
	}
	if err := texts(check(&r.OrderID, "order_id", maxID, true), check(&r.RefundID, "refund_id", maxID, false)); err != nil {
		return r, err
	}
	if r.Amount == "" {
		return r, fieldErr("amount", "is required")
	}
	d, _ := domain.ParseAmount(string(r.Amount))
	if !d.IsPositive() {
		return r, fieldErr("amount", "should be more than 0")
	}
	r.Amount = Amount(d.String())
	var err error
	r.Time, err = parseTime("time", r.Time)
	return r, err
}

// money checks an amount: given, not negative, and with no more decimals than the currency;
// it writes it with the currency's decimals ("49.9" and "49.90" are one amount).
func money(field string, p *Amount, currency string, required bool) error {
	a := *p
	if a == "" {
		if required {
			return fieldErr(field, "is required")
		}
		return nil
	}
	d, err := domain.ParseAmount(string(a))
	if err != nil {
		return fieldErr(field, "%q is not an amount such as \"49.90\"", string(a))
	}
	if d.IsNegative() {
		return fieldErr(field, "cannot be negative")
	}
	minor, err := domain.ToMinor(d, currency)
	if err != nil {
		return fieldErr(field, "%s", err.Error())
	}
	*p = Amount(domain.FormatMinor(minor, currency))
	return nil
}

// event makes what is kept of a checked body.
func event(programID int64, test bool, typ, id string, body any) domain.Event {
	payload, _ := json.Marshal(body) // plain structs of strings and numbers: cannot fail
	return domain.Event{EventID: id, ProgramID: programID, Type: typ, Test: test, Payload: payload}
}

// VisitEvent is the event a checked visit becomes.
func VisitEvent(programID int64, test bool, v Visit) domain.Event {
	v.Program = ""
	e := event(programID, test, domain.EventVisit, v.EventID, v)
	e.Visitor, e.Ref = v.Visitor, v.Ref
	return e
}

// SignupEvent is the event a checked signup becomes.
func SignupEvent(programID int64, test bool, s Signup) domain.Event {
	s.Program = ""
	e := event(programID, test, domain.EventSignup, s.EventID, s)
	e.Visitor, e.Ref, e.Email = s.Visitor, s.Key, s.Email
	return e
}

// SaleEvent is the event a checked sale becomes; a program's order id is its key.
func SaleEvent(programID int64, test bool, s Sale) domain.Event {
	return event(programID, test, domain.EventSale, fmt.Sprintf("sale:%d:%s", programID, s.OrderID), s)
}

// RefundEvent is the event a checked refund becomes: one per order and refund id (else time).
func RefundEvent(programID int64, test bool, r Refund) domain.Event {
	k := r.RefundID
	if k == "" {
		k = r.Time
	}
	return event(programID, test, domain.EventRefund, fmt.Sprintf("refund:%d:%s:%s", programID, r.OrderID, k), r)
}
