package httpapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/qa-scorer/qa-scorer/internal/calibration"
	"github.com/qa-scorer/qa-scorer/internal/qa"
)

// listCalibrations is GET /calibrations: the sessions the caller created or is invited to
// review in, newest first (administrators: every session), each with every reviewer's
// progress, so that a reviewer sees what is left to do and a creator when to reveal.
func (s *Server) listCalibrations(c *gin.Context) {
	ctx := c.Request.Context()
	me := callerFrom(ctx).user
	participant := me.ID
	if me.Role == qa.RoleAdmin {
		participant = 0
	}
	items, err := s.cfg.Stores.Calibrations.Calibrations(ctx, participant)
	if err != nil {
		err = fmt.Errorf("calibrations of user %d: %w", me.ID, err)
	}
	s.respond(c, http.StatusOK, listOf(items), err)
}

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
	case len(slices.Compact(slices.Sorted(slices.Values(req.ReviewerIDs)))) < 2:
		return nil, qa.Errorf(qa.ErrInvalid, "reviewer_ids: a calibration needs at least two reviewers")
	}
	if err := s.checkReviewers(ctx, req.ReviewerIDs); err != nil {
		return nil, err
	}
	cal := &qa.Calibration{Name: req.Name, ScorecardIDs: req.ScorecardIDs, ReviewerIDs: req.ReviewerIDs,
		CreatedBy: callerFrom(ctx).user.ID, CreatedAt: s.cfg.Now()}
	if err := s.cfg.Stores.Calibrations.CreateCalibration(ctx, cal); err != nil {
		return nil, fmt.Errorf("create calibration: %w", err)
	}
	return cal, s.audit(ctx, "calibration.create", "calibration:"+strconv.FormatInt(cal.ID, 10), req.Name)
}

// checkReviewers verifies that every invited person exists and may review (a QA reviewer or an
// administrator): anyone else could never submit a review, and the session would stay open.
func (s *Server) checkReviewers(ctx context.Context, ids []int64) error {
	for _, id := range ids {
		u, err := s.cfg.Stores.Users.User(ctx, id)
		if errors.Is(err, qa.ErrNotFound) {
			return qa.Errorf(qa.ErrInvalid, "reviewer_ids: there is no user %d", id)
		}
		if err != nil {
			return fmt.Errorf("calibration reviewer %d: %w", id, err)
		}
		if u.Role != qa.RoleQAReviewer && u.Role != qa.RoleAdmin {
			return qa.Errorf(qa.ErrInvalid, "reviewer_ids: %s (role %s) may not review: invite QA reviewers", u.Name, u.Role)
		}
	}
	return nil
}

// calibrationSession is a session as GET /calibrations/:id answers it: the session, the reviews
// the caller may see, the agreement once revealed, and every reviewer's progress (how many of
// its scorecards they submitted; no verdict), which is shown before the reveal too.
type calibrationSession struct {
	calibrationResponse
	Progress []qa.CalibrationProgress `json:"progress"`
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

func (s *Server) calibration(ctx context.Context, id int64) (*calibrationSession, error) {
	cal, err := s.cfg.Stores.Calibrations.Calibration(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("calibration %d: %w", id, err)
	}
	me := callerFrom(ctx).user
	if me.Role != qa.RoleAdmin && cal.CreatedBy != me.ID && !slices.Contains(cal.ReviewerIDs, me.ID) {
		return nil, qa.Errorf(qa.ErrNotFound, "calibration %d", id)
	}
	var reviews []qa.Review
	progress := make([]qa.CalibrationProgress, len(cal.ReviewerIDs))
	for i, rid := range cal.ReviewerIDs {
		progress[i].ReviewerID = rid
	}
	for _, scID := range cal.ScorecardIDs {
		rs, err := s.cfg.Stores.Reviews.ReviewsByScorecard(ctx, scID)
		if err != nil {
			return nil, fmt.Errorf("calibration %d: reviews of scorecard %d: %w", id, scID, err)
		}
		for _, r := range rs {
			if r.CalibrationID != id {
				continue
			}
			if i := slices.Index(cal.ReviewerIDs, r.ReviewerID); i >= 0 && r.Status == reviewSubmitted {
				progress[i].Submitted++
			}
			if cal.RevealedAt != nil || r.ReviewerID == me.ID {
				reviews = append(reviews, r)
			}
		}
	}
	resp := &calibrationSession{calibrationResponse: calibrationResponse{Calibration: *cal, Reviews: reviews}, Progress: progress}
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

func (s *Server) reveal(ctx context.Context, id int64) (*calibrationSession, error) {
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
