package pbjs

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
)

// sync.md: at most 3 KB gzipped.
func TestScriptSize(t *testing.T) {
	const limit = 3 * 1024
	if n := len(Gzipped()); n > limit {
		t.Fatalf("pb.js is %d bytes gzipped, more than %d", n, limit)
	}
	t.Logf("pb.js: %d bytes, %d gzipped", len(Script()), len(Gzipped()))
}

func TestGzippedIsTheScript(t *testing.T) {
	zr, err := gzip.NewReader(bytes.NewReader(Gzipped()))
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, Script()) || len(got) == 0 {
		t.Fatalf("the gzipped copy holds %d bytes, not the script's %d", len(got), len(Script()))
	}
	if ETag() != computeETag(Script()) || ETag() == computeETag([]byte("other")) {
		t.Fatal("the ETag does not follow the script's content")
	}
}

func TestHandler(t *testing.T) {
	tests := []struct {
		name     string
		method   string
		header   map[string]string
		status   int
		encoding string
		body     []byte
	}{
		{"plain", "GET", nil, 200, "", Script()},
		{"gzip", "GET", map[string]string{"Accept-Encoding": "gzip, deflate, br"}, 200, "gzip", Gzipped()},
		{"gzip refused", "GET", map[string]string{"Accept-Encoding": "br, gzip;q=0"}, 200, "", Script()},
		{"any encoding", "GET", map[string]string{"Accept-Encoding": "*"}, 200, "gzip", Gzipped()},
		{"head", "HEAD", map[string]string{"Accept-Encoding": "gzip"}, 200, "gzip", nil},
		{"not modified", "GET", map[string]string{"If-None-Match": ETag()}, 304, "", nil},
		{"not modified, weak, among others", "GET", map[string]string{"If-None-Match": `"x", W/` + ETag()}, 304, "", nil},
		{"other etag", "GET", map[string]string{"If-None-Match": `"abc"`}, 200, "", Script()},
		{"post", "POST", nil, 405, "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest(tc.method, "/pb.js", nil)
			for k, v := range tc.header {
				r.Header.Set(k, v)
			}
			w := httptest.NewRecorder()
			Handler().ServeHTTP(w, r)
			if w.Code != tc.status {
				t.Fatalf("status %d, want %d", w.Code, tc.status)
			}
			if tc.status == 405 {
				return
			}
			h := w.Header()
			if h.Get("ETag") != ETag() || h.Get("Cache-Control") != CacheControl || h.Get("Vary") != "Accept-Encoding" {
				t.Fatalf("caching headers: %v", h)
			}
			if got := h.Get("Content-Encoding"); got != tc.encoding {
				t.Fatalf("Content-Encoding %q, want %q", got, tc.encoding)
			}
			if tc.status == 200 {
				if h.Get("Content-Type") != "text/javascript; charset=utf-8" {
					t.Fatalf("Content-Type %q", h.Get("Content-Type"))
				}
				want := len(Script())
				if tc.encoding == "gzip" {
					want = len(Gzipped())
				}
				if h.Get("Content-Length") != strconv.Itoa(want) {
					t.Fatalf("Content-Length %q, want %d", h.Get("Content-Length"), want)
				}
			}
			if !bytes.Equal(w.Body.Bytes(), tc.body) {
				t.Fatalf("body of %d bytes, want %d", w.Body.Len(), len(tc.body))
			}
		})
	}
}

// A real HTTP client (which asks for gzip and unpacks it) gets the script.
func TestHandlerOverHTTP(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/pb.js")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if !resp.Uncompressed || !bytes.Equal(got, Script()) {
		t.Fatalf("uncompressed %v, %d bytes", resp.Uncompressed, len(got))
	}
}
