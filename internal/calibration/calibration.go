// Package calibration measures how far people agree when they score the same conversations.
// In a calibration session several reviewers review the same scorecards blind; once the
// session is revealed their decisions are compared with each other and with the automatic
// results: percent agreement and Cohen's kappa, overall and per rubric item. The package is
// pure: it reads reviews (internal/qa) and computes, nothing else.
package calibration

import (
	"cmp"
	"maps"
	"math"
	"slices"

	"github.com/qa-scorer/qa-scorer/internal/check"
	"github.com/qa-scorer/qa-scorer/internal/qa"
)

// Report is the agreement measured on a revealed session. Rates are 0-1 and kappas -1..1,
// rounded to three decimals; a kappa is nil where it is undefined (no decisions, or both
// raters gave one and the same result every time, so chance agreement is already total).
type Report struct {
	Reviews int `json:"reviews"` // submitted reviews compared
	// Pairwise is the percent agreement between reviewers: over every pair of reviewers who
	// reviewed the same scorecard, the share of its items they decided alike.
	Pairwise float64 `json:"pairwise"`
	// Kappa is the mean of the pairs' Cohen's kappas (Light's kappa).
	Kappa *float64 `json:"kappa"`
	// Automation is the share of reviewer decisions equal to the automatic result.
	Automation float64 `json:"automation"`
	// AutomationKappa is the mean over reviewers of Cohen's kappa between the automation and
	// the reviewer.
	AutomationKappa *float64 `json:"automation_kappa"`
	// ScoreRange is the mean, over scorecards, of the highest minus the lowest human score.
	ScoreRange float64    `json:"score_range"`
	Reviewers  []Reviewer `json:"reviewers"` // each reviewer against the automation, by id
	Pairs      []Pair     `json:"pairs"`     // each pair of reviewers, by ids
	Items      []Item     `json:"items"`     // per rubric item, lowest agreement first
}

// Agreement compares two raters over the decisions they both made.
type Agreement struct {
	Decisions int      `json:"decisions"`
	Agreement float64  `json:"agreement"` // share of decisions alike
	Kappa     *float64 `json:"kappa"`     // Cohen's kappa
}

// Reviewer is one reviewer's agreement with the automatic results.
type Reviewer struct {
	ReviewerID int64 `json:"reviewer_id"`
	Agreement
}

// Pair is the agreement of two reviewers (A < B) on the scorecards both reviewed.
type Pair struct {
	A int64 `json:"a"`
	B int64 `json:"b"`
	Agreement
}

// Item is the agreement on one rubric item.
type Item struct {
	ItemID          string   `json:"item_id"`
	Pairs           int      `json:"pairs"`    // reviewer pairs that decided it on a scorecard
	Pairwise        float64  `json:"pairwise"` // share of those pairs that decided alike
	Kappa           *float64 `json:"kappa"`    // mean of the reviewer pairs' kappas on this item
	Automation      float64  `json:"automation"`
	AutomationKappa *float64 `json:"automation_kappa"` // mean over reviewers
}

// rating is one pair of decisions: two raters on one item of one scorecard.
type rating struct{ x, y check.Outcome }

// ratings are the paired decisions of two raters, overall and per item.
type ratings struct {
	all    []rating
	byItem map[string][]rating
}

func (r *ratings) add(item string, x, y check.Outcome) {
	if r.byItem == nil {
		r.byItem = map[string][]rating{}
	}
	r.all = append(r.all, rating{x, y})
	r.byItem[item] = append(r.byItem[item], rating{x, y})
}

