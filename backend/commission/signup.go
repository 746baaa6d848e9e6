package commission

import "time"

// Visit is a tracked visit with a partner's key (the sync endpoint records them).
type Visit struct {
	Partner int64
	Time    time.Time
}

// SignupPartner says which partner a tracked signup links its customer to: among the visits
// with a partner's key in the cookie window before the signup (at most cookieDays before it,
// not after it), the last one (`last_click`) or the first one (`first_click`). ok is false when
// no visit is in the window.
func SignupPartner(visits []Visit, signup time.Time, cookieDays int, attribution string) (int64, bool) {
	from := signup.AddDate(0, 0, -cookieDays)
	var pick *Visit
	for i := range visits {
		v := &visits[i]
		if v.Partner == 0 || v.Time.After(signup) || v.Time.Before(from) {
			continue
		}
		switch {
		case pick == nil,
			attribution == "first_click" && v.Time.Before(pick.Time),
			attribution != "first_click" && !v.Time.Before(pick.Time):
			pick = v
		}
	}
	if pick == nil {
		return 0, false
	}
	return pick.Partner, true
}

// SignupLink is the rule of commissions.md for a tracked signup: the partner of the visitor's
// visits in the cookie window (SignupPartner), else the partner of the key the signup itself
// carries (own, 0 for none: the script passes the key of its cookie, which is how a visit on
// another device or before cookies were allowed still counts). The times are the stored ones,
// never a cookie's.
func SignupLink(visits []Visit, own int64, signup time.Time, cookieDays int, attribution string) (int64, bool) {
	if p, ok := SignupPartner(visits, signup, cookieDays, attribution); ok {
		return p, true
	}
	return own, own != 0
}
