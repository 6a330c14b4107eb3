package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/check"
	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
	"gorm.io/gorm"
)

// The states of a review.
const (
	ReviewDraft     = "draft"
	ReviewSubmitted = "submitted"
)

// reviewRow is a person's verdict on one scorecard; its items are reviewItemRows.
type reviewRow struct {
	ID            int64 `gorm:"primaryKey"`
	ScorecardID   int64
	ReviewerID    int64
	CalibrationID int64
	Status        string
	Score         float64
	Comment       string
	CreatedAt     time.Time
	UpdatedAt     time.Time
	SubmittedAt   *time.Time
}

func (reviewRow) TableName() string { return "reviews" }

// reviewItemRow is a reviewer's decision on one item, in the order the reviewer gave them.
type reviewItemRow struct {
	ReviewID   int64  `gorm:"primaryKey;autoIncrement:false"`
	ItemID     string `gorm:"primaryKey"`
	Position   int
	Automatic  string
	Result     string
	Overridden bool
	Comment    string
}

func (reviewItemRow) TableName() string { return "review_items" }

func toReview(r reviewRow, items []reviewItemRow) qa.Review {
	out := qa.Review{ID: r.ID, ScorecardID: r.ScorecardID, ReviewerID: r.ReviewerID, CalibrationID: r.CalibrationID,
		Status: r.Status, Score: r.Score, Comment: r.Comment, CreatedAt: utc(r.CreatedAt), SubmittedAt: utcPtr(r.SubmittedAt),
		Items: make([]qa.ReviewItem, 0, len(items))}
	for _, it := range items {
		out.Items = append(out.Items, qa.ReviewItem{ItemID: it.ItemID, Automatic: check.Outcome(it.Automatic),
			Result: check.Outcome(it.Result), Comment: it.Comment})
	}
	return out
}

// validOutcome reports whether a reviewer's result is one of the four outcomes.
func validOutcome(o check.Outcome) bool {
	return o == check.Pass || o == check.Fail || o == check.NA || o == check.Review
}

// reviewItemRows checks a review's items against the scorecard and converts them: each item
// must be on the scorecard, once, with a valid result, and a comment when it overrides the
// automatic result. The automatic result is taken from the stored scorecard, not the caller.
func reviewItemRows(r *qa.Review, card *rubric.Scorecard) ([]reviewItemRow, error) {
	rows := make([]reviewItemRow, 0, len(r.Items))
	seen := map[string]bool{}
	for i, it := range r.Items {
		where := fmt.Sprintf("review of scorecard %d: items[%d] (%q)", r.ScorecardID, i, it.ItemID)
		auto, ok := itemOutcome(card, it.ItemID)
		switch {
		case !ok:
			return nil, qa.Errorf(qa.ErrInvalid, "%s: not an item of the scorecard", where)
		case seen[it.ItemID]:
			return nil, qa.Errorf(qa.ErrInvalid, "%s: appears twice", where)
		case !validOutcome(it.Result):
			return nil, qa.Errorf(qa.ErrInvalid, "%s: result %q is not pass, fail, na or review", where, it.Result)
		case it.Result != auto && it.Comment == "":
			return nil, qa.Errorf(qa.ErrInvalid, "%s: a comment is required to override %s with %s", where, auto, it.Result)
		}
		seen[it.ItemID] = true
		r.Items[i].Automatic = auto
		rows = append(rows, reviewItemRow{ItemID: it.ItemID, Position: i, Automatic: string(auto), Result: string(it.Result),
			Overridden: it.Result != auto, Comment: it.Comment})
	}
	return rows, nil
}

