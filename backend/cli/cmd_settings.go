package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"
	"time"

	"partnerbook/backend/domain"
	"partnerbook/backend/sqlite"
)

func init() {
	register(
		command{path: "settings set", usage: "settings set KEY VALUE", run: runSettingsSet},
		command{path: "settings get", usage: "settings get KEY", run: runSettingsGet},
		command{path: "settings list", usage: "settings list", run: runSettingsList},
		command{path: "backup", flags: map[string]flagKind{"out": valueFlag}, usage: "backup --out FILE", run: runBackup},
		command{path: "restore", usage: "restore FILE", run: runRestore, noStore: true},
		command{path: "ui", flags: map[string]flagKind{"addr": valueFlag}, usage: "ui [--addr 127.0.0.1:0]", run: runUI},
	)
}

func shown(s domain.Setting) string {
	if s.Secret {
		if s.Set {
			return "(set)"
		}
		return "(not set)"
	}
	return s.Value
}

func runSettingsSet(c *call) error {
	if len(c.args.words) != 2 {
		return usagef("give KEY and VALUE")
	}
	key := c.args.words[0]
	if err := c.app.Store.SetSetting(c.ctx, key, c.args.words[1]); err != nil {
		return err
	}
	s, err := c.app.Store.GetSetting(c.ctx, key)
	if err != nil {
		return err
	}
	return c.out(map[string]any{"setting": s}, func(w io.Writer) { fmt.Fprintf(w, "%s = %s\n", key, shown(s)) })
}

func runSettingsGet(c *call) error {
	if len(c.args.words) != 1 {
		return usagef("give one KEY")
	}
	s, err := c.app.Store.GetSetting(c.ctx, c.args.words[0])
	if err != nil {
		return err
	}
	return c.out(map[string]any{"setting": s}, func(w io.Writer) { fmt.Fprintln(w, shown(s)) })
}

func runSettingsList(c *call) error {
	ss, err := c.app.Store.ListSettings(c.ctx)
	if err != nil {
		return err
	}
	return c.out(map[string]any{"settings": ss}, func(w io.Writer) {
		tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', 0)
		for _, s := range ss {
			fmt.Fprintf(tw, "%s\t%s\n", s.Key, shown(s))
		}
		tw.Flush()
	})
}

func runBackup(c *call) error {
	if err := c.args.need("out"); err != nil {
		return err
	}
	out, _ := filepath.Abs(c.args.get("out"))
	if err := c.app.Store.Backup(c.ctx, out); err != nil {
		return domain.Errorf(domain.EInvalid, "%v", err)
	}
	return c.out(map[string]any{"backup": out}, func(w io.Writer) { fmt.Fprintf(w, "Backed up to %s\n", out) })
}

// runRestore replaces the database with a backup after checking it, keeping a backup of the
// database it replaces. The swap is a rename: a crash leaves the old or the new file whole.
// It holds the data folder alone throughout: it refuses while another process (the window,
// `partnerbook ui`, a command) has the folder open, whose later writes would be lost.
func runRestore(c *call) error {
	if len(c.args.words) != 1 {
		return usagef("give the backup FILE to restore")
	}
	src := c.args.words[0]
	if _, err := sqlite.CheckFile(c.ctx, src); err != nil {
		return domain.Errorf(domain.EInvalid, "not restored: %v", err)
	}
	dir, err := DataDir(c.args.get("data"), c.env.Getenv)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("cannot create the data folder: %w", err)
	}
	unlock, err := sqlite.LockExclusive(dir)
	if err != nil {
		return err
	}
	defer unlock()
	app, err := OpenApp(c.ctx, dir)
	if err != nil {
		return err
	}
	safety := filepath.Join(dir, "backups", "before-restore-"+time.Now().UTC().Format("20060102-150405")+".db")
	err = app.Store.Backup(c.ctx, safety)
	app.Store.Close()
	if err != nil {
		return err
	}
	if err := restoreFile(src, filepath.Join(dir, "partnerbook.db")); err != nil {
		return err
	}
	// Opening migrates a backup made by an older Partnerbook.
	app, err = OpenApp(c.ctx, dir)
	if err != nil {
		return err
	}
	app.Store.Close()
	return c.out(map[string]any{"restored": src, "previous": safety}, func(w io.Writer) {
		fmt.Fprintf(w, "Restored %s. The database it replaced is kept as %s\n", src, safety)
	})
}

func restoreFile(src, dst string) error {
	tmp := dst + ".restore"
	os.Remove(tmp)
	in, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.WriteFile(tmp, in, 0o600); err != nil {
		return err
	}
	f, err := os.Open(tmp)
	if err == nil {
		f.Sync()
		f.Close()
	}
	for _, ext := range []string{"-wal", "-shm"} {
		os.Remove(dst + ext)
	}
	return os.Rename(tmp, dst)
}

func runUI(c *call) error {
	if c.env.UI == nil {
		return domain.Errorf(domain.EInternal, "this build has no UI server")
	}
	addr := c.args.get("addr")
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	return c.env.UI(c.ctx, c.app, addr)
}
