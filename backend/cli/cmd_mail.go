package cli

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"
	"time"

	"partnerbook/backend/domain"
	"partnerbook/backend/mailer"
)

func init() {
	prog := map[string]flagKind{"program": valueFlag}
	register(
		command{path: "mail statements", run: runMailStatements, flags: map[string]flagKind{"program": valueFlag, "run": valueFlag, "dry-run": boolFlag},
			usage: "mail statements --program P --run ID [--dry-run]   # each payout's statement to its partner, then send"},
		command{path: "mail reports", run: runMailReports, flags: map[string]flagKind{"program": valueFlag, "month": valueFlag, "dry-run": boolFlag},
			usage: "mail reports --program P --month YYYY-MM [--dry-run]   # each active partner's month, then send"},
		command{path: "mail welcome", run: runMailWelcome, flags: map[string]flagKind{"program": valueFlag, "partner": valueFlag},
			usage: "mail welcome --program P --partner K            # the welcome e-mail, then send"},
		command{path: "mail leads", run: runMailLeads, flags: prog, usage: "mail leads --program P                    # read the IMAP leads folder"},
		command{path: "mail test", run: runMailTest, flags: map[string]flagKind{"to": valueFlag},
			usage: "mail test [--to ADDRESS]                    # send a test message, list the IMAP folders"},
		command{path: "mail send", run: runMailSend, usage: "mail send                                   # send what the outbox holds due"},
		command{path: "mail outbox", run: runMailOutbox, flags: map[string]flagKind{"program": valueFlag, "state": valueFlag},
			usage: "mail outbox [--program P] [--state queued|sending|sent|failed]"},
		command{path: "mail retry", run: runMailRetry, usage: "mail retry ID                               # a failed message goes out with the next send"},
	)
}

// deliver sends what is due, reading the settings afresh.
func (c *call) deliver() (*mailer.Delivery, error) {
	cfg, err := mailer.Config(c.ctx, c.app.Store)
	if err != nil {
		return nil, err
	}
	d, err := mailer.Deliver(c.ctx, c.app.Store, cfg, time.Now(), nil)
	return &d, err
}

func (c *call) queuedThenSent(q mailer.Queued, err error) error {
	if err != nil {
		return err
	}
	if !q.DryRun {
		if q.Delivery, err = c.deliver(); err != nil {
			return err
		}
	}
	return c.out(q, func(w io.Writer) {
		verb := "queued"
		if q.DryRun {
			verb = "would queue (dry run, nothing written)"
		}
		fmt.Fprintf(w, "%d message(s) %s; %d mailed before and left out.\n", q.Queued, verb, q.Already)
		for _, m := range q.Messages {
			fmt.Fprintf(w, "  %s <%s>: %s\n", m.Partner, m.To, m.Subject)
		}
		for _, s := range q.Skipped {
			fmt.Fprintf(w, "skipped %s: %s\n", s.Partner, s.Reason)
		}
		if q.Delivery != nil {
			printDelivery(w, *q.Delivery)
		}
	})
}

func printDelivery(w io.Writer, d mailer.Delivery) {
	fmt.Fprintf(w, "sent %d, failed %d, still queued %d; %d cop(ies) put in Sent.\n", d.Sent, d.Failed, d.Waiting, d.Filed)
	if d.Found > 0 {
		fmt.Fprintf(w, "%d message(s) interrupted by a crash were found in Sent and not sent again.\n", d.Found)
	}
	for _, p := range d.Errors {
		fmt.Fprintf(w, "message %d to %s: %s\n", p.ID, p.To, p.Error)
	}
	if d.Error != "" {
		fmt.Fprintf(w, "stopped: %s\n", d.Error)
	}
}

func runMailStatements(c *call) error {
	prog, err := c.program()
	if err != nil {
		return err
	}
	run, perr := strconv.ParseInt(c.args.get("run"), 10, 64)
	if perr != nil || run <= 0 {
		return usagef("--run names the payout run (see payouts list)")
	}
	return c.queuedThenSent(mailer.Statements(c.ctx, c.app.Store, prog.ID, run, c.args.set["dry-run"], time.Now()))
}

