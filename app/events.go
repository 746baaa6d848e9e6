package app

// The events the window hears. Like the bound methods' types, what an event carries is the
// frontend's contract, so it is an app type too: each event is declared here with its type,
// and the services send it with emit, which takes nothing else.

// ImportProgress is how far an import has read its file.
type ImportProgress struct {
	Rows  int   `json:"rows"`
	Bytes int64 `json:"bytes"`
	Size  int64 `json:"size"`
}

// SyncApplied says the screens showing orders are stale: events were applied.
type SyncApplied struct {
	Events int `json:"events"` // how many were applied
}

// Names of the events (the frontend listens by them).
const (
	ProgressEvent     = "import:progress" // an import's ImportProgress
	MailProgressEvent = "mail:progress"   // a delivery run's MailProgress
	MailSentEvent     = "mail:sent"       // a background delivery sent something: a Delivery
	SyncAppliedEvent  = "sync:applied"    // SyncApplied
)

// event is an event and the type it carries.
type event[T any] string

var (
	importProgress event[ImportProgress] = ProgressEvent
	mailProgress   event[MailProgress]   = MailProgressEvent
	mailSent       event[Delivery]       = MailSentEvent
	syncApplied    event[SyncApplied]    = SyncAppliedEvent
)

// windowEvents lists every event, for the test of the window's contract.
var windowEvents = []interface{ payload() any }{importProgress, mailProgress, mailSent, syncApplied}

func (e event[T]) payload() any { var v T; return v }

// emit sends the event when there is a window to hear it.
func (e event[T]) emit(c *Core, v T) {
	if c.emit != nil {
		c.emit.Emit(string(e), v)
	}
}
