package store_test

import (
	"context"
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/check"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
	"github.com/qa-scorer/qa-scorer/internal/store"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// at parses an RFC 3339 time.
func at(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// conv builds a valid chat conversation started at start, in which each agent writes one turn.
func conv(id string, start time.Time, agents ...transcript.Agent) *transcript.Conversation {
	c := &transcript.Conversation{ID: id, Channel: transcript.ChannelChat, Language: "en", StartedAt: &start, Agents: agents,
		Turns: []transcript.Turn{{Speaker: transcript.SpeakerCustomer, Text: "Where is my order?"}}}
	for _, a := range agents {
		c.Turns = append(c.Turns, transcript.Turn{Speaker: transcript.SpeakerAgent, AgentID: a.ID, Text: "Hello, let me check."})
	}
	return c
}

// card builds a scorecard: items maps item id to result (all worth 10 points), agents are the
// conversation's agents, each with the card's score.
func card(rubricID string, version int, score float64, items map[string]check.Outcome, agents ...string) *rubric.Scorecard {
	c := &rubric.Scorecard{ConversationID: "x", Rubric: rubric.RubricRef{ID: rubricID, Version: version},
		Language: "en", Channel: "chat", Score: score, Passed: score >= 80}
	for _, id := range slices.Sorted(maps.Keys(items)) {
		r := items[id]
		it := rubric.ItemResult{ID: id, Section: "S", Result: r, MaxPoints: 10, Evidence: []check.Evidence{}}
		if r == check.Pass {
			it.Points = 10
		}
		if r == check.Review {
			c.NeedsReview = true
		}
		c.Items = append(c.Items, it)
	}
	for _, a := range agents {
		c.Agents = append(c.Agents, rubric.AgentScore{AgentID: a, Score: score})
	}
	return c
}

// mustUpsert stores conversations and returns their keys.
func mustUpsert(t testing.TB, s *store.Store, convs ...*transcript.Conversation) []int64 {
	t.Helper()
	_, _, keys, err := s.UpsertConversations(context.Background(), convs)
	if err != nil {
		t.Fatal(err)
	}
	return keys
}

// mustScore stores a conversation with one agent and a scorecard for it, returning the
// scorecard id.
func mustScore(t testing.TB, s *store.Store, c *transcript.Conversation, sc *rubric.Scorecard) int64 {
	t.Helper()
	key := mustUpsert(t, s, c)[0]
	id, err := s.SaveScorecard(context.Background(), key, sc)
	if err != nil {
		t.Fatal(err)
	}
	return id
}
