package sqlite

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"partnerbook/backend/domain"
	"partnerbook/backend/payout"
	"partnerbook/backend/statement"
)

// runRecord is the issuer as a run froze it: what its statements, summary and payment files
// print of the shop, and the series its numbers were taken from.
type runRecord struct {
	Issuer statement.Party `json:"issuer"`
	Lang   string          `json:"lang"` // the run summary's language (company.language)
	IBAN   string          `json:"iban"` // the shop's account, the SEPA file's debtor
	BIC    string          `json:"bic"`
	Logo   string          `json:"logo"` // SHA-256 of the logo's bytes in statement_logos, "" for none
	// VATRate is the rate, in percent, the run charged domestic partners (payout.RunRate of
	// company.vat_rate and company.country), "" where none.
	VATRate string `json:"vat_rate,omitempty"`
	// Series is the key of the number series of a run that is not the shop's (the sample's);
	// Sample marks a run of the sample program, whose statements say they are samples.
	Series string `json:"series,omitempty"`
	Sample bool   `json:"sample,omitempty"`
}

func (r runRecord) issuer() payout.Issuer {
	return payout.Issuer{Name: r.Issuer.Name, Address: r.Issuer.Address, Country: r.Issuer.Country, VATID: r.Issuer.VATID,
		VATRate: r.VATRate}
}

func (r runRecord) json() string {
	b, _ := json.Marshal(r) // plain strings: cannot fail
	return string(b)
}

// company reads the company of the settings, the shop's issuer.
func (tx *Tx) company() (payout.Company, error) {
	set, err := tx.settings()
	if err != nil {
		return payout.Company{}, err
	}
	c := set.Company
	return payout.Company{Issuer: payout.Issuer{Name: c.Name, Address: c.Address, Country: c.Country, VATID: c.VATID,
		VATRate: payout.RunRate(c.VATRate, c.Country)}, Lang: c.Language, IBAN: c.IBAN, BIC: c.BIC, Logo: c.Logo}, nil
}

// runRecord is the record of a run of the program: its issuer and series as payout.IssueOf
// decides (the shop of the settings, or for the sample program the invented sample company).
func (tx *Tx) runRecord(sample bool) (runRecord, error) {
	shop, err := tx.company()
	if err != nil {
		return runRecord{}, err
	}
	return tx.record(payout.IssueOf(sample, shop))
}

// record freezes an issue, keeping its logo's bytes (left out where the file cannot be read,
// as the statement always did).
func (tx *Tx) record(is payout.Issue) (runRecord, error) {
	r := runRecord{Issuer: statement.Party{Name: is.Name, Address: is.Address, Country: is.Country, VATID: is.VATID},
		Lang: is.Lang, IBAN: is.IBAN, BIC: is.BIC, VATRate: is.VATRate, Sample: is.Sample}
	if is.Series != payout.ShopSeries {
		r.Series = is.Series.Key
	}
	if is.Logo == "" {
		return r, nil
	}
	data, err := os.ReadFile(is.Logo)
	if err != nil || len(data) == 0 {
		return r, nil
	}
	sum := sha256.Sum256(data)
	r.Logo = hex.EncodeToString(sum[:])
	if _, err := tx.ExecContext(tx.ctx, `INSERT INTO statement_logos (sha256, data) VALUES (?, ?) ON CONFLICT DO NOTHING`, r.Logo, data); err != nil {
		return r, fmt.Errorf("sqlite: logo: %w", err)
	}
	return r, nil
}

// freezeRun freezes the statement of each payout of a run that has none yet, as the run's
// issuer and the stored payout, partner and lines say now: in the run's transaction that is
// the moment of issue.
func (tx *Tx) freezeRun(runID int64, prog domain.Program) error {
	var recText string
	if err := tx.QueryRowContext(tx.ctx, `SELECT record FROM payout_runs WHERE id = ?`, runID).Scan(&recText); err != nil {
		return fmt.Errorf("sqlite: payout run %d: %w", runID, err)
	}
	var rec runRecord
	if err := json.Unmarshal([]byte(recText), &rec); err != nil {
		return fmt.Errorf("sqlite: payout run %d: its record: %w", runID, err)
	}
	ids, err := tx.unfrozen(runID)
	if err != nil {
		return err
	}
	for _, id := range ids {
		st, err := buildStatement(tx.ctx, tx, id, prog.Location(), rec)
		if err != nil {
			return err
		}
		b, err := json.Marshal(st)
		if err != nil {
			return fmt.Errorf("sqlite: statement %s: %w", st.Number, err)
		}
		if _, err := tx.ExecContext(tx.ctx, `INSERT INTO statements (payout_id, language, record, logo_sha256, created_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (payout_id) DO UPDATE SET language = excluded.language, record = excluded.record, logo_sha256 = excluded.logo_sha256,
			created_at = excluded.created_at, pdf = NULL WHERE record = ''`, id, st.Lang, string(b), rec.Logo, tx.now); err != nil {
			return fmt.Errorf("sqlite: statement %s: %w", st.Number, err)
		}
	}
	return nil
}

