package commission

import "testing"

func TestSignupPartner(t *testing.T) {
	visits := []Visit{{Partner: 1, Time: at("2025-03-01T10:00:00Z")}, {Partner: 2, Time: at("2025-03-20T10:00:00Z")},
		{Partner: 3, Time: at("2025-04-02T10:00:00Z")}} // after the signup: never counts
	signup := at("2025-03-25T10:00:00Z")
	cases := []struct {
		days        int
		attribution string
		want        int64
		ok          bool
	}{
		{30, "last_click", 2, true},
		{30, "first_click", 1, true},
		{24, "first_click", 1, true}, // 1 March 10:00 is exactly 24 days before
		{23, "first_click", 2, true}, // now out of the window
		{4, "last_click", 0, false},
	}
	for _, c := range cases {
		got, ok := SignupPartner(visits, signup, c.days, c.attribution)
		if got != c.want || ok != c.ok {
			t.Errorf("%d days %s = %d %v, want %d %v", c.days, c.attribution, got, ok, c.want, c.ok)
		}
	}
}

// The signup's own key counts only when no visit of the visitor is in the window.
func TestSignupLink(t *testing.T) {
	signup := at("2025-03-25T10:00:00Z")
	inWindow := []Visit{{Partner: 2, Time: at("2025-03-20T10:00:00Z")}}
	tooOld := []Visit{{Partner: 2, Time: at("2025-01-01T10:00:00Z")}}
	after := []Visit{{Partner: 2, Time: at("2025-03-26T10:00:00Z")}}
	cases := []struct {
		name   string
		visits []Visit
		own    int64
		want   int64
		ok     bool
	}{
		{"a visit in the window wins over the signup's key", inWindow, 7, 2, true},
		{"a visit out of the window: the signup's key", tooOld, 7, 7, true},
		{"a visit after the signup: the signup's key", after, 7, 7, true},
		{"no visit, no key: no link", nil, 0, 0, false},
		{"an old visit and no key: no link", tooOld, 0, 0, false},
		{"a visit in the window and no key", inWindow, 0, 2, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, attr := range []string{"last_click", "first_click"} {
				got, ok := SignupLink(c.visits, c.own, signup, 30, attr)
				if got != c.want || ok != c.ok {
					t.Errorf("%s: %d %v, want %d %v", attr, got, ok, c.want, c.ok)
				}
			}
		})
	}
}
