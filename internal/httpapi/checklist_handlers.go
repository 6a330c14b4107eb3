package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"path"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/qa-scorer/qa-scorer/internal/qa"
)

// Checklist paths are "settings.yaml" or "LANG/NAME.yaml", as in the checklists/ folder. In a
// URL the slash is escaped: /checklists/en%2Fcore.yaml/versions.

// listChecklists is GET /checklists: the latest version of each checklist file.
func (s *Server) listChecklists(c *gin.Context) {
	items, err := s.cfg.Stores.Checklists.Checklists(c.Request.Context())
	s.respond(c, http.StatusOK, listOf(items), err)
}

// checklistVersions is GET /checklists/:path/versions.
func (s *Server) checklistVersions(c *gin.Context) {
	p, err := checklistPath(c.Param("path"))
	if err != nil {
		writeError(c, s.log, err)
		return
	}
	items, err := s.cfg.Stores.Checklists.ChecklistVersions(c.Request.Context(), p)
	s.respond(c, http.StatusOK, listOf(items), err)
}

// publishChecklist is POST /checklists/:path/versions {yaml}: validate against the published
// checklists, publish as the next version, and schedule the re-scoring of the stored
// conversations with every active rubric (the workers score with the new checklists).
func (s *Server) publishChecklist(c *gin.Context) {
	var req yamlRequest
	if err := decodeJSON(c, &req); err != nil {
		writeError(c, s.log, err)
		return
	}
	p, err := checklistPath(c.Param("path"))
	if err != nil {
		writeError(c, s.log, err)
		return
	}
	v, err := s.publishChecklistVersion(c.Request.Context(), p, req.YAML)
	s.respond(c, http.StatusCreated, v, err)
}

func (s *Server) publishChecklistVersion(ctx context.Context, p, yaml string) (*publishChecklistResponse, error) {
	if s.cfg.Checklists != nil {
		if err := s.cfg.Checklists.ValidateChecklist(ctx, p, []byte(yaml)); err != nil {
			return nil, invalid(err)
		}
	}
	v, err := s.cfg.Stores.Checklists.PublishChecklist(ctx, p, yaml, callerFrom(ctx).user.ID)
	if err != nil {
		return nil, fmt.Errorf("publish checklist %s: %w", p, err)
	}
	if err := s.audit(ctx, "checklist.publish", "checklist:"+p+"@"+strconv.Itoa(v.Version), ""); err != nil {
		return nil, err
	}
	n, err := s.rescoreActive(ctx)
	if err != nil {
		return nil, err
	}
	return &publishChecklistResponse{Version: v, Enqueued: n}, nil
}

// rescoreActive schedules every stored conversation for scoring again with the active version
// of each rubric that applies to it, and returns how many jobs were scheduled.
func (s *Server) rescoreActive(ctx context.Context) (int, error) {
	active, err := s.cfg.Stores.Rubrics.ActiveRubrics(ctx)
	if err != nil {
		return 0, fmt.Errorf("re-score: active rubrics: %w", err)
	}
	total := 0
	for _, rv := range active {
		r, err := parseVersion(rv)
		if err != nil {
			return total, fmt.Errorf("re-score with %s@%d: %w", rv.RubricID, rv.Version, err)
		}
		n, err := s.rescoreAll(ctx, r, rv)
		total += n
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

// checklistPath validates a checklist path: settings.yaml or LANG/NAME.yaml, nothing else.
func checklistPath(p string) (string, error) {
	bad := qa.Errorf(qa.ErrInvalid, "checklist path %q: want settings.yaml or LANG/NAME.yaml", p)
	if p == "settings.yaml" {
		return p, nil
	}
	lang, name, ok := strings.Cut(p, "/")
	if !ok || path.Clean(p) != p || strings.Contains(name, "/") || !strings.HasSuffix(name, ".yaml") ||
		len(name) <= len(".yaml") || lang == "" || lang == ".." || lang == "." {
		return "", bad
	}
	return p, nil
}
