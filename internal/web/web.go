// Package web serves the single-page web app: its files as they are, and index.html for every
// other path, so that client-side routes (/scorecards/12) survive a reload. When the app was
// not built (no index.html), every page is a short explanation instead.
package web

import (
	"bytes"
	"errors"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

// notBuilt is the page served when the frontend has not been built.
const notBuilt = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>qa-scorer</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
<h1>qa-scorer</h1>
<p><strong>The web app is not included (frontend not built)</strong>: this binary was compiled
while <code>frontend/dist</code> had no <code>index.html</code>.</p>
<p>Build it with <code>make frontend</code> (or <code>cd frontend &amp;&amp; npm ci &amp;&amp; npm run build</code>)
and rebuild <code>qa</code>. The API is available at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p>
</body></html>
`

// Handler serves the app in fsys (the contents of dist/: index.html at its root).
type Handler struct {
	fsys  fs.FS
	files http.Handler
	index []byte // nil when the app was not built
}

// New returns a handler for the app in fsys.
func New(fsys fs.FS) *Handler {
	h := &Handler{fsys: fsys, files: http.FileServerFS(fsys)}
	if b, err := fs.ReadFile(fsys, "index.html"); err == nil {
		h.index = b
	}
	return h
}

// Built reports whether the app has an index.html.
func (h *Handler) Built() bool { return h.index != nil }

// ServeHTTP serves a file when the path names one, else index.html (or the "not built" page).
// Only GET and HEAD are served.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if h.index == nil {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte(notBuilt)) // a failed write means the client left
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name != "" && name != "index.html" && h.isFile(name) {
		if strings.HasPrefix(name, "assets/") {
			// Vite fingerprints asset names: they never change under the same name.
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		}
		h.files.ServeHTTP(w, r)
		return
	}
	if path.Ext(name) != "" && name != "index.html" {
		// A missing file (/app.js, /favicon.ico) is a 404, not the app.
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, "index.html", time.Time{}, bytes.NewReader(h.index))
}

func (h *Handler) isFile(name string) bool {
	st, err := fs.Stat(h.fsys, name)
	if errors.Is(err, fs.ErrNotExist) || err != nil {
		return false
	}
	return !st.IsDir()
}
