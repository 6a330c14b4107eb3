package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/qa-scorer/qa-scorer/internal/check"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
	"github.com/qa-scorer/qa-scorer/internal/store"
)

// The synthetic population.
const (
	agents       = 500
	teams        = 50
	itemsPerCard = 15
)

var (
	channels  = []string{"chat", "chat", "chat", "email", "messenger", "voice"}
	languages = []string{"en", "en", "ru", "uk", "ro"}
)

// generator makes deterministic conversations, scorecards and their per-agent rows.
type generator struct {
	rnd       *rand.Rand
	itemIDs   []string
	passRate  []float64 // per item
	skill     []float64 // per agent: added to every pass rate
	yearStart time.Time
}

func newGenerator(seed int64) *generator {
	g := &generator{rnd: rand.New(rand.NewPCG(uint64(seed), 7)), yearStart: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	for i := range itemsPerCard {
		g.itemIDs = append(g.itemIDs, fmt.Sprintf("item_%02d", i))
		g.passRate = append(g.passRate, 0.6+0.37*g.rnd.Float64())
	}
	for range agents {
		g.skill = append(g.skill, 0.1*(g.rnd.Float64()-0.5))
	}
	return g
}

// batch holds the rows of one COPY round.
type batch struct {
	conversations, convAgents, scorecards, shares, items [][]any
}

// copyBatch writes n scored conversations with keys from first on. Starts advance through 2026
// in key order (a million per year), as conversations arrive in production.
func (g *generator) copyBatch(ctx context.Context, pool *pgxpool.Pool, first int64, n int) error {
	var b batch
	for i := range n {
		if err := g.add(&b, first+int64(i)); err != nil {
			return err
		}
	}
	tables := []struct {
		name string
		cols []string
		rows [][]any
	}{
		{"conversations", []string{"id", "source", "ext_id", "channel", "language", "queue", "team", "started_at", "revision", "body", "received_at", "updated_at"}, b.conversations},
		{"conversation_agents", []string{"conversation_id", "agent_id", "team"}, b.convAgents},
		{"scorecards", []string{"id", "conversation_id", "rubric_id", "rubric_version", "conversation_revision", "started_at", "channel", "language", "queue", "team", "score", "passed", "critical_failed", "needs_review", "card", "scored_at"}, b.scorecards},
		{"scorecard_agents", []string{"scorecard_id", "agent_id", "team", "rubric_id", "channel", "language", "started_at", "week", "score", "bucket", "critical_failed", "needs_review"}, b.shares},
		{"scorecard_items", []string{"scorecard_id", "item_id", "agent_id", "team", "rubric_id", "channel", "language", "started_at", "result"}, b.items},
	}
	for _, t := range tables {
		if _, err := pool.CopyFrom(ctx, pgx.Identifier{t.name}, t.cols, pgx.CopyFromRows(t.rows)); err != nil {
			return fmt.Errorf("copy %s: %w", t.name, err)
		}
	}
	return nil
}

// add generates one conversation with key k and its scorecard (id k).
func (g *generator) add(b *batch, k int64) error {
	const year = 365 * 24 * time.Hour
	start := g.yearStart.Add(time.Duration((k-1)%1_000_000) * (year / 1_000_000)).Truncate(time.Second)
	channel, lang := channels[g.rnd.IntN(len(channels))], languages[g.rnd.IntN(len(languages))]
	agentIDs := []int{g.rnd.IntN(agents)}
	if g.rnd.IntN(20) == 0 { // 5% transferred to a second agent
		agentIDs = append(agentIDs, (agentIDs[0]+1+g.rnd.IntN(agents-1))%agents)
	}
	ext := fmt.Sprintf("seed-%d", k)
	body, _ := json.Marshal(map[string]any{"id": ext, "channel": channel, "language": lang, "started_at": start,
		"agents": []map[string]string{{"id": agentName(agentIDs[0]), "team": teamName(agentIDs[0])}},
		"turns":  []map[string]string{{"speaker": "customer", "text": "Where is my order?"}, {"speaker": "agent", "text": "Hello! Let me check."}}})
	b.conversations = append(b.conversations, []any{k, "seed", ext, channel, lang, "", teamName(agentIDs[0]), start, 1, string(body), start, start})
	for _, a := range agentIDs {
		b.convAgents = append(b.convAgents, []any{k, agentName(a), teamName(a)})
	}

	res := make([]check.Outcome, itemsPerCard)
	passed, counted, needsReview := 0, 0, false
	for j := range res {
		r := g.rnd.Float64()
		switch {
		case r < 0.08:
			res[j] = check.NA
		case r < 0.10:
			res[j], needsReview = check.Review, true
		case g.rnd.Float64() < g.passRate[j]+g.skill[agentIDs[0]]:
			res[j], passed, counted = check.Pass, passed+1, counted+1
		default:
			res[j], counted = check.Fail, counted+1
		}
	}
	score := 100.0
	if counted > 0 {
		score = float64(int(1000*float64(passed)/float64(counted)+0.5)) / 10
	}
	critical := g.rnd.IntN(50) == 0
	if critical {
		score = 0
	}
	bucket := min(int(score/10), 9)
	y, w := start.ISOWeek()
	week := fmt.Sprintf("%04d-W%02d", y, w)
	card, err := store.EncodeScorecard(g.card(ext, channel, lang, score, critical, needsReview, agentIDs, res))
	if err != nil {
		return err
	}
	b.scorecards = append(b.scorecards, []any{k, k, "standard", 1, 1, start, channel, lang, "", teamName(agentIDs[0]),
		score, score >= 80, critical, needsReview, card, start})
	for _, a := range agentIDs {
		b.shares = append(b.shares, []any{k, agentName(a), teamName(a), "standard", channel, lang, start, week, score, bucket, critical, needsReview})
		for j, r := range res {
			b.items = append(b.items, []any{k, g.itemIDs[j], agentName(a), teamName(a), "standard", channel, lang, start, string(r)})
		}
	}
	return nil
}

// card is the scorecard of a seeded conversation, in the shape the scorer makes: an item of one
// point per result (the score above is their pass rate) that belongs to every agent, as the
// per-agent rows say, and one share per agent with the conversation's score.
func (g *generator) card(ext, channel, lang string, score float64, critical, needsReview bool, agentIDs []int, res []check.Outcome) *rubric.Scorecard {
	c := &rubric.Scorecard{
		ConversationID: ext, Rubric: rubric.RubricRef{ID: "standard", Version: 1}, Language: lang, Channel: channel,
		Score: score, Passed: score >= 80, CriticalFailed: critical, NeedsReview: needsReview,
	}
	for _, a := range agentIDs {
		c.Agents = append(c.Agents, rubric.AgentScore{AgentID: agentName(a), Score: score, CriticalFailed: critical})
	}
	for j, r := range res {
		it := rubric.ItemResult{ID: g.itemIDs[j], Section: "Seeded", Result: r, MaxPoints: 1, Reason: "seeded"}
		if r == check.Pass {
			it.Points = 1
		}
		c.Items = append(c.Items, it)
	}
	return c
}

func agentName(a int) string { return fmt.Sprintf("agent-%03d", a) }
func teamName(a int) string  { return fmt.Sprintf("team-%02d", a/(agents/teams)) }

// nextKey returns the first free conversation key, so that seeding twice adds rows.
func nextKey(ctx context.Context, pool *pgxpool.Pool) (int64, error) {
	var k int64
	if err := pool.QueryRow(ctx, "SELECT COALESCE(MAX(id), 0) + 1 FROM conversations").Scan(&k); err != nil {
		return 0, fmt.Errorf("next key: %w", err)
	}
	return k, nil
}

// finish moves the id sequences past the copied keys and refreshes the planner's statistics
// and the visibility map (index-only scans).
func finish(ctx context.Context, pool *pgxpool.Pool) error {
	for _, stmt := range []string{
		"SELECT setval(pg_get_serial_sequence('conversations', 'id'), (SELECT MAX(id) FROM conversations))",
		"SELECT setval(pg_get_serial_sequence('scorecards', 'id'), (SELECT MAX(id) FROM scorecards))",
		"VACUUM ANALYZE conversations, conversation_agents, scorecards, scorecard_agents, scorecard_items",
	} {
		if _, err := pool.Exec(ctx, stmt); err != nil {
			return fmt.Errorf("%s: %w", stmt, err)
		}
	}
	return nil
}
