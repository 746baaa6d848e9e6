package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"

	"partnerbook/backend/domain"
	"partnerbook/backend/sample"
	"partnerbook/backend/sync"
)

func init() {
	register(
		command{path: "init", usage: "init [--sample] [--server]", flags: map[string]flagKind{"sample": boolFlag, "server": boolFlag}, run: runInit},
		command{path: "program create", usage: "program create --file program.json",
			flags: map[string]flagKind{"file": valueFlag}, run: runProgramCreate},
		command{path: "program update", usage: "program update --program P --file program.json",
			flags: map[string]flagKind{"program": valueFlag, "file": valueFlag}, run: runProgramUpdate},
		command{path: "program list", usage: "program list", run: runProgramList},
	)
}

func runInit(c *call) error {
	version, _ := c.app.Store.Version(c.ctx)
	res := map[string]any{"data": c.app.DataDir, "schema": version}
	if c.args.set["server"] {
		if c.args.set["sample"] {
			return usagef("a server's data folder has no programs of its own: --sample and --server do not go together")
		}
		secret := sync.NewLinkSecret()
		if err := c.app.Store.MakeServer(c.ctx, sync.HashKey(secret)); err != nil {
			return err
		}
		res["sync_key"] = secret
		return c.out(res, func(w io.Writer) {
			fmt.Fprintf(w, "Server data folder ready: %s (schema %d)\n", c.app.DataDir, version)
			fmt.Fprintf(w, "Link secret (shown this once; set it on the desktop as sync.key):\n%s\n", secret)
		})
	}
	if c.args.set["sample"] {
		p, err := sample.Create(c.ctx, c.app.Store, c.app.Store.Now())
		if err != nil {
			return err
		}
		res["sample"] = p.Name
	}
	return c.out(res, func(w io.Writer) {
		fmt.Fprintf(w, "Partnerbook data folder ready: %s (schema %d)\n", c.app.DataDir, version)
		if s, ok := res["sample"]; ok {
			fmt.Fprintf(w, "Sample program %q created.\n", s)
		}
	})
}

func readProgramFile(c *call) (domain.Program, error) {
	if err := c.args.need("file"); err != nil {
		return domain.Program{}, err
	}
	f := c.args.get("file")
	data, err := os.ReadFile(f)
	if err != nil {
		return domain.Program{}, domain.Errorf(domain.EInvalid, "cannot read %s: %v", f, err)
	}
	return domain.ParseProgram(filepath.Base(f), data)
}

func runProgramCreate(c *call) error {
	p, err := readProgramFile(c)
	if err != nil {
		return err
	}
	p, err = c.app.Store.CreateProgram(c.ctx, p)
	if err != nil {
		return withFile(err, filepath.Base(c.args.get("file")))
	}
	return c.out(map[string]any{"program": p}, func(w io.Writer) {
		fmt.Fprintf(w, "Program %q created (id %d).\n", p.Name, p.ID)
	})
}

func runProgramUpdate(c *call) error {
	prog, err := c.program()
	if err != nil {
		return err
	}
	p, err := readProgramFile(c)
	if err != nil {
		return err
	}
	p.ID = prog.ID
	p, err = c.app.Store.UpdateProgram(c.ctx, p)
	if err != nil {
		return withFile(err, filepath.Base(c.args.get("file")))
	}
	return c.out(map[string]any{"program": p}, func(w io.Writer) {
		fmt.Fprintf(w, "Program %q updated.\n", p.Name)
	})
}

// withFile names the file on problems that have none.
func withFile(err error, file string) error {
	if e, ok := err.(*domain.Error); ok {
		for i := range e.Problems {
			if e.Problems[i].File == "" {
				e.Problems[i].File = file
			}
		}
	}
	return err
}

func runProgramList(c *call) error {
	ps, err := c.app.Store.ListPrograms(c.ctx)
	if err != nil {
		return err
	}
	return c.out(map[string]any{"programs": ps}, func(w io.Writer) {
		if len(ps) == 0 {
			fmt.Fprintln(w, "No programs yet: partnerbook program create --file program.json")
			return
		}
		tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tNAME\tKIND\tCURRENCY\tTIMEZONE\tHOLD DAYS\tTHRESHOLD")
		for _, p := range ps {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%d\t%s\n", p.ID, p.Name, p.Kind, p.Currency, p.Timezone, p.HoldDays, p.PayoutThreshold)
		}
		tw.Flush()
	})
}
