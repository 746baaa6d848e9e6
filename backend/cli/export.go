package cli

import (
	"io"
	"maps"

	"partnerbook/backend/csvsafe"
)

// withCSV adds the export flags to a list command's own: --csv writes what the list shows as
// CSV (to stdout, or to --out FILE).
func withCSV(flags map[string]flagKind) map[string]flagKind {
	out := maps.Clone(flags)
	out["csv"], out["out"] = boolFlag, valueFlag
	return out
}

// exportCSV runs write to stdout or to --out when --csv was given, and says whether it did.
// A file is written whole or not at all; with --json the command then prints {"file": FILE}.
func (c *call) exportCSV(write func(w io.Writer) error) (bool, error) {
	if !c.args.set["csv"] {
		if c.args.set["out"] {
			return true, usagef("--out FILE goes with --csv")
		}
		return false, nil
	}
	out := c.args.get("out")
	if out == "" {
		if c.args.set["out"] {
			return true, usagef("--out needs a file name")
		}
		if c.json {
			return true, usagef("--csv writes CSV to stdout: leave out --json, or give --out FILE")
		}
		return true, write(c.env.Stdout)
	}
	if err := csvsafe.WriteFile(out, write); err != nil {
		return true, err
	}
	if c.json {
		return true, c.printJSON(map[string]string{"file": out})
	}
	return true, nil
}
