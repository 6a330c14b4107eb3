package qa_test

import (
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/check"
	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
)

// testCard is an automatic scorecard of a transfer: greeting (10 points, a-1's) passed,
// closing (10, a-2's) failed, empathy (5, optional, no one's) not applicable.
func testCard() *rubric.Scorecard {
	return &rubric.Scorecard{
		Score:  50,
		Agents: []rubric.AgentScore{{AgentID: "a-1", Score: 100}, {AgentID: "a-2", Score: 0}},
		Items: []rubric.ItemResult{
			{ID: "greeting", Result: check.Pass, Points: 10, MaxPoints: 10, AgentIDs: []string{"a-1"}},
			{ID: "closing", Result: check.Fail, MaxPoints: 10, AgentIDs: []string{"a-2"}},
			{ID: "empathy", Result: check.NA, MaxPoints: 5, Optional: true},
		},
	}
}

func TestApplyReview(t *testing.T) {
	decide := func(results ...check.Outcome) []qa.ReviewItem {
		ids := []string{"greeting", "closing", "empathy"}
		var out []qa.ReviewItem
		for i, r := range results {
			out = append(out, qa.ReviewItem{ItemID: ids[i], Result: r})
		}
		return out
	}
	tests := []struct {
		name      string
		decisions []qa.ReviewItem
		score     float64
		agents    [2]float64
		review    bool
	}{
		{"as automatic", decide(check.Pass, check.Fail, check.NA), 50, [2]float64{100, 0}, false},
		{"nothing decided keeps the automatic results", nil, 50, [2]float64{100, 0}, false},
		{"closing overridden to pass earns its points", decide(check.Pass, check.Pass), 100, [2]float64{100, 100}, false},
		{"optional item passed counts", decide(check.Pass, check.Fail, check.Pass), 60, [2]float64{100, 33.3}, false},
		{"optional item failed drops out", decide(check.Fail, check.Fail, check.Fail), 0, [2]float64{0, 0}, false},
		{"nothing applies", decide(check.NA, check.NA, check.NA), 100, [2]float64{100, 100}, false},
		{"undecided item", decide(check.Review, check.Pass), 100, [2]float64{100, 100}, true},
		{"an item the card lacks is ignored", []qa.ReviewItem{{ItemID: "hold", Result: check.Fail}}, 50, [2]float64{100, 0}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			card := testCard()
			got := qa.ApplyReview(card, tc.decisions)
			if got.Score != tc.score || got.NeedsReview != tc.review || got.CriticalFailed {
				t.Errorf("score %v needs review %v critical %v, want %v %v false", got.Score, got.NeedsReview, got.CriticalFailed, tc.score, tc.review)
			}
			if len(got.Agents) != 2 || got.Agents[0].Score != tc.agents[0] || got.Agents[1].Score != tc.agents[1] {
				t.Errorf("agents %+v, want %v", got.Agents, tc.agents)
			}
			if card.Score != 50 || card.Items[1].Result != check.Fail {
				t.Error("the automatic card was changed")
			}
		})
	}

	t.Run("a failed critical item makes it 0", func(t *testing.T) {
		card := testCard()
		card.Items[0].Critical = true
		got := qa.ApplyReview(card, decide(check.Fail, check.Pass))
		if got.Score != 0 || !got.CriticalFailed || !got.Agents[0].CriticalFailed || got.Agents[1].Score != 100 {
			t.Errorf("%+v: want 0 and a critical fail for a-1 only", got)
		}
	})
	t.Run("the same score as the scorer", func(t *testing.T) {
		card := testCard()
		score, crit := rubric.Score(card.Items)
		if got := qa.ApplyReview(card, nil); got.Score != score || got.CriticalFailed != crit {
			t.Errorf("ApplyReview without decisions: %v, rubric.Score: %v", got.Score, score)
		}
	})
}

func TestDisputedOutcome(t *testing.T) {
	for reviewed, want := range map[check.Outcome]check.Outcome{check.Pass: check.Fail, check.Fail: check.Pass, check.NA: "", check.Review: ""} {
		got, ok := qa.DisputedOutcome(reviewed)
		if got != want || ok != (want != "") {
			t.Errorf("DisputedOutcome(%s) = %s, %v; want %s", reviewed, got, ok, want)
		}
	}
}
