package rubric

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/check"
	"github.com/qa-scorer/qa-scorer/internal/textproc"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

func mustKnowledge(t testing.TB) (*textproc.Analyzer, *Knowledge) {
	t.Helper()
	an, err := textproc.NewAnalyzer(textproc.Options{})
	if err != nil {
		t.Fatal(err)
	}
	k, err := LoadChecklists(os.DirFS("../../checklists"), an)
	if err != nil {
		t.Fatal(err)
	}
	return an, k
}

func TestShippedRubricsAndChecklistsLoad(t *testing.T) {
	an, k := mustKnowledge(t)
	if got := strings.Join(k.Languages(), ","); got != "en,ro,ru,uk" {
		t.Fatalf("languages = %s, want en,ro,ru,uk", got)
	}
	ids, err := List(os.DirFS("../../rubrics"))
	if err != nil || len(ids) == 0 {
		t.Fatalf("List = %v, %v", ids, err)
	}
	for _, id := range ids {
		r, err := Load(os.DirFS("../../rubrics"), id)
		if err != nil {
			t.Fatalf("rubric %s: %v", id, err)
		}
		for _, it := range r.Items() {
			def, _ := check.Lookup(it.Check)
			for _, lang := range k.Languages() {
				for _, set := range def.Sets {
					if k.Lexicons[lang].Set(set) == nil {
						t.Errorf("rubric %s: check %s: language %s has no phrase set %q", id, it.Check, lang, set)
					}
				}
			}
		}
	}
	_ = an
}

func TestParseErrorsNameLineAndField(t *testing.T) {
	cases := []struct {
		name, yaml string
		want       error
		wantText   string
	}{
		{"unknown check", "id: x\nversion: 1\nsections:\n  - name: A\n    items:\n      - check: greting\n        points: 1\n", ErrUnknownCheck, `line 6: section "A": check "greting"`},
		{"unknown item field", "id: x\nversion: 1\nsections:\n  - name: A\n    items:\n      - check: greeting\n        pionts: 1\n", ErrUnknownField, `line 7: field "pionts"`},
		{"zero points", "id: x\nversion: 1\nsections:\n  - name: A\n    items:\n      - check: greeting\n", ErrInvalid, `line 6: section "A": check "greeting": points`},
		{"duplicate", "id: x\nversion: 1\nsections:\n  - name: A\n    items:\n      - check: greeting\n        points: 1\n      - check: greeting\n        points: 1\n", ErrDuplicate, "first at line 6"},
		{"no version", "id: x\nsections: []\n", ErrInvalid, "version"},
		{"no id", "version: 1\n", ErrMissing, "id"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.yaml), "test.yaml")
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if !strings.Contains(err.Error(), tc.wantText) || !strings.Contains(err.Error(), "test.yaml") {
				t.Fatalf("err = %q, want it to name test.yaml and %q", err, tc.wantText)
			}
		})
	}
}

func TestScoreSpecRules(t *testing.T) {
	an, k := mustKnowledge(t)
	s := NewScorer(an, k)
	r, err := Parse([]byte(`id: t
version: 3
sections:
  - name: Opening
    items:
      - check: greeting
        points: 5
  - name: Compliance
    items:
      - check: forbidden_phrases
        points: 10
        critical: true
      - check: responded
        points: 5
`), "t.yaml")
	if err != nil {
		t.Fatal(err)
	}
	conv := func(agentText string) *transcript.Conversation {
		return &transcript.Conversation{ID: "c1", Channel: "chat", Language: "en",
			Agents: []transcript.Agent{{ID: "a1"}, {ID: "a2"}},
			Turns: []transcript.Turn{
				{Speaker: "customer", Text: "My order is late."},
				{Speaker: "agent", AgentID: "a1", Text: agentText},
				{Speaker: "system", Event: "transfer", AgentID: "a2"},
				{Speaker: "agent", AgentID: "a2", Text: "I have resent it."},
			}}
	}
	t.Run("no greeting", func(t *testing.T) {
		card := s.Score(r, conv("Let me check."))
		if card.Score != 75 || card.Passed || card.CriticalFailed {
			t.Fatalf("score %v passed %v critical %v, want 75 false false", card.Score, card.Passed, card.CriticalFailed)
		}
		if card.Items[0].Result != check.Fail || card.Items[0].Evidence[0].Turn != 1 {
			t.Fatalf("greeting = %+v", card.Items[0])
		}
		if card.Rubric.Version != 3 || len(card.Agents) != 2 {
			t.Fatalf("rubric %+v agents %+v", card.Rubric, card.Agents)
		}
		// a1 wrote the reply without a greeting; a2 is scored on the unattributed items only.
		if card.Agents[0].Score != 75 || card.Agents[1].Score != 100 {
			t.Fatalf("agents = %+v, want a1 75, a2 100", card.Agents)
		}
	})
	t.Run("critical fail zeroes", func(t *testing.T) {
		card := s.Score(r, conv("Hello! That's not my job."))
		if card.Score != 0 || !card.CriticalFailed || card.Passed {
			t.Fatalf("score %v critical %v passed %v", card.Score, card.CriticalFailed, card.Passed)
		}
		ev := card.Items[1].Evidence[0]
		if ev.Turn != 1 || ev.Text != "That's not my job" {
			t.Fatalf("evidence = %+v", ev)
		}
	})
}
