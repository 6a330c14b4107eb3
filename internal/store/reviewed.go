package store

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"github.com/qa-scorer/qa-scorer/internal/check"
	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// The human verdict in the statistics. The statistics read only scorecard_agents and
// scorecard_items (one indexed GROUP BY each, docs/performance.md), so the verdict in force is
// written into those rows rather than joined in at query time: the queries, their covering
// indexes and their index-only plans stay exactly as they were. The automatic card in
// scorecards.card is never changed; scorecards.review_id and reviewed_score say which review is
// in force and what it scores.
//
// The review in force on a scorecard is its latest submitted review made outside calibration
// sessions (calibration reviews measure reviewers, they do not judge agents). It is applied
// when it is submitted, again when a dispute on it is accepted, and again whenever the
// scorecard is re-scored (a re-sent conversation or a new rubric version): the reviewer's
// decisions keep winning over the new automatic results for the items the new card still has.

// The sources of the results in scorecard_agents and scorecard_items.
const (
	SourceAutomatic = "auto"   // as the scorer decided
	SourceReview    = "review" // a review's decisions replaced the scorer's
)

// refreshReviewed writes the verdict in force over the statistics rows of a scorecard. A
// scorecard with no review in force is left as the scorer wrote it. It reads and writes only
// the columns it names, so that the migration that backfills with it keeps working when later
// migrations add columns.
func refreshReviewed(tx *gorm.DB, scorecardID int64) error {
	// Locking the scorecard first serialises two submissions on it (PostgreSQL; an SQLite
	// transaction holds the database's write lock): the second sees the first's review.
	q := tx.Table("scorecards").Select("id").Where("id = ?", scorecardID)
	if tx.Dialector.Name() == DialectPostgres {
		q = q.Clauses(clause.Locking{Strength: clause.LockingStrengthUpdate})
	}
	var locked struct{ ID int64 }
	if err := q.Take(&locked).Error; err != nil {
		return dbError(err, "scorecard %d", scorecardID)
	}
	var review struct{ ID int64 }
	err := tx.Table("reviews").Select("id").
		Where("scorecard_id = ? AND status = ? AND calibration_id = 0", scorecardID, ReviewSubmitted).
		Order("submitted_at DESC, id DESC").Limit(1).Take(&review).Error
	if isNotFound(err) {
		return nil
	}
	if err != nil {
		return dbError(err, "scorecard %d: review in force", scorecardID)
	}
	var sc struct{ Card string }
	if err := tx.Table("scorecards").Select("card").Where("id = ?", scorecardID).Take(&sc).Error; err != nil {
		return dbError(err, "scorecard %d", scorecardID)
	}
	var card rubric.Scorecard
	if err := json.Unmarshal([]byte(sc.Card), &card); err != nil {
		return fmt.Errorf("scorecard %d: decode stored card: %w", scorecardID, err)
	}
	var decisions []struct{ ItemID, Result string }
	if err := tx.Table("review_items").Select("item_id", "result").Where("review_id = ?", review.ID).Find(&decisions).Error; err != nil {
		return dbError(err, "review %d: items", review.ID)
	}
	items := make([]qa.ReviewItem, len(decisions))
	for i, d := range decisions {
		items[i] = qa.ReviewItem{ItemID: d.ItemID, Result: check.Outcome(d.Result)}
	}
	if err := writeReviewed(tx, scorecardID, review.ID, qa.ApplyReview(&card, items)); err != nil {
		return fmt.Errorf("scorecard %d: apply review %d: %w", scorecardID, review.ID, err)
	}
	return nil
}

// writeReviewed updates a scorecard's row, its agent shares and its item rows in place with a
// review's verdict. Item rows are updated per result, a handful of statements per scorecard.
func writeReviewed(tx *gorm.DB, scorecardID, reviewID int64, v qa.Reviewed) error {
	err := tx.Table("scorecards").Where("id = ?", scorecardID).
		Updates(map[string]any{"review_id": reviewID, "reviewed_score": v.Score}).Error
	if err != nil {
		return err
	}
	for _, a := range v.Agents {
		err := tx.Table("scorecard_agents").Where("scorecard_id = ? AND agent_id = ?", scorecardID, a.AgentID).
			Updates(map[string]any{"score": a.Score, "bucket": bucketOf(a.Score), "critical_failed": a.CriticalFailed,
				"needs_review": v.NeedsReview, "source": SourceReview}).Error
		if err != nil {
			return err
		}
	}
	byResult := map[check.Outcome][]string{}
	for _, it := range v.Items {
		byResult[it.Result] = append(byResult[it.Result], it.ID)
	}
	for _, result := range slices.Sorted(maps.Keys(byResult)) {
		err := tx.Table("scorecard_items").Where("scorecard_id = ? AND item_id IN ?", scorecardID, byResult[result]).
			Updates(map[string]any{"result": string(result), "source": SourceReview}).Error
		if err != nil {
			return err
		}
	}
	return nil
}