func runMailReports(c *call) error {
	prog, err := c.program()
	if err != nil {
		return err
	}
	if c.args.get("month") == "" {
		return usagef("--month names the month YYYY-MM")
	}
	return c.queuedThenSent(mailer.Reports(c.ctx, c.app.Store, prog.ID, c.args.get("month"), c.asOf(), c.args.set["dry-run"], time.Now()))
}

func runMailWelcome(c *call) error {
	prog, key, err := c.programPartner()
	if err != nil {
		return err
	}
	if key == "" {
		return usagef("--partner names the partner's key")
	}
	return c.queuedThenSent(mailer.Welcome(c.ctx, c.app.Store, prog.ID, key, time.Now()))
}

func runMailLeads(c *call) error {
	prog, err := c.program()
	if err != nil {
		return err
	}
	cfg, err := mailer.Config(c.ctx, c.app.Store)
	if err != nil {
		return err
	}
	res, err := mailer.Leads(c.ctx, c.app.Store, cfg, prog.ID)
	if err != nil {
		return err
	}
	return c.out(res, func(w io.Writer) {
		fmt.Fprintf(w, "%d unread message(s) in %s: %d lead(s) created, %d updated, %d unchanged.\n", res.Messages, res.Folder,
			res.Created, res.Updated, res.Unchanged)
		for _, l := range res.Left {
			fmt.Fprintf(w, "left alone: from %s %q: %s\n", l.From, l.Subject, l.Reason)
		}
	})
}

func runMailTest(c *call) error {
	cfg, err := mailer.Config(c.ctx, c.app.Store)
	if err != nil {
		return err
	}
	set, err := c.app.Store.Settings(c.ctx)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(c.ctx, 2*time.Minute)
	defer cancel()
	chk := mailer.Test(ctx, cfg, set.Company.Name, c.args.get("to"), time.Now())
	var failed error
	if !chk.OK() {
		failed = domain.Errorf(domain.EInvalid, "the mail settings do not work yet")
	}
	if c.json {
		// One document: what was found, and the error when something does not work.
		doc := struct {
			mailer.Check
			Error *domain.Error `json:"error,omitempty"`
		}{Check: chk}
		if failed != nil {
			doc.Error = domain.AsError(failed)
		}
		if err := c.printJSON(doc); err != nil {
			return err
		}
		if failed != nil {
			return reported{failed}
		}
		return nil
	}
	if err := c.out(chk, func(w io.Writer) {
		fmt.Fprintf(w, "SMTP: %s", chk.SMTP)
		if chk.SMTP == "ok" {
			fmt.Fprintf(w, " (a test message went to %s)", chk.SentTo)
		}
		fmt.Fprintf(w, "\nIMAP: %s\n", chk.IMAP)
		for _, f := range chk.Folders {
			fmt.Fprintf(w, "  %s\n", f)
		}
		if chk.IMAP == "ok" && !chk.LeadsOK {
			fmt.Fprintf(w, "the leads folder %s does not exist yet\n", cfg.Leads())
		}
	}); err != nil {
		return err
	}
	return failed
}

func runMailSend(c *call) error {
	d, err := c.deliver()
	if err != nil {
		return err
	}
	return c.out(d, func(w io.Writer) { printDelivery(w, *d) })
}

func runMailOutbox(c *call) error {
	f := domain.OutboxFilter{State: c.args.get("state")}
	if c.args.get("program") != "" {
		prog, err := c.program()
		if err != nil {
			return err
		}
		f.ProgramID = prog.ID
	}
	msgs, total, err := c.app.Store.ListOutbox(c.ctx, f)
	if err != nil {
		return err
	}
	return c.out(map[string]any{"messages": msgs, "total": total}, func(w io.Writer) {
		tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tSTATE\tKIND\tTO\tSUBJECT\tERROR")
		for _, m := range msgs {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", m.ID, m.State, m.Kind, m.To, m.Subject, m.Error)
		}
		tw.Flush()
	})
}

func runMailRetry(c *call) error {
	if len(c.args.words) != 1 {
		return usagef("give the message's id: mail retry ID")
	}
	id, err := strconv.ParseInt(c.args.words[0], 10, 64)
	if err != nil {
		return usagef("%q is not a message id", c.args.words[0])
	}
	m, err := c.app.Store.RetryMail(c.ctx, id)
	if err != nil {
		return err
	}
	return c.out(m, func(w io.Writer) { fmt.Fprintf(w, "message %d to %s is queued again.\n", m.ID, m.To) })
}
