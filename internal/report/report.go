// Package report summarises scorecards over a batch: per agent (conversations, mean score,
// critical fails, pass rate per item) and per item (pass, fail, na, review counts). The CLI's
// `qa report` prints it; the server's per-agent views compute the same figures in SQL.
package report

import (
	"sort"

	"github.com/qa-scorer/qa-scorer/internal/check"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
)

// Summary is the report over a batch of scorecards.
type Summary struct {
	Conversations  int            `json:"conversations"`
	MeanScore      float64        `json:"mean_score"`
	Passed         int            `json:"passed"`
	CriticalFailed int            `json:"critical_failed"`
	NeedsReview    int            `json:"needs_review"`
	Agents         []AgentSummary `json:"agents"`
	Items          []ItemSummary  `json:"items"`
}

// AgentSummary is one agent's figures over the batch.
type AgentSummary struct {
	AgentID        string             `json:"agent_id"`
	Team           string             `json:"team,omitempty"`
	Conversations  int                `json:"conversations"`
	MeanScore      float64            `json:"mean_score"`
	CriticalFailed int                `json:"critical_failed"`
	PassRate       map[string]float64 `json:"pass_rate"` // by item id, over the items that were pass or fail
}

// ItemSummary counts one item's results over the batch.
type ItemSummary struct {
	ID       string  `json:"id"`
	Pass     int     `json:"pass"`
	Fail     int     `json:"fail"`
	NA       int     `json:"na"`
	Review   int     `json:"review"`
	PassRate float64 `json:"pass_rate"` // pass / (pass + fail); 0 when neither
}

// Builder accumulates scorecards one at a time, so a batch of any size is summarised in memory
// proportional to its agents and items, not its conversations.
type Builder struct {
	sum      Summary
	scoreSum float64
	agents   map[string]*agentAcc
	items    map[string]*ItemSummary
	order    []string
}

type agentAcc struct {
	team      string
	n         int
	scoreSum  float64
	critical  int
	pass, all map[string]int
}

// NewBuilder starts an empty summary.
func NewBuilder() *Builder {
	return &Builder{agents: map[string]*agentAcc{}, items: map[string]*ItemSummary{}}
}

// Add counts one scorecard. teams maps agent ids to their teams (may be nil).
func (b *Builder) Add(card *rubric.Scorecard, teams map[string]string) {
	b.sum.Conversations++
	b.scoreSum += card.Score
	if card.Passed {
		b.sum.Passed++
	}
	if card.CriticalFailed {
		b.sum.CriticalFailed++
	}
	if card.NeedsReview {
		b.sum.NeedsReview++
	}
	for _, it := range card.Items {
		s := b.items[it.ID]
		if s == nil {
			s = &ItemSummary{ID: it.ID}
			b.items[it.ID] = s
			b.order = append(b.order, it.ID)
		}
		switch it.Result {
		case check.Pass:
			s.Pass++
		case check.Fail:
			s.Fail++
		case check.NA:
			s.NA++
		case check.Review:
			s.Review++
		}
	}
	for _, a := range card.Agents {
		acc := b.agents[a.AgentID]
		if acc == nil {
			acc = &agentAcc{team: teams[a.AgentID], pass: map[string]int{}, all: map[string]int{}}
			b.agents[a.AgentID] = acc
		}
		acc.n++
		acc.scoreSum += a.Score
		if a.CriticalFailed {
			acc.critical++
		}
		for _, it := range card.Items {
			if len(it.AgentIDs) > 0 && !containsString(it.AgentIDs, a.AgentID) {
				continue
			}
			if it.Result == check.Pass || it.Result == check.Fail {
				acc.all[it.ID]++
				if it.Result == check.Pass {
					acc.pass[it.ID]++
				}
			}
		}
	}
}

// Summary returns the figures so far, agents sorted by id and items in rubric order.
func (b *Builder) Summary() Summary {
	s := b.sum
	s.MeanScore = mean(b.scoreSum, s.Conversations)
	s.Agents = []AgentSummary{}
	ids := make([]string, 0, len(b.agents))
	for id := range b.agents {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		acc := b.agents[id]
		rates := map[string]float64{}
		for item, n := range acc.all {
			rates[item] = round3(float64(acc.pass[item]) / float64(n))
		}
		s.Agents = append(s.Agents, AgentSummary{
			AgentID: id, Team: acc.team, Conversations: acc.n,
			MeanScore: mean(acc.scoreSum, acc.n), CriticalFailed: acc.critical, PassRate: rates,
		})
	}
	s.Items = []ItemSummary{}
	for _, id := range b.order {
		it := *b.items[id]
		if it.Pass+it.Fail > 0 {
			it.PassRate = round3(float64(it.Pass) / float64(it.Pass+it.Fail))
		}
		s.Items = append(s.Items, it)
	}
	return s
}

func mean(sum float64, n int) float64 {
	if n == 0 {
		return 0
	}
	return float64(int64(sum/float64(n)*10+0.5)) / 10
}

func round3(x float64) float64 { return float64(int64(x*1000+0.5)) / 1000 }

func containsString(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
