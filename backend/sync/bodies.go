package sync

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"partnerbook/backend/domain"
)

// The bodies of sync.md's routes, as they are parsed and, normalised, kept as the event's
// payload (the desktop reads them back when it applies the events).

// Visit is the body of POST /v1/track/visit.
type Visit struct {
	EventID  string `json:"event_id"`
	Program  string `json:"program,omitempty"`
	Ref      string `json:"ref"`
	Visitor  string `json:"visitor"`
	URL      string `json:"url"`
	Referrer string `json:"referrer"`
}

// Signup is the body of POST /v1/track/signup.
type Signup struct {
	EventID string `json:"event_id"`
	Program string `json:"program,omitempty"`
	Visitor string `json:"visitor"`
	Email   string `json:"email"`
	Name    string `json:"name"`
	Key     string `json:"key"`
}

// Sale is the body of POST /v1/track/sale. Amounts are decimal text in the currency (a JSON
// number is read as its exact digits).
type Sale struct {
	OrderID  string     `json:"order_id"`
	Customer Customer   `json:"customer"`
	Amount   Amount     `json:"amount"`
	Currency string     `json:"currency"`
	Coupon   string     `json:"coupon"`
	Ref      string     `json:"ref"`
	Items    []SaleItem `json:"items"`
	Time     string     `json:"time"`
}

// Customer is who bought: the e-mail, else the shop's own id of the customer (key).
type Customer struct {
	Email string `json:"email"`
	Key   string `json:"key"`
}

// SaleItem is one line of a sale.
type SaleItem struct {
	SKU      string `json:"sku"`
	Name     string `json:"name"`
	Quantity int64  `json:"quantity"`
	Price    Amount `json:"price"`
}

// Refund is the body of POST /v1/track/refund. RefundID (optional) tells two refunds of one
// order apart; without it the time does, and without a time an order has one refund.
type Refund struct {
	OrderID  string `json:"order_id"`
	Amount   Amount `json:"amount"`
	Time     string `json:"time"`
	RefundID string `json:"refund_id,omitempty"`
}

// Amount is money as exact decimal text; it reads "12.50" and 12.50 alike, never as a float.
type Amount string

// UnmarshalJSON keeps the digits as they were written.
func (a *Amount) UnmarshalJSON(b []byte) error {
	s := string(bytes.TrimSpace(b))
	if s == "null" {
		*a = ""
		return nil
	}
	if strings.HasPrefix(s, `"`) {
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
	}
	if _, err := domain.ParseAmount(s); err != nil {
		return fieldErr("", "%q is not an amount such as \"49.90\"", s)
	}
	*a = Amount(strings.TrimSpace(s))
	return nil
}

// FieldError is a body refused because of one field (400 naming it).
type FieldError struct {
	Field   string
	Message string
}

func (e *FieldError) Error() string {
	if e.Field == "" {
		return e.Message
	}
	return e.Field + ": " + e.Message
}

func fieldErr(field, format string, a ...any) *FieldError {
	return &FieldError{Field: field, Message: fmt.Sprintf(format, a...)}
}

// decode reads one JSON object into v, refusing unknown fields and anything after it.
func decode(body []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonFieldError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return fieldErr("", "the body holds more than one JSON object")
	}
	return nil
}

func jsonFieldError(err error) error {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	var fe *FieldError
	switch {
	case errors.As(err, &fe):
		return fe
	case errors.As(err, &te):
		if te.Field == "" {
			return fieldErr("", "the body should be a JSON object")
		}
		return fieldErr(te.Field, "should be %s, not %s", jsonType(te.Type.Kind().String()), te.Value)
	case errors.As(err, &se):
		return fieldErr("", "the body is not valid JSON (at byte %d): %s", se.Offset, se.Error())
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return fieldErr(name, "is not a field of this call")
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return fieldErr("", "the body is empty or cut short; send a JSON object")
	}
	return fieldErr("", "the body is not valid JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
}

func jsonType(kind string) string {
	switch kind {
	case "string":
		return "a string"
	case "int64", "int":
		return "a whole number"
	case "slice":
		return "a list"
	case "struct":
		return "an object"
	}
	return kind
}

// text checks a text field: trimmed, at most max characters, no control characters.
func text(field, v string, max int, required bool) (string, error) {
	v = strings.TrimSpace(v)
	switch {
	case v == "" && required:
		return v, fieldErr(field, "is required")
	case !utf8.ValidString(v):
		return v, fieldErr(field, "is not valid UTF-8")
	case utf8.RuneCountInString(v) > max:
		return v, fieldErr(field, "is longer than %d characters", max)
	case strings.ContainsFunc(v, func(r rune) bool { return r < 0x20 || r == 0x7f }):
		return v, fieldErr(field, "holds control characters")
	}
	return v, nil
}

// texts checks several text fields in order; the first problem is returned.
func texts(checks ...func() error) error {
	for _, c := range checks {
		if err := c(); err != nil {
			return err
		}
	}
	return nil
}

func check(dst *string, field string, max int, required bool) func() error {
	return func() error {
		v, err := text(field, *dst, max, required)
		*dst = v
		return err
	}
}

// parseTime reads an optional RFC 3339 time; "" stays "" (the time of receipt is used).
func parseTime(field, v string) (string, error) {
	if v == "" {
		return "", nil
	}
	t, err := time.Parse(time.RFC3339, strings.TrimSpace(v))
	if err != nil {
		return "", fieldErr(field, "%q is not a time such as 2026-03-01T12:00:00Z", v)
	}
	return t.UTC().Format(time.RFC3339), nil
}
