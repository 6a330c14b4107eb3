package rubric

import (
	"sort"

	"github.com/qa-scorer/qa-scorer/internal/check"
	"github.com/qa-scorer/qa-scorer/internal/textproc"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// Scorer scores conversations with rubrics. It is safe for concurrent use: the analyzer and the
// knowledge are shared read-only.
type Scorer struct {
	analyzer  *textproc.Analyzer
	knowledge *Knowledge
}

// NewScorer returns a scorer over loaded knowledge.
func NewScorer(an *textproc.Analyzer, k *Knowledge) *Scorer {
	return &Scorer{analyzer: an, knowledge: k}
}

// Knowledge returns the scorer's checklists.
func (s *Scorer) Knowledge() *Knowledge { return s.knowledge }

// Score analyses a valid conversation once and runs every item of the rubric on it.
func (s *Scorer) Score(r *Rubric, c *transcript.Conversation) *Scorecard {
	text := s.analyzer.AnalyzeConversation(c)
	return s.ScoreAnalysed(r, c, text)
}

// ScoreAnalysed scores a conversation whose text is already analysed.
func (s *Scorer) ScoreAnalysed(r *Rubric, c *transcript.Conversation, text *textproc.Conversation) *Scorecard {
	in := &check.Input{
		Conv:     c,
		Text:     text,
		Lexicon:  s.knowledge.Lexicons[text.Language],
		Settings: s.knowledge.Settings,
	}
	card := &Scorecard{
		ConversationID: c.ID,
		Rubric:         RubricRef{ID: r.ID, Version: r.Version},
		Language:       text.Language,
		Channel:        string(c.Channel),
		Agents:         []AgentScore{},
	}
	for _, si := range r.Items() {
		def, _ := check.Lookup(si.Check) // validated when the rubric was loaded
		in.ID = si.Check
		res := def.Run(in)
		item := ItemResult{
			ID:         si.Check,
			Section:    si.Section,
			Result:     res.Outcome,
			MaxPoints:  si.Points,
			Critical:   si.Critical,
			Optional:   si.Optional,
			Reason:     res.Reason,
			ReasonCode: res.Code,
			ReasonArgs: res.Args,
			Evidence:   res.Evidence,
			AgentIDs:   attributeAgents(c, res.Evidence),
		}
		if item.Evidence == nil {
			item.Evidence = []check.Evidence{}
		}
		if res.Outcome == check.Pass {
			item.Points = si.Points
		}
		if res.Outcome == check.Review {
			card.NeedsReview = true
		}
		card.Items = append(card.Items, item)
	}
	card.Score, card.CriticalFailed = Score(card.Items)
	card.Passed = !card.CriticalFailed && card.Score >= r.PassScore
	card.Agents = agentScores(c, card.Items)
	return card
}

// attributeAgents returns the agents an item's evidence belongs to: the writer of each agent
// turn it quotes, and for a customer or system turn the agent handling the conversation then
// (the last agent to write before it, else the next one). Items with no evidence belong to every
// agent, which agentScores expresses by an empty list.
func attributeAgents(c *transcript.Conversation, evidence []check.Evidence) []string {
	seen := map[string]bool{}
	var out []string
	for _, ev := range evidence {
		id := handlingAgent(c, ev.Turn)
		if id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}

func handlingAgent(c *transcript.Conversation, turn int) string {
	if turn < 0 || turn >= len(c.Turns) {
		return ""
	}
	for i := turn; i >= 0; i-- {
		if id := c.AgentOf(c.Turns[i]); id != "" {
			return id
		}
	}
	for i := turn + 1; i < len(c.Turns); i++ {
		if id := c.AgentOf(c.Turns[i]); id != "" {
			return id
		}
	}
	return ""
}

// agentScores splits the score per agent: each agent is scored on the items attributed to them
// plus the items attributed to no one.
func agentScores(c *transcript.Conversation, items []ItemResult) []AgentScore {
	ids := conversationAgents(c)
	out := make([]AgentScore, 0, len(ids))
	for _, id := range ids {
		var mine []ItemResult
		for _, it := range items {
			if len(it.AgentIDs) == 0 || contains(it.AgentIDs, id) {
				mine = append(mine, it)
			}
		}
		score, crit := Score(mine)
		out = append(out, AgentScore{AgentID: id, Score: score, CriticalFailed: crit})
	}
	return out
}

// conversationAgents lists the agents who wrote in the conversation, in order of first turn.
func conversationAgents(c *transcript.Conversation) []string {
	var ids []string
	for _, t := range c.Turns {
		if id := c.AgentOf(t); id != "" && !contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
