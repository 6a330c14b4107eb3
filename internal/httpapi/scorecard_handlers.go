package httpapi

import (
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/qa-scorer/qa-scorer/internal/qa"
)

// listScorecards is GET /scorecards: filtered, paginated, scoped to the caller.
func (s *Server) listScorecards(c *gin.Context) {
	f, err := s.filter(c, true)
	if err != nil {
		writeError(c, s.log, err)
		return
	}
	items, total, err := s.cfg.Stores.Scorecards.Scorecards(c.Request.Context(), f)
	s.respond(c, http.StatusOK, pageOf(items, total), err)
}

// getScorecard is GET /scorecards/:id, with the reviews the caller may see.
func (s *Server) getScorecard(c *gin.Context) {
	id, err := idParam(c, "id")
	if err != nil {
		writeError(c, s.log, err)
		return
	}
	resp, err := s.scorecard(c, id)
	s.respond(c, http.StatusOK, resp, err)
}

func (s *Server) scorecard(c *gin.Context, id int64) (*scorecardResponse, error) {
	ctx := c.Request.Context()
	sc, err := s.visibleScorecard(c, id)
	if err != nil {
		return nil, err
	}
	reviews, err := s.cfg.Stores.Reviews.ReviewsByScorecard(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("scorecard %d: reviews: %w", id, err)
	}
	return &scorecardResponse{StoredScorecard: *sc, Reviews: visibleReviews(callerFrom(ctx), reviews)}, nil
}

// visibleScorecard loads a scorecard the caller may see; one they may not is "not found".
func (s *Server) visibleScorecard(c *gin.Context, id int64) (*qa.StoredScorecard, error) {
	sc, err := s.cfg.Stores.Scorecards.Scorecard(c.Request.Context(), id)
	if err != nil {
		return nil, fmt.Errorf("scorecard %d: %w", id, err)
	}
	if !seesScorecard(callerFrom(c.Request.Context()), sc) {
		return nil, qa.Errorf(qa.ErrNotFound, "scorecard %d", id)
	}
	return sc, nil
}

// agentStats is GET /stats/agents: one entry per agent the caller may see.
func (s *Server) agentStats(c *gin.Context) {
	f, err := s.filter(c, false)
	if err != nil {
		writeError(c, s.log, err)
		return
	}
	stats, err := s.cfg.Stores.Stats.AgentStats(c.Request.Context(), f)
	if stats == nil {
		stats = []qa.AgentStats{}
	}
	s.respond(c, http.StatusOK, list[qa.AgentStats]{Items: stats}, err)
}

// teamStats is GET /stats/teams: one entry per team the caller may see.
func (s *Server) teamStats(c *gin.Context) {
	f, err := s.filter(c, false)
	if err != nil {
		writeError(c, s.log, err)
		return
	}
	stats, err := s.cfg.Stores.Stats.TeamStats(c.Request.Context(), f)
	if stats == nil {
		stats = []qa.AgentStats{}
	}
	s.respond(c, http.StatusOK, list[qa.AgentStats]{Items: stats}, err)
}
