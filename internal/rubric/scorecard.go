package rubric

import "github.com/qa-scorer/qa-scorer/internal/check"

// Scorecard is the result of scoring one conversation with one rubric version
// (spec/scorecard.md). It is the same shape in the CLI, the API and storage.
type Scorecard struct {
	ConversationID string       `json:"conversation_id"`
	Rubric         RubricRef    `json:"rubric"`
	Language       string       `json:"language"`
	Channel        string       `json:"channel"`
	Score          float64      `json:"score"`
	Passed         bool         `json:"passed"`
	CriticalFailed bool         `json:"critical_failed"`
	NeedsReview    bool         `json:"needs_review"`
	Agents         []AgentScore `json:"agents"`
	Items          []ItemResult `json:"items"`
}

// RubricRef names the rubric version that made a scorecard.
type RubricRef struct {
	ID      string `json:"id"`
	Version int    `json:"version"`
}

// AgentScore is the score of one agent's share of the conversation (after a transfer, each agent
// is scored on the items decided by the turns they wrote).
type AgentScore struct {
	AgentID        string  `json:"agent_id"`
	Score          float64 `json:"score"`
	CriticalFailed bool    `json:"critical_failed,omitempty"`
}

// ItemResult is one rubric item's outcome with its evidence.
type ItemResult struct {
	ID        string        `json:"id"`
	Section   string        `json:"section"`
	Result    check.Outcome `json:"result"`
	Points    float64       `json:"points"`
	MaxPoints float64       `json:"max_points"`
	Critical  bool          `json:"critical"`
	Optional  bool          `json:"optional,omitempty"`
	Reason    string        `json:"reason"`
	// ReasonCode and ReasonArgs say which explanation Reason is and the values it quotes
	// ("greeting.pass", {"phrase": "Good afternoon"}), so that the web app can show it in the
	// reviewer's language (an extension of the spec's shape; docs/checks.md §Reason codes).
	// Absent on scorecards made before they existed.
	ReasonCode string           `json:"reason_code,omitempty"`
	ReasonArgs check.Args       `json:"reason_args,omitempty"`
	Evidence   []check.Evidence `json:"evidence"`
	// AgentIDs lists the agents the item is attributed to (an extension of the spec's shape).
	AgentIDs []string `json:"agent_ids,omitempty"`
}

// counts reports whether the item takes part in the score: na and review items drop out, and so
// does an optional item that did not pass.
func (it ItemResult) counts() bool {
	switch it.Result {
	case check.Pass:
		return true
	case check.Fail:
		return !it.Optional
	}
	return false
}

// Score returns points over the maximum of the items that count, 0-100, rounded to one decimal,
// and whether a critical item failed (which makes the score 0). An item counts when it passed,
// or failed and is not optional; na and review items drop out. With no item counting the score
// is 100: nothing that applied was missed (spec/scorecard.md).
//
// It is the one score function: the scorer uses it for the automatic scorecard and its agent
// shares, and the server for the human score of a review (whose passed items carry their
// MaxPoints as Points, as the scorer gives them).
func Score(items []ItemResult) (score float64, criticalFailed bool) {
	var got, max float64
	for _, it := range items {
		if it.Critical && it.Result == check.Fail {
			criticalFailed = true
		}
		if it.counts() {
			got += it.Points
			max += it.MaxPoints
		}
	}
	if criticalFailed {
		return 0, true
	}
	if max == 0 {
		return 100, false
	}
	return roundTenth(100 * got / max), false
}

func roundTenth(x float64) float64 {
	return float64(int64(x*10+0.5)) / 10
}
