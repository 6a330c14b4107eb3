package jobs_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/jobs"
	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
	"github.com/qa-scorer/qa-scorer/internal/store"
)

// publish stores the standard rubric's YAML, edited, as a new version.
func publish(t *testing.T, e *env, edit func(string) string) qa.RubricVersion {
	t.Helper()
	data, err := os.ReadFile("../../rubrics/standard.yaml")
	if err != nil {
		t.Fatal(err)
	}
	yaml := edit(string(data))
	r, err := rubric.Parse([]byte(yaml), "standard.yaml")
	if err != nil {
		t.Fatal(err)
	}
	v, err := e.store.PublishRubric(context.Background(), r, yaml, 1)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestHandler(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t, store.DialectSQLite, 2)
	h := jobs.NewHandler(e.store, jobs.Fixed(e.scorer), nil)

	t.Run("scores and saves with the stored version", func(t *testing.T) {
		if err := h.Score(ctx, e.keys[0], "standard", e.version.Version); err != nil {
			t.Fatal(err)
		}
		cards, err := e.store.ScorecardsByConversation(ctx, e.keys[0])
		if err != nil || len(cards) != 1 {
			t.Fatalf("scorecards %+v, %v; want one", cards, err)
		}
		if c := cards[0].Card; c.Rubric.Version != e.version.Version || len(c.Items) == 0 || c.ConversationID != "c-000" {
			t.Errorf("scorecard %+v", c)
		}
	})

	t.Run("the stored version number wins over the yaml's", func(t *testing.T) {
		v2 := publish(t, e, func(s string) string { return s }) // yaml still says version: 1
		if err := h.Score(ctx, e.keys[0], "standard", v2.Version); err != nil {
			t.Fatal(err)
		}
		cards, _ := e.store.ScorecardsByConversation(ctx, e.keys[0])
		if len(cards) != 1 || cards[0].Card.Rubric.Version != v2.Version {
			t.Errorf("after scoring with version %d: %+v", v2.Version, cards)
		}
	})

	t.Run("a rubric that does not apply scores nothing", func(t *testing.T) {
		v := publish(t, e, func(s string) string {
			return strings.Replace(s, "pass_score: 80", "pass_score: 80\napplies_to:\n  channels: [email]", 1)
		})
		if err := h.Score(ctx, e.keys[1], "standard", v.Version); err != nil {
			t.Fatal(err)
		}
		if cards, _ := e.store.ScorecardsByConversation(ctx, e.keys[1]); len(cards) != 0 {
			t.Errorf("an email-only rubric scored a chat: %+v", cards)
		}
	})

	t.Run("missing conversation or version is permanent", func(t *testing.T) {
		for _, err := range []error{
			h.Score(ctx, 99999, "standard", e.version.Version),
			h.Score(ctx, e.keys[0], "standard", 99),
		} {
			if !errors.Is(err, qa.ErrNotFound) {
				t.Errorf("%v, want qa.ErrNotFound", err)
			}
		}
	})

	t.Run("a yaml that no longer parses is permanent", func(t *testing.T) {
		_, err := jobs.ParseVersion(qa.RubricVersion{RubricID: "standard", Version: 3, YAML: "id: standard\nsections: 7\n"})
		if !errors.Is(err, jobs.ErrPermanent) {
			t.Errorf("%v, want jobs.ErrPermanent", err)
		}
	})
}
