package httpapi

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics are the server's Prometheus collectors. They are registered on the registry given
// in Config, never on the global one.
type Metrics struct {
	registry *prometheus.Registry
	// Requests counts requests by route (its pattern, not the raw path), method and status.
	Requests *prometheus.CounterVec
	// Duration observes request durations by route and method.
	Duration *prometheus.HistogramVec
	// Ingested counts ingested conversations by outcome: accepted, updated, rejected.
	Ingested *prometheus.CounterVec
	// ScoringLag observes the time from a conversation's ingestion to its scorecard, for the
	// scoring workers to report.
	ScoringLag prometheus.Histogram
}

// NewMetrics creates the collectors and registers them, with the Go runtime and process
// collectors, on reg.
func NewMetrics(reg *prometheus.Registry) (*Metrics, error) {
	m := &Metrics{
		registry: reg,
		Requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "qa_http_requests_total", Help: "HTTP requests by route, method and status.",
		}, []string{"route", "method", "status"}),
		Duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "qa_http_request_duration_seconds", Help: "HTTP request durations by route and method.",
			Buckets: prometheus.DefBuckets,
		}, []string{"route", "method"}),
		Ingested: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "qa_ingested_conversations_total", Help: "Ingested conversations by outcome (accepted, updated, rejected).",
		}, []string{"outcome"}),
		ScoringLag: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "qa_scoring_lag_seconds", Help: "Time from a conversation's ingestion to its scorecard.",
			Buckets: []float64{0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600},
		}),
	}
	for _, c := range []prometheus.Collector{
		m.Requests, m.Duration, m.Ingested, m.ScoringLag,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("httpapi: metrics: %w", err)
		}
	}
	for _, outcome := range []string{"accepted", "updated", "rejected"} {
		m.Ingested.WithLabelValues(outcome) // export zeros from the start
	}
	return m, nil
}

// observe records each request's route, status and duration. Unmatched paths share one label,
// so that a scan of random URLs cannot grow the metric without bound.
func (s *Server) observe(c *gin.Context) {
	start := time.Now()
	c.Next()
	route := c.FullPath()
	if route == "" {
		route = "unmatched"
	}
	s.metrics.Requests.WithLabelValues(route, c.Request.Method, strconv.Itoa(c.Writer.Status())).Inc()
	s.metrics.Duration.WithLabelValues(route, c.Request.Method).Observe(time.Since(start).Seconds())
}

// serveMetrics is GET /metrics, in the Prometheus text format.
func (s *Server) serveMetrics(c *gin.Context) {
	promhttp.HandlerFor(s.metrics.registry, promhttp.HandlerOpts{}).ServeHTTP(c.Writer, c.Request)
}

// recoverPanics turns a panic in a handler into a logged 500, keeping the server up.
func (s *Server) recoverPanics(c *gin.Context) {
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			writeError(c, s.log, panicError{v})
		}
	}()
	c.Next()
}

// panicError carries a recovered panic value to the log.
type panicError struct{ v any }

func (p panicError) Error() string { return fmt.Sprintf("panic: %v", p.v) }
