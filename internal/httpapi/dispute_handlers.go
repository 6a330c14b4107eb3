package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/qa-scorer/qa-scorer/internal/check"
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
	s.respond(c, http.StatusOK, listOf(items), err)
}

// createDispute is POST /disputes {review_id, item_id, comment, result}: an agent objects to
// one item of a submitted review of their own scorecard, asking for result (by default the
// other of pass and fail).
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
		Result: check.Outcome(req.Result), Status: disputeOpen, CreatedAt: s.cfg.Now()}
	if err := s.cfg.Stores.Disputes.CreateDispute(ctx, d); err != nil {
		return nil, fmt.Errorf("dispute review %d item %s: %w", r.ID, req.ItemID, err)
	}
	detail := fmt.Sprintf("%s: asks for %s: %s", d.ItemID, d.Result, d.Comment)
	if err := s.audit(ctx, "dispute.create", disputeObject(d.ID), detail); err != nil {
		return nil, err
	}
	return d, s.audit(ctx, "dispute.create", reviewObject(r.ID), fmt.Sprintf("dispute %d: %s", d.ID, detail))
}

// resolveDispute is POST /disputes/:id/resolve {accepted, resolution, result}: a team lead
// decides a dispute of one of their teams and gets it back resolved. Accepting changes the
// reviewed item to the result the agent asked for (or to result), which changes the review's
// human score and the agent's statistics; rejecting leaves the review as it is.
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
	d, err := s.resolve(c.Request.Context(), id, req)
	s.respond(c, http.StatusOK, d, err)
}

func (s *Server) resolve(ctx context.Context, id int64, req resolveRequest) (*qa.Dispute, error) {
	if req.Resolution == "" {
		return nil, qa.Errorf(qa.ErrInvalid, "resolution: is required")
	}
	if req.Result != "" && !req.Accepted {
		return nil, qa.Errorf(qa.ErrInvalid, "result: only an accepted dispute changes the item")
	}
	who := callerFrom(ctx)
	open, err := s.visibleDispute(ctx, id)
	if err != nil {
		return nil, err
	}
	if open.Status != disputeOpen {
		return nil, qa.Errorf(qa.ErrConflict, "dispute %d is already %s", id, open.Status)
	}
	// The result before, for the audit trail (the store changes it in one transaction).
	r, err := s.cfg.Stores.Reviews.Review(ctx, open.ReviewID)
	if err != nil {
		return nil, fmt.Errorf("dispute %d: review %d: %w", id, open.ReviewID, err)
	}
	before := check.Outcome("")
	if i := slices.IndexFunc(r.Items, func(it qa.ReviewItem) bool { return it.ItemID == open.ItemID }); i >= 0 {
		before = r.Items[i].Result
	}
	d, err := s.cfg.Stores.Disputes.ResolveDispute(ctx, id, qa.DisputeResolution{
		Accepted: req.Accepted, Result: check.Outcome(req.Result), Resolution: req.Resolution, By: who.user.ID})
	if err != nil {
		return nil, fmt.Errorf("resolve dispute %d: %w", id, err)
	}
	if err := s.audit(ctx, "dispute.resolve", disputeObject(id), d.Status+": "+req.Resolution); err != nil {
		return nil, err
	}
	if !req.Accepted {
		return d, s.audit(ctx, "dispute.reject", reviewObject(d.ReviewID), fmt.Sprintf("dispute %d: %s stays %s: %s", id, d.ItemID, before, req.Resolution))
	}
	detail := fmt.Sprintf("dispute %d: %s: %s → %s: %s", id, d.ItemID, before, d.Result, req.Resolution)
	return d, s.audit(ctx, "item.dispute", reviewObject(d.ReviewID), detail)
}

// visibleDispute loads a dispute the caller may see (an agent's own, a team lead's teams',
// everyone's for other roles); one they may not is "not found".
func (s *Server) visibleDispute(ctx context.Context, id int64) (*qa.Dispute, error) {
	d, err := s.cfg.Stores.Disputes.Dispute(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("dispute %d: %w", id, err)
	}
	var f qa.Filter
	if err := scopeFilter(callerFrom(ctx), &f); err != nil {
		return nil, err
	}
	if (len(f.AgentIDs) > 0 && !slices.Contains(f.AgentIDs, d.AgentID)) || (len(f.Teams) > 0 && !slices.Contains(f.Teams, d.Team)) {
		return nil, qa.Errorf(qa.ErrNotFound, "dispute %d", id)
	}
	return d, nil
}

func disputeObject(id int64) string { return "dispute:" + strconv.FormatInt(id, 10) }
func reviewObject(id int64) string  { return "review:" + strconv.FormatInt(id, 10) }
