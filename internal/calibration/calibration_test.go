package calibration

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/check"
	"github.com/qa-scorer/qa-scorer/internal/qa"
)

// TestKappa checks Cohen's kappa on the textbook table: of 50 items, both raters said yes to
// 20 and no to 15; A said yes and B no to 5, the reverse 10. po = 0.7, pe = 0.5, kappa = 0.4.
func TestKappa(t *testing.T) {
	var rs []rating
	add := func(n int, x, y check.Outcome) {
		for range n {
			rs = append(rs, rating{x, y})
		}
	}
	add(20, check.Pass, check.Pass)
	add(5, check.Pass, check.Fail)
	add(10, check.Fail, check.Pass)
	add(15, check.Fail, check.Fail)
	tests := []struct {
		name      string
		rs        []rating
		agreement float64
		kappa     *float64
	}{
		{"textbook", rs, 0.7, ptr(0.4)},
		{"nothing to compare", nil, 1, nil},
		{"one result throughout: kappa undefined", []rating{{check.Pass, check.Pass}, {check.Pass, check.Pass}}, 1, nil},
		{"always opposite", []rating{{check.Pass, check.Fail}, {check.Fail, check.Pass}}, 0, ptr(-1)},
		{"perfect over two results", []rating{{check.Pass, check.Pass}, {check.NA, check.NA}}, 1, ptr(1)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := agree(tc.rs)
			if got.Agreement != tc.agreement || !sameKappa(got.Kappa, tc.kappa) {
				t.Errorf("agreement %v kappa %v, want %v %v", got.Agreement, show(got.Kappa), tc.agreement, show(tc.kappa))
			}
		})
	}
}

// review builds a submitted review of a scorecard: results[item] = (automatic, decided).
func review(scorecard, reviewer int64, score float64, results map[string][2]check.Outcome) qa.Review {
	r := qa.Review{ScorecardID: scorecard, ReviewerID: reviewer, Status: "submitted", Score: score}
	for _, id := range []string{"greet", "close"} {
		if res, ok := results[id]; ok {
			r.Items = append(r.Items, qa.ReviewItem{ItemID: id, Automatic: res[0], Result: res[1]})
		}
	}
	return r
}

// TestMeasure compares two reviewers over four scorecards:
//
//	greet  automatic  pass pass fail fail     close: everyone passes every scorecard
//	       reviewer 1 pass pass fail pass
//	       reviewer 2 pass fail fail pass
//
// greet: the reviewers agree on 3 of 4 (kappa 0.5); reviewer 1 agrees with the automation on
// 3 of 4 (kappa 0.5), reviewer 2 on 2 of 4 (kappa 0). Over both items the reviewers agree on
// 7 of 8: po 0.875, pe 7/8·6/8 + 1/8·2/8 = 0.6875, kappa 0.6.
func TestMeasure(t *testing.T) {
	p, f := check.Pass, check.Fail
	auto := []check.Outcome{p, p, f, f}
	r1 := []check.Outcome{p, p, f, p}
	r2 := []check.Outcome{p, f, f, p}
	var reviews []qa.Review
	for i := range 4 {
		card := int64(10 + i)
		reviews = append(reviews,
			review(card, 2, 80, map[string][2]check.Outcome{"greet": {auto[i], r2[i]}, "close": {p, p}}),
			review(card, 1, 70, map[string][2]check.Outcome{"greet": {auto[i], r1[i]}, "close": {p, p}}))
	}
	draft := review(10, 3, 0, map[string][2]check.Outcome{"greet": {p, f}})
	draft.Status = "draft"
	reviews = append(reviews, draft)

	got := Measure(reviews)
	if got.Reviews != 8 || got.ScoreRange != 10 {
		t.Errorf("reviews %d, score range %v; want 8 and 10 (the draft is left out)", got.Reviews, got.ScoreRange)
	}
	if got.Pairwise != 0.875 || !sameKappa(got.Kappa, ptr(0.6)) {
		t.Errorf("between reviewers: %v, kappa %v; want 0.875, 0.6", got.Pairwise, show(got.Kappa))
	}
	// Automation: 7 of 8 with reviewer 1 (kappa 0.6), 6 of 8 with reviewer 2 (kappa 1/3).
	if got.Automation != 0.813 || !sameKappa(got.AutomationKappa, ptr((0.6+0.333)/2)) {
		t.Errorf("with the automation: %v, kappa %v; want 0.813 (13 of 16), 0.467", got.Automation, show(got.AutomationKappa))
	}
	if len(got.Reviewers) != 2 || got.Reviewers[0].ReviewerID != 1 || !sameKappa(got.Reviewers[0].Kappa, ptr(0.6)) ||
		got.Reviewers[1].Agreement.Agreement != 0.75 || !sameKappa(got.Reviewers[1].Kappa, ptr(0.333)) {
		t.Errorf("reviewers: %s", js(got.Reviewers))
	}
	if len(got.Pairs) != 1 || got.Pairs[0].A != 1 || got.Pairs[0].B != 2 || got.Pairs[0].Decisions != 8 {
		t.Errorf("pairs: %s", js(got.Pairs))
	}
	if len(got.Items) != 2 {
		t.Fatalf("items: %s", js(got.Items))
	}
	greet, closing := got.Items[0], got.Items[1]
	if greet.ItemID != "greet" || greet.Pairs != 4 || greet.Pairwise != 0.75 || !sameKappa(greet.Kappa, ptr(0.5)) ||
		greet.Automation != 0.625 || !sameKappa(greet.AutomationKappa, ptr(0.25)) {
		t.Errorf("greet (the lowest agreement, first): %s", js(greet))
	}
	if closing.ItemID != "close" || closing.Pairwise != 1 || closing.Kappa != nil || closing.AutomationKappa != nil {
		t.Errorf("close: %s; want full agreement and undefined kappas", js(closing))
	}
}

func TestMeasureNothing(t *testing.T) {
	got := Measure(nil)
	if got.Reviews != 0 || got.Pairwise != 1 || got.Kappa != nil || got.Items == nil || got.Pairs == nil || got.Reviewers == nil {
		t.Errorf("no reviews: %s", js(got))
	}
}

func ptr(x float64) *float64 { return &x }

func sameKappa(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return math.Abs(*a-*b) < 0.0011
}

func show(k *float64) any {
	if k == nil {
		return "undefined"
	}
	return *k
}

func js(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
