package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"partnerbook/backend/domain"
)

func init() {
	register(
		command{path: "payouts run", run: runPayouts, flags: map[string]flagKind{"program": valueFlag, "dry-run": boolFlag, "expect": valueFlag},
			usage: "payouts run --program P [--dry-run] [--expect FINGERPRINT]   # as of --as-of (default today, never after it)"},
		command{path: "payouts list", run: runPayoutsList, flags: withCSV(map[string]flagKind{"program": valueFlag, "partner": valueFlag, "run": valueFlag}),
			usage: "payouts list --program P [--csv [--out FILE] [--partner K] [--run ID]]"},
	)
}

func runPayouts(c *call) error {
	prog, err := c.program()
	if err != nil {
		return err
	}
	dry, expect := c.args.set["dry-run"], c.args.get("expect")
	if dry && expect != "" {
		return usagef("--expect confirms a previewed run: it makes one, so it goes without --dry-run")
	}
	var run domain.PayoutRun
	if expect != "" {
		run, err = c.app.Store.ConfirmPayouts(c.ctx, prog.ID, c.asOf(), expect)
	} else {
		run, err = c.app.Store.RunPayouts(c.ctx, prog.ID, c.asOf(), dry)
	}
	if err != nil {
		return err
	}
	if run.DryRun {
		run.Run = 0
	}
	return c.out(run, func(w io.Writer) {
		if run.DryRun {
			fmt.Fprintf(w, "Dry run as of %s: nothing was written; the numbers are the ones a run would take now.\n", run.AsOf)
			if len(run.Missing) > 0 {
				fmt.Fprintf(w, "A real run needs these settings first: %s.\n", strings.Join(run.Missing, ", "))
			}
			fmt.Fprintf(w, "To make exactly this run: payouts run --expect %s (refused if anything changed).\n", run.Fingerprint)
		} else {
			fmt.Fprintf(w, "Payout run %d as of %s.\n", run.Run, run.AsOf)
		}
		tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', 0)
		fmt.Fprintln(tw, "NUMBER\tPARTNER\tAMOUNT\tLINES\tMETHOD")
		for _, p := range run.Payouts {
			fmt.Fprintf(tw, "%s\t%s\t%s %s\t%d\t%s\n", p.Number, p.Partner, p.Amount, p.Currency, p.Lines, p.Method)
		}
		tw.Flush()
		for _, cb := range run.Carried {
			fmt.Fprintf(w, "carried forward: %s %s %s (%s)\n", cb.Partner, cb.Amount, cb.Currency, cb.Reason)
		}
		for _, warn := range run.Warnings {
			fmt.Fprintf(w, "warning: %s\n", warn)
		}
	})
}

func runPayoutsList(c *call) error {
	prog, err := c.program()
	if err != nil {
		return err
	}
	f := domain.PayoutFilter{ProgramID: prog.ID, Partner: c.args.get("partner")}
	if r := c.args.get("run"); r != "" {
		if f.Run, err = strconv.ParseInt(r, 10, 64); err != nil || f.Run <= 0 {
			return usagef("--run is a run's number, not %q", r)
		}
	}
	if done, err := c.exportCSV(func(w io.Writer) error { return c.app.Store.ExportPayouts(c.ctx, f, w) }); done {
		return err
	}
	if c.args.set["partner"] || c.args.set["run"] {
		return usagef("--partner and --run narrow the --csv export")
	}
	ps, err := c.app.Store.ListPayouts(c.ctx, prog.ID)
	if err != nil {
		return err
	}
	return c.out(map[string]any{"payouts": ps}, func(w io.Writer) {
		tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', 0)
		fmt.Fprintln(tw, "NUMBER\tRUN\tAS OF\tPARTNER\tAMOUNT\tLINES\tMETHOD")
		for _, p := range ps {
			fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s %s\t%d\t%s\n", p.Number, p.Run, p.At, p.Partner, p.Amount, p.Currency, p.Lines, p.Method)
		}
		tw.Flush()
	})
}
