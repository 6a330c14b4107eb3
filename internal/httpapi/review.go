package httpapi

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/qa-scorer/qa-scorer/internal/check"
	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
)

// A review is a person's verdict on a scorecard: every rubric item confirmed or overridden
// (an override needs a comment). Saving without submit keeps a draft; submitting makes the
// review final, puts its verdict in force in the statistics (the store does, in the same
// transaction), closes the reviewer's assignment of that scorecard and writes the audit trail.

// saveReviewFor validates req against the scorecard and saves the review as the caller's.
func (s *Server) saveReviewFor(ctx context.Context, sc *qa.StoredScorecard, req reviewRequest) (*qa.Review, error) {
	me := callerFrom(ctx).user
	r := &qa.Review{ScorecardID: sc.ID, ReviewerID: me.ID, Status: reviewDraft, CreatedAt: s.cfg.Now()}
	if req.ID != 0 {
		old, err := s.cfg.Stores.Reviews.Review(ctx, req.ID)
		if err != nil {
			return nil, fmt.Errorf("review %d: %w", req.ID, err)
		}
		if old.ReviewerID != me.ID || old.ScorecardID != sc.ID {
			return nil, qa.Errorf(qa.ErrForbidden, "review %d is not your draft of scorecard %d", req.ID, sc.ID)
		}
		if old.Status != reviewDraft {
			return nil, qa.Errorf(qa.ErrConflict, "review %d is submitted and cannot change", req.ID)
		}
		r = old
	}
	if err := s.checkCalibration(ctx, req.CalibrationID, sc.ID, me.ID); err != nil {
		return nil, err
	}
	items, err := reviewItems(sc.Card, req.Items, req.Submit)
	if err != nil {
		return nil, err
	}
	r.CalibrationID, r.Items, r.Comment = req.CalibrationID, items, req.Comment
	r.Score = qa.ApplyReview(&sc.Card, items).Score // the store computes it the same way
	if req.Submit {
		now := s.cfg.Now()
		r.Status, r.SubmittedAt = reviewSubmitted, &now
	}
	if err := s.cfg.Stores.Reviews.SaveReview(ctx, r); err != nil {
		return nil, fmt.Errorf("save review of scorecard %d: %w", sc.ID, err)
	}
	if req.Submit {
		if err := s.afterSubmit(ctx, r); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// checkCalibration verifies that a review made in a calibration session belongs there.
func (s *Server) checkCalibration(ctx context.Context, id, scorecardID, reviewerID int64) error {
	if id == 0 {
		return nil
	}
	cal, err := s.cfg.Stores.Calibrations.Calibration(ctx, id)
	if err != nil {
		return fmt.Errorf("calibration %d: %w", id, err)
	}
	switch {
	case cal.RevealedAt != nil:
		return qa.Errorf(qa.ErrConflict, "calibration %d is revealed and takes no more reviews", id)
	case !slices.Contains(cal.ReviewerIDs, reviewerID):
		return qa.Errorf(qa.ErrForbidden, "you are not a reviewer of calibration %d", id)
	case !slices.Contains(cal.ScorecardIDs, scorecardID):
		return qa.Errorf(qa.ErrInvalid, "scorecard %d is not part of calibration %d", scorecardID, id)
	}
	return nil
}

// reviewItems builds the reviewer's decision on every item of the card: the automatic result
// unless the request overrides it. A submitted review must decide every "review" item, and an
// override must say why.
func reviewItems(card rubric.Scorecard, req []reviewItemRequest, submit bool) ([]qa.ReviewItem, error) {
	byID := make(map[string]reviewItemRequest, len(req))
	for _, it := range req {
		if !slices.ContainsFunc(card.Items, func(r rubric.ItemResult) bool { return r.ID == it.ItemID }) {
			return nil, qa.Errorf(qa.ErrInvalid, "items: %q is not an item of this scorecard", it.ItemID)
		}
		if _, dup := byID[it.ItemID]; dup {
			return nil, qa.Errorf(qa.ErrInvalid, "items: %q appears twice", it.ItemID)
		}
		switch check.Outcome(it.Result) {
		case check.Pass, check.Fail, check.NA, check.Review:
		default:
			return nil, qa.Errorf(qa.ErrInvalid, "items: %q: result %q: want pass, fail, na or review", it.ItemID, it.Result)
		}
		byID[it.ItemID] = it
	}
	out := make([]qa.ReviewItem, len(card.Items))
	for i, auto := range card.Items {
		item := qa.ReviewItem{ItemID: auto.ID, Automatic: auto.Result, Result: auto.Result}
		if it, ok := byID[auto.ID]; ok {
			item.Result, item.Comment = check.Outcome(it.Result), it.Comment
		}
		if submit && item.Result == check.Review {
			return nil, qa.Errorf(qa.ErrInvalid, "items: %q: decide pass, fail or na before submitting", auto.ID)
		}
		if submit && item.Overridden() && item.Comment == "" {
			return nil, qa.Errorf(qa.ErrInvalid, "items: %q: an override needs a comment", auto.ID)
		}
		out[i] = item
	}
	return out, nil
}

// afterSubmit writes the audit trail of a submitted review and closes the reviewer's open
// assignment of the scorecard, if any.
func (s *Server) afterSubmit(ctx context.Context, r *qa.Review) error {
	object := "review:" + strconv.FormatInt(r.ID, 10)
	if err := s.audit(ctx, "review.submit", object, "scorecard "+strconv.FormatInt(r.ScorecardID, 10)); err != nil {
		return err
	}
	for _, it := range r.Items {
		if !it.Overridden() {
			continue
		}
		detail := fmt.Sprintf("%s: %s → %s: %s", it.ItemID, it.Automatic, it.Result, it.Comment)
		if err := s.audit(ctx, "item.override", object, detail); err != nil {
			return err
		}
	}
	open, err := s.cfg.Stores.Assignments.Assignments(ctx, r.ReviewerID, true)
	if err != nil {
		return fmt.Errorf("review %d: assignments: %w", r.ID, err)
	}
	for _, a := range open {
		if a.ScorecardID != r.ScorecardID {
			continue
		}
		if err := s.cfg.Stores.Assignments.CompleteAssignment(ctx, a.ID); err != nil && !errors.Is(err, qa.ErrNotFound) {
			return fmt.Errorf("review %d: complete assignment %d: %w", r.ID, a.ID, err)
		}
	}
	return nil
}
