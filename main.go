// Partnerbook runs a small shop's partner program on its own laptop. main.go is wiring only:
// the data folder, the store, the services, then the window or a command.
package main

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"
	// The zones come with the program: on a laptop without the system's zone files (Windows
	// without Go), a program's zone would fall back to UTC, and its months and due days with it.
	_ "time/tzdata"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"partnerbook/app"
	"partnerbook/app/web"
	"partnerbook/backend/cli"
)

//go:embed all:frontend/dist
var assets embed.FS

// appIcon is Partnerbook's icon (drawn by scripts/appicon.go): the desktop build makes the
// Windows and macOS icons from the same file; on Linux the window takes it from here.
//
//go:embed build/appicon.png
var appIcon []byte

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if dir, ok := windowArgs(os.Args[1:]); ok {
		if err := runWindow(ctx, dir); err != nil {
			fmt.Fprintln(os.Stderr, "partnerbook:", err)
			os.Exit(1)
		}
		return
	}
	os.Exit(cli.Run(ctx, os.Args[1:], cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, UI: serveUI,
		Portal: func(a *cli.App) http.Handler { return app.PortalHandler(a.Store) }}))
}

// windowArgs says whether the arguments ask for the window (none, or only --data DIR).
func windowArgs(args []string) (string, bool) {
	switch {
	case len(args) == 0:
		return "", true
	case len(args) == 2 && args[0] == "--data":
		return args[1], true
	case len(args) == 1 && len(args[0]) > 7 && args[0][:7] == "--data=":
		return args[0][7:], true
	}
	return "", false
}

func frontend() fs.FS {
	dist, err := fs.Sub(assets, "frontend/dist")
	if err != nil {
		panic(err)
	}
	return dist
}

func openData(ctx context.Context, flag string) (*cli.App, error) {
	dir, err := cli.DataDir(flag, os.Getenv)
	if err != nil {
		return nil, err
	}
	a, err := cli.OpenApp(ctx, dir)
	if err != nil {
		return nil, err
	}
	// A rolling daily backup whenever a face with a person behind it opens.
	if _, err := a.Store.AutoBackup(ctx, filepath.Join(dir, "backups"), 24*time.Hour, 10); err != nil {
		fmt.Fprintln(os.Stderr, "partnerbook: automatic backup failed:", err)
	}
	return a, nil
}

// version is Partnerbook's version: scripts/build.sh sets it (-ldflags "-X main.version=…");
// a plain `go build` or `wails dev` is a development build.
var version = "dev"

// bindingsOnly is set in the build `wails generate module` runs to write the bindings: that
// run opens no one's data folder (it would migrate, or be refused by, the folder of whoever
// builds), only an empty one of its own.
var bindingsOnly bool

func runWindow(ctx context.Context, dataFlag string) error {
	if bindingsOnly {
		dir, err := os.MkdirTemp("", "partnerbook-bindings-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		dataFlag = dir
	}
	a, err := openData(ctx, dataFlag)
	if err != nil {
		return err
	}
	defer a.Store.Close()
	rt := &wailsRuntime{}
	core := app.NewCore(a.Store, a.DataDir, rt, rt)
	core.Version = version
	return wails.Run(&options.App{
		Title:            "Partnerbook",
		Width:            1280,
		Height:           820,
		MinWidth:         960,
		MinHeight:        600,
		AssetServer:      &assetserver.Options{Assets: frontend()},
		BackgroundColour: &options.RGBA{R: 248, G: 249, B: 251, A: 255},
		OnStartup: func(ctx context.Context) {
			rt.ctx = ctx
			core.Startup(ctx)
			go core.AutoSend(ctx, time.Minute)
			core.StartSync(ctx)
			go core.AutoPull(ctx, 5*time.Minute)
		},
		OnShutdown:     func(context.Context) { core.StopSync() },
		Bind:           app.Services(core),
		ErrorFormatter: app.FormatError,
		// A file dropped on the import wizard's drop zone arrives as its path (frontend: onFileDrop).
		DragAndDrop: &options.DragAndDrop{EnableFileDrop: true},
		Linux:       &linux.Options{Icon: appIcon, ProgramName: "Partnerbook"},
	})
}

// serveUI is `partnerbook ui`: the same services and frontend in a browser on loopback.
func serveUI(ctx context.Context, a *cli.App, addr string) error {
	if _, err := a.Store.AutoBackup(ctx, filepath.Join(a.DataDir, "backups"), 24*time.Hour, 10); err != nil {
		fmt.Fprintln(os.Stderr, "partnerbook: automatic backup failed:", err)
	}
	var srv *web.Server
	core := app.NewCore(a.Store, a.DataDir, emitterFunc(func(n string, d ...any) { srv.Emitter().Emit(n, d...) }), nil)
	core.Version, core.BrowserMode = version, true
	srv = web.New(frontend(), app.Services(core))
	core.StartSync(ctx)
	defer core.StopSync()
	url, err := srv.Listen(addr)
	if err != nil {
		return err
	}
	fmt.Println(url)
	fmt.Fprintln(os.Stderr, "Partnerbook is served at the URL above; stop with Ctrl+C.")
	return srv.Serve(ctx)
}

type emitterFunc func(string, ...any)

func (f emitterFunc) Emit(name string, data ...any) { f(name, data...) }

// wailsRuntime fills app's Emitter and Dialogs with the Wails runtime.
type wailsRuntime struct{ ctx context.Context }

func (r *wailsRuntime) Emit(name string, data ...any) {
	if r.ctx != nil {
		runtime.EventsEmit(r.ctx, name, data...)
	}
}

func (r *wailsRuntime) OpenFile(title string, patterns ...string) (string, error) {
	var filters []runtime.FileFilter
	for _, p := range patterns {
		filters = append(filters, runtime.FileFilter{DisplayName: p, Pattern: p})
	}
	return runtime.OpenFileDialog(r.ctx, runtime.OpenDialogOptions{Title: title, Filters: filters})
}

func (r *wailsRuntime) SaveFile(title, name string) (string, error) {
	return runtime.SaveFileDialog(r.ctx, runtime.SaveDialogOptions{Title: title, DefaultFilename: name})
}

func (r *wailsRuntime) OpenPath(path string) error {
	runtime.BrowserOpenURL(r.ctx, (&url.URL{Scheme: "file", Path: path}).String())
	return nil
}

func (r *wailsRuntime) ChooseFolder(title string) (string, error) {
	return runtime.OpenDirectoryDialog(r.ctx, runtime.OpenDialogOptions{Title: title, CanCreateDirectories: true})
}
