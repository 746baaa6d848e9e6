package cli

import (
	"fmt"
	"strings"
)

// flagKind says how a flag takes its value.
type flagKind int

const (
	valueFlag  flagKind = iota // --name VALUE or --name=VALUE
	boolFlag                   // --name
	repeatFlag                 // --name VALUE, any number of times
)

var globalFlags = map[string]flagKind{"data": valueFlag, "json": boolFlag, "as-of": valueFlag, "help": boolFlag}

// parsed is a command line taken apart: positional words and flags.
type parsed struct {
	words []string
	vals  map[string][]string
	set   map[string]bool
}

// usageError is wrong usage: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// parse splits args into words and flags. Global flags may stand anywhere; a command's own
// flags are looked up in spec once the command is known, so parse is called twice.
func parse(args []string, spec map[string]flagKind) (parsed, error) {
	p := parsed{vals: map[string][]string{}, set: map[string]bool{}}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			p.words = append(p.words, args[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			p.words = append(p.words, a)
			continue
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name == "h" {
			name = "help"
		}
		kind, ok := globalFlags[name]
		if !ok {
			kind, ok = spec[name]
		}
		if !ok {
			if spec == nil { // first pass: the command is not known yet
				p.words = append(p.words, a)
				continue
			}
			return p, usagef("unknown flag --%s", name)
		}
		if kind == boolFlag {
			if hasVal {
				return p, usagef("--%s takes no value", name)
			}
			p.set[name] = true
			continue
		}
		if !hasVal {
			if i+1 >= len(args) {
				return p, usagef("--%s needs a value", name)
			}
			i++
			val = args[i]
		}
		if kind == valueFlag && len(p.vals[name]) > 0 {
			return p, usagef("--%s is given twice", name)
		}
		p.vals[name] = append(p.vals[name], val)
		p.set[name] = true
	}
	return p, nil
}

func (p parsed) get(name string) string {
	if v := p.vals[name]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// opt returns a pointer to the flag's value when it was given.
func (p parsed) opt(name string) *string {
	if !p.set[name] {
		return nil
	}
	v := p.get(name)
	return &v
}

func (p parsed) need(names ...string) error {
	for _, n := range names {
		if !p.set[n] || p.get(n) == "" {
			return usagef("--%s is required", n)
		}
	}
	return nil
}
