package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/check"
	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/store"
	"github.com/qa-scorer/qa-scorer/internal/store/storetest"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// scoredCard stores one scored conversation of agent a-1 and returns the scorecard id.
func scoredCard(t *testing.T, s *store.Store, id string) int64 {
	t.Helper()
	return mustScore(t, s, conv(id, at(t, "2026-11-02T09:00:00Z"), transcript.Agent{ID: "a-1", Team: "en"}),
		card("std", 1, 50, map[string]check.Outcome{"greet": fail, "close": pass}, "a-1"))
}

func TestSaveReview(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		sc := scoredCard(t, s, "c1")
		r := &qa.Review{ScorecardID: sc, ReviewerID: 7, Items: []qa.ReviewItem{
			{ItemID: "greet", Result: check.Pass, Comment: "greeted in the subject line"},
			{ItemID: "close", Result: check.Pass},
		}}
		if err := s.SaveReview(ctx, r); err != nil {
			t.Fatal(err)
		}
		if r.ID == 0 || r.Status != store.ReviewDraft || r.Items[0].Automatic != check.Fail || !r.Items[0].Overridden() {
			t.Fatalf("draft: %+v; want an id, draft status and the automatic result filled in", r)
		}

		t.Run("a new draft continues the reviewer's draft", func(t *testing.T) {
			again := &qa.Review{ScorecardID: sc, ReviewerID: 7, Comment: "second pass", Items: r.Items}
			if err := s.SaveReview(ctx, again); err != nil || again.ID != r.ID {
				t.Fatalf("second draft: id %d, %v; want %d", again.ID, err, r.ID)
			}
		})

		t.Run("ErrInvalid", func(t *testing.T) {
			bad := []qa.ReviewItem{
				{ItemID: "greet", Result: check.Pass},          // override without a comment
				{ItemID: "unknown", Result: check.Pass},        // not on the scorecard
				{ItemID: "close", Result: check.Outcome("ok")}, // not an outcome
			}
			for _, it := range bad {
				err := s.SaveReview(ctx, &qa.Review{ID: r.ID, ScorecardID: sc, ReviewerID: 7, Items: []qa.ReviewItem{it}})
				if !errors.Is(err, qa.ErrInvalid) {
					t.Errorf("item %+v: %v, want qa.ErrInvalid", it, err)
				}
			}
		})

		t.Run("ErrForbidden for another reviewer", func(t *testing.T) {
			err := s.SaveReview(ctx, &qa.Review{ID: r.ID, ScorecardID: sc, ReviewerID: 8})
			if !errors.Is(err, qa.ErrForbidden) {
				t.Errorf("%v, want qa.ErrForbidden", err)
			}
		})

		t.Run("submitted review is immutable", func(t *testing.T) {
			r.Status, r.Comment = store.ReviewSubmitted, "final"
			if err := s.SaveReview(ctx, r); err != nil {
				t.Fatal(err)
			}
			if r.SubmittedAt == nil {
				t.Error("SubmittedAt not set")
			}
			for _, change := range []*qa.Review{
				{ID: r.ID, ScorecardID: sc, ReviewerID: 7, Status: store.ReviewDraft},
				{ScorecardID: sc, ReviewerID: 7, Status: store.ReviewSubmitted, Comment: "resubmit"},
			} {
				if err := s.SaveReview(ctx, change); !errors.Is(err, qa.ErrConflict) {
					t.Errorf("changing a submitted review: %v, want qa.ErrConflict", err)
				}
			}
			got, err := s.Review(ctx, r.ID)
			if err != nil || got.Status != store.ReviewSubmitted || got.Comment != "final" || len(got.Items) != 2 || got.Items[0].ItemID != "greet" {
				t.Errorf("stored review changed: %+v, %v", got, err)
			}
			list, err := s.ReviewsByScorecard(ctx, sc)
			if err != nil || len(list) != 1 || list[0].ID != r.ID {
				t.Errorf("ReviewsByScorecard: %+v, %v", list, err)
			}
		})
	})
}

func TestCalibration(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		sc1, sc2 := scoredCard(t, s, "c1"), scoredCard(t, s, "c2")
		c := &qa.Calibration{Name: "November", ScorecardIDs: []int64{sc2, sc1, sc1}, ReviewerIDs: []int64{3, 2}, CreatedBy: 1}
		if err := s.CreateCalibration(ctx, c); err != nil {
			t.Fatal(err)
		}
		got, err := s.Calibration(ctx, c.ID)
		if err != nil || len(got.ScorecardIDs) != 2 || got.ReviewerIDs[0] != 2 || got.RevealedAt != nil {
			t.Fatalf("stored calibration %+v, %v", got, err)
		}
		review := func(reviewer, scorecard int64) error {
			return s.SaveReview(ctx, &qa.Review{ScorecardID: scorecard, ReviewerID: reviewer, CalibrationID: c.ID,
				Items: []qa.ReviewItem{{ItemID: "close", Result: check.Pass}}})
		}
		if err := review(2, sc1); err != nil {
			t.Fatal(err)
		}
		if err := review(3, sc1); err != nil {
			t.Fatalf("second reviewer of the same scorecard: %v", err)
		}
		if err := review(9, sc1); !errors.Is(err, qa.ErrForbidden) {
			t.Errorf("uninvited reviewer: %v, want qa.ErrForbidden", err)
		}
		if err := s.RevealCalibration(ctx, c.ID); err != nil {
			t.Fatal(err)
		}
		if err := review(2, sc2); !errors.Is(err, qa.ErrConflict) {
			t.Errorf("review after reveal: %v, want qa.ErrConflict", err)
		}
		if err := s.RevealCalibration(ctx, 9999); !errors.Is(err, qa.ErrNotFound) {
			t.Errorf("reveal unknown: %v, want qa.ErrNotFound", err)
		}
		if err := s.CreateCalibration(ctx, &qa.Calibration{Name: "x", ScorecardIDs: []int64{9999}, ReviewerIDs: []int64{2}}); !errors.Is(err, qa.ErrInvalid) {
			t.Errorf("unknown scorecard: %v, want qa.ErrInvalid", err)
		}
	})
}