// Measure compares the submitted reviews; drafts are left out. Reviews are matched by
// scorecard, and decisions by item id.
func Measure(reviews []qa.Review) Report {
	byCard := map[int64][]qa.Review{}
	rep := Report{Reviewers: []Reviewer{}, Pairs: []Pair{}, Items: []Item{}}
	for _, r := range reviews {
		if r.Status == "submitted" {
			byCard[r.ScorecardID] = append(byCard[r.ScorecardID], r)
			rep.Reviews++
		}
	}
	auto := map[int64]*ratings{}     // reviewer → (automatic, reviewer)
	pairs := map[[2]int64]*ratings{} // reviewer pair → (a, b)
	var rangeSum float64
	for _, card := range slices.Sorted(maps.Keys(byCard)) {
		rs := byCard[card]
		slices.SortFunc(rs, func(a, b qa.Review) int { return cmp.Compare(a.ReviewerID, b.ReviewerID) })
		lo, hi := math.Inf(1), math.Inf(-1)
		for i, r := range rs {
			lo, hi = math.Min(lo, r.Score), math.Max(hi, r.Score)
			a := entry(auto, r.ReviewerID)
			for _, it := range r.Items {
				a.add(it.ItemID, it.Automatic, it.Result)
			}
			for _, o := range rs[i+1:] {
				p := entry(pairs, [2]int64{r.ReviewerID, o.ReviewerID})
				for _, it := range r.Items {
					if j := slices.IndexFunc(o.Items, func(x qa.ReviewItem) bool { return x.ItemID == it.ItemID }); j >= 0 {
						p.add(it.ItemID, it.Result, o.Items[j].Result)
					}
				}
			}
		}
		rangeSum += hi - lo
	}
	if len(byCard) > 0 {
		rep.ScoreRange = math.Round(10*rangeSum/float64(len(byCard))) / 10
	}
	var pairAll, autoAll []rating
	var pairKappas, autoKappas []*float64
	for _, id := range slices.SortedFunc(maps.Keys(pairs), comparePair) {
		r := pairs[id]
		pairAll = append(pairAll, r.all...)
		ag := agree(r.all)
		pairKappas = append(pairKappas, ag.Kappa)
		rep.Pairs = append(rep.Pairs, Pair{A: id[0], B: id[1], Agreement: ag})
	}
	for _, id := range slices.Sorted(maps.Keys(auto)) {
		r := auto[id]
		autoAll = append(autoAll, r.all...)
		ag := agree(r.all)
		autoKappas = append(autoKappas, ag.Kappa)
		rep.Reviewers = append(rep.Reviewers, Reviewer{ReviewerID: id, Agreement: ag})
	}
	rep.Pairwise, rep.Kappa = agree(pairAll).Agreement, mean(pairKappas)
	rep.Automation, rep.AutomationKappa = agree(autoAll).Agreement, mean(autoKappas)
	rep.Items = items(pairs, auto)
	return rep
}

// items computes the per-item figures.
func items(pairs map[[2]int64]*ratings, auto map[int64]*ratings) []Item {
	ids := map[string]bool{}
	for _, r := range pairs {
		for id := range r.byItem {
			ids[id] = true
		}
	}
	for _, r := range auto {
		for id := range r.byItem {
			ids[id] = true
		}
	}
	out := []Item{}
	for _, id := range slices.Sorted(maps.Keys(ids)) {
		var all, autoAll []rating
		var kappas, autoKappas []*float64
		for _, r := range pairs {
			if rs := r.byItem[id]; len(rs) > 0 {
				all = append(all, rs...)
				kappas = append(kappas, agree(rs).Kappa)
			}
		}
		for _, r := range auto {
			if rs := r.byItem[id]; len(rs) > 0 {
				autoAll = append(autoAll, rs...)
				autoKappas = append(autoKappas, agree(rs).Kappa)
			}
		}
		out = append(out, Item{ItemID: id, Pairs: len(all), Pairwise: agree(all).Agreement, Kappa: mean(kappas),
			Automation: agree(autoAll).Agreement, AutomationKappa: mean(autoKappas)})
	}
	slices.SortStableFunc(out, func(a, b Item) int { return cmp.Compare(a.Pairwise, b.Pairwise) })
	return out
}

// agree is the percent agreement and Cohen's kappa of paired decisions:
// kappa = (po - pe) / (1 - pe), po the observed agreement and pe the agreement expected by
// chance from each rater's own distribution of results. With nothing to compare the agreement
// is 1 and the kappa undefined.
func agree(rs []rating) Agreement {
	if len(rs) == 0 {
		return Agreement{Agreement: 1}
	}
	n := float64(len(rs))
	same := 0
	px, py := map[check.Outcome]float64{}, map[check.Outcome]float64{}
	for _, r := range rs {
		if r.x == r.y {
			same++
		}
		px[r.x] += 1 / n
		py[r.y] += 1 / n
	}
	po := float64(same) / n
	var pe float64
	for _, c := range slices.Sorted(maps.Keys(px)) { // sorted: the same sum every time
		pe += px[c] * py[c]
	}
	out := Agreement{Decisions: len(rs), Agreement: round3(po)}
	if pe < 1-1e-9 {
		k := round3((po - pe) / (1 - pe))
		out.Kappa = &k
	}
	return out
}

// mean averages the defined values; nil when none is.
func mean(xs []*float64) *float64 {
	var sum float64
	n := 0
	for _, x := range xs {
		if x != nil {
			sum += *x
			n++
		}
	}
	if n == 0 {
		return nil
	}
	m := round3(sum / float64(n))
	return &m
}

func entry[K comparable](m map[K]*ratings, k K) *ratings {
	r := m[k]
	if r == nil {
		r = &ratings{}
		m[k] = r
	}
	return r
}

func comparePair(a, b [2]int64) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) }

func round3(x float64) float64 { return math.Round(1000*x) / 1000 }
