package store_test

import (
	"context"
	"errors"
	"maps"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/check"
	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/store"
	"github.com/qa-scorer/qa-scorer/internal/store/storetest"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

func TestSaveScorecard(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		a1 := transcript.Agent{ID: "a-1", Team: "en"}
		c := conv("c1", at(t, "2026-11-02T09:00:00Z"), a1)
		key := mustUpsert(t, s, c)[0]
		items := map[string]check.Outcome{"greet": fail}
		id, err := s.SaveScorecard(ctx, key, card("std", 1, 50, items, "a-1"))
		if err != nil {
			t.Fatal(err)
		}
		stats := func() qa.AgentStats {
			t.Helper()
			st, err := s.AgentStats(ctx, qa.Filter{})
			if err != nil || len(st) != 1 {
				t.Fatalf("stats: %+v, %v", st, err)
			}
			return st[0]
		}

		t.Run("saving again replaces in place", func(t *testing.T) {
			again, err := s.SaveScorecard(ctx, key, card("std", 1, 50, items, "a-1"))
			if err != nil || again != id {
				t.Fatalf("second save: id %d, %v; want %d", again, err, id)
			}
			if st := stats(); st.Conversations != 1 || st.ItemPassRate["greet"] != 0 {
				t.Errorf("after saving twice: %+v; want one scorecard, one item row", st)
			}
		})

		t.Run("a newer version replaces it", func(t *testing.T) {
			v2, err := s.SaveScorecard(ctx, key, card("std", 2, 100, map[string]check.Outcome{"greet": pass}, "a-1"))
			if err != nil || v2 != id {
				t.Fatalf("v2: id %d, %v; want %d", v2, err, id)
			}
			got, err := s.Scorecard(ctx, id)
			if err != nil || got.Card.Rubric.Version != 2 || got.Card.Score != 100 {
				t.Fatalf("stored %+v, %v; want version 2 scoring 100", got, err)
			}
			if st := stats(); st.Conversations != 1 || st.ItemPassRate["greet"] != 1 {
				t.Errorf("after v2: %+v; want the v2 item rows only", st)
			}
		})

		t.Run("an older version never replaces a newer one", func(t *testing.T) {
			if _, err := s.SaveScorecard(ctx, key, card("std", 1, 0, items, "a-1")); err != nil {
				t.Fatal(err)
			}
			if got, _ := s.Scorecard(ctx, id); got.Card.Rubric.Version != 2 {
				t.Errorf("version %d after saving v1 over v2, want 2", got.Card.Rubric.Version)
			}
		})

		t.Run("a job that scored an outdated copy saves nothing", func(t *testing.T) {
			_, rev, err := s.ConversationForScoring(ctx, key)
			if err != nil {
				t.Fatal(err)
			}
			mustUpsert(t, s, c) // re-sent while the job was scoring
			if _, saved, err := s.SaveScorecardFor(ctx, key, rev, card("std", 3, 0, items, "a-1")); err != nil || saved {
				t.Errorf("stale save: saved %v, %v; want false, nil", saved, err)
			}
			_, rev, _ = s.ConversationForScoring(ctx, key)
			if _, saved, err := s.SaveScorecardFor(ctx, key, rev, card("std", 3, 0, items, "a-1")); err != nil || !saved {
				t.Errorf("current save: saved %v, %v; want true, nil", saved, err)
			}
		})

		t.Run("one scorecard per rubric", func(t *testing.T) {
			if _, err := s.SaveScorecard(ctx, key, card("other", 1, 10, items, "a-1")); err != nil {
				t.Fatal(err)
			}
			got, err := s.ScorecardsByConversation(ctx, key)
			if err != nil || len(got) != 2 || got[0].Card.Rubric.ID != "other" || got[1].Card.Rubric.ID != "std" {
				t.Errorf("scorecards of the conversation: %+v, %v; want other and std", got, err)
			}
			list, total, err := s.Scorecards(ctx, qa.Filter{RubricID: "std", AgentID: "a-1"})
			if err != nil || total != 1 || len(list) != 1 || list[0].ID != id || list[0].Team != "en" {
				t.Errorf("Scorecards(std, a-1): %+v, %d, %v", list, total, err)
			}
		})

		t.Run("ErrNotFound and ErrInvalid", func(t *testing.T) {
			if _, err := s.SaveScorecard(ctx, 424242, card("std", 1, 0, items)); !errors.Is(err, qa.ErrNotFound) {
				t.Errorf("unknown conversation: %v, want qa.ErrNotFound", err)
			}
			if _, err := s.SaveScorecard(ctx, key, card("", 1, 0, items)); !errors.Is(err, qa.ErrInvalid) {
				t.Errorf("no rubric id: %v, want qa.ErrInvalid", err)
			}
			if _, err := s.Scorecard(ctx, 424242); !errors.Is(err, qa.ErrNotFound) {
				t.Errorf("unknown scorecard: %v, want qa.ErrNotFound", err)
			}
		})
	})
}

// TestScorecardKeepsReasonCode: an item's reason code and args are stored with the scorecard
// and read back as they were (numbers come back as JSON numbers).
func TestScorecardKeepsReasonCode(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		sc := card("std", 1, 100, map[string]check.Outcome{"complete_answer": pass, "greeting": pass}, "a-1")
		sc.Items[0].Reason, sc.Items[0].ReasonCode, sc.Items[0].ReasonArgs = "all 2 customer questions were answered", "complete_answer.pass", check.Args{"asked": 2}
		sc.Items[1].Reason, sc.Items[1].ReasonCode, sc.Items[1].ReasonArgs = `the agent's first reply greets: "Hello"`, "greeting.pass", check.Args{"phrase": "Hello"}
		id := mustScore(t, s, conv("c1", at(t, "2026-11-02T09:00:00Z"), transcript.Agent{ID: "a-1"}), sc)
		got, err := s.Scorecard(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		want := []struct {
			code string
			args check.Args
		}{
			{"complete_answer.pass", check.Args{"asked": float64(2)}},
			{"greeting.pass", check.Args{"phrase": "Hello"}},
		}
		for i, w := range want {
			it := got.Card.Items[i]
			if it.ReasonCode != w.code || !maps.Equal(it.ReasonArgs, w.args) {
				t.Errorf("item %s: code %q args %v, want %q %v", it.ID, it.ReasonCode, it.ReasonArgs, w.code, w.args)
			}
			if it.Reason != sc.Items[i].Reason {
				t.Errorf("item %s: reason %q, want %q", it.ID, it.Reason, sc.Items[i].Reason)
			}
		}
	})
}
