package web

import (
	"crypto/rand"
	"encoding/hex"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// uploads keeps the files a browser sends (there is no file dialog in a browser): each in a
// folder of its own under one temporary folder, removed when the server stops.
type uploads struct {
	mu  sync.Mutex
	dir string
}

// maxUpload is the largest file accepted: far beyond any shop's export.
const maxUpload = 4 << 30

// upload stores the request body as the file named by ?name= and answers {"path": ...}, the
// path to hand to the services (Importer.Preview, Importer.Start).
func (s *Server) upload(w http.ResponseWriter, r *http.Request) {
	name := filepath.Base(strings.TrimSpace(r.URL.Query().Get("name")))
	if name == "" || name == "." || name == string(filepath.Separator) {
		writeJSON(w, http.StatusBadRequest, map[string]any{"code": "invalid", "message": "the upload needs ?name=FILE"})
		return
	}
	dir, err := s.files.folder()
	if err == nil {
		var f *os.File
		if f, err = os.OpenFile(filepath.Join(dir, name), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600); err == nil {
			_, err = io.Copy(f, http.MaxBytesReader(w, r.Body, maxUpload))
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err == nil {
				writeJSON(w, http.StatusOK, map[string]string{"path": f.Name()})
				return
			}
		}
	}
	writeJSON(w, http.StatusBadRequest, map[string]any{"code": "invalid", "message": "the file was not received: " + err.Error()})
}

// folder makes a new folder for one upload.
func (u *uploads) folder() (string, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.dir == "" {
		d, err := os.MkdirTemp("", "partnerbook-uploads-")
		if err != nil {
			return "", err
		}
		u.dir = d
	}
	b := make([]byte, 8)
	rand.Read(b)
	d := filepath.Join(u.dir, hex.EncodeToString(b))
	return d, os.Mkdir(d, 0o700)
}

// clean removes every upload.
func (u *uploads) clean() {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.dir != "" {
		os.RemoveAll(u.dir)
		u.dir = ""
	}
}
