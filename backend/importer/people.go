package importer

import (
	"io"
	"strings"

	"partnerbook/backend/domain"
)

// PartnersHeader is the header of a partners file (cli.md); only name, email and key are
// required, and columns may stand in any order.
var PartnersHeader = []string{"name", "email", "key", "coupons", "parent_key", "status", "address", "country",
	"vat_id", "language", "paypal_email", "iban", "vat_treatment"}

// LeadsHeader is the header of a leads file (cli.md).
var LeadsHeader = []string{"partner_key", "email", "name", "status"}

// ReadPartners reads a partners file. A column the file lacks leaves that field as it is
// (for a new partner: the default); an empty status or language does too.
func ReadPartners(file string, r io.Reader) ([]domain.PartnerRow, error) {
	return readRows(file, r, []string{"name", "email", "key"}, func(t *Table) domain.PartnerRow {
		p := domain.PartnerPatch{Name: t.Opt("name"), Email: t.Opt("email"), Key: t.Opt("key"),
			Parent: t.Opt("parent_key"), Address: t.Opt("address"), Country: t.Opt("country"), VATID: t.Opt("vat_id"),
			PaypalEmail: t.Opt("paypal_email"), IBAN: t.Opt("iban"), Status: nonEmpty(t.Opt("status")),
			Language: nonEmpty(t.Opt("language")), VATTreatment: nonEmpty(t.Opt("vat_treatment"))}
		if c := t.Opt("coupons"); c != nil {
			coupons := splitList(*c)
			p.Coupons = &coupons
		}
		return domain.PartnerRow{Row: t.Row(), Patch: p}
	})
}

// ReadLeads reads a leads file.
func ReadLeads(file string, r io.Reader) ([]domain.LeadRow, error) {
	return readRows(file, r, []string{"partner_key", "email"}, func(t *Table) domain.LeadRow {
		return domain.LeadRow{Row: t.Row(), Lead: domain.Lead{Partner: t.Get("partner_key"),
			Email: t.Get("email"), Name: t.Get("name"), Status: t.Get("status")}}
	})
}

// readRows reads a file with the columns required into one value a record, made by row.
func readRows[T any](file string, r io.Reader, required []string, row func(*Table) T) ([]T, error) {
	t, err := NewTable(file, r)
	if err != nil {
		return nil, err
	}
	if err := t.Require(required...); err != nil {
		return nil, err
	}
	var rows []T
	for {
		ok, err := t.Next()
		if err != nil {
			return nil, err
		}
		if !ok {
			return rows, nil
		}
		rows = append(rows, row(t))
	}
}

func nonEmpty(s *string) *string {
	if s == nil || *s == "" {
		return nil
	}
	return s
}

func splitList(s string) []string {
	out := []string{}
	for _, part := range strings.Split(s, ";") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}
