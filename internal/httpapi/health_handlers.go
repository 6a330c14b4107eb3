package httpapi

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
)

// healthz is GET /healthz: the process is up.
func (s *Server) healthz(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"status": "ok"})
}

// readyz is GET /readyz: the database answers within two seconds.
func (s *Server) readyz(c *gin.Context) {
	ctx, cancel := context.WithTimeout(c.Request.Context(), 2*time.Second)
	defer cancel()
	if err := s.cfg.Stores.Health.Ping(ctx); err != nil {
		s.log.WarnContext(ctx, "not ready", "err", err)
		c.JSON(http.StatusServiceUnavailable, gin.H{"status": "database unreachable"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": "ready"})
}

// openAPI is GET /api/v1/openapi.json.
func (s *Server) openAPI(c *gin.Context) {
	c.Data(http.StatusOK, "application/json", s.doc)
}

// noRoute answers an unknown /api path with a JSON 404 and hands every other path to the web
// app (which falls back to index.html for client-side routes).
func (s *Server) noRoute(c *gin.Context) {
	p := c.Request.URL.Path
	if s.cfg.Web == nil || p == "/api" || strings.HasPrefix(p, "/api/") {
		c.JSON(http.StatusNotFound, errorBody{Error: "no route " + c.Request.Method + " " + p, Status: http.StatusNotFound})
		return
	}
	s.cfg.Web.ServeHTTP(c.Writer, c.Request)
}
