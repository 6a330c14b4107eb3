package store_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/check"
	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/store"
	"github.com/qa-scorer/qa-scorer/internal/store/storetest"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// TestAssignConcurrent lets several reviewers pull from the same queue at once: together they
// get every scorecard, and no scorecard twice.
func TestAssignConcurrent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		const cards, reviewers, perPull = 30, 5, 4
		for i := range cards {
			mustScore(t, s, conv(fmt.Sprintf("c%02d", i), at(t, "2026-11-02T09:00:00Z"), transcript.Agent{ID: "a-1"}),
				card("std", 1, float64(i), map[string]check.Outcome{"greet": fail}, "a-1"))
		}
		var mu sync.Mutex
		owner := map[int64]int64{}
		var wg sync.WaitGroup
		errs := make(chan error, reviewers)
		for r := range reviewers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				reviewer := int64(r + 1)
				for {
					got, err := s.Assign(ctx, reviewer, qa.SamplingRule{Kind: store.RuleLowestScores}, perPull)
					if err != nil {
						errs <- err
						return
					}
					if len(got) == 0 {
						return
					}
					mu.Lock()
					for _, a := range got {
						if prev, ok := owner[a.ScorecardID]; ok {
							errs <- fmt.Errorf("scorecard %d given to reviewers %d and %d", a.ScorecardID, prev, reviewer)
						}
						owner[a.ScorecardID] = reviewer
					}
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		if len(owner) != cards {
			t.Errorf("%d scorecards assigned, want %d", len(owner), cards)
		}
		total := 0
		for r := range reviewers {
			list, err := s.Assignments(ctx, int64(r+1), true)
			if err != nil {
				t.Fatal(err)
			}
			total += len(list)
		}
		if total != cards {
			t.Errorf("open assignments %d, want %d", total, cards)
		}
	})
}

func TestAssignRules(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seedStats(t, s) // c3 is the critical fail, c4 needs review, lowest chat score is c3 (0)
		crit, err := s.Assign(ctx, 1, qa.SamplingRule{Kind: store.RuleCriticalFails}, 10)
		if err != nil || len(crit) != 1 || crit[0].Reason != store.RuleCriticalFails {
			t.Fatalf("critical fails: %+v, %v; want one", crit, err)
		}
		review, err := s.Assign(ctx, 1, qa.SamplingRule{Kind: store.RuleNeedsReview}, 10)
		if err != nil || len(review) != 1 {
			t.Fatalf("needs review: %+v, %v; want one", review, err)
		}
		// Two agent-weeks of a-1 in November chat (W45: c1, c2; W46: c3 taken) → one per week
		// with Count 1, and W46 already has c3.
		random, err := s.Assign(ctx, 2, qa.SamplingRule{Kind: store.RuleRandomPerAgentWeek, Count: 1,
			Filter: qa.Filter{AgentID: "a-1", Channel: "chat"}}, 10)
		if err != nil || len(random) != 1 {
			t.Fatalf("random per agent week: %+v, %v; want one (W45)", random, err)
		}
		if _, err := s.Assign(ctx, 2, qa.SamplingRule{Kind: "everything"}, 1); err == nil {
			t.Error("unknown rule accepted")
		}
		if err := s.CompleteAssignment(ctx, crit[0].ID); err != nil {
			t.Fatal(err)
		}
		open, err := s.Assignments(ctx, 1, true)
		if err != nil || len(open) != 1 || open[0].ID != review[0].ID {
			t.Errorf("open assignments of reviewer 1: %+v, %v; want the needs-review one", open, err)
		}
		all, _ := s.Assignments(ctx, 1, false)
		if len(all) != 2 || all[0].DoneAt == nil {
			t.Errorf("all assignments of reviewer 1: %+v; want two, the first done", all)
		}
	})
}
