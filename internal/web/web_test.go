package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

func get(t *testing.T, h http.Handler, method, path string) (int, string, http.Header) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, path, nil))
	body, _ := io.ReadAll(rec.Result().Body)
	return rec.Code, string(body), rec.Result().Header
}

func TestServesBuiltApp(t *testing.T) {
	h := New(fstest.MapFS{
		"index.html":         {Data: []byte("<html>app</html>")},
		"assets/app-1a2b.js": {Data: []byte("console.log(1)")},
		"favicon.svg":        {Data: []byte("<svg/>")},
	})
	tests := []struct {
		name, method, path string
		status             int
		body               string
	}{
		{"root is the app", "GET", "/", 200, "<html>app</html>"},
		{"client route falls back to index.html", "GET", "/scorecards/12", 200, "<html>app</html>"},
		{"nested client route", "GET", "/reviews/queue/open", 200, "<html>app</html>"},
		{"asset is served as is", "GET", "/assets/app-1a2b.js", 200, "console.log(1)"},
		{"file at the root", "GET", "/favicon.svg", 200, "<svg/>"},
		{"missing asset is 404", "GET", "/assets/gone.js", 404, "404 page not found\n"},
		{"path traversal stays inside", "GET", "/../../etc/passwd", 200, "<html>app</html>"},
		{"POST is refused", "POST", "/", 405, "method not allowed\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, body, _ := get(t, h, tc.method, tc.path)
			if status != tc.status || body != tc.body {
				t.Errorf("%s %s = %d %q, want %d %q", tc.method, tc.path, status, body, tc.status, tc.body)
			}
		})
	}
	if !h.Built() {
		t.Error("Built() = false with an index.html")
	}
	if _, _, hdr := get(t, h, "GET", "/assets/app-1a2b.js"); !strings.Contains(hdr.Get("Cache-Control"), "immutable") {
		t.Errorf("asset Cache-Control = %q, want immutable", hdr.Get("Cache-Control"))
	}
}

func TestNotBuilt(t *testing.T) {
	h := New(fstest.MapFS{".gitkeep": {Data: nil}})
	if h.Built() {
		t.Fatal("Built() = true without index.html")
	}
	for _, p := range []string{"/", "/scorecards/3"} {
		status, body, hdr := get(t, h, "GET", p)
		if status != 200 || !strings.Contains(body, "frontend not built") || !strings.HasPrefix(hdr.Get("Content-Type"), "text/html") {
			t.Errorf("GET %s = %d %q (%s), want the not-built page", p, status, body, hdr.Get("Content-Type"))
		}
	}
}
