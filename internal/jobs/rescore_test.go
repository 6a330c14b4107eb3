package jobs_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/jobs"
	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
	"github.com/qa-scorer/qa-scorer/internal/store/storetest"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// TestPublishRescores ingests conversations (scored by the active version), then publishes a
// version for email only: re-scoring enqueues just the email conversations, progress reaches
// the total, and their scorecards carry the new version.
func TestPublishRescores(t *testing.T) {
	for _, dialect := range storetest.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			e := newEnv(t, dialect, 0)
			q := e.queue(t, jobs.NewHandler(e.store, jobs.Fixed(e.scorer), nil), nil)
			if err := q.Start(ctx); err != nil {
				t.Fatal(err)
			}
			defer func() {
				if err := q.Stop(ctx); err != nil {
					t.Error(err)
				}
			}()

			var convs []*transcript.Conversation
			for i := range 6 {
				c := conversation(fmt.Sprintf("n-%d", i))
				if i%2 == 1 {
					c.Channel = transcript.ChannelEmail
				}
				convs = append(convs, c)
			}
			_, _, keys, err := e.store.UpsertConversations(ctx, convs)
			if err != nil {
				t.Fatal(err)
			}
			v1, err := jobs.ParseVersion(e.version)
			if err != nil {
				t.Fatal(err)
			}
			if err := jobs.EnqueueNew(ctx, q, []*rubric.Rubric{v1}, keys, convs); err != nil {
				t.Fatal(err)
			}
			if p := e.waitDone(t, e.version.Version); p.Done != 6 {
				t.Fatalf("ingest progress %+v; want 6 done", p)
			}

			v2 := publish(t, e, func(s string) string {
				return strings.Replace(s, "pass_score: 80", "pass_score: 80\napplies_to:\n  channels: [email]", 1)
			})
			r2, err := jobs.ParseVersion(v2)
			if err != nil {
				t.Fatal(err)
			}
			n, err := jobs.Rescore(ctx, q, e.store, r2)
			if err != nil || n != 3 {
				t.Fatalf("Rescore enqueued %d, %v; want the 3 email conversations", n, err)
			}
			if p := e.waitDone(t, v2.Version); p.Total != 3 || p.Done != 3 {
				t.Errorf("rescore progress %+v; want 3 of 3", p)
			}
			cards, _, err := e.store.Scorecards(ctx, qa.Filter{Channel: "email"})
			if err != nil || len(cards) != 3 {
				t.Fatalf("email scorecards %d, %v", len(cards), err)
			}
			for _, c := range cards {
				if c.Card.Rubric.Version != v2.Version {
					t.Errorf("email scorecard of %s has version %d, want %d", c.Card.ConversationID, c.Card.Rubric.Version, v2.Version)
				}
			}
		})
	}
}
