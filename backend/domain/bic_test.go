package domain

import (
	"strings"
	"testing"
)

func TestCheckBIC(t *testing.T) {
	for _, c := range []struct {
		bic  string
		want string // "" when valid, else part of the error
	}{
		{"BYLADEM1", ""},
		{"BYLADEM1001", ""},
		{"DEUTDEFF500", ""},
		{"NWBKGB2L", ""},
		{"BYLADEM", "7 characters"},
		{"BYLADEM10", "9 characters"},
		{"BYLADEM1ABCD", "12 characters"},
		{"BYL4DEM1", "not a BIC"}, // a digit in the bank's letters
		{"BYLAD3M1", "not a BIC"}, // a digit in the country
		{"BYLADE01", "not a BIC"}, // the place's first character 0 or 1 is not allowed
		{"BYLADEMO", "not a BIC"}, // O as the place's second character marks a test BIC
		{"byladem1", "not a BIC"}, // CheckBIC takes the normalised form
		{"BYLADEM1-01", "not a BIC"},
	} {
		err := CheckBIC(c.bic)
		if (c.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), c.want)) {
			t.Errorf("CheckBIC(%q) = %v, want %q", c.bic, err, c.want)
		}
	}
}

func TestSettingsCheckedWhenSaved(t *testing.T) {
	for _, c := range []struct {
		key, value, stored, problem string
	}{
		{"company.bic", " byla dem1 ", "BYLADEM1", ""},
		{"company.bic", "BYLADEM", "", "not a BIC"},
		{"company.bic", "", "", ""},
		{"mail.from", "shop@atelier.test", "shop@atelier.test", ""},
		{"mail.from", "Atelier Nord <shop@atelier.test>", "Atelier Nord <shop@atelier.test>", ""},
		{"mail.from", `"Nord, Atelier" <shop@atelier.test>`, `"Nord, Atelier" <shop@atelier.test>`, ""},
		{"mail.from", "Atelier Nord <shop@>", "", "not an e-mail address"},
		{"mail.from", "Atelier Nord", "", "not an e-mail address"},
		{"mail.from", "Atelier Nord <shop@localhost>", "", "not an e-mail address"},
	} {
		got, err := CheckSetting(c.key, c.value)
		if c.problem == "" && (err != nil || got != c.stored) {
			t.Errorf("%s %q: %q %v, want %q", c.key, c.value, got, err, c.stored)
		}
		if c.problem != "" && (err == nil || !strings.Contains(err.Error(), c.problem)) {
			t.Errorf("%s %q: %v, want %q", c.key, c.value, err, c.problem)
		}
	}
	for _, c := range []struct{ in, name, address string }{
		{"Atelier Nord <Shop@Atelier.test>", "Atelier Nord", "shop@atelier.test"},
		{"shop@atelier.test", "", "shop@atelier.test"},
		{`"Nord, Atelier" <shop@atelier.test>`, "Nord, Atelier", "shop@atelier.test"},
	} {
		name, address, err := ParseMailbox(c.in)
		if err != nil || name != c.name || address != c.address {
			t.Errorf("ParseMailbox(%q) = %q %q %v", c.in, name, address, err)
		}
	}
}
