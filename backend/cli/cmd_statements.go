package cli

import (
	"fmt"
	"io"
	"strconv"

	"partnerbook/backend/payoutdocs"
)

func init() {
	register(command{path: "statements", run: runStatements,
		flags: map[string]flagKind{"program": valueFlag, "payout": valueFlag, "run": valueFlag, "out": valueFlag},
		usage: "statements --program P --payout NUMBER|--run ID --out DIR   # a run also writes its summary, bookkeeping CSV and payment files"},
		command{path: "bookings datev", run: runBookingsDATEV, flags: map[string]flagKind{"program": valueFlag, "run": valueFlag, "out": valueFlag},
			usage: "bookings datev --program P --run ID --out DIR   # the run's bookings as a DATEV Buchungsstapel (EXTF CSV)"})
}

func runStatements(c *call) error {
	prog, err := c.program()
	if err != nil {
		return err
	}
	out, number, runText := c.args.get("out"), c.args.get("payout"), c.args.get("run")
	if out == "" {
		return usagef("--out names the folder the files go to")
	}
	if (number == "") == (runText == "") {
		return usagef("give one of --payout NUMBER and --run ID")
	}
	runID, perr := strconv.ParseInt(runText, 10, 64)
	if runText != "" && (perr != nil || runID <= 0) {
		return usagef("--run: %q is not a run id", runText)
	}
	var res payoutdocs.Result
	if number != "" {
		res, err = payoutdocs.Statements(c.ctx, c.app.Store, prog.ID, []string{number}, out)
	} else {
		res, err = payoutdocs.Run(c.ctx, c.app.Store, prog.ID, runID, prog.Currency, out)
	}
	if err != nil {
		return err
	}
	return c.out(res, func(w io.Writer) {
		fmt.Fprintf(w, "%d files in %s:\n", len(res.Files), res.Dir)
		for _, f := range res.Files {
			fmt.Fprintf(w, "  %s\n", f)
		}
		for _, warn := range res.Warnings {
			fmt.Fprintf(w, "warning: %s\n", warn)
		}
	})
}

func runBookingsDATEV(c *call) error {
	prog, err := c.program()
	if err != nil {
		return err
	}
	out, runText := c.args.get("out"), c.args.get("run")
	if out == "" {
		return usagef("--out names the folder the file goes to")
	}
	runID, perr := strconv.ParseInt(runText, 10, 64)
	if perr != nil || runID <= 0 {
		return usagef("--run: %q is not a run id", runText)
	}
	res, err := payoutdocs.DATEV(c.ctx, c.app.Store, prog.ID, runID, out)
	if err != nil {
		return err
	}
	return c.out(res, func(w io.Writer) { fmt.Fprintf(w, "%s in %s\n", res.Files[0], res.Dir) })
}
