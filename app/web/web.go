// Package web serves the window's frontend and the same app services to a browser on
// loopback (partnerbook ui). A small script maps the Wails bindings
// (window.go.app.<Service>.<Method>) to fetch calls and stubs window.runtime, so the frontend
// runs unchanged. Every request needs the random token of the URL printed at start, and every
// call, upload and event stream must come from the server's own page (Origin, Sec-Fetch-Site).
package web

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"time"

	"partnerbook/app"
)

var errorType = reflect.TypeFor[error]()

// Server is the browser face of the app services.
type Server struct {
	token    string
	assets   fs.FS
	methods  map[string]reflect.Value // "Partners.List"
	events   *broker
	listener net.Listener
	files    uploads
	exports  *app.Exports // the lists' CSV downloads, when among the services
}

// New builds a server over the built frontend (the folder holding index.html) and the services.
func New(assets fs.FS, services []any) *Server {
	b := make([]byte, 16)
	rand.Read(b)
	s := &Server{token: hex.EncodeToString(b), assets: assets, methods: map[string]reflect.Value{}, events: newBroker()}
	for _, svc := range services {
		v := reflect.ValueOf(svc)
		name := v.Elem().Type().Name()
		if e, ok := svc.(*app.Exports); ok {
			s.exports = e
		}
		for i := 0; i < v.NumMethod(); i++ {
			s.methods[name+"."+v.Type().Method(i).Name] = v.Method(i)
		}
	}
	return s
}

// Emitter returns the emitter that sends events to the browser (server-sent events).
func (s *Server) Emitter() app.Emitter { return s.events }

// Listen opens addr (loopback only) and returns the URL to open, token included.
func (s *Server) Listen(addr string) (string, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("web: %q is not host:port: %w", addr, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return "", fmt.Errorf("web: %s is not a loopback address; the UI is served on this machine only", host)
	}
	s.listener, err = net.Listen("tcp", addr)
	if err != nil {
		return "", fmt.Errorf("web: %w", err)
	}
	return fmt.Sprintf("http://%s/?token=%s", s.listener.Addr().String(), s.token), nil
}

// Serve serves until ctx ends.
func (s *Server) Serve(ctx context.Context) error {
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
	defer s.files.clean()
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
	}()
	if err := srv.Serve(s.listener); err != nil && err != http.ErrServerClosed {
		return err
	}
	return nil
}

// Handler is the HTTP handler (tests use it with httptest).
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /__pb/call/{method}", s.call)
	mux.HandleFunc("GET /__pb/events", s.events.serve)
	mux.HandleFunc("POST /__pb/upload", s.upload)
	mux.HandleFunc("GET /__pb/export/{list}", s.export)
	mux.HandleFunc("GET /__pb/bridge.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		io.WriteString(w, s.bridgeJS())
	})
	mux.HandleFunc("GET /", s.static)
	return s.auth(sameOrigin(mux))
}

// sameOrigin refuses (403) a call, upload or event stream that another page started: a
// browser sends the cookie with a request from any page on the same site (another port of
// localhost is the same site), so the cookie alone does not say the page is ours. A browser
// names the page in Origin and says where the request comes from in Sec-Fetch-Site; a request
// without either comes from a program that holds the token, not from a page.
func sameOrigin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/__pb/") && !fromOwnPage(r) {
			http.Error(w, "Partnerbook: calls are accepted only from Partnerbook's own page.", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// fromOwnPage says whether the request's Origin (when sent) is this server's and its
// Sec-Fetch-Site (when sent) is same-origin, or none (the address bar).
func fromOwnPage(r *http.Request) bool {
	if o := r.Header.Get("Origin"); o != "" && o != "http://"+r.Host {
		return false
	}
	switch r.Header.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
		return true
	}
	return false
}

// Token is the secret of the URL.
func (s *Server) Token() string { return s.token }

func (s *Server) auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ok := func(t string) bool { return subtle.ConstantTimeCompare([]byte(t), []byte(s.token)) == 1 }
		if t := r.URL.Query().Get("token"); t != "" && ok(t) {
			http.SetCookie(w, &http.Cookie{Name: "pb_token", Value: s.token, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
		} else if c, err := r.Cookie("pb_token"); err != nil || !ok(c.Value) {
			if !ok(r.Header.Get("X-Partnerbook-Token")) {
				http.Error(w, "Partnerbook: open the URL with its token, as printed by `partnerbook ui`.", http.StatusUnauthorized)
				return
			}
		}
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Referrer-Policy", "no-referrer")
		next.ServeHTTP(w, r)
	})
}

