package cli

import (
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"

	"partnerbook/backend/domain"
	"partnerbook/backend/importer"
)

func init() {
	register(
		command{path: "leads", flags: withCSV(map[string]flagKind{"program": valueFlag, "partner": valueFlag, "status": valueFlag}),
			usage: "leads --program P [--partner K] [--status S] [--csv [--out FILE]]", run: runLeads},
		command{path: "lead add", flags: map[string]flagKind{"program": valueFlag, "partner": valueFlag, "email": valueFlag,
			"name": valueFlag, "status": valueFlag},
			usage: "lead add --program P --partner K --email E [--name N] [--status new|qualified|converted|lost]", run: runLeadAdd},
		command{path: "lead status", flags: map[string]flagKind{"program": valueFlag, "id": valueFlag, "status": valueFlag},
			usage: "lead status --program P --id ID --status new|qualified|converted|lost", run: runLeadStatus},
		command{path: "import leads", flags: map[string]flagKind{"program": valueFlag},
			usage: "import leads --program P FILE.csv", run: runImportLeads},
	)
}

func runLeads(c *call) error {
	prog, partner, err := c.programPartner()
	if err != nil {
		return err
	}
	f := domain.LeadFilter{ProgramID: prog.ID, Partner: partner, Status: c.args.get("status")}
	if done, err := c.exportCSV(func(w io.Writer) error { return c.app.Store.ExportLeads(c.ctx, f, w) }); done {
		return err
	}
	ls, _, err := c.app.Store.ListLeads(c.ctx, f)
	if err != nil {
		return err
	}
	return c.out(map[string]any{"leads": ls}, func(w io.Writer) {
		tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tPARTNER\tEMAIL\tNAME\tSTATUS\tADDED")
		for _, l := range ls {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", l.ID, l.Partner, l.Email, l.Name, l.Status, l.CreatedAt.Format("2006-01-02"))
		}
		tw.Flush()
	})
}

func runLeadAdd(c *call) error {
	if err := c.args.need("program", "partner", "email"); err != nil {
		return err
	}
	prog, err := c.program()
	if err != nil {
		return err
	}
	l, err := c.app.Store.AddLead(c.ctx, prog.ID, domain.Lead{Partner: c.args.get("partner"),
		Email: c.args.get("email"), Name: c.args.get("name"), Status: c.args.get("status")})
	if err != nil {
		return err
	}
	return c.out(map[string]any{"lead": l}, func(w io.Writer) {
		fmt.Fprintf(w, "Lead %d (%s) added for %s.\n", l.ID, l.Email, l.Partner)
	})
}

func runLeadStatus(c *call) error {
	if err := c.args.need("program", "id", "status"); err != nil {
		return err
	}
	prog, err := c.program()
	if err != nil {
		return err
	}
	id, err := strconv.ParseInt(c.args.get("id"), 10, 64)
	if err != nil {
		return usagef("--id %q is not a lead id", c.args.get("id"))
	}
	l, err := c.app.Store.SetLeadStatus(c.ctx, prog.ID, id, c.args.get("status"), c.app.AsOf)
	if err != nil {
		return err
	}
	return c.out(map[string]any{"lead": l}, func(w io.Writer) {
		fmt.Fprintf(w, "Lead %d is %s.\n", l.ID, l.Status)
	})
}

func runImportLeads(c *call) error {
	return runImport(c, importer.ReadLeads, c.app.Store.ImportLeads)
}
