package domain

import (
	"strings"
	"testing"
)

func TestParseProgramDefaults(t *testing.T) {
	p, err := ParseProgram("p.json", []byte(`{"name": "Shop", "rules": []}`))
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	want := DefaultProgram("Shop")
	if p.Kind != want.Kind || p.Currency != "EUR" || p.Timezone != "UTC" || p.CookieDays != 30 || p.HoldDays != 30 ||
		p.Attribution != "last_click" || p.Base != "net" || p.SelfReferral != "reject" || p.PayoutThreshold != "0" {
		t.Errorf("defaults not applied: %+v", p)
	}
	if p.Rules.Sale != nil || p.Rules.Tiers != nil {
		t.Errorf("an empty plan pays nothing, got %+v", p.Rules)
	}
}

func TestParseProgramFullPlan(t *testing.T) {
	src := `{"name": "Shop", "currency": "eur", "rules": {
	  "sale": {"percent": "20"}, "products": [{"sku": "PIN-01", "fixed": "1.00"}],
	  "tiers": {"measure": "sales", "tiers": [{"from": 0, "percent": "10"}, {"from": 10, "percent": "15"}]},
	  "recurring": {"percent": "10", "max_count": 11, "max_months": 12},
	  "second_tier": {"percent": "5"}, "lead": {"fixed": "2.00"}}}`
	p, err := ParseProgram("p.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	if p.Currency != "EUR" {
		t.Errorf("currency = %q, want upper case", p.Currency)
	}
	if got := p.Rules.Tiers.Tiers[1].Percent.String(); got != "15" {
		t.Errorf("tier 2 percent = %s", got)
	}
	if *p.Rules.Recurring.MaxCount != 11 || *p.Rules.Recurring.MaxMonths != 12 {
		t.Errorf("recurring limits lost: %+v", p.Rules.Recurring)
	}
}

func TestProgramValidation(t *testing.T) {
	tests := []struct {
		name, json, column, message string
	}{
		{"no name", `{}`, "name", "needs a name"},
		{"digits only", `{"name": "123"}`, "name", "only digits"},
		{"bad kind", `{"name": "x", "kind": "mlm"}`, "kind", `"mlm" is not one of`},
		{"bad currency", `{"name": "x", "currency": "EURO"}`, "currency", "ISO 4217"},
		{"bad zone", `{"name": "x", "timezone": "Mars/Olympus"}`, "timezone", "IANA"},
		{"cookie days zero", `{"name": "x", "cookie_days": 0}`, "cookie_days", "between 1 and 3650"},
		{"negative hold", `{"name": "x", "hold_days": -1}`, "hold_days", "between 0"},
		{"threshold not amount", `{"name": "x", "payout_threshold": "12,50"}`, "payout_threshold", "not an amount"},
		{"threshold too precise", `{"name": "x", "payout_threshold": "1.001"}`, "payout_threshold", "more than 2 decimals"},
		{"threshold yen decimals", `{"name": "x", "currency": "JPY", "payout_threshold": "100.5"}`, "payout_threshold", "more than 0 decimals"},
		{"bad base", `{"name": "x", "base": "gross"}`, "base", "not one of"},
		{"bad self referral", `{"name": "x", "self_referral": "maybe"}`, "self_referral", "not one of"},
		{"rate both", `{"name": "x", "rules": {"sale": {"percent": "10", "fixed": "1"}}}`, "rules.sale", "not both"},
		{"rate none", `{"name": "x", "rules": {"sale": {}}}`, "rules.sale", "give percent or fixed"},
		{"percent over 100", `{"name": "x", "rules": {"sale": {"percent": "120"}}}`, "rules.sale.percent", "between 0 and 100"},
		{"negative fixed", `{"name": "x", "rules": {"lead": {"fixed": "-2"}}}`, "rules.lead.fixed", "negative"},
		{"second tier fixed", `{"name": "x", "rules": {"second_tier": {"fixed": "2"}}}`, "rules.second_tier.fixed", "percent"},
		{"product without sku", `{"name": "x", "rules": {"products": [{"fixed": "1"}]}}`, "rules.products[0].sku", "needs a SKU"},
		{"product twice", `{"name": "x", "rules": {"products": [{"sku": "A", "fixed": "1"}, {"sku": "a", "fixed": "2"}]}}`, "rules.products[1].sku", "two rules"},
		{"tiers not from zero", `{"name": "x", "rules": {"tiers": {"measure": "sales", "tiers": [{"from": 1, "percent": "5"}]}}}`, "rules.tiers.tiers[0].from", "starts at 0"},
		{"tiers not rising", `{"name": "x", "rules": {"tiers": {"measure": "sales", "tiers": [{"from": 0, "percent": "5"}, {"from": 0, "percent": "6"}]}}}`, "rules.tiers.tiers[1].from", "greater"},
		{"tiers bad measure", `{"name": "x", "rules": {"tiers": {"measure": "clicks", "tiers": [{"from": 0, "percent": "5"}]}}}`, "rules.tiers.measure", "not one of"},
		{"sales tier fraction", `{"name": "x", "rules": {"tiers": {"measure": "sales", "tiers": [{"from": 0, "percent": "5"}, {"from": 2.5, "percent": "6"}]}}}`, "rules.tiers.tiers[1].from", "whole number"},
		{"recurring zero count", `{"name": "x", "rules": {"recurring": {"percent": "5", "max_count": 0}}}`, "rules.recurring.max_count", "at least 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ParseProgram("p.json", []byte(tt.json))
			if err != nil {
				t.Fatal(err)
			}
			err = p.Validate()
			e := AsError(err)
			if err == nil || e.Code != EInvalid {
				t.Fatalf("Validate() = %v, want an invalid error", err)
			}
			for _, pr := range e.Problems {
				if pr.Column == tt.column && strings.Contains(pr.Message, tt.message) {
					return
				}
			}
			t.Errorf("no problem on %q containing %q in %v", tt.column, tt.message, e.Problems)
		})
	}
}

func TestParseProgramRefusesUnknownSetting(t *testing.T) {
	_, err := ParseProgram("p.json", []byte(`{"name": "x", "hold_dayz": 3}`))
	if err == nil || !strings.Contains(err.Error(), "hold_dayz") || !strings.Contains(err.Error(), "p.json") {
		t.Fatalf("err = %v, want the unknown field and the file named", err)
	}
	_, err = ParseProgram("p.json", []byte(`{"name": "x", "rules": {"sael": {"percent": "1"}}}`))
	if err == nil || !strings.Contains(err.Error(), "sael") {
		t.Fatalf("err = %v, want the unknown rule named", err)
	}
}

// A program file cannot make a program the sample: only the sample itself is made so.
func TestParseProgramRefusesTheSampleFlag(t *testing.T) {
	_, err := ParseProgram("p.json", []byte(`{"name": "Shop", "sample": true}`))
	if e := AsError(err); err == nil || e.Code != EInvalid || len(e.Problems) != 1 || e.Problems[0].Column != "sample" || e.Problems[0].File != "p.json" {
		t.Fatalf("ParseProgram = %v", err)
	}
	if p, err := ParseProgram("p.json", []byte(`{"name": "Shop", "sample": false}`)); err != nil || p.Sample {
		t.Fatalf("sample false: %+v, %v", p, err)
	}
}
