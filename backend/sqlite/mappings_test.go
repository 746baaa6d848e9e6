package sqlite

import (
	"testing"

	"partnerbook/backend/domain"
)

func TestMappings(t *testing.T) {
	s := open(t)
	if err := s.SaveMapping(ctx, "  ", "{}"); domain.AsError(err).Code != domain.EInvalid {
		t.Errorf("a mapping without a name: %v", err)
	}
	if err := s.SaveMapping(ctx, "Kasse", `{"source": "kasse"}`); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveMapping(ctx, "Kasse", `{"source": "kasse-2"}`); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveMapping(ctx, "bar", `{}`); err != nil {
		t.Fatal(err)
	}
	ms, _ := s.Mappings(ctx)
	if len(ms) != 2 || ms[0].Name != "bar" || ms[1].Mapping != `{"source": "kasse-2"}` {
		t.Errorf("mappings = %+v", ms)
	}
	if _, err := s.Mapping(ctx, "nope"); domain.AsError(err).Code != domain.ENotFound {
		t.Errorf("no such mapping: %v", err)
	}
}
