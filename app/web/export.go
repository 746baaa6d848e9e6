package web

import (
	"io"
	"mime"
	"net/http"

	"partnerbook/app"
	"partnerbook/backend/domain"
)

// maxFilter bounds the filter a download link carries: a list's filter is a few hundred bytes.
const maxFilter = 8 << 10

// export streams a list's CSV as a download: GET /__pb/export/{list}?filter=JSON, the JSON
// of the filter the list's method of app.Exports takes. Rows are written as they are read; a
// refused filter is answered 400 before any row, and a failure after the first row breaks the
// connection off, so that the browser marks the download failed instead of keeping half a file.
func (s *Server) export(w http.ResponseWriter, r *http.Request) {
	if s.exports == nil {
		writeJSON(w, http.StatusNotFound, map[string]any{"error": map[string]string{"code": "not_found", "message": "no exports here"}})
		return
	}
	filter := r.URL.Query().Get("filter")
	if len(filter) > maxFilter {
		writeJSON(w, http.StatusRequestEntityTooLarge, map[string]any{"error": map[string]string{"code": "invalid", "message": "the filter is too long"}})
		return
	}
	dw := &download{w: w}
	err := app.WriteExport(s.exports, r.PathValue("list"), []byte(filter), func(name string) io.Writer {
		dw.name = name
		return dw
	})
	if err == nil && !dw.started {
		dw.start() // an empty file is still a file
	}
	if err == nil {
		return
	}
	if dw.started {
		panic(http.ErrAbortHandler)
	}
	status := http.StatusInternalServerError
	switch domain.AsError(err).Code {
	case domain.EInvalid:
		status = http.StatusBadRequest
	case domain.ENotFound:
		status = http.StatusNotFound
	}
	writeJSON(w, status, map[string]any{"error": app.FormatError(err)})
}

// download sends the headers of a CSV attachment before the first byte of it.
type download struct {
	w       http.ResponseWriter
	name    string
	started bool
}

func (d *download) start() {
	h := d.w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": d.name}))
	h.Set("Cache-Control", "no-store")
	d.started = true
	d.w.WriteHeader(http.StatusOK)
}

func (d *download) Write(p []byte) (int, error) {
	if !d.started {
		d.start()
	}
	return d.w.Write(p)
}
