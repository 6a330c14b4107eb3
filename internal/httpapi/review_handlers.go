package httpapi

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/qa-scorer/qa-scorer/internal/qa"
)

// queueQuery is the query of GET /queue.
type queueQuery struct {
	All bool `form:"all"` // include completed assignments
}

// listQueue is GET /queue: the caller's assignments, open ones unless ?all=true.
func (s *Server) listQueue(c *gin.Context) {
	var q queueQuery
	if err := decodeQuery(c, &q); err != nil {
		writeError(c, s.log, err)
		return
	}
	me := callerFrom(c.Request.Context()).user
	items, err := s.cfg.Stores.Assignments.Assignments(c.Request.Context(), me.ID, !q.All)
	s.respond(c, http.StatusOK, listOf(items), err)
}

// pullQueue is POST /queue/pull {rule, max}: assign the caller more scorecards picked by a
// sampling rule; a scorecard is never assigned to two reviewers.
func (s *Server) pullQueue(c *gin.Context) {
	var req pullRequest
	if err := decodeJSON(c, &req); err != nil {
		writeError(c, s.log, err)
		return
	}
	if req.Max <= 0 || req.Max > maxPage {
		writeError(c, s.log, qa.Errorf(qa.ErrInvalid, "max: want 1 to %d", maxPage))
		return
	}
	me := callerFrom(c.Request.Context()).user
	items, err := s.cfg.Stores.Assignments.Assign(c.Request.Context(), me.ID, req.Rule, req.Max)
	s.respond(c, http.StatusOK, listOf(items), err)
}

// saveReview is POST /reviews: create or update the caller's draft, or submit it.
func (s *Server) saveReview(c *gin.Context) {
	var req reviewRequest
	if err := decodeJSON(c, &req); err != nil {
		writeError(c, s.log, err)
		return
	}
	sc, err := s.visibleScorecard(c, req.ScorecardID)
	if err != nil {
		writeError(c, s.log, err)
		return
	}
	r, err := s.saveReviewFor(c.Request.Context(), sc, req)
	s.respond(c, http.StatusOK, r, err)
}

// getReview is GET /reviews/:id, when the caller may see it and its scorecard.
func (s *Server) getReview(c *gin.Context) {
	id, err := idParam(c, "id")
	if err != nil {
		writeError(c, s.log, err)
		return
	}
	r, err := s.visibleReview(c, id)
	s.respond(c, http.StatusOK, r, err)
}

// visibleReview loads a review the caller may see; one they may not is "not found".
func (s *Server) visibleReview(c *gin.Context, id int64) (*qa.Review, error) {
	r, err := s.cfg.Stores.Reviews.Review(c.Request.Context(), id)
	if err != nil {
		return nil, fmt.Errorf("review %d: %w", id, err)
	}
	if !seesReview(callerFrom(c.Request.Context()), r) {
		return nil, qa.Errorf(qa.ErrNotFound, "review %d", id)
	}
	if _, err := s.visibleScorecard(c, r.ScorecardID); errors.Is(err, qa.ErrNotFound) {
		return nil, qa.Errorf(qa.ErrNotFound, "review %d", id)
	} else if err != nil {
		return nil, fmt.Errorf("review %d: %w", id, err)
	}
	return r, nil
}
