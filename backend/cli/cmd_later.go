package cli

import (
	"strings"

	"partnerbook/backend/domain"
)

// Commands of cli.md whose capability has not landed yet: they are known (so usage shows
// them and scripts get a clear answer), and refuse plainly.
func init() {
	for _, u := range []string{
		"serve [--addr 127.0.0.1:8787]",
		"sync pull",
	} {
		path := commandPath(u)
		register(command{path: path, usage: u, noStore: true, flags: anyFlags, run: func(c *call) error {
			return domain.Errorf(domain.EInternal, "`%s` is not built yet in this version of Partnerbook", path)
		}})
	}
}

var anyFlags = map[string]flagKind{"program": valueFlag, "format": valueFlag, "mapping": valueFlag, "dry-run": boolFlag,
	"skip-invalid": boolFlag, "partner": valueFlag, "status": valueFlag, "payout": valueFlag, "run": valueFlag,
	"out": valueFlag, "month": valueFlag, "addr": valueFlag}

func commandPath(usage string) string {
	var words []string
	for _, w := range strings.Fields(usage) {
		if w[0] == '-' || w[0] == '[' || (w[0] >= 'A' && w[0] <= 'Z') {
			break
		}
		words = append(words, w)
	}
	return strings.Join(words, " ")
}