func (s *Server) static(w http.ResponseWriter, r *http.Request) {
	p := strings.TrimPrefix(r.URL.Path, "/")
	if p == "" || p == "index.html" {
		s.index(w)
		return
	}
	if _, err := fs.Stat(s.assets, p); err != nil {
		s.index(w) // the frontend routes by hash; anything unknown gets the shell
		return
	}
	http.ServeFileFS(w, r, s.assets, p)
}

func (s *Server) index(w http.ResponseWriter) {
	b, err := fs.ReadFile(s.assets, "index.html")
	if err != nil {
		http.Error(w, "Partnerbook: the frontend is not built (npm run build in frontend/)", http.StatusInternalServerError)
		return
	}
	// The bridge must run before the app's module script.
	b = bytes.Replace(b, []byte("<head>"), []byte(`<head><script src="/__pb/bridge.js"></script>`), 1)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(b)
}

// call runs one service method: the body is the JSON array of its arguments.
func (s *Server) call(w http.ResponseWriter, r *http.Request) {
	m, ok := s.methods[r.PathValue("method")]
	if !ok {
		writeJSON(w, http.StatusNotFound, map[string]any{"error": map[string]string{"code": "not_found", "message": "no such method " + r.PathValue("method")}})
		return
	}
	var raw []json.RawMessage
	if err := json.NewDecoder(io.LimitReader(r.Body, 64<<20)).Decode(&raw); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]any{"error": map[string]string{"code": "invalid", "message": "arguments: " + err.Error()}})
		return
	}
	t := m.Type()
	if len(raw) != t.NumIn() {
		writeJSON(w, http.StatusBadRequest, map[string]any{"error": map[string]string{"code": "invalid",
			"message": fmt.Sprintf("%s takes %d arguments, got %d", r.PathValue("method"), t.NumIn(), len(raw))}})
		return
	}
	args := make([]reflect.Value, len(raw))
	for i := range raw {
		p := reflect.New(t.In(i))
		if err := json.Unmarshal(raw[i], p.Interface()); err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]any{"error": map[string]string{"code": "invalid",
				"message": fmt.Sprintf("argument %d: %v", i+1, err)}})
			return
		}
		args[i] = p.Elem()
	}
	out := m.Call(args)
	var result any
	// A bound method returns (T, error), (T) or (error), as Wails allows.
	for _, o := range out {
		switch {
		case o.Type() != errorType:
			result = o.Interface()
		case !o.IsNil():
			writeJSON(w, http.StatusOK, map[string]any{"error": app.FormatError(o.Interface().(error))})
			return
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"result": result})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func (s *Server) bridgeJS() string {
	services := map[string][]string{}
	for k := range s.methods {
		svc, method, _ := strings.Cut(k, ".")
		services[svc] = append(services[svc], method)
	}
	b, _ := json.Marshal(services)
	return strings.Replace(bridgeScript, "__SERVICES__", string(b), 1)
}

// broker fans events out to the browsers listening on /__pb/events.
type broker struct {
	mu   sync.Mutex
	subs map[chan []byte]bool
}

func newBroker() *broker { return &broker{subs: map[chan []byte]bool{}} }

func (b *broker) Emit(name string, data ...any) {
	msg, err := json.Marshal(map[string]any{"name": name, "data": data})
	if err != nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.subs {
		select {
		case ch <- msg:
		default: // a slow browser misses progress, never blocks the work
		}
	}
}

func (b *broker) serve(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch := make(chan []byte, 64)
	b.mu.Lock()
	b.subs[ch] = true
	b.mu.Unlock()
	defer func() { b.mu.Lock(); delete(b.subs, ch); b.mu.Unlock() }()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	fmt.Fprint(w, ": ok\n\n")
	fl.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case msg := <-ch:
			fmt.Fprintf(w, "data: %s\n\n", msg)
			fl.Flush()
		}
	}
}
