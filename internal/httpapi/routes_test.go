package httpapi

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// TestRoutesMatchOpenAPI checks the OpenAPI document against the router, both ways: every
// route is documented and every documented operation is routed.
func TestRoutesMatchOpenAPI(t *testing.T) {
	h := newHarness(t)
	doc, err := loadOpenAPI()
	if err != nil {
		t.Fatal(err)
	}
	documented := map[string]bool{}
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			documented[method+" "+path] = true
		}
	}
	param := regexp.MustCompile(`[:*](\w+)`)
	routed := map[string]bool{}
	for _, r := range h.srv.engine.Routes() {
		routed[r.Method+" "+param.ReplaceAllString(r.Path, "{$1}")] = true
	}
	for op := range routed {
		if !documented[op] {
			t.Errorf("route %s is missing from openapi.yaml", op)
		}
	}
	for op := range documented {
		if !routed[op] {
			t.Errorf("openapi.yaml documents %s, which is not routed", op)
		}
	}
	if len(routed) != len(h.srv.Routes()) {
		t.Errorf("gin has %d routes, the route table %d", len(routed), len(h.srv.Routes()))
	}
}

// TestOpenAPIServed checks that the served document is the embedded one, valid and complete.
func TestOpenAPIServed(t *testing.T) {
	h := newHarness(t)
	rec := h.anonymous().get("/api/v1/openapi.json")
	wantStatus(t, rec, 200)
	doc, err := openapi3.NewLoader().LoadFromData(rec.Body.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(t.Context()); err != nil {
		t.Fatal(err)
	}
	if doc.Paths.Find("/api/v1/conversations") == nil {
		t.Error("served document lacks /api/v1/conversations")
	}
}

// TestRouteTableNamesAreKnown guards the names the policy is written in: object.action pairs
// are lower-case words.
func TestRouteTableNamesAreKnown(t *testing.T) {
	h := newHarness(t)
	word := regexp.MustCompile(`^[a-z]+$`)
	var seen []string
	for _, r := range h.srv.Routes() {
		if !word.MatchString(r.Object) || !word.MatchString(r.Action) {
			t.Errorf("%s %s: object %q action %q", r.Method, r.Path, r.Object, r.Action)
		}
		key := r.Method + " " + r.Path
		if slices.Contains(seen, key) {
			t.Errorf("route %s listed twice", key)
		}
		seen = append(seen, key)
	}
}

func TestUnknownAPIPathIsJSON404(t *testing.T) {
	h := newHarness(t)
	rec := h.anonymous().get("/api/v1/nope")
	wantStatus(t, rec, 404)
	var body errorBody
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || body.Status != 404 {
		t.Errorf("body %q", rec.Body)
	}
	rec = h.anonymous().do("DELETE", "/api/v1/me", "", nil)
	wantStatus(t, rec, 405)
	if !strings.Contains(rec.Body.String(), "method not allowed") {
		t.Errorf("body %q", rec.Body)
	}
}
