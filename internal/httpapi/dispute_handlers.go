package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/qa-scorer/qa-scorer/internal/qa"
)

// disputeQuery is the query of GET /disputes.
type disputeQuery struct {
	Status string `form:"status"` // open, accepted, rejected; all when empty
}

// listDisputes is GET /disputes?status=: an agent's own, a team lead's teams', or all.
func (s *Server) listDisputes(c *gin.Context) {
	var q disputeQuery
	if err := decodeQuery(c, &q); err != nil {
		writeError(c, s.log, err)
		return
	}
	f, err := s.filter(c, false)
	if err != nil {
		writeError(c, s.log, err)
		return
	}
	items, err := s.cfg.Stores.Disputes.Disputes(c.Request.Context(), f, q.Status)
	if items == nil {
		items = []qa.Dispute{}
	}
	s.respond(c, http.StatusOK, list[qa.Dispute]{Items: items}, err)
}

// createDispute is POST /disputes {review_id, item_id, comment}: an agent objects to one item
// of a submitted review of their own scorecard.
func (s *Server) createDispute(c *gin.Context) {
	var req disputeRequest
	if err := decodeJSON(c, &req); err != nil {
		writeError(c, s.log, err)
		return
	}
	d, err := s.dispute(c, req)
	s.respond(c, http.StatusCreated, d, err)
}

func (s *Server) dispute(c *gin.Context, req disputeRequest) (*qa.Dispute, error) {
	ctx := c.Request.Context()
	if req.Comment == "" {
		return nil, qa.Errorf(qa.ErrInvalid, "comment: is required (why the item is wrong)")
	}
	r, err := s.visibleReview(c, req.ReviewID)
	if err != nil {
		return nil, err
	}
	if r.Status != reviewSubmitted {
		return nil, qa.Errorf(qa.ErrConflict, "review %d is not submitted", r.ID)
	}
	if !slices.ContainsFunc(r.Items, func(it qa.ReviewItem) bool { return it.ItemID == req.ItemID }) {
		return nil, qa.Errorf(qa.ErrInvalid, "item_id: %q is not an item of review %d", req.ItemID, r.ID)
	}
	agentID := callerFrom(ctx).user.AgentID
	if agentID == "" {
		sc, err := s.visibleScorecard(c, r.ScorecardID)
		if err != nil {
			return nil, err
		}
		if len(sc.Card.Agents) > 0 {
			agentID = sc.Card.Agents[0].AgentID
		}
	}
	d := &qa.Dispute{ReviewID: r.ID, ItemID: req.ItemID, AgentID: agentID, Comment: req.Comment,
		Status: disputeOpen, CreatedAt: s.cfg.Now()}
	if err := s.cfg.Stores.Disputes.CreateDispute(ctx, d); err != nil {
		return nil, fmt.Errorf("dispute review %d item %s: %w", r.ID, req.ItemID, err)
	}
	return d, s.audit(ctx, "dispute.create", "dispute:"+strconv.FormatInt(d.ID, 10), req.ItemID)
}

// resolveDispute is POST /disputes/:id/resolve {accepted, resolution}: a team lead decides a
// dispute of one of their teams.
func (s *Server) resolveDispute(c *gin.Context) {
	id, err := idParam(c, "id")
	if err != nil {
		writeError(c, s.log, err)
		return
	}
	var req resolveRequest
	if err := decodeJSON(c, &req); err != nil {
		writeError(c, s.log, err)
		return
	}
	err = s.resolve(c.Request.Context(), id, req)
	s.respond(c, http.StatusNoContent, nil, err)
}

func (s *Server) resolve(ctx context.Context, id int64, req resolveRequest) error {
	if req.Resolution == "" {
		return qa.Errorf(qa.ErrInvalid, "resolution: is required")
	}
	who := callerFrom(ctx)
	var f qa.Filter
	if err := scopeFilter(who, &f); err != nil {
		return err
	}
	// The contract has no single-dispute lookup; the open disputes in scope are few.
	open, err := s.cfg.Stores.Disputes.Disputes(ctx, f, disputeOpen)
	if err != nil {
		return fmt.Errorf("dispute %d: %w", id, err)
	}
	if !slices.ContainsFunc(open, func(d qa.Dispute) bool { return d.ID == id }) {
		return qa.Errorf(qa.ErrNotFound, "open dispute %d", id)
	}
	if err := s.cfg.Stores.Disputes.ResolveDispute(ctx, id, req.Accepted, req.Resolution, who.user.ID); err != nil {
		return fmt.Errorf("resolve dispute %d: %w", id, err)
	}
	verdict := "rejected"
	if req.Accepted {
		verdict = "accepted"
	}
	return s.audit(ctx, "dispute.resolve", "dispute:"+strconv.FormatInt(id, 10), verdict+": "+req.Resolution)
}
