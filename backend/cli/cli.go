// Package cli is Partnerbook's command line (cli.md): it translates words and flags into calls
// of the backend and their results into text or JSON. No rule lives here.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"partnerbook/backend/domain"
	"partnerbook/backend/secret"
	"partnerbook/backend/sqlite"
)

// Env is what the command line works with: its streams, and the faces main.go provides.
type Env struct {
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	// UI serves the window's frontend in a browser (partnerbook ui); nil where not built in.
	UI func(ctx context.Context, app *App, addr string) error
	// Portal, when set, makes the partner portal's handler, which `serve` mounts under /portal/.
	Portal func(app *App) http.Handler
}

// App is an open data folder: what every command but init works on.
type App struct {
	DataDir string
	Store   *sqlite.Store
	AsOf    time.Time // zero: today
}

// command is one command of the table.
type command struct {
	path  string
	flags map[string]flagKind
	usage string
	run   func(c *call) error
	// noStore: the command opens the data folder itself (or not at all).
	noStore bool
}

// call is one run of a command.
type call struct {
	ctx  context.Context
	env  Env
	args parsed
	json bool
	app  *App
}

var commands []command

func register(cs ...command) { commands = append(commands, cs...) }

// Run runs the command line args (without the program name) and returns the exit status:
// 0 done, 1 input refused (nothing changed), 2 wrong usage.
func Run(ctx context.Context, args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	path, rest := splitCommand(args)
	cmd := findCommand(path)
	if cmd == nil {
		if len(path) == 0 && (len(rest) == 0 || containsHelp(rest)) {
			fmt.Fprint(env.Stdout, usageText())
			return 0
		}
		fmt.Fprintf(env.Stderr, "partnerbook: unknown command %q\n\n%s", strings.Join(append(path, firstWord(rest)...), " "), usageText())
		return 2
	}
	p, err := parse(rest, cmd.flags)
	c := &call{ctx: domain.WithActor(ctx, "cli"), env: env, args: p, json: p.set["json"]}
	if err == nil && p.set["help"] {
		fmt.Fprintf(env.Stdout, "usage: partnerbook %s\n", cmd.usage)
		return 0
	}
	if err == nil {
		err = c.open(cmd)
	}
	if err == nil {
		err = cmd.run(c)
	}
	if c.app != nil && c.app.Store != nil {
		c.app.Store.Close()
	}
	return c.finish(cmd, err)
}

func containsHelp(rest []string) bool {
	for _, a := range rest {
		if a == "--help" || a == "-h" || a == "help" {
			return true
		}
	}
	return false
}

func firstWord(rest []string) []string {
	for _, a := range rest {
		if !strings.HasPrefix(a, "-") {
			return []string{a}
		}
	}
	return nil
}

// splitCommand takes the command's words (one or two) from args, wherever global flags stand.
func splitCommand(args []string) ([]string, []string) {
	var path, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, _, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if strings.HasPrefix(a, "-") {
			rest = append(rest, a)
			if globalFlags[name] == valueFlag && !hasVal && i+1 < len(args) && isGlobal(name) {
				i++
				rest = append(rest, args[i])
			}
			continue
		}
		if len(rest) == 0 || onlyGlobals(rest) {
			if cand := append(append([]string{}, path...), a); hasCommandPrefix(cand) {
				path = cand
				continue
			}
		}
		rest = append(rest, args[i:]...)
		break
	}
	return path, rest
}

func isGlobal(name string) bool { _, ok := globalFlags[name]; return ok }

func onlyGlobals(rest []string) bool {
	for i := 0; i < len(rest); i++ {
		name, _, hasVal := strings.Cut(strings.TrimLeft(rest[i], "-"), "=")
		if !strings.HasPrefix(rest[i], "-") || !isGlobal(name) {
			return false
		}
		if globalFlags[name] == valueFlag && !hasVal {
			i++
		}
	}
	return true
}

func hasCommandPrefix(words []string) bool {
	w := strings.Join(words, " ")
	for _, c := range commands {
		if c.path == w || strings.HasPrefix(c.path, w+" ") {
			return true
		}
	}
	return false
}

