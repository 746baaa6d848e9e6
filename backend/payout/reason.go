package payout

import "strings"

// The codes of the reasons a balance is carried, for screens that say them in words.
const (
	BelowThreshold = "below_threshold" // less than the program's payout threshold
	NoRate         = "no_rate"         // no exchange rate into the program's currency
	NotPositive    = "not_positive"    // open credit notes take the whole balance, or more
)

const (
	reasonNoRate      = "no exchange rate"
	reasonNotPositive = "not positive"
	reasonBelow       = "below the threshold of "
)

// ReadReason reads a carried balance's reason, as Decide writes it and the store keeps it, into
// its code and, below the threshold, the threshold ("50.00 EUR" gives "50.00"); an unknown
// reason gives "".
func ReadReason(reason string) (code, threshold string) {
	switch {
	case reason == reasonNoRate:
		return NoRate, ""
	case reason == reasonNotPositive:
		return NotPositive, ""
	case strings.HasPrefix(reason, reasonBelow):
		amount, _, _ := strings.Cut(strings.TrimPrefix(reason, reasonBelow), " ")
		return BelowThreshold, amount
	}
	return "", ""
}
