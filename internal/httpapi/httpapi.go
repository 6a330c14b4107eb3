// Package httpapi is the JSON HTTP API of the QA server, under /api/v1, and the root endpoints
// /healthz, /readyz and /metrics. Routes are listed in one function (routes.go); each route
// names the object and action the authoriser decides on. Handlers are grouped by resource
// (conversation_handlers.go, review_handlers.go, ...) and stay thin: decode, one call, map the
// error (errors.go), encode. The API is described by openapi.yaml, served as
// /api/v1/openapi.json and checked against the routes by the tests.
//
// httpapi imports neither the store nor the authoriser: it declares the small interfaces it
// consumes (stores.go), which cmd/qa satisfies with *store.Store and *authz.Enforcer.
package httpapi

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
)

// Defaults of Config.
const (
	DefaultMaxIngestBytes = 256 << 20 // one POST /conversations body
	DefaultMaxJSONBytes   = 4 << 20   // any other request body
	DefaultSessionTTL     = 12 * time.Hour
	DefaultIngestBatch    = 500 // conversations stored per database round trip
)

// Config is everything the API needs. Stores, Authorizer, Passwords and Log are required.
type Config struct {
	Stores     Stores
	Authorizer authorizer
	Passwords  passwordHasher
	Log        *slog.Logger
	// Queue schedules scoring after ingestion and publication; nil skips scheduling.
	Queue scoringQueue
	// Scorer scores rubric previews; nil makes POST /rubrics/preview answer 503.
	Scorer scorer
	// Checklists validates checklist files before publication; nil accepts any YAML.
	Checklists checklistValidator
	// Web serves everything outside /api, /healthz, /readyz and /metrics (the SPA); nil → 404.
	Web http.Handler
	// Registry receives the API's metrics and is what /metrics exposes; nil makes a new one.
	Registry *prometheus.Registry
	// SecureCookies marks the session cookies Secure (set it whenever the server is reached
	// over HTTPS, directly or through a proxy).
	SecureCookies bool
	// MaxIngestBytes limits a POST /conversations body; DefaultMaxIngestBytes when zero.
	MaxIngestBytes int64
	// IngestBatch is how many conversations are stored at a time; DefaultIngestBatch when zero.
	IngestBatch int
	// SessionTTL is how long a sign-in lasts; DefaultSessionTTL when zero.
	SessionTTL time.Duration
	// Now is the clock; time.Now when nil.
	Now func() time.Time
}

// Server is the API: an http.Handler with its routes and metrics.
type Server struct {
	cfg     Config
	log     *slog.Logger
	engine  *gin.Engine
	metrics *Metrics
	doc     []byte // the OpenAPI document as JSON
	routes  []route
	// dummyHash is verified against when an unknown email signs in (see signIn).
	dummyHash string
}

// New builds the API from cfg. It fails when a required dependency is missing or when the
// embedded OpenAPI document does not validate.
func New(cfg Config) (*Server, error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	cfg.defaults()
	doc, err := openAPIJSON()
	if err != nil {
		return nil, err
	}
	metrics, err := NewMetrics(cfg.Registry)
	if err != nil {
		return nil, err
	}
	dummy, err := cfg.Passwords.Hash("no-such-user-password")
	if err != nil {
		return nil, fmt.Errorf("httpapi: %w", err)
	}
	s := &Server{cfg: cfg, log: cfg.Log, metrics: metrics, doc: doc, dummyHash: dummy}
	s.routes = s.routeTable()
	s.engine = s.buildEngine()
	return s, nil
}

func (cfg *Config) check() error {
	st := cfg.Stores
	for _, dep := range []struct {
		name string
		ok   bool
	}{
		{"Stores.Conversations", st.Conversations != nil}, {"Stores.Scorecards", st.Scorecards != nil},
		{"Stores.Stats", st.Stats != nil}, {"Stores.Rubrics", st.Rubrics != nil},
		{"Stores.Checklists", st.Checklists != nil}, {"Stores.Users", st.Users != nil},
		{"Stores.Sessions", st.Sessions != nil}, {"Stores.Tokens", st.Tokens != nil},
		{"Stores.Reviews", st.Reviews != nil}, {"Stores.Assignments", st.Assignments != nil},
		{"Stores.Disputes", st.Disputes != nil}, {"Stores.Coaching", st.Coaching != nil},
		{"Stores.Calibrations", st.Calibrations != nil}, {"Stores.Audit", st.Audit != nil},
		{"Stores.Health", st.Health != nil}, {"Authorizer", cfg.Authorizer != nil},
		{"Passwords", cfg.Passwords != nil}, {"Log", cfg.Log != nil},
	} {
		if !dep.ok {
			return errors.New("httpapi: Config." + dep.name + " is required")
		}
	}
	return nil
}

func (cfg *Config) defaults() {
	if cfg.Registry == nil {
		cfg.Registry = prometheus.NewRegistry()
	}
	if cfg.MaxIngestBytes <= 0 {
		cfg.MaxIngestBytes = DefaultMaxIngestBytes
	}
	if cfg.IngestBatch <= 0 {
		cfg.IngestBatch = DefaultIngestBatch
	}
	if cfg.SessionTTL <= 0 {
		cfg.SessionTTL = DefaultSessionTTL
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
}

// ServeHTTP serves the API, the root endpoints and, for every other path, Config.Web.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.engine.ServeHTTP(w, r)
}

// Metrics returns the API's Prometheus collectors (ingestion counts, request durations), so
// that the caller can record what happens outside HTTP, such as scoring lag.
func (s *Server) Metrics() *Metrics { return s.metrics }

// Route describes one route: its method, its path in gin syntax (":key" for a parameter) and
// the object and action the authoriser decides on.
type Route struct {
	Method string
	Path   string
	Object string
	Action string
}

// Routes lists every route of the server, in the order of the route table.
func (s *Server) Routes() []Route {
	out := make([]Route, len(s.routes))
	for i, r := range s.routes {
		out[i] = Route{Method: r.method, Path: r.path, Object: r.object, Action: r.action}
	}
	return out
}

// buildEngine registers the routes of the table on a gin engine, each behind the common
// middleware and the authoriser for its object and action.
func (s *Server) buildEngine() *gin.Engine {
	e := gin.New()
	e.ContextWithFallback = true
	// Checklist paths contain a slash ("en/core.yaml"); clients escape it ("en%2Fcore.yaml")
	// and the router matches on the escaped path, so that it stays one path segment.
	e.UseRawPath = true
	e.UnescapePathValues = true
	e.HandleMethodNotAllowed = true
	e.Use(s.recoverPanics, s.observe, s.authenticate, s.checkCSRF)
	for _, r := range s.routes {
		e.Handle(r.method, r.path, s.authorize(r.object, r.action), r.handle)
	}
	e.NoMethod(func(c *gin.Context) {
		writeError(c, s.log, errMethodNotAllowed)
	})
	e.NoRoute(s.noRoute)
	return e
}