func findCommand(path []string) *command {
	w := strings.Join(path, " ")
	for i := range commands {
		if commands[i].path == w {
			return &commands[i]
		}
	}
	return nil
}

func usageText() string {
	var b strings.Builder
	b.WriteString("usage: partnerbook [--data DIR] [--json] [--as-of YYYY-MM-DD] COMMAND ...\n")
	b.WriteString("With no command the desktop build opens the window.\n\ncommands:\n")
	us := make([]string, 0, len(commands))
	for _, c := range commands {
		us = append(us, "  partnerbook "+c.usage)
	}
	sort.Strings(us)
	b.WriteString(strings.Join(us, "\n"))
	b.WriteString("\n")
	return b.String()
}

// DataDir resolves the data folder: --data, else $PARTNERBOOK_DATA, else partnerbook under
// the OS user config folder.
func DataDir(flag string, getenv func(string) string) (string, error) {
	if flag != "" {
		return filepath.Abs(flag)
	}
	if d := getenv("PARTNERBOOK_DATA"); d != "" {
		return filepath.Abs(d)
	}
	base, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("no data folder: give --data or set PARTNERBOOK_DATA (%v)", err)
	}
	return filepath.Join(base, "partnerbook"), nil
}

// OpenApp opens (creating) the data folder and its database, migrating it if needed.
func OpenApp(ctx context.Context, dir string) (*App, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("cannot create the data folder: %w", err)
	}
	st, err := sqlite.Open(ctx, filepath.Join(dir, "partnerbook.db"), sqlite.Options{
		BackupDir: filepath.Join(dir, "backups"),
		Secrets:   secret.Open(dir, filepath.Join(dir, "secrets.json")),
	})
	if err != nil {
		return nil, err
	}
	return &App{DataDir: dir, Store: st}, nil
}

func (c *call) open(cmd *command) error {
	if d := c.args.get("as-of"); d != "" {
		if _, err := time.Parse("2006-01-02", d); err != nil {
			return usagef("--as-of %q is not a date YYYY-MM-DD", d)
		}
	}
	if cmd.noStore {
		return nil
	}
	dir, err := DataDir(c.args.get("data"), c.env.Getenv)
	if err != nil {
		return err
	}
	c.app, err = OpenApp(c.ctx, dir)
	if err == nil && c.args.get("as-of") != "" {
		c.app.AsOf, _ = time.Parse("2006-01-02", c.args.get("as-of"))
	}
	return err
}

// finish reports err (if any) and returns the exit status.
func (c *call) finish(cmd *command, err error) int {
	if err == nil {
		return 0
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(c.env.Stderr, "partnerbook: %s\nusage: partnerbook %s\n", ue.msg, cmd.usage)
		return 2
	}
	e := domain.AsError(err)
	fmt.Fprintf(c.env.Stderr, "partnerbook: %s\n", e.Error())
	var done reported
	if c.json && !errors.As(err, &done) {
		c.printJSON(map[string]any{"error": e})
	}
	return 1
}

// reported is an error that the command's own JSON document already holds: finish says it on
// stderr only, so that --json prints one document.
type reported struct{ error }

func (r reported) Unwrap() error { return r.error }

func (c *call) printJSON(v any) error {
	enc := json.NewEncoder(c.env.Stdout)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// out prints v as JSON with --json, else calls human.
func (c *call) out(v any, human func(w io.Writer)) error {
	if c.json {
		return c.printJSON(v)
	}
	human(c.env.Stdout)
	return nil
}

func (c *call) program() (domain.Program, error) {
	if err := c.args.need("program"); err != nil {
		return domain.Program{}, err
	}
	return c.app.Store.FindProgram(c.ctx, c.args.get("program"))
}

// programPartner finds --program and checks that the optional --partner is one of its
// partners, so that a mistyped key is an error rather than an empty list.
func (c *call) programPartner() (domain.Program, string, error) {
	prog, err := c.program()
	if err != nil {
		return prog, "", err
	}
	k := c.args.get("partner")
	if k != "" {
		if _, err := c.app.Store.FindPartner(c.ctx, prog.ID, k); err != nil {
			return prog, "", err
		}
	}
	return prog, k, nil
}
