package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/check"
	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/store"
	"github.com/qa-scorer/qa-scorer/internal/store/storetest"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// agentFigures is what the reviewed-statistics tests compare: a-1's mean score and the pass
// rate of each item.
func agentFigures(t *testing.T, s *store.Store) string {
	t.Helper()
	got, err := s.AgentStats(context.Background(), qa.Filter{AgentID: "a-1"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("stats of a-1: %+v", got)
	}
	st := got[0]
	return fmt.Sprintf("n=%d mean=%v crit=%d review=%d greet=%v close=%v empathy=%v", st.Conversations, st.MeanScore,
		st.CriticalFailed, st.NeedsReview, st.ItemPassRate["greet"], st.ItemPassRate["close"], st.ItemPassRate["empathy"])
}

// TestReviewedStats follows one scorecard from its automatic result through a draft, a
// submitted override, a re-score, an accepted and a rejected dispute, and checks after each
// step what the agent's statistics count and that the automatic card stays as it was.
//
//	r1 a-1 automatic: greet pass, close pass, empathy fail  → 66.7
//	r2 a-1 automatic: greet pass, close pass, empathy pass  → 100
func TestReviewedStats(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		a1 := transcript.Agent{ID: "a-1", Team: "en"}
		c1 := conv("r1", at(t, "2026-11-02T09:00:00Z"), a1)
		sc1 := mustScore(t, s, c1, card("std", 1, 66.7, map[string]check.Outcome{"greet": pass, "close": pass, "empathy": fail}, "a-1"))
		sc2 := mustScore(t, s, conv("r2", at(t, "2026-11-03T09:00:00Z"), a1),
			card("std", 1, 100, map[string]check.Outcome{"greet": pass, "close": pass, "empathy": pass}, "a-1"))
		const automatic = "n=2 mean=83.35 crit=0 review=0 greet=1 close=1 empathy=0.5"
		if got := agentFigures(t, s); got != automatic {
			t.Fatalf("automatic figures %s, want %s", got, automatic)
		}

		override := []qa.ReviewItem{{ItemID: "greet", Result: fail, Comment: "greeted only in the third message"},
			{ItemID: "close", Result: pass}, {ItemID: "empathy", Result: fail}}
		r := &qa.Review{ScorecardID: sc1, ReviewerID: 7, Items: override, Score: 99}
		if err := s.SaveReview(ctx, r); err != nil {
			t.Fatal(err)
		}
		if r.Score != 33.3 {
			t.Errorf("draft score %v, want 33.3 computed by the store (not the caller's 99)", r.Score)
		}
		if got := agentFigures(t, s); got != automatic {
			t.Errorf("a draft changed the figures: %s", got)
		}

		r.Status = store.ReviewSubmitted
		if err := s.SaveReview(ctx, r); err != nil {
			t.Fatal(err)
		}
		// (33.3 + 100) / 2; greet passed once in two.
		const reviewed = "n=2 mean=66.65 crit=0 review=0 greet=0.5 close=1 empathy=0.5"
		if got := agentFigures(t, s); got != reviewed {
			t.Errorf("after the review: %s, want %s", got, reviewed)
		}
		stored, err := s.Scorecard(ctx, sc1)
		if err != nil {
			t.Fatal(err)
		}
		if stored.ReviewID != r.ID || stored.ReviewedScore == nil || *stored.ReviewedScore != 33.3 {
			t.Errorf("scorecard: review %d, reviewed score %v; want review %d scoring 33.3", stored.ReviewID, stored.ReviewedScore, r.ID)
		}
		if stored.Card.Score != 66.7 || stored.Card.Items[2].ID != "greet" || stored.Card.Items[2].Result != pass {
			t.Errorf("the automatic card changed: score %v, items %+v", stored.Card.Score, stored.Card.Items)
		}
		if agents, items, err := store.Sources(ctx, s, sc1); err != nil || fmt.Sprint(agents, items) != "[review] [review]" {
			t.Errorf("sources of the reviewed scorecard: %v %v, %v", agents, items, err)
		}
		if agents, items, err := store.Sources(ctx, s, sc2); err != nil || fmt.Sprint(agents, items) != "[auto] [auto]" {
			t.Errorf("sources of the other scorecard: %v %v, %v", agents, items, err)
		}
		list, _, err := s.Scorecards(ctx, qa.Filter{AgentID: "a-1"})
		if err != nil || len(list) != 2 || list[1].ID != sc1 || list[1].ReviewedScore == nil || list[0].ReviewedScore != nil {
			t.Errorf("Scorecards does not carry the reviewed score: %+v, %v", list, err)
		}

		t.Run("calibration reviews do not count", func(t *testing.T) {
			cal := &qa.Calibration{Name: "Nov", ScorecardIDs: []int64{sc2}, ReviewerIDs: []int64{8, 9}, CreatedBy: 1}
			if err := s.CreateCalibration(ctx, cal); err != nil {
				t.Fatal(err)
			}
			blind := &qa.Review{ScorecardID: sc2, ReviewerID: 8, CalibrationID: cal.ID, Status: store.ReviewSubmitted,
				Items: []qa.ReviewItem{{ItemID: "greet", Result: fail, Comment: "calibration"}}}
			if err := s.SaveReview(ctx, blind); err != nil {
				t.Fatal(err)
			}
			if got := agentFigures(t, s); got != reviewed {
				t.Errorf("a calibration review changed the figures: %s", got)
			}
		})

		t.Run("a re-score keeps the review in force", func(t *testing.T) {
			key := mustUpsert(t, s, c1)[0]
			v2 := card("std", 2, 75, map[string]check.Outcome{"greet": pass, "close": pass, "empathy": fail, "hold": pass}, "a-1")
			if _, err := s.SaveScorecard(ctx, key, v2); err != nil {
				t.Fatal(err)
			}
			// greet fail (review), close pass, empathy fail (review), hold pass (automatic): 2/4.
			if got, want := agentFigures(t, s), "n=2 mean=75 crit=0 review=0 greet=0.5 close=1 empathy=0.5"; got != want {
				t.Errorf("after re-scoring: %s, want %s", got, want)
			}
			stored, err := s.Scorecard(ctx, sc1)
			if err != nil || stored.Card.Rubric.Version != 2 || stored.Card.Score != 75 || stored.ReviewedScore == nil || *stored.ReviewedScore != 50 {
				t.Errorf("re-scored scorecard: %+v, %v; want version 2 scoring 75, reviewed 50", stored, err)
			}
		})

		t.Run("an accepted dispute changes the item back", func(t *testing.T) {
			d := &qa.Dispute{ReviewID: r.ID, ItemID: "greet", AgentID: "a-1", Comment: "I greeted in my first reply"}
			if err := s.CreateDispute(ctx, d); err != nil || d.Result != pass {
				t.Fatalf("dispute: %+v, %v; want it to ask for pass", d, err)
			}
			got, err := s.ResolveDispute(ctx, d.ID, qa.DisputeResolution{Accepted: true, Resolution: "first reply greets", By: 3})
			if err != nil || got.Status != store.DisputeAccepted || got.Result != pass {
				t.Fatalf("accept: %+v, %v", got, err)
			}
			if got, want := agentFigures(t, s), "n=2 mean=87.5 crit=0 review=0 greet=1 close=1 empathy=0.5"; got != want {
				t.Errorf("after the accepted dispute: %s, want %s", got, want)
			}
			rev, err := s.Review(ctx, r.ID)
			if err != nil || rev.Score != 75 || rev.Items[0].Result != pass || rev.Items[0].Overridden() ||
				rev.Items[0].Comment != fmt.Sprintf("dispute %d accepted: first reply greets", d.ID) {
				t.Errorf("review after the dispute: %+v, %v", rev, err)
			}
		})

		t.Run("a rejected dispute changes nothing", func(t *testing.T) {
			before := agentFigures(t, s)
			d := &qa.Dispute{ReviewID: r.ID, ItemID: "empathy", AgentID: "a-1", Comment: "I was kind"}
			if err := s.CreateDispute(ctx, d); err != nil {
				t.Fatal(err)
			}
			if _, err := s.ResolveDispute(ctx, d.ID, qa.DisputeResolution{Resolution: "no empathy shown", By: 3}); err != nil {
				t.Fatal(err)
			}
			if got := agentFigures(t, s); got != before {
				t.Errorf("after a rejected dispute: %s, want %s", got, before)
			}
		})

		t.Run("a lead may set another result", func(t *testing.T) {
			d := &qa.Dispute{ReviewID: r.ID, ItemID: "close", AgentID: "a-1", Comment: "not applicable: the customer left", Result: na}
			if err := s.CreateDispute(ctx, d); err != nil {
				t.Fatal(err)
			}
			got, err := s.ResolveDispute(ctx, d.ID, qa.DisputeResolution{Accepted: true, Result: fail, Resolution: "no goodbye", By: 3})
			if err != nil || got.Result != fail {
				t.Fatalf("accept with fail: %+v, %v", got, err)
			}
			if got, want := agentFigures(t, s), "n=2 mean=75 crit=0 review=0 greet=1 close=0.5 empathy=0.5"; got != want {
				t.Errorf("after the lead's result: %s, want %s", got, want)
			}
		})
	})
}

