package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/qa-scorer/qa-scorer/internal/calibration"
	"github.com/qa-scorer/qa-scorer/internal/qa"
)

// createCalibration is POST /calibrations {name, scorecard_ids, reviewer_ids}: a blind
// session in which the reviewers score the same scorecards.
func (s *Server) createCalibration(c *gin.Context) {
	var req calibrationRequest
	if err := decodeJSON(c, &req); err != nil {
		writeError(c, s.log, err)
		return
	}
	cal, err := s.newCalibration(c.Request.Context(), req)
	s.respond(c, http.StatusCreated, cal, err)
}

func (s *Server) newCalibration(ctx context.Context, req calibrationRequest) (*qa.Calibration, error) {
	switch {
	case req.Name == "":
		return nil, qa.Errorf(qa.ErrInvalid, "name: is required")
	case len(req.ScorecardIDs) == 0:
		return nil, qa.Errorf(qa.ErrInvalid, "scorecard_ids: name at least one scorecard")
	case len(req.ReviewerIDs) < 2:
		return nil, qa.Errorf(qa.ErrInvalid, "reviewer_ids: a calibration needs at least two reviewers")
	}
	cal := &qa.Calibration{Name: req.Name, ScorecardIDs: req.ScorecardIDs, ReviewerIDs: req.ReviewerIDs,
		CreatedBy: callerFrom(ctx).user.ID, CreatedAt: s.cfg.Now()}
	if err := s.cfg.Stores.Calibrations.CreateCalibration(ctx, cal); err != nil {
		return nil, fmt.Errorf("create calibration: %w", err)
	}
	return cal, s.audit(ctx, "calibration.create", "calibration:"+strconv.FormatInt(cal.ID, 10), req.Name)
}

// getCalibration is GET /calibrations/:id: the session and its reviews: before the reveal
// only the caller's own (the session is blind), after it every review and the agreement.
func (s *Server) getCalibration(c *gin.Context) {
	id, err := idParam(c, "id")
	if err != nil {
		writeError(c, s.log, err)
		return
	}
	resp, err := s.calibration(c.Request.Context(), id)
	s.respond(c, http.StatusOK, resp, err)
}

func (s *Server) calibration(ctx context.Context, id int64) (*calibrationResponse, error) {
	cal, err := s.cfg.Stores.Calibrations.Calibration(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("calibration %d: %w", id, err)
	}
	me := callerFrom(ctx).user
	if me.Role != qa.RoleAdmin && cal.CreatedBy != me.ID && !slices.Contains(cal.ReviewerIDs, me.ID) {
		return nil, qa.Errorf(qa.ErrNotFound, "calibration %d", id)
	}
	var reviews []qa.Review
	for _, scID := range cal.ScorecardIDs {
		rs, err := s.cfg.Stores.Reviews.ReviewsByScorecard(ctx, scID)
		if err != nil {
			return nil, fmt.Errorf("calibration %d: reviews of scorecard %d: %w", id, scID, err)
		}
		for _, r := range rs {
			if r.CalibrationID == id && (cal.RevealedAt != nil || r.ReviewerID == me.ID) {
				reviews = append(reviews, r)
			}
		}
	}
	resp := &calibrationResponse{Calibration: *cal, Reviews: reviews}
	if resp.Reviews == nil {
		resp.Reviews = []qa.Review{}
	}
	if cal.RevealedAt != nil {
		rep := calibration.Measure(reviews)
		resp.Agreement = &rep
	}
	return resp, nil
}

// revealCalibration is POST /calibrations/:id/reveal: by its creator (or an administrator);
// answers the session with every review and the agreement figures.
func (s *Server) revealCalibration(c *gin.Context) {
	id, err := idParam(c, "id")
	if err != nil {
		writeError(c, s.log, err)
		return
	}
	resp, err := s.reveal(c.Request.Context(), id)
	s.respond(c, http.StatusOK, resp, err)
}

func (s *Server) reveal(ctx context.Context, id int64) (*calibrationResponse, error) {
	cal, err := s.cfg.Stores.Calibrations.Calibration(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("calibration %d: %w", id, err)
	}
	me := callerFrom(ctx).user
	if me.Role != qa.RoleAdmin && cal.CreatedBy != me.ID {
		return nil, qa.Errorf(qa.ErrForbidden, "only the creator of calibration %d reveals it", id)
	}
	if cal.RevealedAt == nil {
		if err := s.cfg.Stores.Calibrations.RevealCalibration(ctx, id); err != nil {
			return nil, fmt.Errorf("reveal calibration %d: %w", id, err)
		}
		if err := s.audit(ctx, "calibration.reveal", "calibration:"+strconv.FormatInt(id, 10), ""); err != nil {
			return nil, err
		}
	}
	return s.calibration(ctx, id)
}
