package httpapi

import (
	"math"
	"sort"

	"github.com/qa-scorer/qa-scorer/internal/qa"
)

// agreement measures a revealed calibration session: how often reviewers who scored the same
// scorecard decided an item alike, and how often they agreed with the automatic result.
type agreement struct {
	Reviews    int             `json:"reviews"`    // submitted reviews compared
	Pairwise   float64         `json:"pairwise"`   // agreeing reviewer pairs / all pairs, 0-1
	Automation float64         `json:"automation"` // reviewer decisions equal to the automatic result, 0-1
	ScoreRange float64         `json:"score_range"`
	Items      []itemAgreement `json:"items"` // per rubric item, lowest agreement first
}

// itemAgreement is the pairwise agreement on one rubric item.
type itemAgreement struct {
	ItemID   string  `json:"item_id"`
	Pairs    int     `json:"pairs"`
	Pairwise float64 `json:"pairwise"`
}

// measureAgreement compares the submitted reviews of each scorecard. ScoreRange is the mean,
// over scorecards, of the difference between the highest and lowest human score.
func measureAgreement(reviews []qa.Review) *agreement {
	byCard := map[int64][]qa.Review{}
	a := &agreement{Items: []itemAgreement{}}
	for _, r := range reviews {
		if r.Status == reviewSubmitted {
			byCard[r.ScorecardID] = append(byCard[r.ScorecardID], r)
			a.Reviews++
		}
	}
	type tally struct{ agree, pairs int }
	items := map[string]*tally{}
	var agreeAll, pairsAll, autoAgree, decisions int
	var rangeSum float64
	for _, rs := range byCard {
		lo, hi := math.Inf(1), math.Inf(-1)
		for i, r := range rs {
			lo, hi = math.Min(lo, r.Score), math.Max(hi, r.Score)
			for k, it := range r.Items {
				decisions++
				if !it.Overridden() {
					autoAgree++
				}
				for _, other := range rs[i+1:] {
					if k >= len(other.Items) || other.Items[k].ItemID != it.ItemID {
						continue
					}
					t := items[it.ItemID]
					if t == nil {
						t = &tally{}
						items[it.ItemID] = t
					}
					t.pairs++
					pairsAll++
					if other.Items[k].Result == it.Result {
						t.agree++
						agreeAll++
					}
				}
			}
		}
		rangeSum += hi - lo
	}
	a.Pairwise = ratio(agreeAll, pairsAll)
	a.Automation = ratio(autoAgree, decisions)
	if len(byCard) > 0 {
		a.ScoreRange = math.Round(10*rangeSum/float64(len(byCard))) / 10
	}
	for id, t := range items {
		a.Items = append(a.Items, itemAgreement{ItemID: id, Pairs: t.pairs, Pairwise: ratio(t.agree, t.pairs)})
	}
	sort.Slice(a.Items, func(i, j int) bool {
		if a.Items[i].Pairwise != a.Items[j].Pairwise {
			return a.Items[i].Pairwise < a.Items[j].Pairwise
		}
		return a.Items[i].ItemID < a.Items[j].ItemID
	})
	return a
}

// ratio is n/d rounded to three decimals, 1 when there is nothing to compare.
func ratio(n, d int) float64 {
	if d == 0 {
		return 1
	}
	return math.Round(1000*float64(n)/float64(d)) / 1000
}