func TestDisputeResult(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		sc := scoredCard(t, s, "c1") // greet fail, close pass
		r := &qa.Review{ScorecardID: sc, ReviewerID: 7, Status: store.ReviewSubmitted, Items: []qa.ReviewItem{
			{ItemID: "greet", Result: na, Comment: "no greeting needed"}, {ItemID: "close", Result: pass}}}
		if err := s.SaveReview(ctx, r); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			name, item string
			result     check.Outcome
		}{
			{"no obvious opposite of na", "greet", ""},
			{"the reviewed result", "close", pass},
			{"not an outcome", "close", "maybe"},
			{"review is not a verdict", "close", review},
		} {
			t.Run(tc.name, func(t *testing.T) {
				d := &qa.Dispute{ReviewID: r.ID, ItemID: tc.item, AgentID: "a-1", Comment: "x", Result: tc.result}
				if err := s.CreateDispute(ctx, d); !errors.Is(err, qa.ErrInvalid) {
					t.Errorf("CreateDispute: %v, want qa.ErrInvalid", err)
				}
			})
		}
	})
}

// TestApplyReviewsBackfill checks the step of migration 2 that applies reviews submitted
// before it: the latest submitted review of a scorecard is put in force.
func TestApplyReviewsBackfill(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		sc := scoredCard(t, s, "c1") // greet fail, close pass: 50
		if _, err := store.InsertSubmittedReview(ctx, s, sc, 7, map[string]string{"greet": "pass", "close": "pass"}); err != nil {
			t.Fatal(err)
		}
		latest, err := store.InsertSubmittedReview(ctx, s, sc, 8, map[string]string{"greet": "pass", "close": "fail"})
		if err != nil {
			t.Fatal(err)
		}
		if got := agentFigures(t, s); got != "n=1 mean=50 crit=0 review=0 greet=0 close=1 empathy=0" {
			t.Fatalf("before the backfill: %s", got)
		}
		if err := store.ApplyAllReviews(ctx, s); err != nil {
			t.Fatal(err)
		}
		if got, want := agentFigures(t, s), "n=1 mean=50 crit=0 review=0 greet=1 close=0 empathy=0"; got != want {
			t.Errorf("after the backfill: %s, want %s", got, want)
		}
		if stored, err := s.Scorecard(ctx, sc); err != nil || stored.ReviewID != latest {
			t.Errorf("review in force: %+v, %v; want %d", stored, err, latest)
		}
	})
}
