// Package pbjs holds the tracking script a shop's pages load (pb.js), ready to serve: the bytes,
// a gzipped copy and an ETag, computed once; and the pb_ref cookie both the script and the
// endpoint write, so that they agree on its format.
package pbjs

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
)

//go:embed pb.js
var script []byte

var (
	gzipped = mustGzip(script)
	etag    = computeETag(script)
)

// Script returns the tracking script's source. The slice is shared: do not change it.
func Script() []byte { return script }

// Gzipped returns the script gzipped at the best compression. The slice is shared.
func Gzipped() []byte { return gzipped }

// ETag returns the script's strong entity tag (quoted), the same for both encodings' content.
func ETag() string { return etag }

// CacheControl is what browsers and proxies are told: keep the script an hour, then ask again
// (an If-None-Match answered 304), so a new version reaches every shop's visitors within a day
// while most page views load it from the cache.
const CacheControl = "public, max-age=3600, stale-while-revalidate=86400"

func mustGzip(b []byte) []byte {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		panic(err)
	}
	if _, err := zw.Write(b); err != nil {
		panic(err)
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

func computeETag(b []byte) string {
	sum := sha256.Sum256(b)
	return `"` + hex.EncodeToString(sum[:12]) + `"`
}

// Handler serves the script for GET and HEAD /pb.js: caching headers, a 304 for a matching
// If-None-Match, the gzipped copy to clients that accept gzip.
func Handler() http.Handler { return http.HandlerFunc(serve) }

func serve(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, `{"error": {"code": "method_not_allowed", "message": "pb.js is read with GET"}}`, http.StatusMethodNotAllowed)
		return
	}
	h := w.Header()
	h.Set("Cache-Control", CacheControl)
	h.Set("ETag", etag)
	h.Set("Vary", "Accept-Encoding")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cross-Origin-Resource-Policy", "cross-origin")
	if matchesETag(r.Header.Get("If-None-Match")) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := script
	if acceptsGzip(r.Header.Get("Accept-Encoding")) {
		body = gzipped
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("Content-Type", "text/javascript; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodGet {
		w.Write(body) //nolint:errcheck // the client went away; nothing to do
	}
}

// matchesETag reports whether an If-None-Match header names the script's ETag (or is "*").
// Weak forms match too (W/"…"): proxies that re-encode mark tags weak.
func matchesETag(h string) bool {
	for _, t := range strings.Split(h, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == etag || t == "*" {
			return true
		}
	}
	return false
}

// acceptsGzip reports whether an Accept-Encoding header allows gzip (and not with q=0).
func acceptsGzip(h string) bool {
	for _, part := range strings.Split(h, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), "gzip") && strings.TrimSpace(name) != "*" {
			continue
		}
		q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}
