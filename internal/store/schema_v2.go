package store

import (
	"fmt"

	"gorm.io/gorm"
)

// Schema version 2: the human verdict counts in the statistics. A submitted review (outside
// calibration sessions) writes its results over the automatic ones in scorecard_agents and
// scorecard_items, marked source = 'review'; the scorecard row names the review in force and
// its score, and keeps the automatic card unchanged. A dispute records the result the agent
// asks for. The frozen structs below declare only the columns this step adds.

type v2Scorecard struct {
	ReviewID      int64 `gorm:"not null;default:0"` // the review in force, 0 when none
	ReviewedScore *float64
}

func (v2Scorecard) TableName() string { return "scorecards" }

// v2ScorecardAgent and v2ScorecardItem add source: "auto" for the scorer's results, "review"
// once a review's decisions replaced them. The statistics queries do not read it, so the
// covering indexes of version 1 stay as they are and their plans do not change.
type v2ScorecardAgent struct {
	Source string `gorm:"not null;default:auto"`
}

func (v2ScorecardAgent) TableName() string { return "scorecard_agents" }

type v2ScorecardItem struct {
	Source string `gorm:"not null;default:auto"`
}

func (v2ScorecardItem) TableName() string { return "scorecard_items" }

type v2Dispute struct {
	Result string `gorm:"not null;default:''"` // the result the agent asks for (applied when accepted)
}

func (v2Dispute) TableName() string { return "disputes" }

// migrateV2 adds the columns (on PostgreSQL a column with a constant default is added without
// rewriting the table, so this is quick on a million scorecards) and applies the reviews
// submitted before it to the statistics rows.
func migrateV2(tx *gorm.DB) error {
	m := tx.Migrator()
	for _, c := range []struct {
		model any
		field string
	}{
		{&v2Scorecard{}, "ReviewID"}, {&v2Scorecard{}, "ReviewedScore"},
		{&v2ScorecardAgent{}, "Source"}, {&v2ScorecardItem{}, "Source"}, {&v2Dispute{}, "Result"},
	} {
		if err := m.AddColumn(c.model, c.field); err != nil {
			return fmt.Errorf("add column %s: %w", c.field, err)
		}
	}
	return applyAllReviews(tx)
}

// applyAllReviews applies to each reviewed scorecard the review in force.
func applyAllReviews(tx *gorm.DB) error {
	var ids []int64
	err := tx.Table("reviews").Where("status = ? AND calibration_id = 0", ReviewSubmitted).
		Distinct().Order("scorecard_id").Pluck("scorecard_id", &ids).Error
	if err != nil {
		return fmt.Errorf("reviewed scorecards: %w", err)
	}
	for _, id := range ids {
		if err := refreshReviewed(tx, id); err != nil {
			return err
		}
	}
	return nil
}
