package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"text/tabwriter"

	"partnerbook/backend/domain"
	"partnerbook/backend/importer"
	"partnerbook/backend/orderimport"
	"partnerbook/backend/sqlite"
)

func init() {
	register(
		command{path: "import orders", run: runImportOrders,
			flags: map[string]flagKind{"program": valueFlag, "format": valueFlag, "mapping": valueFlag, "dry-run": boolFlag, "skip-invalid": boolFlag},
			usage: "import orders --program P [--format F] [--mapping M.json] [--dry-run] [--skip-invalid] FILE"},
		command{path: "orders", run: runOrders, flags: withCSV(map[string]flagKind{"program": valueFlag, "partner": valueFlag}),
			usage: "orders --program P [--partner K] [--csv [--out FILE]]"},
		command{path: "import undo", run: runImportUndo, usage: "import undo BATCH"},
		command{path: "imports", run: runImports, flags: map[string]flagKind{"program": valueFlag},
			usage: "imports --program P                        # the import history, newest first"},
	)
}

func runImportOrders(c *call) error {
	prog, err := c.program()
	if err != nil {
		return err
	}
	path, err := c.importFile()
	if err != nil {
		return err
	}
	req := orderimport.Request{Program: prog, Path: path, Format: c.args.get("format"), AsOf: c.app.AsOf,
		DryRun: c.args.set["dry-run"], SkipInvalid: c.args.set["skip-invalid"]}
	if m := c.args.get("mapping"); m != "" {
		if req.Mapping, err = loadMapping(c, m); err != nil {
			return err
		}
	}
	res, err := orderimport.Run(c.ctx, c.app.Store, req)
	if err != nil {
		return err
	}
	name, format := req.FileName(), res.Format
	return c.out(res, func(w io.Writer) {
		verb := "imported"
		if res.DryRun {
			verb = "would be imported (dry run: nothing was written)"
		}
		fmt.Fprintf(w, "%s (%s): %d rows, %d orders %s: %d created, %d updated, %d unchanged; %d rows skipped (not sales).\n",
			name, format, res.Rows, res.Orders, verb, res.Created, res.Updated, res.Unchanged, res.Skipped)
		fmt.Fprintf(w, "Refunds: %d; commission lines: %d new, %d changed.\n", res.Refunds, res.Lines.Created, res.Lines.Changed)
		if res.Batch != 0 {
			fmt.Fprintf(w, "Batch %d; undo with: partnerbook import undo %d\n", res.Batch, res.Batch)
		}
		for _, p := range res.Errors {
			fmt.Fprintf(w, "skipped as invalid: %s\n", p.String())
		}
	})
}

func runOrders(c *call) error {
	prog, partner, err := c.programPartner()
	if err != nil {
		return err
	}
	if done, err := c.exportCSV(func(w io.Writer) error {
		return c.app.Store.ExportOrders(c.ctx, domain.OrderQuery{ProgramID: prog.ID, Partner: partner}, w)
	}); done {
		return err
	}
	filter := sqlite.OrderFilter{ProgramID: prog.ID, Partner: partner}
	return streamRows(c, "orders", "SOURCE\tID\tTIME\tCUSTOMER\tTOTAL\tBASE\tREFUNDED\tSTATUS\tPARTNER",
		func(fn func(domain.OrderRow) error) error { return c.app.Store.EachOrder(c.ctx, filter, fn) },
		func(r domain.OrderRow) string {
			return fmt.Sprintf("%s\t%s\t%s\t%s\t%s %s\t%s\t%s\t%s\t%s", r.Source, r.ID, r.Time, r.Customer, r.Total, r.Currency,
				r.Base, r.Refunded, r.Status, r.Partner)
		})
}

// streamRows writes the rows each gives one at a time, so that a million rows print in flat
// memory: with --json as {"key": [...]}, else as a table under header (tab-separated, as row
// writes each row).
func streamRows[T any](c *call, key, header string, each func(func(T) error) error, row func(T) string) error {
	w := c.env.Stdout
	if c.json {
		fmt.Fprintf(w, `{%q: [`, key)
		first := true
		err := each(func(v T) error {
			b, err := json.Marshal(v)
			if err != nil {
				return err
			}
			if !first {
				io.WriteString(w, ",")
			}
			first = false
			_, err = w.Write(b)
			return err
		})
		io.WriteString(w, "]}\n")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', 0)
	fmt.Fprintln(tw, header)
	err := each(func(v T) error {
		_, err := fmt.Fprintln(tw, row(v))
		return err
	})
	if ferr := tw.Flush(); err == nil {
		err = ferr
	}
	return err
}

func runImportUndo(c *call) error {
	if len(c.args.words) != 1 {
		return usagef("give the BATCH to undo (its number; see `partnerbook imports --program P`)")
	}
	id, err := strconv.ParseInt(c.args.words[0], 10, 64)
	if err != nil || id <= 0 {
		return usagef("BATCH is a number, not %q", c.args.words[0])
	}
	res, err := c.app.Store.UndoImport(c.ctx, id)
	if err != nil {
		return err
	}
	return c.out(res, func(w io.Writer) {
		fmt.Fprintf(w, "Batch %d undone: %d orders removed, %d put back as they were, %d refunds and %d customers removed.\n",
			res.Batch, res.OrdersRemoved, res.OrdersRestored, res.RefundsRemoved, res.CustomersRemoved)
	})
}

func runImports(c *call) error {
	prog, err := c.program()
	if err != nil {
		return err
	}
	bs, err := c.app.Store.ListBatches(c.ctx, prog.ID)
	if err != nil {
		return err
	}
	return c.out(map[string]any{"imports": bs}, func(w io.Writer) {
		tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', 0)
		fmt.Fprintln(tw, "BATCH\tKIND\tFILE\tFORMAT\tROWS\tCREATED\tUPDATED\tUNCHANGED\tSKIPPED\tAT\tUNDONE")
		for _, b := range bs {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%s\t%s\n", b.ID, b.Kind, b.File, b.Format, b.Rows, b.Created,
				b.Updated, b.Unchanged, b.Skipped, b.At, b.UndoneAt)
		}
		tw.Flush()
	})
}

// loadMapping reads a mapping file, or else the saved mapping of that name (the window saves
// them).
func loadMapping(c *call, m string) (*importer.Mapping, error) {
	b, err := os.ReadFile(m)
	if err != nil {
		saved, serr := c.app.Store.Mapping(c.ctx, m)
		if serr != nil {
			return nil, domain.Errorf(domain.EInvalid, "cannot read %s (%v), and there is no saved mapping of that name", m, err)
		}
		return importer.ParseMapping(m, []byte(saved.Mapping))
	}
	return importer.ParseMapping(filepath.Base(m), b)
}
