package cli

import (
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"
	"time"

	"partnerbook/backend/mailer"
)

func init() {
	register(
		command{path: "portal invite", run: runPortalInvite, flags: map[string]flagKind{"program": valueFlag, "partner": valueFlag},
			usage: "portal invite --program P --partner K         # mail a partner the portal's address, then send"},
		command{path: "portal requests", run: runPortalRequests, flags: map[string]flagKind{"program": valueFlag, "status": valueFlag},
			usage: "portal requests --program P [--status pending|approved|rejected]   # payout-detail changes partners asked for"},
		command{path: "portal approve", run: runPortalDecide(true), flags: map[string]flagKind{"program": valueFlag},
			usage: "portal approve --program P ID                 # the partner's payout detail changes"},
		command{path: "portal reject", run: runPortalDecide(false), flags: map[string]flagKind{"program": valueFlag},
			usage: "portal reject --program P ID"},
	)
}

func runPortalInvite(c *call) error {
	prog, key, err := c.programPartner()
	if err != nil {
		return err
	}
	if key == "" {
		return usagef("--partner names the partner's key")
	}
	set, err := c.app.Store.Settings(c.ctx)
	if err != nil {
		return err
	}
	return c.queuedThenSent(mailer.PortalInvite(c.ctx, c.app.Store, prog.ID, key, mailer.PortalURL(set), time.Now()))
}

func runPortalRequests(c *call) error {
	prog, err := c.program()
	if err != nil {
		return err
	}
	rs, err := c.app.Store.PortalRequests(c.ctx, prog.ID, c.args.get("status"))
	if err != nil {
		return err
	}
	return c.out(map[string]any{"requests": rs}, func(w io.Writer) {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tPARTNER\tFIELD\tVALUE\tSTATUS\tASKED")
		for _, r := range rs {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Partner, r.Field, r.Value, r.Status, r.CreatedAt)
		}
		tw.Flush()
	})
}

func runPortalDecide(approve bool) func(c *call) error {
	return func(c *call) error {
		prog, err := c.program()
		if err != nil {
			return err
		}
		if len(c.args.words) != 1 {
			return usagef("give the request's id (portal requests lists them)")
		}
		id, err := strconv.ParseInt(c.args.words[0], 10, 64)
		if err != nil {
			return usagef("%q is not a request id", c.args.words[0])
		}
		r, err := c.app.Store.DecidePortalRequest(c.ctx, prog.ID, id, approve)
		if err != nil {
			return err
		}
		return c.out(r, func(w io.Writer) {
			fmt.Fprintf(w, "request %d of %s (%s) is %s.\n", r.ID, r.Partner, r.Field, r.Status)
		})
	}
}
