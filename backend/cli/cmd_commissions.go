package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"partnerbook/backend/domain"
	"partnerbook/backend/importer"
)

func init() {
	pp := map[string]flagKind{"program": valueFlag, "partner": valueFlag}
	register(
		command{path: "commissions", run: runCommissions, flags: withCSV(map[string]flagKind{"program": valueFlag, "partner": valueFlag,
			"status": valueFlag, "kind": valueFlag, "from": valueFlag, "to": valueFlag}),
			usage: "commissions --program P [--partner K] [--status S] [--kind K] [--from DAY] [--to DAY] [--csv [--out FILE]]"},
		command{path: "commissions approve", run: runDecide("approve"), flags: map[string]flagKind{"program": valueFlag},
			usage: "commissions approve --program P LINE...          # before the hold ends"},
		command{path: "commissions reject", run: runDecide("reject"), flags: map[string]flagKind{"program": valueFlag, "reason": valueFlag},
			usage: "commissions reject --program P --reason R LINE..."},
		command{path: "commissions adjust", run: runAdjust, flags: map[string]flagKind{"program": valueFlag, "partner": valueFlag,
			"amount": valueFlag, "currency": valueFlag, "comment": valueFlag},
			usage: "commissions adjust --program P --partner K --amount A [--currency C] --comment TEXT"},
		command{path: "balances", run: runBalances, flags: pp, usage: "balances --program P [--partner K]"},
		command{path: "customers", run: runCustomers, flags: withCSV(map[string]flagKind{"program": valueFlag, "partner": valueFlag, "search": valueFlag}),
			usage: "customers --program P [--partner K] [--search TEXT] [--csv [--out FILE]]"},
		command{path: "customers assign", run: runAssign, flags: map[string]flagKind{"program": valueFlag, "customer": valueFlag,
			"partner": valueFlag, "note": valueFlag},
			usage: "customers assign --program P --customer ID|EMAIL --partner K [--note N]   # future orders only"},
		command{path: "import rates", run: runImportRates,
			usage: "import rates FILE                                # ECB reference rates CSV: Date,USD,JPY,..."},
	)
}

func (c *call) asOf() string {
	if c.app.AsOf.IsZero() {
		return ""
	}
	return c.app.AsOf.Format("2006-01-02")
}

func runCommissions(c *call) error {
	prog, partner, err := c.programPartner()
	if err != nil {
		return err
	}
	f := domain.CommissionFilter{ProgramID: prog.ID, Partner: partner, Status: c.args.get("status"), Kind: c.args.get("kind"),
		From: c.args.get("from"), To: c.args.get("to"), AsOf: c.asOf()}
	if done, err := c.exportCSV(func(w io.Writer) error { return c.app.Store.ExportCommissions(c.ctx, f, w) }); done {
		return err
	}
	return streamRows(c, "lines", "LINE\tPARTNER\tORDER\tKIND\tREASON\tSTATUS\tBASE\tAMOUNT\tRULE\tDATE\tNOTE",
		func(fn func(domain.CommissionLine) error) error { return c.app.Store.EachCommission(c.ctx, f, fn) },
		func(l domain.CommissionLine) string {
			return fmt.Sprintf("%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s %s\t%s\t%s\t%s", l.ID, l.Partner, l.Order, l.Kind, l.Reason, l.Status,
				l.Base, l.Amount, l.Currency, l.Rule, day(l.OrderTime), l.Note)
		})
}

func day(t string) string {
	if len(t) >= 10 {
		return t[:10]
	}
	return t
}

