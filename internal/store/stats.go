package store

import (
	"cmp"
	"context"
	"maps"
	"math"
	"slices"

	"github.com/qa-scorer/qa-scorer/internal/qa"
)

// WorstItemsCount is how many items AgentStats lists as the worst.
const WorstItemsCount = 5

// AgentStats returns one entry per agent with a scorecard share matching the filter, by agent
// id. Figures are over the agent's shares: the agent's own score (after a transfer each agent is
// scored on the items decided by their turns) and the items attributed to the agent. The period
// is the conversation start. An agent's team is the one of their latest week in the period.
//
// Two indexed GROUP BY queries do the work, one over scorecard_agents (counts, mean, critical
// fails, needs review, distribution, weekly trend) and one over scorecard_items (pass rates).
func (s *Store) AgentStats(ctx context.Context, f qa.Filter) ([]qa.AgentStats, error) {
	return s.stats(ctx, f, "agent_id")
}

// TeamStats returns one entry per team, by team name, with AgentID empty. A team's figures
// add up its agents' shares: a conversation handled by two agents of one team counts twice.
func (s *Store) TeamStats(ctx context.Context, f qa.Filter) ([]qa.AgentStats, error) {
	return s.stats(ctx, f, "team")
}

// shareGroup is one row of the share query: a group's scorecards in one week and bucket.
type shareGroup struct {
	Grp      string
	Team     string
	Week     string
	Bucket   int
	N        int
	ScoreSum float64
	Crit     int
	Review   int
}

// itemGroup is one row of the item query: a group's pass and fail counts for one item.
type itemGroup struct {
	Grp    string
	ItemID string
	Pass   int
	Fail   int
}

// statsAcc accumulates one group's figures.
type statsAcc struct {
	st       qa.AgentStats
	sum      float64
	teamWeek string
	weeks    map[string]*weekAcc
}

type weekAcc struct {
	n   int
	sum float64
}

// stats computes the figures grouped by the column by ("agent_id" or "team"; never user input).
func (s *Store) stats(ctx context.Context, f qa.Filter, by string) ([]qa.AgentStats, error) {
	var shares []shareGroup
	q := applyShareFilter(s.conn(ctx).Table("scorecard_agents t"), f).
		Select("t." + by + " AS grp, MAX(t.team) AS team, t.week, t.bucket, COUNT(*) AS n, SUM(t.score) AS score_sum, " +
			"SUM(CASE WHEN t.critical_failed THEN 1 ELSE 0 END) AS crit, SUM(CASE WHEN t.needs_review THEN 1 ELSE 0 END) AS review").
		Group("t." + by + ", t.week, t.bucket")
	if err := q.Scan(&shares).Error; err != nil {
		return nil, dbError(err, "stats by %s: scorecards", by)
	}
	var items []itemGroup
	q = applyShareFilter(s.conn(ctx).Table("scorecard_items t"), f).
		Where("t.result IN ?", []string{"pass", "fail"}).
		Select("t." + by + " AS grp, t.item_id, SUM(CASE WHEN t.result = 'pass' THEN 1 ELSE 0 END) AS pass, " +
			"SUM(CASE WHEN t.result = 'fail' THEN 1 ELSE 0 END) AS fail").
		Group("t." + by + ", t.item_id")
	if err := q.Scan(&items).Error; err != nil {
		return nil, dbError(err, "stats by %s: items", by)
	}
	return buildStats(shares, items, by == "agent_id"), nil
}

// buildStats folds the grouped rows into one AgentStats per group, in group order.
func buildStats(shares []shareGroup, items []itemGroup, perAgent bool) []qa.AgentStats {
	groups := map[string]*statsAcc{}
	for _, r := range shares {
		a := groups[r.Grp]
		if a == nil {
			a = &statsAcc{weeks: map[string]*weekAcc{}}
			a.st.Distribution = emptyDistribution()
			a.st.ItemPassRate = map[string]float64{}
			groups[r.Grp] = a
		}
		a.st.Conversations += r.N
		a.sum += r.ScoreSum
		a.st.CriticalFailed += r.Crit
		a.st.NeedsReview += r.Review
		a.st.Distribution[min(max(r.Bucket, 0), 9)].Count += r.N
		w := a.weeks[r.Week]
		if w == nil {
			w = &weekAcc{}
			a.weeks[r.Week] = w
		}
		w.n += r.N
		w.sum += r.ScoreSum
		if r.Week > a.teamWeek || (r.Week == a.teamWeek && r.Team > a.st.Team) {
			a.teamWeek, a.st.Team = r.Week, r.Team
		}
	}
	for _, r := range items {
		a := groups[r.Grp]
		if a == nil || r.Pass+r.Fail == 0 {
			continue
		}
		rate := round(float64(r.Pass)/float64(r.Pass+r.Fail), 4)
		a.st.ItemPassRate[r.ItemID] = rate
		a.st.WorstItems = append(a.st.WorstItems, qa.ItemRate{ItemID: r.ItemID, Pass: r.Pass, Fail: r.Fail, PassRate: rate})
	}
	out := make([]qa.AgentStats, 0, len(groups))
	for _, grp := range slices.Sorted(maps.Keys(groups)) {
		a := groups[grp]
		st := a.st
		if perAgent {
			st.AgentID = grp
		} else {
			st.Team = grp
		}
		st.MeanScore = round(a.sum/float64(st.Conversations), 2)
		st.Trend = make([]qa.WeekPoint, 0, len(a.weeks))
		for _, week := range slices.Sorted(maps.Keys(a.weeks)) {
			w := a.weeks[week]
			st.Trend = append(st.Trend, qa.WeekPoint{Week: week, Conversations: w.n, MeanScore: round(w.sum/float64(w.n), 2)})
		}
		slices.SortFunc(st.WorstItems, func(x, y qa.ItemRate) int {
			return cmp.Or(cmp.Compare(x.PassRate, y.PassRate), cmp.Compare(y.Fail, x.Fail), cmp.Compare(x.ItemID, y.ItemID))
		})
		if len(st.WorstItems) > WorstItemsCount {
			st.WorstItems = st.WorstItems[:WorstItemsCount]
		}
		if st.WorstItems == nil {
			st.WorstItems = []qa.ItemRate{}
		}
		out = append(out, st)
	}
	return out
}

// emptyDistribution returns the ten 10-point buckets; the last, 90-100, includes 100.
func emptyDistribution() []qa.Bucket {
	out := make([]qa.Bucket, 10)
	for i := range out {
		out[i] = qa.Bucket{From: i * 10, To: i*10 + 10}
	}
	return out
}

func round(x float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(x*p) / p
}
