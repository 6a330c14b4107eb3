package httpapi

import (
	"cmp"
	"context"
	"maps"
	"slices"

	"github.com/qa-scorer/qa-scorer/internal/qa"
)

// Calibrations lists the sessions participant created or reviews in (0: all), newest first,
// with the submitted calibration reviews counted per reviewer, as the store does.
func (f *fakeStore) Calibrations(_ context.Context, participant int64) ([]qa.CalibrationSummary, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := []qa.CalibrationSummary{}
	ids := slices.SortedFunc(maps.Keys(f.calibrations), func(a, b int64) int { return cmp.Compare(b, a) })
	for _, id := range ids {
		c := f.calibrations[id]
		if participant != 0 && c.CreatedBy != participant && !slices.Contains(c.ReviewerIDs, participant) {
			continue
		}
		sum := qa.CalibrationSummary{Calibration: *c}
		for _, rid := range c.ReviewerIDs {
			p := qa.CalibrationProgress{ReviewerID: rid}
			for _, r := range f.reviews {
				if r.CalibrationID == id && r.ReviewerID == rid && r.Status == reviewSubmitted {
					p.Submitted++
				}
			}
			sum.Progress = append(sum.Progress, p)
		}
		out = append(out, sum)
	}
	return out, nil
}
