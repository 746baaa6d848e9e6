package sqlite

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"partnerbook/backend/statement"
)

// fileEvery is how many rendered statements one transaction files: the PDFs are filed while
// the next ones are rendered, and a crash keeps what was filed (filing is the same bytes again).
const fileEvery = 50

// StatementPDFs files the PDFs of several payouts at once, in the order asked. Their frozen
// records and logos are read once for all of them (a logo once however many statements print
// it); those not made yet are rendered on every core and filed as they come.
func (s *Store) StatementPDFs(ctx context.Context, programID int64, numbers []string) ([]Filed, error) {
	rows, err := s.frozenRows(ctx, programID, numbers)
	if err != nil {
		return nil, err
	}
	out := make([]Filed, len(numbers))
	fs := make([]frozenStatement, len(numbers))
	var todo []int
	for i, n := range numbers {
		r, ok := rows[strings.TrimSpace(n)]
		if !ok {
			// Made before statements were frozen, or no such payout: one by one.
			f, err := s.frozen(ctx, programID, n)
			if err != nil {
				return nil, err
			}
			fs[i], out[i] = f, Filed{Number: f.st.Number, PartnerKey: f.st.PartnerKey, PDF: f.pdf}
		} else {
			fs[i] = frozenStatement{payout: r.payout, pdf: r.pdf}
			out[i] = Filed{Number: strings.TrimSpace(n), PDF: r.pdf}
			if r.pdf != nil { // filed: only its partner's key is wanted
				if err := r.decode(&fs[i].st); err != nil {
					return nil, err
				}
				out[i].Number, out[i].PartnerKey = fs[i].st.Number, fs[i].st.PartnerKey
			}
		}
		if out[i].PDF == nil {
			todo = append(todo, i)
		}
	}
	if len(todo) == 0 {
		return out, nil
	}
	f := s.newFiler(ctx)
	var batch []int
	err = statement.Many(len(todo), func(j int) (statement.Statement, error) {
		i := todo[j]
		if r, ok := rows[out[i].Number]; ok && fs[i].st.Number == "" {
			if err := r.decode(&fs[i].st); err != nil {
				return fs[i].st, err
			}
		}
		out[i].Number, out[i].PartnerKey = fs[i].st.Number, fs[i].st.PartnerKey
		return fs[i].st, nil
	}, func(j int, pdf []byte) error {
		out[todo[j]].PDF = pdf
		if batch = append(batch, todo[j]); len(batch) == fileEvery {
			f.send(batch, out, fs)
			batch = nil
		}
		return f.failed()
	})
	if err == nil {
		f.send(batch, out, fs)
	}
	if ferr := f.wait(); err == nil {
		err = ferr
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

// frozenRow is a payout's frozen statement as stored: its record (JSON), logo and PDF.
type frozenRow struct {
	payout int64
	record string
	logo   []byte
	pdf    []byte
}

func (r frozenRow) decode(st *statement.Statement) error {
	if err := json.Unmarshal([]byte(r.record), st); err != nil {
		return fmt.Errorf("sqlite: statement of payout %d: its record: %w", r.payout, err)
	}
	st.Logo = nil
	if len(r.logo) > 0 {
		st.Logo = r.logo
	}
	return nil
}

// frozenRows reads the frozen statements of the numbered payouts in one query, by number, and
// each logo they print once.
func (s *Store) frozenRows(ctx context.Context, programID int64, numbers []string) (map[string]frozenRow, error) {
	trimmed := make([]string, len(numbers))
	for i, n := range numbers {
		trimmed[i] = strings.TrimSpace(n)
	}
	list, _ := json.Marshal(trimmed)
	rows, err := s.db.QueryContext(ctx, `SELECT py.number, py.id, s.record, s.pdf, s.logo_sha256 FROM json_each(?2) j
		CROSS JOIN payouts py ON py.number = j.value AND py.program_id = ?1
		JOIN statements s ON s.payout_id = py.id WHERE s.record <> ''`, programID, string(list))
	if err != nil {
		return nil, fmt.Errorf("sqlite: statements: %w", err)
	}
	defer rows.Close()
	out := make(map[string]frozenRow, len(numbers))
	logos := map[string][]byte{}
	for rows.Next() {
		var number, logo string
		var r frozenRow
		if err := rows.Scan(&number, &r.payout, &r.record, &r.pdf, &logo); err != nil {
			return nil, fmt.Errorf("sqlite: statements: %w", err)
		}
		if logo != "" {
			if _, ok := logos[logo]; !ok {
				var data []byte
				if err := s.db.QueryRowContext(ctx, `SELECT COALESCE((SELECT data FROM statement_logos WHERE sha256 = ?), x'')`, logo).Scan(&data); err != nil {
					return nil, fmt.Errorf("sqlite: statement logo: %w", err)
				}
				logos[logo] = data
			}
			r.logo = logos[logo]
		}
		out[number] = r
	}
	return out, rows.Err()
}

// filer files rendered statements in the background, a batch a transaction.
type filer struct {
	s    *Store
	ctx  context.Context
	jobs chan func() error
	wg   sync.WaitGroup
	mu   sync.Mutex
	err  error
}

func (s *Store) newFiler(ctx context.Context) *filer {
	f := &filer{s: s, ctx: ctx, jobs: make(chan func() error, 2)}
	f.wg.Add(1)
	go func() {
		defer f.wg.Done()
		for job := range f.jobs {
			if f.failed() != nil {
				continue
			}
			if err := job(); err != nil {
				f.mu.Lock()
				f.err = err
				f.mu.Unlock()
			}
		}
	}()
	return f
}

func (f *filer) failed() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.err
}

// send files the statements at idx of out (their payouts in fs).
func (f *filer) send(idx []int, out []Filed, fs []frozenStatement) {
	if len(idx) == 0 {
		return
	}
	f.jobs <- func() error {
		return f.s.write(f.ctx, func(tx *Tx) error {
			for _, i := range idx {
				sum := sha256.Sum256(out[i].PDF)
				res, err := tx.ExecContext(f.ctx, `UPDATE statements SET pdf = ?, sha256 = ? WHERE payout_id = ? AND pdf IS NULL`,
					out[i].PDF, hex.EncodeToString(sum[:]), fs[i].payout)
				if err != nil {
					return fmt.Errorf("sqlite: file statement %s: %w", out[i].Number, err)
				}
				if n, err := res.RowsAffected(); err != nil {
					return fmt.Errorf("sqlite: file statement %s: %w", out[i].Number, err)
				} else if n == 1 {
					continue
				}
				// Filed by someone else meanwhile: theirs is the statement.
				if err := tx.QueryRowContext(f.ctx, `SELECT pdf FROM statements WHERE payout_id = ?`, fs[i].payout).Scan(&out[i].PDF); err != nil {
					return fmt.Errorf("sqlite: file statement %s: %w", out[i].Number, err)
				}
			}
			return nil
		})
	}
}

// wait waits for the batches sent and says the first error.
func (f *filer) wait() error {
	close(f.jobs)
	f.wg.Wait()
	return f.failed()
}
