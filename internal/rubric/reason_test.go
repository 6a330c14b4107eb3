package rubric

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/check"
	"github.com/qa-scorer/qa-scorer/internal/importer"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// TestReasonCodes scores every hand-written conversation (testdata/labelled) and every demo
// conversation (testdata/demo, all formats) with every shipped rubric, and checks that each
// item's reason carries a code and args from which its English template renders the reason
// exactly, before and after a JSON round trip (as stored and served).
func TestReasonCodes(t *testing.T) {
	an, k := mustKnowledge(t)
	s := NewScorer(an, k)
	convs := demoConversations(t)
	for _, f := range readCorpus(t, "labelled/*.jsonl") {
		convs = append(convs, f.convs...)
	}
	if len(convs) < 200 {
		t.Fatalf("only %d conversations", len(convs))
	}
	ids, err := List(os.DirFS("../../rubrics"))
	if err != nil {
		t.Fatal(err)
	}
	templates := check.ReasonTemplates()
	used := map[string]bool{}
	for _, id := range ids {
		r, err := Load(os.DirFS("../../rubrics"), id)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range convs {
			card := s.Score(r, c)
			for _, it := range card.Items {
				if it.Reason == "" || it.ReasonCode == "" {
					t.Errorf("%s %s %s: reason %q, code %q", id, c.ID, it.ID, it.Reason, it.ReasonCode)
					continue
				}
				used[it.ReasonCode] = true
				if err := check.MatchReason(it.Reason, it.ReasonCode, it.ReasonArgs); err != nil {
					t.Errorf("%s %s %s: %v", id, c.ID, it.ID, err)
				}
			}
			data, err := json.Marshal(card)
			if err != nil {
				t.Fatal(err)
			}
			var back Scorecard
			if err := json.Unmarshal(data, &back); err != nil {
				t.Fatal(err)
			}
			for i, it := range back.Items {
				if it.ReasonCode != card.Items[i].ReasonCode || check.RenderReason(templates[it.ReasonCode], it.ReasonArgs) != it.Reason {
					t.Errorf("%s %s %s: after JSON, code %q args %v do not give %q", id, c.ID, it.ID, it.ReasonCode, it.ReasonArgs, it.Reason)
				}
			}
		}
	}
	t.Logf("%d conversations, %d of %d reason codes seen", len(convs), len(used), len(templates))
}

// demoConversations reads every file of testdata/demo through the importers.
func demoConversations(t *testing.T) []*transcript.Conversation {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "demo", "*"))
	if err != nil {
		t.Fatal(err)
	}
	var out []*transcript.Conversation
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		err = importer.Read(context.Background(), f, filepath.Base(p), importer.Options{}, func(rec importer.Record) error {
			if rec.Err != nil {
				t.Errorf("%s %s: %v", p, rec.Where, rec.Err)
				return nil
			}
			out = append(out, rec.Conversation)
			return nil
		})
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(out) == 0 {
		t.Fatal("no demo conversations")
	}
	return out
}
