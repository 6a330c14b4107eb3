package report

import (
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/check"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
)

func item(id string, r check.Outcome, agents ...string) rubric.ItemResult {
	return rubric.ItemResult{ID: id, Result: r, AgentIDs: agents}
}

func TestSummary(t *testing.T) {
	b := NewBuilder()
	teams := map[string]string{"a1": "l1", "a2": "l2"}
	b.Add(&rubric.Scorecard{Score: 80, Passed: true, Agents: []rubric.AgentScore{{AgentID: "a1", Score: 80}},
		Items: []rubric.ItemResult{item("greeting", check.Pass), item("closing", check.Fail, "a1"), item("empathy", check.NA)}}, teams)
	b.Add(&rubric.Scorecard{Score: 0, CriticalFailed: true, NeedsReview: true,
		Agents: []rubric.AgentScore{{AgentID: "a1", Score: 50}, {AgentID: "a2", Score: 0, CriticalFailed: true}},
		Items:  []rubric.ItemResult{item("greeting", check.Fail, "a1"), item("closing", check.Pass, "a2"), item("empathy", check.Review)}}, teams)
	s := b.Summary()
	if s.Conversations != 2 || s.MeanScore != 40 || s.Passed != 1 || s.CriticalFailed != 1 || s.NeedsReview != 1 {
		t.Fatalf("totals = %+v", s)
	}
	want := []ItemSummary{
		{ID: "greeting", Pass: 1, Fail: 1, PassRate: 0.5},
		{ID: "closing", Pass: 1, Fail: 1, PassRate: 0.5},
		{ID: "empathy", NA: 1, Review: 1},
	}
	for i, w := range want {
		if s.Items[i] != w {
			t.Errorf("item %d = %+v, want %+v", i, s.Items[i], w)
		}
	}
	a1, a2 := s.Agents[0], s.Agents[1]
	if a1.AgentID != "a1" || a1.Team != "l1" || a1.Conversations != 2 || a1.MeanScore != 65 || a1.CriticalFailed != 0 {
		t.Fatalf("a1 = %+v", a1)
	}
	// a1 owns greeting in both cards (unattributed in the first, attributed in the second) and
	// the first card's closing; a2's closing pass is not a1's.
	if a1.PassRate["greeting"] != 0.5 || a1.PassRate["closing"] != 0 || len(a1.PassRate) != 2 {
		t.Fatalf("a1 pass rates = %v", a1.PassRate)
	}
	if a2.Team != "l2" || a2.CriticalFailed != 1 || a2.PassRate["closing"] != 1 || a2.PassRate["greeting"] != 0 && len(a2.PassRate) != 1 {
		t.Fatalf("a2 = %+v", a2)
	}
	if _, has := a2.PassRate["greeting"]; has {
		t.Fatalf("a2 is charged with a1's greeting: %v", a2.PassRate)
	}
}

func TestEmptySummary(t *testing.T) {
	s := NewBuilder().Summary()
	if s.Conversations != 0 || s.MeanScore != 0 || s.Agents == nil || s.Items == nil {
		t.Fatalf("empty = %+v", s)
	}
}
