package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
)

// listRubrics is GET /rubrics: the active version of every rubric.
func (s *Server) listRubrics(c *gin.Context) {
	items, err := s.cfg.Stores.Rubrics.ActiveRubrics(c.Request.Context())
	s.respond(c, http.StatusOK, listOf(items), err)
}

// rubricVersions is GET /rubrics/:id/versions.
func (s *Server) rubricVersions(c *gin.Context) {
	items, err := s.cfg.Stores.Rubrics.RubricVersions(c.Request.Context(), c.Param("id"))
	s.respond(c, http.StatusOK, listOf(items), err)
}

// publishRubric is POST /rubrics/:id/versions {yaml}: validate (errors name the line),
// publish as the next version, and schedule the re-scoring of stored conversations.
func (s *Server) publishRubric(c *gin.Context) {
	var req yamlRequest
	if err := decodeJSON(c, &req); err != nil {
		writeError(c, s.log, err)
		return
	}
	resp, err := s.publish(c.Request.Context(), c.Param("id"), req.YAML)
	s.respond(c, http.StatusCreated, resp, err)
}

func (s *Server) publish(ctx context.Context, id, yaml string) (*publishRubricResponse, error) {
	r, err := rubric.Parse([]byte(yaml), id+".yaml")
	if err != nil {
		return nil, invalid(err)
	}
	if r.ID != id {
		return nil, qa.Errorf(qa.ErrInvalid, "rubric %s.yaml: id: %q differs from the rubric in the path", id, r.ID)
	}
	me := callerFrom(ctx).user
	rv, err := s.cfg.Stores.Rubrics.PublishRubric(ctx, r, yaml, me.ID)
	if err != nil {
		return nil, fmt.Errorf("publish rubric %s: %w", id, err)
	}
	object := "rubric:" + id + "@" + strconv.Itoa(rv.Version)
	if err := s.audit(ctx, "rubric.publish", object, ""); err != nil {
		return nil, err
	}
	n, err := s.rescoreAll(ctx, r, rv)
	if err != nil {
		return nil, err
	}
	return &publishRubricResponse{Version: rv, Enqueued: n}, nil
}

// rescoreAll schedules every stored conversation r applies to for scoring with rv, a page of
// keys at a time, and returns how many were scheduled.
func (s *Server) rescoreAll(ctx context.Context, r *rubric.Rubric, rv qa.RubricVersion) (int, error) {
	if s.cfg.Queue == nil {
		return 0, nil
	}
	total := 0
	for after := int64(0); ; {
		keys, err := s.cfg.Stores.Conversations.ConversationKeys(ctx, r.AppliesTo, after, rescorePage)
		if err != nil {
			return total, fmt.Errorf("re-score %s@%d: %w", rv.RubricID, rv.Version, err)
		}
		if len(keys) == 0 {
			return total, nil
		}
		if err := s.cfg.Queue.Enqueue(ctx, keys, rv.RubricID, rv.Version); err != nil {
			return total, fmt.Errorf("re-score %s@%d: %w", rv.RubricID, rv.Version, err)
		}
		total += len(keys)
		after = keys[len(keys)-1]
	}
}

// parseVersion parses a stored rubric version.
func parseVersion(rv qa.RubricVersion) (*rubric.Rubric, error) {
	return rubric.Parse([]byte(rv.YAML), fmt.Sprintf("%s@%d", rv.RubricID, rv.Version))
}

// rescorePage is how many conversations are scheduled per round trip when a rubric is published.
const rescorePage = 1000

// previewRubric is POST /rubrics/preview {yaml, conversation_key}: the scorecard the rubric
// would give the conversation; nothing is stored.
func (s *Server) previewRubric(c *gin.Context) {
	var req previewRequest
	if err := decodeJSON(c, &req); err != nil {
		writeError(c, s.log, err)
		return
	}
	resp, err := s.preview(c, req)
	s.respond(c, http.StatusOK, resp, err)
}

func (s *Server) preview(c *gin.Context, req previewRequest) (*previewResponse, error) {
	if s.cfg.Scorer == nil {
		return nil, fmt.Errorf("rubric preview: %w", errNotConfigured)
	}
	r, err := rubric.Parse([]byte(req.YAML), "preview.yaml")
	if err != nil {
		return nil, invalid(err)
	}
	conv, err := s.conversation(c, req.ConversationKey)
	if err != nil {
		return nil, err
	}
	card, err := s.cfg.Scorer.Score(c.Request.Context(), r, conv.Conv)
	if err != nil {
		return nil, fmt.Errorf("rubric preview: %w", err)
	}
	return &previewResponse{Scorecard: card}, nil
}

// rescoreProgress is GET /rubrics/:id/versions/:version/progress.
func (s *Server) rescoreProgress(c *gin.Context) {
	v, err := idParam(c, "version")
	if err != nil {
		writeError(c, s.log, err)
		return
	}
	p, err := s.cfg.Stores.Rubrics.RescoreProgress(c.Request.Context(), c.Param("id"), int(v))
	s.respond(c, http.StatusOK, p, err)
}

// audit records that the caller did action on object.
func (s *Server) audit(ctx context.Context, action, object, detail string) error {
	e := qa.AuditEntry{At: s.cfg.Now(), UserID: callerFrom(ctx).user.ID, Action: action, Object: object, Detail: detail}
	if err := s.cfg.Stores.Audit.Audit(ctx, e); err != nil {
		return fmt.Errorf("audit %s %s: %w", action, object, err)
	}
	return nil
}
