package store_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/check"
	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/store"
	"github.com/qa-scorer/qa-scorer/internal/store/storetest"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

const (
	pass   = check.Pass
	fail   = check.Fail
	na     = check.NA
	review = check.Review
)

// seedStats stores the small set whose figures TestAgentStats checks by hand:
//
//	c1 a-1 2026-W45 100            greet pass  close pass  empathy fail
//	c2 a-1 2026-W45  80            greet fail  close pass  empathy na
//	c3 a-1 2026-W46   0 critical   greet fail  close fail  empathy pass
//	c4 a-2 2026-W46  95 review     greet pass  close pass  empathy review
//	c5 a-2 70 / a-3 50 (transfer)  greet pass (a-2)  close fail (a-3)  empathy pass (both)
//	c6 a-3 December (outside the period)
//	c7 a-1 email (outside the channel filter)
func seedStats(t *testing.T, s *store.Store) {
	t.Helper()
	a1 := transcript.Agent{ID: "a-1", Team: "en"}
	a2 := transcript.Agent{ID: "a-2", Team: "en"}
	a3 := transcript.Agent{ID: "a-3", Team: "ru"}
	items := func(g, c, e check.Outcome) map[string]check.Outcome {
		return map[string]check.Outcome{"greet": g, "close": c, "empathy": e}
	}
	mustScore(t, s, conv("c1", at(t, "2026-11-02T09:00:00Z"), a1), card("std", 1, 100, items(pass, pass, fail), "a-1"))
	mustScore(t, s, conv("c2", at(t, "2026-11-04T09:00:00Z"), a1), card("std", 1, 80, items(fail, pass, na), "a-1"))
	c3 := card("std", 1, 0, items(fail, fail, pass), "a-1")
	c3.CriticalFailed, c3.Agents[0].CriticalFailed = true, true
	mustScore(t, s, conv("c3", at(t, "2026-11-10T09:00:00Z"), a1), c3)
	mustScore(t, s, conv("c4", at(t, "2026-11-10T12:00:00Z"), a2), card("std", 1, 95, items(pass, pass, review), "a-2"))

	c5 := card("std", 1, 60, items(pass, fail, pass), "a-2", "a-3")
	c5.Agents[0].Score, c5.Agents[1].Score = 70, 50
	for i := range c5.Items {
		switch c5.Items[i].ID {
		case "greet":
			c5.Items[i].AgentIDs = []string{"a-2"}
		case "close":
			c5.Items[i].AgentIDs = []string{"a-3"}
		}
	}
	mustScore(t, s, conv("c5", at(t, "2026-11-11T09:00:00Z"), a2, a3), c5)
	mustScore(t, s, conv("c6", at(t, "2026-12-01T00:00:00Z"), a3), card("std", 1, 10, items(fail, fail, fail), "a-3"))
	email := conv("c7", at(t, "2026-11-05T09:00:00Z"), a1)
	email.Channel = transcript.ChannelEmail
	c7 := card("std", 1, 10, items(fail, fail, fail), "a-1")
	c7.Channel = "email"
	mustScore(t, s, email, c7)
}

func dist(counts map[int]int) []qa.Bucket {
	out := make([]qa.Bucket, 10)
	for i := range out {
		out[i] = qa.Bucket{From: i * 10, To: i*10 + 10, Count: counts[i]}
	}
	return out
}

