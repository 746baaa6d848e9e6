package pbjs

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// CookieName is the first-party cookie that remembers who referred a visitor.
const CookieName = "pb_ref"

// keyRe is a partner key (domain's rule) as the script checks it too.
var keyRe = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// visitorRe is a visitor id: the script makes 32 hex digits; others are refused in a cookie.
var visitorRe = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// Ref is what a pb_ref cookie holds: the partner key, the visitor id, and when it was set.
// The cookie's value is "KEY|VISITOR|UNIXSECONDS"; the script writes and reads the same.
type Ref struct {
	Key     string
	Visitor string
	Time    time.Time
}

// Value is the cookie value for r.
func (r Ref) Value() string {
	return r.Key + "|" + r.Visitor + "|" + strconv.FormatInt(r.Time.Unix(), 10)
}

// ParseRef reads a pb_ref cookie value; ok is false for anything but a well-formed one.
func ParseRef(v string) (r Ref, ok bool) {
	parts := strings.Split(v, "|")
	if len(parts) != 3 || !keyRe.MatchString(parts[0]) || !visitorRe.MatchString(parts[1]) {
		return Ref{}, false
	}
	sec, err := strconv.ParseInt(parts[2], 10, 64)
	if err != nil || sec < 0 {
		return Ref{}, false
	}
	return Ref{Key: parts[0], Visitor: parts[1], Time: time.Unix(sec, 0).UTC()}, true
}

// VisitCookie is the cookie a visit's answer sets, for a visit to key by visitor at now, in a
// program that keeps referrals cookieDays days: nil where the request already carries a
// well-formed pb_ref and the program counts the first click (that cookie is kept), or where
// key or visitor would not make a well-formed cookie. The browser keeps it only where the
// endpoint is the shop's own origin (a reverse proxy): elsewhere the script's request carries
// no credentials and the answer's cookie is dropped, which is what a third party's should be.
// The attribution window itself is enforced from the stored visit time, never from this.
func VisitCookie(r *http.Request, key, visitor string, now time.Time, cookieDays int, firstClick bool) *http.Cookie {
	if !keyRe.MatchString(key) || !visitorRe.MatchString(visitor) || cookieDays < 1 {
		return nil
	}
	if firstClick {
		if c, err := r.Cookie(CookieName); err == nil {
			if _, ok := ParseRef(c.Value); ok {
				return nil
			}
		}
	}
	return &http.Cookie{
		Name:     CookieName,
		Value:    Ref{Key: key, Visitor: visitor, Time: now}.Value(),
		Path:     "/",
		MaxAge:   cookieDays * 86400,
		Expires:  now.Add(time.Duration(cookieDays) * 24 * time.Hour).UTC(),
		SameSite: http.SameSiteLaxMode,
		Secure:   r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https"),
	}
}