// SaveReview creates a review or updates a draft, and fills ID, Status, Score, CreatedAt,
// SubmittedAt and each item's Automatic result. A review with ID 0 continues the reviewer's
// draft of the same scorecard (and calibration) when there is one. Status "submitted" submits
// it; a submitted review is immutable (qa.ErrConflict) except through an accepted dispute, and
// a review belongs to its reviewer (qa.ErrForbidden for another one). In a calibration the
// reviewer must be invited and the session not yet revealed. Score is the human score
// (qa.ApplyReview on the stored card); the caller's value is ignored.
//
// Submitting a review outside a calibration session puts its verdict in force, in the same
// transaction: the statistics count the reviewed results from then on (reviewed.go).
func (s *Store) SaveReview(ctx context.Context, r *qa.Review) error {
	if r == nil || r.ScorecardID == 0 || r.ReviewerID == 0 {
		return qa.Errorf(qa.ErrInvalid, "review: scorecard and reviewer are required")
	}
	if r.Status == "" {
		r.Status = ReviewDraft
	}
	if r.Status != ReviewDraft && r.Status != ReviewSubmitted {
		return qa.Errorf(qa.ErrInvalid, "review of scorecard %d: status %q is not draft or submitted", r.ScorecardID, r.Status)
	}
	err := s.conn(ctx).Transaction(func(tx *gorm.DB) error {
		var sc scorecardRow
		if err := tx.Take(&sc, "id = ?", r.ScorecardID).Error; err != nil {
			return dbError(err, "scorecard %d", r.ScorecardID)
		}
		var card rubric.Scorecard
		if err := json.Unmarshal([]byte(sc.Card), &card); err != nil {
			return fmt.Errorf("scorecard %d: decode stored card: %w", sc.ID, err)
		}
		items, err := reviewItemRows(r, &card)
		if err != nil {
			return err
		}
		r.Score = qa.ApplyReview(&card, r.Items).Score
		if r.CalibrationID != 0 {
			if err := s.checkCalibrationReview(tx, r); err != nil {
				return err
			}
		}
		row, err := s.writeReview(tx, r)
		if err != nil {
			return err
		}
		if err := tx.Where("review_id = ?", row.ID).Delete(&reviewItemRow{}).Error; err != nil {
			return dbError(err, "review %d: items", row.ID)
		}
		for i := range items {
			items[i].ReviewID = row.ID
		}
		if len(items) > 0 {
			if err := tx.Create(&items).Error; err != nil {
				return dbError(err, "review %d: items", row.ID)
			}
		}
		r.ID, r.CreatedAt, r.SubmittedAt = row.ID, utc(row.CreatedAt), utcPtr(row.SubmittedAt)
		if r.Status == ReviewSubmitted && r.CalibrationID == 0 {
			return refreshReviewed(tx, r.ScorecardID)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("save review: %w", err)
	}
	return nil
}

// writeReview inserts a review or updates the draft it continues, refusing to touch a
// submitted review or another reviewer's.
func (s *Store) writeReview(tx *gorm.DB, r *qa.Review) (reviewRow, error) {
	var existing reviewRow
	q := s.forUpdate(tx)
	var err error
	if r.ID != 0 {
		err = q.Take(&existing, "id = ?", r.ID).Error
	} else {
		err = q.Take(&existing, "scorecard_id = ? AND reviewer_id = ? AND calibration_id = ?", r.ScorecardID, r.ReviewerID, r.CalibrationID).Error
	}
	if err != nil && (r.ID != 0 || !isNotFound(err)) {
		return reviewRow{}, dbError(err, "review %d", r.ID)
	}
	now := s.now()
	row := reviewRow{ID: existing.ID, ScorecardID: r.ScorecardID, ReviewerID: r.ReviewerID, CalibrationID: r.CalibrationID,
		Status: r.Status, Score: r.Score, Comment: r.Comment, CreatedAt: now, UpdatedAt: now}
	if r.Status == ReviewSubmitted {
		row.SubmittedAt = &now
	}
	if existing.ID == 0 {
		if err := tx.Create(&row).Error; err != nil {
			return reviewRow{}, dbError(err, "create review of scorecard %d", r.ScorecardID)
		}
		return row, nil
	}
	switch {
	case existing.ReviewerID != r.ReviewerID:
		return reviewRow{}, qa.Errorf(qa.ErrForbidden, "review %d belongs to another reviewer", existing.ID)
	case existing.ScorecardID != r.ScorecardID || existing.CalibrationID != r.CalibrationID:
		return reviewRow{}, qa.Errorf(qa.ErrInvalid, "review %d is of scorecard %d (calibration %d)", existing.ID, existing.ScorecardID, existing.CalibrationID)
	}
	row.CreatedAt = existing.CreatedAt
	// The status condition makes the update lose against a concurrent submit.
	res := tx.Model(&reviewRow{}).Where("id = ? AND status = ?", existing.ID, ReviewDraft).
		Select("status", "score", "comment", "updated_at", "submitted_at").Updates(&row)
	if res.Error != nil {
		return reviewRow{}, dbError(res.Error, "update review %d", existing.ID)
	}
	if res.RowsAffected == 0 {
		return reviewRow{}, qa.Errorf(qa.ErrConflict, "review %d is submitted and cannot change", existing.ID)
	}
	return row, nil
}

// Review returns a review with its items.
func (s *Store) Review(ctx context.Context, id int64) (*qa.Review, error) {
	var row reviewRow
	if err := s.conn(ctx).Take(&row, "id = ?", id).Error; err != nil {
		return nil, dbError(err, "review %d", id)
	}
	out, err := s.withItems(ctx, []reviewRow{row})
	if err != nil {
		return nil, err
	}
	return &out[0], nil
}

// ReviewsByScorecard returns every review of a scorecard, drafts and calibration reviews
// included, oldest first; the caller hides what a role may not see (blind calibration).
func (s *Store) ReviewsByScorecard(ctx context.Context, scorecardID int64) ([]qa.Review, error) {
	var rows []reviewRow
	if err := s.conn(ctx).Where("scorecard_id = ?", scorecardID).Order("id").Find(&rows).Error; err != nil {
		return nil, dbError(err, "reviews of scorecard %d", scorecardID)
	}
	return s.withItems(ctx, rows)
}

// withItems loads the items of reviews in one query.
func (s *Store) withItems(ctx context.Context, rows []reviewRow) ([]qa.Review, error) {
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	var items []reviewItemRow
	if len(ids) > 0 {
		if err := s.conn(ctx).Where("review_id IN ?", ids).Order("review_id, position").Find(&items).Error; err != nil {
			return nil, dbError(err, "review items")
		}
	}
	byReview := map[int64][]reviewItemRow{}
	for _, it := range items {
		byReview[it.ReviewID] = append(byReview[it.ReviewID], it)
	}
	out := make([]qa.Review, len(rows))
	for i, r := range rows {
		out[i] = toReview(r, byReview[r.ID])
	}
	return out, nil
}
