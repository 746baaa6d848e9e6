package mailer

import (
	"context"
	"fmt"
	"time"

	"partnerbook/backend/domain"
	"partnerbook/backend/i18n"
	"partnerbook/backend/mail"
	"partnerbook/backend/sqlite"
)

// Template is the template in use for kind and language: the shop's version, or Partnerbook's.
func Template(ctx context.Context, st *sqlite.Store, kind, lang string) (mail.Template, error) {
	if !known(kind) {
		return mail.Template{}, domain.Errorf(domain.EInvalid, "there is no e-mail %q (statement, report, welcome)", kind)
	}
	return template(ctx, st, kind, lang)
}

func known(kind string) bool {
	for _, k := range mail.Kinds {
		if k == kind {
			return true
		}
	}
	return false
}

// Preview fills t in with a real partner's figures: their last statement (or their balance,
// before any payout), last month's report, or their welcome.
func Preview(ctx context.Context, st *sqlite.Store, programID int64, key string, t mail.Template, now time.Time) (mail.Rendered, error) {
	s, err := senderOf(ctx, st)
	if err != nil {
		s = sender{name: "Partnerbook", from: "shop@example.org"} // a preview works before mail is set up
	}
	p, err := st.FindPartner(ctx, programID, key)
	if err != nil {
		return mail.Rendered{}, err
	}
	p.Language = t.Language
	prog, err := st.FindProgram(ctx, fmt.Sprint(programID))
	if err != nil {
		return mail.Rendered{}, err
	}
	f := figures(s, p)
	lang := i18n.Get(t.Language)
	switch t.Kind {
	case "report":
		month := time.Date(now.Year(), now.Month()-1, 1, 0, 0, 0, 0, time.UTC)
		if f, err = ReportFigures(ctx, st, prog, p, s, month, ""); err != nil {
			return mail.Rendered{}, err
		}
	case "statement":
		f.Number, f.Amount, f.Period = "2025-0001", lang.Money("0.00", prog.Currency), lang.Month(now)
		payouts, err := st.ListPayouts(ctx, programID)
		if err != nil {
			return mail.Rendered{}, err
		}
		for _, py := range payouts {
			if py.Partner == p.Key {
				f.Number, f.Amount, f.Credit = py.Number, lang.Money(py.Amount, py.Currency), py.Kind == "credit_note"
				break // the newest
			}
		}
	}
	r, err := mail.Render(t, f)
	if err != nil {
		return r, asInvalid(err)
	}
	return r, nil
}

// CheckTemplate refuses a template that does not parse or run, naming the part.
func CheckTemplate(t mail.Template) error {
	if !known(t.Kind) {
		return domain.Errorf(domain.EInvalid, "there is no e-mail %q (statement, report, welcome)", t.Kind)
	}
	f := mail.Figures{Orders: []mail.OrderFigure{{}}, Coupons: []string{"X"}, Links: []string{"https://example.org/?ref=x"}}
	if _, err := mail.Render(t, f); err != nil {
		return asInvalid(err)
	}
	return nil
}

func asInvalid(err error) error {
	if p, ok := err.(*mail.Problem); ok {
		return domain.Invalid("the template does not work", []domain.Problem{{Column: p.Part, Message: p.Message}})
	}
	return err
}