func lineIDs(c *call) ([]int64, error) {
	if len(c.args.words) == 0 {
		return nil, usagef("give the LINE numbers (the first column of `partnerbook commissions`)")
	}
	var ids []int64
	for _, w := range c.args.words {
		id, err := strconv.ParseInt(w, 10, 64)
		if err != nil || id <= 0 {
			return nil, usagef("LINE is a number, not %q", w)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

func runDecide(action string) func(c *call) error {
	return func(c *call) error {
		prog, err := c.program()
		if err != nil {
			return err
		}
		ids, err := lineIDs(c)
		if err != nil {
			return err
		}
		var res domain.LineAction
		if action == "approve" {
			res, err = c.app.Store.ApproveLines(c.ctx, prog.ID, ids)
		} else {
			if err := c.args.need("reason"); err != nil {
				return err
			}
			res, err = c.app.Store.RejectLines(c.ctx, prog.ID, ids, c.args.get("reason"))
		}
		if err != nil {
			return err
		}
		return c.out(res, func(w io.Writer) {
			fmt.Fprintf(w, "%d line(s) %sd (second tiers follow their line).\n", res.Changed, action)
		})
	}
}

func runAdjust(c *call) error {
	prog, err := c.program()
	if err != nil {
		return err
	}
	if err := c.args.need("partner", "amount", "comment"); err != nil {
		return err
	}
	l, err := c.app.Store.AddAdjustment(c.ctx, prog.ID, domain.Adjustment{Partner: c.args.get("partner"), Amount: c.args.get("amount"),
		Currency: c.args.get("currency"), Comment: c.args.get("comment")})
	if err != nil {
		return err
	}
	return c.out(l, func(w io.Writer) {
		fmt.Fprintf(w, "Line %d: %s %s for %s, approved (%s).\n", l.ID, l.Amount, l.Currency, l.Partner, l.Note)
	})
}

func runBalances(c *call) error {
	prog, partner, err := c.programPartner()
	if err != nil {
		return err
	}
	bs, err := c.app.Store.Balances(c.ctx, prog.ID, partner, c.asOf())
	if err != nil {
		return err
	}
	return c.out(map[string]any{"partners": bs}, func(w io.Writer) {
		tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "PARTNER\tCURRENCY\tPENDING\tAPPROVED\tPAID\tREVERSED\tREJECTED\t")
		for _, b := range bs {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", b.Partner, b.Currency, b.Pending, b.Approved, b.Paid, b.Reversed, b.Rejected)
		}
		tw.Flush()
	})
}

func runCustomers(c *call) error {
	prog, partner, err := c.programPartner()
	if err != nil {
		return err
	}
	f := domain.CustomerFilter{ProgramID: prog.ID, Partner: partner, Search: c.args.get("search"), Limit: 1000}
	if done, err := c.exportCSV(func(w io.Writer) error { return c.app.Store.ExportCustomers(c.ctx, f, w) }); done {
		return err
	}
	rows, total, err := c.app.Store.ListCustomers(c.ctx, f)
	if err != nil {
		return err
	}
	return c.out(map[string]any{"customers": rows, "total": total}, func(w io.Writer) {
		tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tCUSTOMER\tNAME\tPARTNER\tLINKED BY\tSINCE\tORDERS")
		for _, r := range rows {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%d\n", r.ID, r.Email, r.Name, r.Partner, r.Reason, day(r.LinkedAt), r.Orders)
		}
		tw.Flush()
		if total > len(rows) {
			fmt.Fprintf(w, "(%d of %d; narrow with --partner or --search)\n", len(rows), total)
		}
	})
}

func runAssign(c *call) error {
	prog, err := c.program()
	if err != nil {
		return err
	}
	if err := c.args.need("customer", "partner"); err != nil {
		return err
	}
	id, err := strconv.ParseInt(c.args.get("customer"), 10, 64)
	if err != nil {
		rows, _, lerr := c.app.Store.ListCustomers(c.ctx, domain.CustomerFilter{ProgramID: prog.ID, Search: c.args.get("customer"), Limit: 2})
		if lerr != nil {
			return lerr
		}
		if len(rows) != 1 || !strings.EqualFold(rows[0].Email, strings.TrimSpace(c.args.get("customer"))) {
			return domain.Errorf(domain.ENotFound, "there is no customer %q in this program", c.args.get("customer"))
		}
		id = rows[0].ID
	}
	// --as-of dates the link at the start of that day in the program's zone, as the other
	// commands read the day.
	var since time.Time
	when := "from now on"
	if !c.app.AsOf.IsZero() {
		y, m, d := c.app.AsOf.Date()
		since = time.Date(y, m, d, 0, 0, 0, 0, prog.Location())
		when = "from " + since.Format("2006-01-02")
	}
	r, err := c.app.Store.AssignCustomerSince(c.ctx, prog.ID, id, c.args.get("partner"), c.args.get("note"), since)
	if err != nil {
		return err
	}
	return c.out(r, func(w io.Writer) {
		fmt.Fprintf(w, "%s is linked to %s %s; earlier orders keep their partner.\n", r.Email, r.Partner, when)
	})
}

func runImportRates(c *call) error {
	path, err := c.importFile()
	if err != nil {
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return domain.Errorf(domain.EInvalid, "cannot read %s: %v", path, err)
	}
	defer f.Close()
	name := filepath.Base(path)
	rows, err := importer.ReadRates(name, f)
	if err != nil {
		return err
	}
	n, err := c.app.Store.ImportRates(c.ctx, name, rows)
	if err != nil {
		return err
	}
	return c.out(map[string]any{"days": len(rows), "rates": n}, func(w io.Writer) {
		fmt.Fprintf(w, "%d rates of %d days imported.\n", n, len(rows))
	})
}