// unfrozen lists a run's payouts without a frozen statement.
func (tx *Tx) unfrozen(runID int64) ([]int64, error) {
	rows, err := tx.QueryContext(tx.ctx, `SELECT py.id FROM payouts py LEFT JOIN statements s ON s.payout_id = py.id
		WHERE py.run_id = ? AND (s.id IS NULL OR s.record = '') ORDER BY py.id`, runID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: payouts of run %d: %w", runID, err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("sqlite: payouts of run %d: %w", runID, err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// freezeOld freezes what databases made before statements were frozen lack: each run's issuer
// and each payout's statement, from what is stored when this version first reads them (what
// their statements printed until then). A no-op once done.
func (s *Store) freezeOld(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT r.id, r.program_id, r.record FROM payout_runs r
		JOIN payouts py ON py.run_id = r.id LEFT JOIN statements s ON s.payout_id = py.id
		WHERE s.id IS NULL OR s.record = '' OR r.record = '' ORDER BY r.id`)
	if err != nil {
		return fmt.Errorf("sqlite: unfrozen runs: %w", err)
	}
	type old struct {
		run, prog int64
		record    string
	}
	var runs []old
	for rows.Next() {
		var o old
		if err := rows.Scan(&o.run, &o.prog, &o.record); err != nil {
			rows.Close()
			return fmt.Errorf("sqlite: unfrozen runs: %w", err)
		}
		runs = append(runs, o)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(runs) == 0 {
		return err
	}
	return s.write(ctx, func(tx *Tx) error {
		for _, o := range runs {
			if o.record == "" { // runs made before the sample was marked: the shop's
				rec, err := tx.runRecord(false)
				if err != nil {
					return err
				}
				if _, err := tx.ExecContext(ctx, `UPDATE payout_runs SET record = ? WHERE id = ?`, rec.json(), o.run); err != nil {
					return fmt.Errorf("sqlite: payout run %d: %w", o.run, err)
				}
			}
			prog, err := tx.findProgram(fmt.Sprint(o.prog))
			if err != nil {
				return err
			}
			if err := tx.freezeRun(o.run, prog); err != nil {
				return err
			}
		}
		return nil
	})
}

// buildStatement assembles a payout's statement from the stored payout, partner and lines and
// the run's issuer.
func buildStatement(ctx context.Context, q querier, id int64, loc *time.Location, rec runRecord) (statement.Statement, error) {
	var st statement.Statement
	var partnerID, runID int64
	var kind, created, asOf, iban, paypal string
	var vat int64
	err := q.QueryRowContext(ctx, `SELECT py.number, py.partner_id, py.run_id, py.kind, py.currency, py.method, r.created_at, r.as_of,
		p.key, p.name, p.email, p.address, p.country, p.vat_id, p.language, p.iban, p.paypal_email, py.vat_treatment, py.vat_rate, py.vat
		FROM payouts py JOIN payout_runs r ON r.id = py.run_id JOIN partners p ON p.id = py.partner_id
		WHERE py.id = ?`, id).Scan(&st.Number, &partnerID, &runID, &kind, &st.Currency, &st.Method, &created, &asOf, &st.PartnerKey,
		&st.Partner.Name, &st.Partner.Email, &st.Partner.Address, &st.Partner.Country, &st.Partner.VATID, &st.Lang, &iban, &paypal,
		&st.VATTreatment, &st.VATRate, &vat)
	if err != nil {
		return st, fmt.Errorf("sqlite: payout %d: %w", id, err)
	}
	if st.VATTreatment == payout.Domestic {
		st.VAT = domain.FormatMinor(vat, st.Currency)
	} else {
		st.VATRate = ""
	}
	st.Credit, st.Issued, st.PeriodTo, st.Issuer, st.Sample = kind == "credit_note", parseTime(created), asOf, rec.Issuer, rec.Sample
	switch st.Method {
	case "iban":
		st.MethodDetail = iban
	case "paypal":
		st.MethodDetail = paypal
	}
	if err := statementLines(ctx, q, id, loc, &st); err != nil {
		return st, err
	}
	if st.PeriodFrom == "" || st.PeriodFrom > asOf {
		st.PeriodFrom = asOf
	}
	if st.Credit {
		adjusted, err := strings1(ctx, q, `SELECT DISTINCT p.number FROM commission_lines a
			JOIN commission_lines pl ON pl.line_key = a.line_key AND pl.kind <> 'adjustment' AND pl.payout_id IS NOT NULL AND pl.payout_id <> a.payout_id
			JOIN payouts p ON p.id = pl.payout_id
			WHERE a.payout_id = ? AND a.kind = 'adjustment' AND a.line_key <> ''`, id)
		if err != nil {
			return st, fmt.Errorf("sqlite: corrected invoices: %w", err)
		}
		latest, err := strings1(ctx, q, `SELECT c.number FROM payouts py JOIN payouts c ON c.id = py.corrects WHERE py.id = ?`, id)
		if err != nil {
			return st, fmt.Errorf("sqlite: corrected invoices: %w", err)
		}
		st.Corrects = payout.Corrects(adjusted, first(latest))
	}
	if err := statementNetted(ctx, q, id, &st); err != nil {
		return st, err
	}
	return st, statementCarried(ctx, q, runID, partnerID, &st)
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// strings1 reads one text column.
func strings1(ctx context.Context, q querier, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
