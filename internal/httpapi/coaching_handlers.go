package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
)

// coachingQuery is the query of GET /coaching.
type coachingQuery struct {
	Agent string `form:"agent"`
}

// listCoaching is GET /coaching?agent=: an agent's coaching notes. Agents always get their own.
func (s *Server) listCoaching(c *gin.Context) {
	var q coachingQuery
	if err := decodeQuery(c, &q); err != nil {
		writeError(c, s.log, err)
		return
	}
	ctx := c.Request.Context()
	agentID, err := s.coachedAgent(ctx, q.Agent)
	if err != nil {
		writeError(c, s.log, err)
		return
	}
	items, err := s.cfg.Stores.Coaching.CoachingNotes(ctx, agentID)
	s.respond(c, http.StatusOK, listOf(items), err)
}

// createCoaching is POST /coaching {agent_id, text, scorecard_id}: a team lead's note.
func (s *Server) createCoaching(c *gin.Context) {
	var req coachingRequest
	if err := decodeJSON(c, &req); err != nil {
		writeError(c, s.log, err)
		return
	}
	n, err := s.coach(c, req)
	s.respond(c, http.StatusCreated, n, err)
}

func (s *Server) coach(c *gin.Context, req coachingRequest) (*qa.CoachingNote, error) {
	ctx := c.Request.Context()
	if req.Text == "" {
		return nil, qa.Errorf(qa.ErrInvalid, "text: is required")
	}
	agentID, err := s.coachedAgent(ctx, req.AgentID)
	if err != nil {
		return nil, err
	}
	if req.ScorecardID != 0 {
		sc, err := s.visibleScorecard(c, req.ScorecardID)
		if err != nil {
			return nil, err
		}
		if !slices.ContainsFunc(sc.Card.Agents, func(a rubric.AgentScore) bool { return a.AgentID == agentID }) {
			return nil, qa.Errorf(qa.ErrInvalid, "scorecard %d: agent %s took no part", sc.ID, agentID)
		}
	}
	n := &qa.CoachingNote{AgentID: agentID, AuthorID: callerFrom(ctx).user.ID, ScorecardID: req.ScorecardID,
		Text: req.Text, CreatedAt: s.cfg.Now()}
	if err := s.cfg.Stores.Coaching.CreateCoachingNote(ctx, n); err != nil {
		return nil, fmt.Errorf("coaching note for %s: %w", agentID, err)
	}
	return n, s.audit(ctx, "coaching.create", "coaching:"+strconv.FormatInt(n.ID, 10), agentID)
}

// ackCoaching is POST /coaching/:id/ack: the agent acknowledges a note addressed to them.
func (s *Server) ackCoaching(c *gin.Context) {
	id, err := idParam(c, "id")
	if err != nil {
		writeError(c, s.log, err)
		return
	}
	me := callerFrom(c.Request.Context()).user
	if me.AgentID == "" {
		writeError(c, s.log, qa.Errorf(qa.ErrForbidden, "only the agent a note is addressed to acknowledges it"))
		return
	}
	err = s.cfg.Stores.Coaching.AcknowledgeCoachingNote(c.Request.Context(), id, me.AgentID)
	s.respond(c, http.StatusNoContent, nil, err)
}

// coachedAgent returns the agent whose coaching the caller may read or write: an agent is
// always themselves; a team lead names an agent who works in one of their teams (seen in
// a conversation of the team); others name any agent.
func (s *Server) coachedAgent(ctx context.Context, requested string) (string, error) {
	who := callerFrom(ctx)
	u := who.user
	if u.Role == qa.RoleAgent {
		if u.AgentID == "" {
			return "", qa.Errorf(qa.ErrForbidden, "agent account %s is not linked to an agent id", u.Email)
		}
		return u.AgentID, nil
	}
	if requested == "" {
		return "", qa.Errorf(qa.ErrInvalid, "agent: is required")
	}
	if u.Role != qa.RoleTeamLead {
		return requested, nil
	}
	f := qa.Filter{AgentID: requested, Limit: 1}
	if err := scopeFilter(who, &f); err != nil {
		return "", err
	}
	_, total, err := s.cfg.Stores.Conversations.Conversations(ctx, f)
	if err != nil {
		return "", fmt.Errorf("agent %s: %w", requested, err)
	}
	if total == 0 {
		return "", qa.Errorf(qa.ErrForbidden, "agent %s works in none of your teams", requested)
	}
	return requested, nil
}
