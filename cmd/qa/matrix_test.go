package main

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/httpapi"
	"github.com/qa-scorer/qa-scorer/internal/password"
	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/store/storetest"
	"golang.org/x/crypto/bcrypt"
)

// Who may call what: the policy of docs/api.md, written out per route.
var (
	everyone  = []string{"anonymous", "admin", "trainer", "qa_reviewer", "team_lead", "agent"}
	signedIn  = everyone[1:]
	trainers  = []string{"admin", "trainer"}
	reviewers = []string{"admin", "qa_reviewer"}
)

func routeAccess() map[string][]string {
	return map[string][]string{
		"GET /healthz":                                       everyone,
		"GET /readyz":                                        everyone,
		"GET /metrics":                                       everyone,
		"GET /api/v1/openapi.json":                           everyone,
		"POST /api/v1/auth/login":                            everyone,
		"POST /api/v1/auth/logout":                           signedIn,
		"GET /api/v1/me":                                     signedIn,
		"POST /api/v1/tokens":                                signedIn,
		"POST /api/v1/conversations":                         {"admin"},
		"GET /api/v1/conversations":                          signedIn,
		"GET /api/v1/conversations/:key":                     signedIn,
		"GET /api/v1/scorecards":                             signedIn,
		"GET /api/v1/scorecards/:id":                         signedIn,
		"GET /api/v1/stats/agents":                           signedIn,
		"GET /api/v1/stats/teams":                            signedIn,
		"GET /api/v1/rubrics":                                signedIn,
		"POST /api/v1/rubrics/preview":                       trainers,
		"GET /api/v1/rubrics/:id/versions":                   {"admin", "trainer", "qa_reviewer"},
		"POST /api/v1/rubrics/:id/versions":                  trainers,
		"GET /api/v1/rubrics/:id/versions/:version/progress": trainers,
		"GET /api/v1/checklists":                             trainers,
		"GET /api/v1/checklists/:path/versions":              trainers,
		"POST /api/v1/checklists/:path/versions":             trainers,
		"GET /api/v1/queue":                                  reviewers,
		"POST /api/v1/queue/pull":                            reviewers,
		"POST /api/v1/reviews":                               reviewers,
		"GET /api/v1/reviews/:id":                            {"admin", "qa_reviewer", "team_lead", "agent"},
		"GET /api/v1/disputes":                               {"admin", "qa_reviewer", "team_lead", "agent"},
		"POST /api/v1/disputes":                              {"admin", "agent"},
		"POST /api/v1/disputes/:id/resolve":                  {"admin", "team_lead"},
		"GET /api/v1/coaching":                               {"admin", "team_lead", "agent"},
		"POST /api/v1/coaching":                              {"admin", "team_lead"},
		"POST /api/v1/coaching/:id/ack":                      {"admin", "agent"},
		"GET /api/v1/calibrations":                           reviewers,
		"POST /api/v1/calibrations":                          reviewers,
		"GET /api/v1/calibrations/:id":                       reviewers,
		"POST /api/v1/calibrations/:id/reveal":               reviewers,
		"GET /api/v1/audit":                                  {"admin", "qa_reviewer", "team_lead"},
		"GET /api/v1/users":                                  {"admin"},
		"GET /api/v1/users/directory":                        signedIn,
		"POST /api/v1/users":                                 {"admin"},
	}
}

// TestRouteRoleMatrix walks every route of the wired server (real store, real casbin policy
// from the database) with every role and without credentials, and checks that the policy
// lets exactly the listed roles through. A refused caller gets 401 (anonymous) or the
// authoriser's 403; an allowed one gets anything else (a 400 for the empty body, a 404 for a
// missing id), but never the authoriser's refusal.
func TestRouteRoleMatrix(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ts := startServer(t, dialect, false)
		tokens := roleTokens(t, ts.dsn)
		access := routeAccess()
		routes := apiRoutes(t, ts)
		for _, r := range routes {
			key := r.Method + " " + r.Path
			allowed, ok := access[key]
			if !ok {
				t.Errorf("route %s has no row in routeAccess: say who may call it", key)
				continue
			}
			delete(access, key)
			path := strings.NewReplacer(":key", "1", ":id", "1", ":version", "1", ":path", "settings.yaml").Replace(r.Path)
			for _, role := range everyone {
				t.Run(key+" as "+role, func(t *testing.T) {
					status, body := call(t, http.DefaultClient, r.Method, ts.url+path, tokens[role], "{}")
					// The authoriser's own refusals (not a handler's 401 for a wrong password).
					refused := (status == http.StatusUnauthorized && strings.Contains(body, "sign in or send an API token")) ||
						(status == http.StatusForbidden && strings.Contains(body, " may not "))
					if want := slices.Contains(allowed, role); refused == want {
						t.Errorf("%s as %s: %d %s; want allowed=%v", key, role, status, body, want)
					}
				})
			}
		}
		for key := range access {
			t.Errorf("routeAccess lists %s, which the server does not route", key)
		}
	})
}

// apiRoutes lists the server's routes (from a second API built on the same wiring).
func apiRoutes(t *testing.T, ts *testServer) []httpapi.Route {
	t.Helper()
	st := storetest.Open(t, ts.dsn)
	en, closer, err := newEnforcer(t.Context(), st, ts.dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	api, err := httpapi.New(httpapi.Config{Stores: storesFrom(st), Authorizer: en, Passwords: password.Hasher{}, Log: discardLog()})
	if err != nil {
		t.Fatal(err)
	}
	return api.Routes()
}

// roleTokens creates a user of every role and returns an API token per role ("" for anonymous).
func roleTokens(t *testing.T, dsn string) map[string]string {
	t.Helper()
	st := storetest.Open(t, dsn)
	hasher := password.Hasher{Cost: bcrypt.MinCost}
	tokens := map[string]string{"anonymous": ""}
	for _, role := range qa.Roles {
		hash, err := hasher.Hash("matrix-password")
		if err != nil {
			t.Fatal(err)
		}
		u := &qa.User{Email: string(role) + "@matrix.example", Name: string(role), Role: role, PasswordHash: hash,
			AgentID: "a-" + string(role), Teams: []string{"team-" + string(role)}}
		if err := st.CreateUser(t.Context(), u); err != nil {
			t.Fatal(err)
		}
		secret, tokenHash, err := httpapi.NewAPIToken()
		if err != nil {
			t.Fatal(err)
		}
		if err := st.CreateAPIToken(t.Context(), &qa.APIToken{UserID: u.ID, Name: "matrix", Hash: tokenHash}); err != nil {
			t.Fatal(err)
		}
		tokens[string(role)] = secret
	}
	return tokens
}
