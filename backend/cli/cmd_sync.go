package cli

import (
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"

	"partnerbook/backend/domain"
	"partnerbook/backend/sync"
)

func init() {
	register(
		command{path: "serve", usage: "serve [--addr 127.0.0.1:8787]", flags: map[string]flagKind{"addr": valueFlag}, run: runServe},
		command{path: "keys create", usage: "keys create --program P --kind publishable|secret [--test]",
			flags: map[string]flagKind{"program": valueFlag, "kind": valueFlag, "test": boolFlag}, run: runKeysCreate},
		command{path: "keys list", usage: "keys list --program P", flags: map[string]flagKind{"program": valueFlag}, run: runKeysList},
		command{path: "keys revoke", usage: "keys revoke ID", run: runKeysRevoke},
		command{path: "sync pull", usage: "sync pull", run: runSyncPull},
	)
}

// DefaultAddr is where `serve` listens unless told otherwise.
const DefaultAddr = "127.0.0.1:8787"

// runServe serves the sync endpoint (and the partner portal where the build has one) on this
// data folder until it is stopped (Ctrl+C, SIGTERM). The first line on stdout is its URL.
func runServe(c *call) error {
	addr := c.args.get("addr")
	if addr == "" {
		addr = DefaultAddr
	}
	log, err := c.app.Store.OpenEventLog()
	if err != nil {
		return err
	}
	opt := sync.Options{ApplyFailed: func(err error) {
		fmt.Fprintln(c.env.Stderr, "partnerbook: applying events failed (they stay and are tried again):", err)
	}}
	if c.env.Portal != nil {
		opt.Portal = c.env.Portal(c.app)
	}
	run, err := sync.Listen(c.ctx, c.app.Store, log, addr, opt)
	if err != nil {
		log.Close()
		return err
	}
	fmt.Fprintln(c.env.Stdout, run.URL)
	fmt.Fprintln(c.env.Stderr, "The sync endpoint is served at the URL above; stop with Ctrl+C.")
	<-c.ctx.Done()
	return run.Close()
}

func runKeysCreate(c *call) error {
	prog, err := c.program()
	if err != nil {
		return err
	}
	kind := c.args.get("kind")
	if kind != domain.KeyPublishable && kind != domain.KeySecret {
		return usagef("--kind is publishable or secret")
	}
	key, nk := sync.NewKey(prog.ID, kind, c.args.set["test"])
	k, err := c.app.Store.CreateAPIKey(c.ctx, nk)
	if err != nil {
		return err
	}
	return c.out(map[string]any{"id": k.ID, "key": key}, func(w io.Writer) {
		fmt.Fprintf(w, "%s\n", key)
		fmt.Fprintf(c.env.Stderr, "Key %d of program %q. ", k.ID, prog.Name)
		if kind == domain.KeySecret {
			fmt.Fprintln(c.env.Stderr, "It is shown this once: keep it in the shop's server configuration.")
		} else {
			fmt.Fprintln(c.env.Stderr, "It goes in the script tag's data-program.")
		}
	})
}

func runKeysList(c *call) error {
	prog, err := c.program()
	if err != nil {
		return err
	}
	keys, err := c.app.Store.ListAPIKeys(c.ctx, prog.ID)
	if err != nil {
		return err
	}
	type row struct {
		ID      int64   `json:"id"`
		Kind    string  `json:"kind"`
		Prefix  string  `json:"prefix"`
		Test    bool    `json:"test"`
		Created string  `json:"created"`
		Revoked *string `json:"revoked"`
	}
	rows := make([]row, 0, len(keys))
	for _, k := range keys {
		r := row{ID: k.ID, Kind: k.Kind, Prefix: k.Prefix, Test: k.Test, Created: k.Created.UTC().Format("2006-01-02T15:04:05Z")}
		if k.Revoked != nil {
			v := k.Revoked.UTC().Format("2006-01-02T15:04:05Z")
			r.Revoked = &v
		}
		rows = append(rows, r)
	}
	return c.out(map[string]any{"keys": rows}, func(w io.Writer) {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tKIND\tKEY\tTEST\tCREATED\tREVOKED")
		for _, r := range rows {
			rev := ""
			if r.Revoked != nil {
				rev = *r.Revoked
			}
			fmt.Fprintf(tw, "%d\t%s\t%s…\t%v\t%s\t%s\n", r.ID, r.Kind, r.Prefix, r.Test, r.Created, rev)
		}
		tw.Flush()
	})
}

func runKeysRevoke(c *call) error {
	if len(c.args.words) != 1 {
		return usagef("give the key's id (keys list shows it)")
	}
	id, err := strconv.ParseInt(c.args.words[0], 10, 64)
	if err != nil {
		return usagef("%q is not a key id", c.args.words[0])
	}
	k, err := c.app.Store.RevokeAPIKey(c.ctx, id)
	if err != nil {
		return err
	}
	return c.out(map[string]any{"id": k.ID, "revoked": k.Revoked.UTC().Format("2006-01-02T15:04:05Z")}, func(w io.Writer) {
		fmt.Fprintf(w, "Key %d (%s…) is revoked: calls with it get 401 from now on.\n", k.ID, k.Prefix)
	})
}

func runSyncPull(c *call) error {
	res, err := sync.PullLinked(c.ctx, c.app.Store)
	if err != nil {
		return err
	}
	return c.out(res, func(w io.Writer) {
		fmt.Fprintf(w, "Pushed %d program(s), %d partner(s), %d key(s); fetched %d event(s), applied %d; cursor %s.\n",
			res.Pushed.Programs, res.Pushed.Partners, res.Pushed.Keys, res.Fetched, res.Applied, res.Cursor)
		pp := res.Pushed.PortalPublishResult
		fmt.Fprintf(w, "Published the partner portal: %d partner(s), %d line(s), %d payout(s) with %d statement(s).\n",
			pp.Partners, pp.Lines, pp.Payouts, pp.Statements)
	})
}
