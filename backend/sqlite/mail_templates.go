package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"partnerbook/backend/domain"
)

// MailTemplate returns the shop's own version of a template, if it edited one.
func (s *Store) MailTemplate(ctx context.Context, kind, lang string) (domain.MailTemplate, bool, error) {
	t := domain.MailTemplate{Kind: kind, Language: lang, Custom: true}
	err := s.db.QueryRowContext(ctx, `SELECT subject, text, html FROM mail_templates WHERE kind = ? AND language = ?`, kind, lang).
		Scan(&t.Subject, &t.Text, &t.HTML)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.MailTemplate{}, false, nil
	}
	if err != nil {
		return t, false, fmt.Errorf("sqlite: mail template: %w", err)
	}
	return t, true, nil
}

// SetMailTemplate stores the shop's version of a template (checked by the caller, who knows
// how templates run).
func (s *Store) SetMailTemplate(ctx context.Context, t domain.MailTemplate) error {
	var ps domain.Problems
	domain.OneOf(&ps, "kind", t.Kind, []string{"statement", "report", "welcome"})
	if strings.TrimSpace(t.Subject) == "" {
		ps.Add("subject", "the subject is empty")
	}
	if strings.TrimSpace(t.Text) == "" {
		ps.Add("text", "the plain text is empty")
	}
	if err := ps.Err("the template was not saved"); err != nil {
		return err
	}
	return s.write(ctx, func(tx *Tx) error {
		_, err := tx.ExecContext(tx.ctx, `INSERT INTO mail_templates (kind, language, subject, text, html, updated_at) VALUES (?,?,?,?,?,?)
			ON CONFLICT (kind, language) DO UPDATE SET subject = excluded.subject, text = excluded.text, html = excluded.html,
			updated_at = excluded.updated_at`, t.Kind, t.Language, t.Subject, t.Text, t.HTML, tx.now)
		if err != nil {
			return fmt.Errorf("sqlite: save mail template: %w", err)
		}
		return tx.audit("mail.template", "mail_template", 0, 0, t)
	})
}

// ResetMailTemplate drops the shop's version: Partnerbook's own applies again.
func (s *Store) ResetMailTemplate(ctx context.Context, kind, lang string) error {
	return s.write(ctx, func(tx *Tx) error {
		if _, err := tx.ExecContext(tx.ctx, `DELETE FROM mail_templates WHERE kind = ? AND language = ?`, kind, lang); err != nil {
			return fmt.Errorf("sqlite: reset mail template: %w", err)
		}
		return tx.audit("mail.template.reset", "mail_template", 0, 0, map[string]string{"kind": kind, "language": lang})
	})
}
