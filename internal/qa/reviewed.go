package qa

import (
	"slices"

	"github.com/qa-scorer/qa-scorer/internal/check"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
)

// Reviewed is a scorecard as people decided it: the automatic card's items with a review's
// decisions in place of the automatic results, and the scores those give. The automatic
// scorecard itself is never changed; this is what statistics count once a review is submitted
// (the human decision wins over the automatic one).
type Reviewed struct {
	Items          []rubric.ItemResult // the card's items, in its order, with the human results
	Score          float64             // the human score, computed by rubric.Score
	CriticalFailed bool
	NeedsReview    bool                // an item is still "review" (only possible in a draft)
	Agents         []rubric.AgentScore // each agent's share, as the scorer splits it
}

// ApplyReview applies decisions to an automatic scorecard. An item the decisions do not name
// keeps its automatic result; a decision on an item the card does not have (the card was
// re-scored by a newer rubric version since) is ignored. A passed item earns its MaxPoints,
// any other result none, as in automatic scoring. Agent shares are split like the scorer's:
// each agent is scored on the items attributed to them plus those attributed to no one.
func ApplyReview(card *rubric.Scorecard, decisions []ReviewItem) Reviewed {
	byItem := make(map[string]check.Outcome, len(decisions))
	for _, d := range decisions {
		byItem[d.ItemID] = d.Result
	}
	out := Reviewed{Items: make([]rubric.ItemResult, len(card.Items)), Agents: make([]rubric.AgentScore, 0, len(card.Agents))}
	for i, it := range card.Items {
		if result, ok := byItem[it.ID]; ok {
			it.Result = result
			it.Points = 0
			if result == check.Pass {
				it.Points = it.MaxPoints
			}
		}
		if it.Result == check.Review {
			out.NeedsReview = true
		}
		out.Items[i] = it
	}
	out.Score, out.CriticalFailed = rubric.Score(out.Items)
	for _, a := range card.Agents {
		var mine []rubric.ItemResult
		for _, it := range out.Items {
			if len(it.AgentIDs) == 0 || slices.Contains(it.AgentIDs, a.AgentID) {
				mine = append(mine, it)
			}
		}
		score, crit := rubric.Score(mine)
		out.Agents = append(out.Agents, rubric.AgentScore{AgentID: a.AgentID, Score: score, CriticalFailed: crit})
	}
	return out
}

// DisputedOutcome is the result an agent asks for when disputing a reviewed item without
// saying which: the other of pass and fail. For any other reviewed result there is no obvious
// opposite, and ok is false (the agent must name the result).
func DisputedOutcome(reviewed check.Outcome) (want check.Outcome, ok bool) {
	switch reviewed {
	case check.Pass:
		return check.Fail, true
	case check.Fail:
		return check.Pass, true
	}
	return "", false
}
