package cli

import "partnerbook/backend/domain"

func init() {
	register(command{path: "report", run: runReport, flags: map[string]flagKind{"program": valueFlag, "partner": valueFlag,
		"from": valueFlag, "to": valueFlag, "by": valueFlag},
		usage: "report --program P [--from DAY] [--to DAY] [--by day|week|month] [--partner K]   # JSON of reports.md"})
}

// runReport prints the figures of reports.md as JSON, with or without --json: they are meant
// for scripts (and are what the dashboard shows).
func runReport(c *call) error {
	prog, partner, err := c.programPartner()
	if err != nil {
		return err
	}
	r, err := c.app.Store.Report(c.ctx, domain.ReportQuery{ProgramID: prog.ID, From: c.args.get("from"), To: c.args.get("to"),
		By: c.args.get("by"), Partner: partner, AsOf: c.asOf()})
	if err != nil {
		return err
	}
	return c.printJSON(r)
}
