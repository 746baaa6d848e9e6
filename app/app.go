// Package app holds the services the window calls, one per screen-level area. They translate
// between the frontend's typed DTOs (money as strings, times as RFC 3339 text) and the backend;
// no business rule lives here. app does not import the Wails runtime: main.go hands it an
// Emitter and a Dialogs, so the same services can be served to a browser (partnerbook ui).
package app

import (
	"context"
	"time"

	"partnerbook/backend/domain"
	"partnerbook/backend/sqlite"
)

// Emitter sends events (progress, changes) to the frontend.
type Emitter interface {
	Emit(name string, data ...any)
}

// Dialogs asks the person for files and folders; "" means they cancelled.
type Dialogs interface {
	OpenFile(title string, patterns ...string) (string, error)
	SaveFile(title, name string) (string, error)
	ChooseFolder(title string) (string, error)
	// OpenPath opens a file in the system's viewer for its type.
	OpenPath(path string) error
}

// Core is what every service shares.
type Core struct {
	// Version is Partnerbook's version as the build set it ("dev" for a development build).
	Version string
	// BrowserMode is true when the services are served to a browser (partnerbook ui).
	BrowserMode bool

	ctx     context.Context
	store   *sqlite.Store
	dataDir string
	emit    Emitter
	dialogs Dialogs
	sync    endpointState
}

// NewCore builds the shared core of the services.
func NewCore(store *sqlite.Store, dataDir string, emit Emitter, dialogs Dialogs) *Core {
	return &Core{Version: "dev", ctx: domain.WithActor(context.Background(), "window"), store: store, dataDir: dataDir, emit: emit, dialogs: dialogs}
}

// Startup keeps the window's context (Wails calls it once the window exists).
func (c *Core) Startup(ctx context.Context) { c.ctx = domain.WithActor(ctx, "window") }

// Services returns every bound service, in the order the window binds them.
func Services(c *Core) []any {
	return []any{&System{c}, &Programs{c}, &Partners{c}, &Leads{c}, &Settings{c}, &Orders{c}, &Importer{c: c}, &Commissions{c}, &Payouts{c}, &Mail{c}, &Portal{c}, &Sync{c}, &Reports{c}, &Exports{c}}
}

// FormatError turns an error into what the frontend receives: a stable code, a message a
// person can read, and the problems behind it; never a stack.
func FormatError(err error) any { return domain.AsError(err) }

// everySoOften runs fn every so often until ctx ends (the window's work in the background).
func everySoOften(ctx context.Context, every time.Duration, fn func()) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			fn()
		}
	}
}
