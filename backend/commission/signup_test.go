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
