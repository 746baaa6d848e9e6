package commission

import "testing"

func TestLineKeys(t *testing.T) {
	sale := SaleKey(12, 3)
	t2 := SecondTierKey(sale, 7)
	cases := []struct {
		key, followed string
		sale, manual  bool
	}{
		{sale, "o12:p3:sale", true, false},
		{t2, "o12:p3:sale", true, false},
		{OrderKey(12, 3, "product:MUG-1"), "o12:p3:product:MUG-1", false, false},
		{SecondTierKey(OrderKey(12, 3, "recurring"), 7), "o12:p3:recurring", false, false},
		{LeadKey(5, 3), "l5:p3:lead", false, false},
		{ManualPrefix + "99", "manual:99", false, true},
	}
	for _, c := range cases {
		if Followed(c.key) != c.followed || IsSale(c.key) != c.sale || IsManual(c.key) != c.manual {
			t.Errorf("%s: followed %q sale %v manual %v", c.key, Followed(c.key), IsSale(c.key), IsManual(c.key))
		}
	}
	if k := OrderKey(9007199254740993, 1234567, "product:MUG-1"); k != "o9007199254740993:p1234567:product:MUG-1" {
		t.Errorf("order key %s", k)
	}
	if k := LeadKey(4503599627370497, 42); k != "l4503599627370497:p42:lead" {
		t.Errorf("lead key %s", k)
	}
	if t2 != "o12:p3:sale:t2:p7" || SecondTierPrefix(sale) != "o12:p3:sale:t2:" {
		t.Fatalf("second tier key %s, prefix %s", t2, SecondTierPrefix(sale))
	}
}
