package mailer

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"strings"

	"partnerbook/backend/domain"
	"partnerbook/backend/importer"
	"partnerbook/backend/mail"
	"partnerbook/backend/sqlite"
)

// LeadsResult is what `mail leads` did.
type LeadsResult struct {
	Folder    string        `json:"folder"`
	Messages  int           `json:"messages"` // unread messages read
	Created   int           `json:"created"`
	Updated   int           `json:"updated"`
	Unchanged int           `json:"unchanged"`
	Left      []LeftMessage `json:"left"` // left alone (still unread), and why
}

// LeftMessage is a message that gave no leads.
type LeftMessage struct {
	From    string `json:"from"`
	Subject string `json:"subject"`
	Reason  string `json:"reason"`
}

// Leads reads the unread messages of the leads folder. A message from a partner's own address
// whose body has an "email:" line (and optionally "name:"), or with a CSV attachment with the
// leads header, becomes that partner's leads, all or none; it is then flagged as read and kept.
// A message from an unknown sender or without a usable address is left alone and reported.
func Leads(ctx context.Context, st *sqlite.Store, cfg mail.Config, programID int64) (LeadsResult, error) {
	res := LeadsResult{Folder: cfg.Leads(), Left: []LeftMessage{}}
	box, err := mail.DialIMAP(ctx, cfg.IMAP)
	if err != nil {
		return res, err
	}
	defer box.Close()
	msgs, err := box.Unread(cfg.Leads())
	if err != nil {
		return res, err
	}
	partners, _, err := st.ListPartners(ctx, domain.PartnerFilter{ProgramID: programID})
	if err != nil {
		return res, err
	}
	byEmail := map[string]domain.Partner{}
	for _, p := range partners {
		if p.Email != "" {
			byEmail[domain.NormalizeEmail(p.Email)] = p
		}
	}
	for _, in := range msgs {
		res.Messages++
		msg, err := mail.Parse(in.Raw)
		if err != nil {
			res.Left = append(res.Left, LeftMessage{Reason: err.Error()})
			continue
		}
		left := func(reason string) {
			res.Left = append(res.Left, LeftMessage{From: msg.From, Subject: msg.Subject, Reason: reason})
		}
		p, ok := byEmail[domain.NormalizeEmail(msg.From)]
		if !ok {
			left("the sender is not a partner of this program")
			continue
		}
		rows, reason := leadRows(msg, p)
		if reason != "" {
			left(reason)
			continue
		}
		label := fmt.Sprintf("mail from %s", msg.From)
		r, err := st.AddLeadsFrom(ctx, programID, label, "mail", rows)
		if err != nil {
			if domain.ErrorCode(err) == domain.EInvalid {
				left(problemText(err, r))
				continue
			}
			return res, err
		}
		res.Created, res.Updated, res.Unchanged = res.Created+r.Created, res.Updated+r.Updated, res.Unchanged+r.Unchanged
		if err := box.MarkRead(in.UID); err != nil {
			return res, err
		}
	}
	return res, nil
}

func problemText(err error, r domain.ImportResult) string {
	if len(r.Errors) > 0 {
		p := r.Errors[0]
		return fmt.Sprintf("%s: %s", p.Column, p.Message)
	}
	return err.Error()
}

// leadRows reads a message's leads: its CSV attachments, else the body's "email:" and "name:"
// lines. reason says why there are none.
func leadRows(msg mail.Parsed, p domain.Partner) ([]domain.LeadRow, string) {
	var rows []domain.LeadRow
	for _, a := range msg.Attachments {
		if !strings.HasSuffix(strings.ToLower(a.Name), ".csv") && a.Type != "text/csv" {
			continue
		}
		got, err := importer.ReadLeads(a.Name, bytes.NewReader(a.Data))
		if err != nil {
			return nil, err.Error()
		}
		for _, r := range got {
			if r.Lead.Partner != "" && !strings.EqualFold(r.Lead.Partner, p.Key) {
				return nil, fmt.Sprintf("%s row %d: a partner can only send their own leads (partner_key %q)", a.Name, r.Row, r.Lead.Partner)
			}
			r.Lead.Partner = p.Key
			rows = append(rows, r)
		}
	}
	if len(rows) > 0 {
		return rows, ""
	}
	var cur *domain.LeadRow
	pending := "" // a name: line before its email: line
	sc := bufio.NewScanner(strings.NewReader(msg.Text))
	line := 0
	for sc.Scan() {
		line++
		k, v, ok := strings.Cut(strings.TrimSpace(sc.Text()), ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		switch strings.ToLower(strings.TrimSpace(k)) {
		case "email", "e-mail":
			rows = append(rows, domain.LeadRow{Row: line, Lead: domain.Lead{Partner: p.Key, Email: v, Name: pending}})
			cur, pending = &rows[len(rows)-1], ""
		case "name":
			if cur != nil && cur.Lead.Name == "" {
				cur.Lead.Name = v
			} else {
				pending = v
			}
		}
	}
	if len(rows) == 0 {
		return nil, "no \"email:\" line and no CSV of leads"
	}
	for i, r := range rows {
		if !domain.ValidEmail(r.Lead.Email) {
			return nil, fmt.Sprintf("line %d: %q is not a usable e-mail address", rows[i].Row, r.Lead.Email)
		}
	}
	return rows, ""
}
