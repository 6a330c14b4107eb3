package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/check"
	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/store"
	"github.com/qa-scorer/qa-scorer/internal/store/storetest"
)

// listed shows a listing compactly: "id:name scorecards reviewers progress revealed".
func listed(list []qa.CalibrationSummary, names map[int64]string) []string {
	out := make([]string, len(list))
	for i, c := range list {
		progress := map[int64]int{}
		for _, p := range c.Progress {
			progress[p.ReviewerID] = p.Submitted
		}
		out[i] = fmt.Sprintf("%s cards=%d reviewers=%v progress=%v revealed=%v",
			names[c.ID], len(c.ScorecardIDs), c.ReviewerIDs, progress, c.RevealedAt != nil)
	}
	return out
}

func TestCalibrations(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		sc1, sc2 := scoredCard(t, s, "c1"), scoredCard(t, s, "c2")
		names := map[int64]string{}
		create := func(name string, by int64, cards []int64, reviewers ...int64) *qa.Calibration {
			t.Helper()
			c := &qa.Calibration{Name: name, ScorecardIDs: cards, ReviewerIDs: reviewers, CreatedBy: by}
			if err := s.CreateCalibration(ctx, c); err != nil {
				t.Fatal(err)
			}
			names[c.ID] = name
			return c
		}
		a := create("A", 1, []int64{sc1, sc2}, 2, 3)
		b := create("B", 2, []int64{sc1}, 4, 3)
		create("C", 5, []int64{sc2}, 6, 7)

		save := func(reviewer, scorecard, calibration int64, status string) {
			t.Helper()
			r := &qa.Review{ScorecardID: scorecard, ReviewerID: reviewer, CalibrationID: calibration, Status: status,
				Items: []qa.ReviewItem{{ItemID: "close", Result: check.Pass}}}
			if err := s.SaveReview(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		save(2, sc1, a.ID, store.ReviewSubmitted)
		save(2, sc2, a.ID, store.ReviewDraft) // a draft is no progress
		save(3, sc1, b.ID, store.ReviewSubmitted)
		save(3, sc2, 0, store.ReviewSubmitted) // outside any session
		if err := s.RevealCalibration(ctx, b.ID); err != nil {
			t.Fatal(err)
		}

		aLine := "A cards=2 reviewers=[2 3] progress=map[2:1 3:0] revealed=false"
		bLine := "B cards=1 reviewers=[3 4] progress=map[3:1 4:0] revealed=true"
		cLine := "C cards=1 reviewers=[6 7] progress=map[6:0 7:0] revealed=false"
		tests := []struct {
			name        string
			participant int64
			want        []string
		}{
			{"creator only", 1, []string{aLine}},
			{"creator of one, reviewer in another: newest first", 2, []string{bLine, aLine}},
			{"reviewer in two", 3, []string{bLine, aLine}},
			{"reviewer in one", 4, []string{bLine}},
			{"everyone's (administrators)", 0, []string{cLine, bLine, aLine}},
			{"nobody's", 9, []string{}},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				got, err := s.Calibrations(ctx, tc.participant)
				if err != nil {
					t.Fatal(err)
				}
				if got == nil {
					t.Fatal("nil listing, want an empty one")
				}
				if fmt.Sprint(listed(got, names)) != fmt.Sprint(tc.want) {
					t.Errorf("Calibrations(%d):\n got %q\nwant %q", tc.participant, listed(got, names), tc.want)
				}
			})
		}
	})
}
