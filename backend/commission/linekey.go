package commission

import (
	"strconv"
	"strings"
)

// A line's key says what it is paid for, so a recompute finds the stored line it replaces:
// o<order>:p<partner>:<kind> for an order's line (kind: sale, recurring, product:<sku>),
// <child>:t2:p<parent> for the second tier that follows a line, l<lead>:p<partner>:lead for a
// lead's bounty, manual:<id> for a person's adjustment (never recomputed). These helpers are the
// one place that builds and reads them. (A recompute of a million orders builds some 800,000
// keys; fmt took twice the time of appending.)

// OrderKey is the key of an order's line for a partner.
func OrderKey(order, partner int64, kind string) string {
	b := make([]byte, 0, 48)
	b = strconv.AppendInt(append(b, 'o'), order, 10)
	b = strconv.AppendInt(append(b, ":p"...), partner, 10)
	return string(append(append(b, ':'), kind...))
}

// SaleKey is the key of an order's sale line for a partner.
func SaleKey(order, partner int64) string { return OrderKey(order, partner, "sale") }

// LeadKey is the key of a lead's bounty.
func LeadKey(lead, partner int64) string {
	b := strconv.AppendInt(append(make([]byte, 0, 40), 'l'), lead, 10)
	return string(append(strconv.AppendInt(append(b, ":p"...), partner, 10), ":lead"...))
}

// secondTier separates a line's key from its second tier's.
const secondTier = ":t2:"

// SecondTierKey is the key of the second tier a parent earns on a line.
func SecondTierKey(child string, parent int64) string {
	b := append(append(make([]byte, 0, len(child)+24), child...), secondTier+"p"...)
	return string(strconv.AppendInt(b, parent, 10))
}

// SecondTierPrefix starts the keys of every second tier of a line (for a LIKE pattern).
func SecondTierPrefix(key string) string { return key + secondTier }

// Followed is the key of the line a second tier follows; a key that is no second tier is itself.
func Followed(key string) string {
	base, _, _ := strings.Cut(key, secondTier)
	return base
}

// IsSale says whether a key is a sale line's or follows one.
func IsSale(key string) bool { return strings.HasSuffix(Followed(key), ":sale") }

// ManualPrefix starts the key of a person's adjustment: manual:<line id>.
const ManualPrefix = "manual:"

// IsManual says whether a key is a person's adjustment's, which a recompute leaves alone.
func IsManual(key string) bool { return strings.HasPrefix(key, ManualPrefix) }
