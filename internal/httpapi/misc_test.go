package httpapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/qa"
)

func jsonUnmarshal(s string, v any) error { return json.Unmarshal([]byte(s), v) }

func TestErrorStatus(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want int
	}{
		{"invalid", qa.Errorf(qa.ErrInvalid, "x"), 400},
		{"unauthorized", qa.Errorf(qa.ErrUnauthorized, "x"), 401},
		{"forbidden", fmt.Errorf("wrapped: %w", qa.ErrForbidden), 403},
		{"not found", qa.Errorf(qa.ErrNotFound, "x"), 404},
		{"conflict", qa.Errorf(qa.ErrConflict, "x"), 409},
		{"too large", fmt.Errorf("read: %w", &http.MaxBytesError{Limit: 10}), 413},
		{"anything else", errors.New("disk on fire"), 500},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := errorStatus(tc.err); got != tc.want {
				t.Errorf("errorStatus = %d, want %d", got, tc.want)
			}
		})
	}
	if msg := errorMessage(errors.New("password=hunter2"), 500); strings.Contains(msg, "hunter2") {
		t.Errorf("an internal error leaks its details: %q", msg)
	}
}

func TestHealth(t *testing.T) {
	h := newHarness(t)
	wantStatus(t, h.anonymous().get("/healthz"), 200)
	wantStatus(t, h.anonymous().get("/readyz"), 200)
	h.store.pingErr = errors.New("connection refused")
	wantStatus(t, h.anonymous().get("/readyz"), 503)
	wantStatus(t, h.anonymous().get("/healthz"), 200)
}

func TestMetrics(t *testing.T) {
	h := newHarness(t)
	admin := h.tokenFor(h.addUser(qa.RoleAdmin, "admin@example.com", ""))
	admin.do("POST", "/api/v1/conversations", conv("m-1", "a", "t")+"\n"+`{"id":"bad"}`, map[string]string{"Content-Type": "application/x-ndjson"})
	h.anonymous().get("/api/v1/scorecards/12")
	rec := h.anonymous().get("/metrics")
	wantStatus(t, rec, 200)
	for _, want := range []string{
		`qa_ingested_conversations_total{outcome="accepted"} 1`,
		`qa_ingested_conversations_total{outcome="rejected"} 1`,
		`qa_http_requests_total{method="POST",route="/api/v1/conversations",status="200"} 1`,
		// the route label is the pattern, not the raw path
		`qa_http_requests_total{method="GET",route="/api/v1/scorecards/:id",status="401"} 1`,
		`qa_http_request_duration_seconds_bucket{method="GET",route="/api/v1/scorecards/:id"`,
		`qa_scoring_lag_seconds_count 0`,
	} {
		if !strings.Contains(rec.Body.String(), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

func TestChecklistPath(t *testing.T) {
	for p, ok := range map[string]bool{
		"settings.yaml": true, "en/core.yaml": true, "ru/forbidden.yaml": true,
		"../etc/passwd": false, "en/../../x.yaml": false, "en/sub/x.yaml": false, "en/core.yml": false,
		"core.yaml": false, "/en/core.yaml": false, "en/.yaml": false,
	} {
		if _, err := checklistPath(p); (err == nil) != ok {
			t.Errorf("checklistPath(%q) = %v, want ok=%v", p, err, ok)
		}
	}
	// The escaped slash reaches the handler as one parameter.
	h := newHarness(t)
	trainer := h.tokenFor(h.addUser(qa.RoleTrainer, "t@example.com", ""))
	rec := trainer.do("POST", "/api/v1/checklists/en%2Fcore.yaml/versions", `{"yaml":"x: 1"}`, nil)
	wantStatus(t, rec, 201)
	var v publishChecklistResponse
	decode(t, rec, &v)
	if v.Version.Path != "en/core.yaml" {
		t.Errorf("published %q, want en/core.yaml", v.Version.Path)
	}
}
