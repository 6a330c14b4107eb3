package main

import (
	"context"
	"io"
	"log/slog"
	"slices"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/qa-scorer/qa-scorer/internal/check"
	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/store/storetest"
)

// TestSeededScorecardsRead seeds a few scorecards (qa-seed writes with PostgreSQL's COPY) and
// reads them back through the store, as GET /scorecards does: every card decodes, in the
// shape the scorer makes, and tells the same story as the statistics rows seeded beside it.
func TestSeededScorecardsRead(t *testing.T) {
	ctx := context.Background()
	dsn := storetest.PostgresDSN(t)
	const n = 40
	if err := run(ctx, []string{"--dsn", dsn, "--scorecards", "40", "--batch", "15"}, slog.New(slog.NewTextHandler(io.Discard, nil))); err != nil {
		t.Fatal(err)
	}
	st := storetest.Open(t, dsn)
	cards, total, err := st.Scorecards(ctx, qa.Filter{Limit: 500})
	if err != nil {
		t.Fatalf("list seeded scorecards: %v", err)
	}
	if total != n || len(cards) != n {
		t.Fatalf("%d scorecards listed of %d, want %d", len(cards), total, n)
	}
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, sc := range cards {
		c := sc.Card
		if c.Rubric.ID != "standard" || c.Rubric.Version != 1 || len(c.Items) != itemsPerCard || len(c.Agents) == 0 {
			t.Fatalf("scorecard %d: rubric %+v, %d items, %d agents; want standard@1, %d items, an agent",
				sc.ID, c.Rubric, len(c.Items), len(c.Agents), itemsPerCard)
		}
		one, err := st.Scorecard(ctx, sc.ID)
		if err != nil || one.Card.ConversationID != c.ConversationID {
			t.Fatalf("scorecard %d by id: %v, %v", sc.ID, one, err)
		}
		var items []string
		for _, it := range c.Items {
			if !slices.Contains([]check.Outcome{check.Pass, check.Fail, check.NA, check.Review}, it.Result) || it.MaxPoints != 1 {
				t.Errorf("scorecard %d: item %+v", sc.ID, it)
			}
			items = append(items, it.ID+"="+string(it.Result))
		}
		for _, a := range c.Agents {
			rows, err := conn.Query(ctx, "SELECT item_id || '=' || result FROM scorecard_items WHERE scorecard_id = $1 AND agent_id = $2 ORDER BY item_id", sc.ID, a.AgentID)
			if err != nil {
				t.Fatal(err)
			}
			stats, err := pgx.CollectRows(rows, pgx.RowTo[string])
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(stats, items) {
				t.Errorf("scorecard %d, agent %s: statistics rows %v, card %v", sc.ID, a.AgentID, stats, items)
			}
		}
	}
	byConv, err := st.ScorecardsByConversation(ctx, cards[0].ConversationKey)
	if err != nil || len(byConv) != 1 {
		t.Errorf("scorecards of conversation %d: %d, %v; want 1", cards[0].ConversationKey, len(byConv), err)
	}
}