func TestAgentStats(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seedStats(t, s)
		f := qa.Filter{Channel: "chat", From: at(t, "2026-11-01T00:00:00Z"), To: at(t, "2026-12-01T00:00:00Z")}
		want := []qa.AgentStats{
			{AgentID: "a-1", Team: "en", Conversations: 3, MeanScore: 60, CriticalFailed: 1,
				Distribution: dist(map[int]int{0: 1, 8: 1, 9: 1}),
				ItemPassRate: map[string]float64{"greet": 0.3333, "close": 0.6667, "empathy": 0.5},
				Trend:        []qa.WeekPoint{{Week: "2026-W45", Conversations: 2, MeanScore: 90}, {Week: "2026-W46", Conversations: 1, MeanScore: 0}},
				WorstItems: []qa.ItemRate{{ItemID: "greet", Pass: 1, Fail: 2, PassRate: 0.3333},
					{ItemID: "empathy", Pass: 1, Fail: 1, PassRate: 0.5}, {ItemID: "close", Pass: 2, Fail: 1, PassRate: 0.6667}}},
			{AgentID: "a-2", Team: "en", Conversations: 2, MeanScore: 82.5, NeedsReview: 1,
				Distribution: dist(map[int]int{7: 1, 9: 1}),
				ItemPassRate: map[string]float64{"greet": 1, "close": 1, "empathy": 1},
				Trend:        []qa.WeekPoint{{Week: "2026-W46", Conversations: 2, MeanScore: 82.5}},
				WorstItems: []qa.ItemRate{{ItemID: "close", Pass: 1, PassRate: 1}, {ItemID: "empathy", Pass: 1, PassRate: 1},
					{ItemID: "greet", Pass: 2, PassRate: 1}}},
			{AgentID: "a-3", Team: "ru", Conversations: 1, MeanScore: 50,
				Distribution: dist(map[int]int{5: 1}),
				ItemPassRate: map[string]float64{"close": 0, "empathy": 1},
				Trend:        []qa.WeekPoint{{Week: "2026-W46", Conversations: 1, MeanScore: 50}},
				WorstItems:   []qa.ItemRate{{ItemID: "close", Fail: 1, PassRate: 0}, {ItemID: "empathy", Pass: 1, PassRate: 1}}},
		}
		got, err := s.AgentStats(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		assertJSON(t, got, want)

		t.Run("filters", func(t *testing.T) {
			got, err := s.AgentStats(ctx, qa.Filter{Teams: []string{"ru"}, From: f.From, To: f.To})
			if err != nil {
				t.Fatal(err)
			}
			assertJSON(t, got, want[2:])
			got, err = s.AgentStats(ctx, qa.Filter{AgentID: "a-1", Channel: "email"})
			if err != nil || len(got) != 1 || got[0].Conversations != 1 || got[0].MeanScore != 10 {
				t.Errorf("a-1 on email: %+v, %v; want one conversation scoring 10", got, err)
			}
		})
	})
}

func TestTeamStats(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		seedStats(t, s)
		got, err := s.TeamStats(context.Background(), qa.Filter{Channel: "chat", From: at(t, "2026-11-01T00:00:00Z"), To: at(t, "2026-12-01T00:00:00Z")})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 {
			t.Fatalf("got %d teams, want en and ru: %+v", len(got), got)
		}
		en := got[0]
		// en adds a-1's three shares and a-2's two: (100+80+0+95+70)/5 = 69.
		if en.Team != "en" || en.AgentID != "" || en.Conversations != 5 || en.MeanScore != 69 || en.CriticalFailed != 1 || en.NeedsReview != 1 {
			t.Errorf("team en: %+v", en)
		}
		// greet: a-1 1 pass 2 fail, a-2 2 pass → 3/5.
		if en.ItemPassRate["greet"] != 0.6 {
			t.Errorf("team en greet pass rate %v, want 0.6", en.ItemPassRate["greet"])
		}
		if ru := got[1]; ru.Team != "ru" || ru.Conversations != 1 || ru.MeanScore != 50 {
			t.Errorf("team ru: %+v", ru)
		}
	})
}

func assertJSON(t *testing.T, got, want any) {
	t.Helper()
	g, _ := json.MarshalIndent(got, "", " ")
	w, _ := json.MarshalIndent(want, "", " ")
	if string(g) != string(w) {
		t.Errorf("got\n%s\nwant\n%s", g, w)
	}
}
