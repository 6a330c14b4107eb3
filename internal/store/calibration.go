package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/qa"
	"gorm.io/gorm"
)

// calibrationRow is a calibration session; its scorecards and reviewers are link rows.
type calibrationRow struct {
	ID         int64 `gorm:"primaryKey"`
	Name       string
	CreatedBy  int64
	CreatedAt  time.Time
	RevealedAt *time.Time
}

func (calibrationRow) TableName() string { return "calibrations" }

type calibrationScorecardRow struct {
	CalibrationID int64 `gorm:"primaryKey;autoIncrement:false"`
	ScorecardID   int64 `gorm:"primaryKey;autoIncrement:false"`
}

func (calibrationScorecardRow) TableName() string { return "calibration_scorecards" }

type calibrationReviewerRow struct {
	CalibrationID int64 `gorm:"primaryKey;autoIncrement:false"`
	ReviewerID    int64 `gorm:"primaryKey;autoIncrement:false"`
}

func (calibrationReviewerRow) TableName() string { return "calibration_reviewers" }

// CreateCalibration stores a session over existing scorecards with its invited reviewers and
// fills ID and CreatedAt. Reviewers then review each scorecard with the session's id
// (SaveReview), blind until RevealCalibration.
func (s *Store) CreateCalibration(ctx context.Context, c *qa.Calibration) error {
	if c == nil || strings.TrimSpace(c.Name) == "" || len(c.ScorecardIDs) == 0 || len(c.ReviewerIDs) == 0 {
		return qa.Errorf(qa.ErrInvalid, "calibration: name, scorecards and reviewers are required")
	}
	scorecards := slices.Compact(slices.Sorted(slices.Values(c.ScorecardIDs)))
	reviewers := slices.Compact(slices.Sorted(slices.Values(c.ReviewerIDs)))
	row := calibrationRow{Name: c.Name, CreatedBy: c.CreatedBy, CreatedAt: s.now()}
	err := s.conn(ctx).Transaction(func(tx *gorm.DB) error {
		var found int64
		if err := tx.Model(&scorecardRow{}).Where("id IN ?", scorecards).Count(&found).Error; err != nil {
			return dbError(err, "calibration scorecards")
		}
		if int(found) != len(scorecards) {
			return qa.Errorf(qa.ErrInvalid, "calibration %q: %d of its scorecards do not exist", c.Name, len(scorecards)-int(found))
		}
		if err := tx.Create(&row).Error; err != nil {
			return dbError(err, "create calibration %q", c.Name)
		}
		links := make([]calibrationScorecardRow, len(scorecards))
		for i, id := range scorecards {
			links[i] = calibrationScorecardRow{CalibrationID: row.ID, ScorecardID: id}
		}
		people := make([]calibrationReviewerRow, len(reviewers))
		for i, id := range reviewers {
			people[i] = calibrationReviewerRow{CalibrationID: row.ID, ReviewerID: id}
		}
		if err := tx.Create(&links).Error; err != nil {
			return dbError(err, "calibration %q: scorecards", c.Name)
		}
		if err := tx.Create(&people).Error; err != nil {
			return dbError(err, "calibration %q: reviewers", c.Name)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("create calibration: %w", err)
	}
	c.ID, c.CreatedAt, c.ScorecardIDs, c.ReviewerIDs, c.RevealedAt = row.ID, row.CreatedAt, scorecards, reviewers, nil
	return nil
}

// Calibration returns a session with its scorecard and reviewer ids, sorted.
func (s *Store) Calibration(ctx context.Context, id int64) (*qa.Calibration, error) {
	var row calibrationRow
	if err := s.conn(ctx).Take(&row, "id = ?", id).Error; err != nil {
		return nil, dbError(err, "calibration %d", id)
	}
	c := &qa.Calibration{ID: row.ID, Name: row.Name, CreatedBy: row.CreatedBy, CreatedAt: utc(row.CreatedAt), RevealedAt: utcPtr(row.RevealedAt)}
	if err := s.conn(ctx).Model(&calibrationScorecardRow{}).Where("calibration_id = ?", id).Order("scorecard_id").Pluck("scorecard_id", &c.ScorecardIDs).Error; err != nil {
		return nil, dbError(err, "calibration %d: scorecards", id)
	}
	if err := s.conn(ctx).Model(&calibrationReviewerRow{}).Where("calibration_id = ?", id).Order("reviewer_id").Pluck("reviewer_id", &c.ReviewerIDs).Error; err != nil {
		return nil, dbError(err, "calibration %d: reviewers", id)
	}
	return c, nil
}

// Calibrations lists the sessions a person takes part in, newest first: those they created or
// are invited to review; participant 0 lists every session. Each comes with its scorecard and
// reviewer ids, sorted, and every reviewer's progress (submitted reviews of its scorecards).
func (s *Store) Calibrations(ctx context.Context, participant int64) ([]qa.CalibrationSummary, error) {
	db := s.conn(ctx)
	q := db.Model(&calibrationRow{}).Order("id DESC")
	if participant != 0 {
		invited := db.Model(&calibrationReviewerRow{}).Select("calibration_id").Where("reviewer_id = ?", participant)
		q = q.Where("created_by = ? OR id IN (?)", participant, invited)
	}
	var rows []calibrationRow
	if err := q.Find(&rows).Error; err != nil {
		return nil, dbError(err, "calibrations of user %d", participant)
	}
	out := make([]qa.CalibrationSummary, len(rows))
	if len(rows) == 0 {
		return out, nil
	}
	ids := make([]int64, len(rows))
	at := make(map[int64]*qa.CalibrationSummary, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
		out[i] = qa.CalibrationSummary{Calibration: qa.Calibration{ID: r.ID, Name: r.Name, CreatedBy: r.CreatedBy,
			CreatedAt: utc(r.CreatedAt), RevealedAt: utcPtr(r.RevealedAt), ScorecardIDs: []int64{}, ReviewerIDs: []int64{}},
			Progress: []qa.CalibrationProgress{}}
		at[r.ID] = &out[i]
	}
	var cards []calibrationScorecardRow
	if err := db.Where("calibration_id IN ?", ids).Order("calibration_id, scorecard_id").Find(&cards).Error; err != nil {
		return nil, dbError(err, "calibrations: scorecards")
	}
	for _, c := range cards {
		at[c.CalibrationID].ScorecardIDs = append(at[c.CalibrationID].ScorecardIDs, c.ScorecardID)
	}
	var people []calibrationReviewerRow
	if err := db.Where("calibration_id IN ?", ids).Order("calibration_id, reviewer_id").Find(&people).Error; err != nil {
		return nil, dbError(err, "calibrations: reviewers")
	}
	for _, p := range people {
		c := at[p.CalibrationID]
		c.ReviewerIDs = append(c.ReviewerIDs, p.ReviewerID)
		c.Progress = append(c.Progress, qa.CalibrationProgress{ReviewerID: p.ReviewerID})
	}
	// SaveReview accepts calibration reviews only by invited reviewers of the session's
	// scorecards, one per reviewer and scorecard: counting submitted rows is the progress.
	var done []struct {
		CalibrationID int64
		ReviewerID    int64
		Submitted     int
	}
	err := db.Model(&reviewRow{}).Select("calibration_id, reviewer_id, COUNT(*) AS submitted").
		Where("calibration_id IN ? AND status = ?", ids, ReviewSubmitted).Group("calibration_id, reviewer_id").Scan(&done).Error
	if err != nil {
		return nil, dbError(err, "calibrations: progress")
	}
	for _, d := range done {
		c := at[d.CalibrationID]
		if i := slices.IndexFunc(c.Progress, func(p qa.CalibrationProgress) bool { return p.ReviewerID == d.ReviewerID }); i >= 0 {
			c.Progress[i].Submitted = d.Submitted
		}
	}
	return out, nil
}

// RevealCalibration ends a session's blindness: from now on every participant may see every
// verdict, and no review of it changes. Revealing twice keeps the first time.
func (s *Store) RevealCalibration(ctx context.Context, id int64) error {
	res := s.conn(ctx).Model(&calibrationRow{}).Where("id = ? AND revealed_at IS NULL", id).Update("revealed_at", s.now())
	if res.Error != nil {
		return dbError(res.Error, "reveal calibration %d", id)
	}
	if res.RowsAffected == 0 {
		var n int64
		if err := s.conn(ctx).Model(&calibrationRow{}).Where("id = ?", id).Count(&n).Error; err != nil {
			return dbError(err, "reveal calibration %d", id)
		}
		if n == 0 {
			return qa.Errorf(qa.ErrNotFound, "reveal calibration %d", id)
		}
	}
	return nil
}

// checkCalibrationReview checks, inside SaveReview's transaction, that a calibration review is
// by an invited reviewer, of one of the session's scorecards, before the reveal. It locks the
// session row on PostgreSQL, so a review cannot slip in while the session is being revealed.
func (s *Store) checkCalibrationReview(tx *gorm.DB, r *qa.Review) error {
	var cal calibrationRow
	if err := s.forUpdate(tx).Take(&cal, "id = ?", r.CalibrationID).Error; err != nil {
		return dbError(err, "calibration %d", r.CalibrationID)
	}
	if cal.RevealedAt != nil {
		return qa.Errorf(qa.ErrConflict, "calibration %d is revealed: its reviews cannot change", cal.ID)
	}
	var n int64
	if err := tx.Model(&calibrationReviewerRow{}).Where("calibration_id = ? AND reviewer_id = ?", cal.ID, r.ReviewerID).Count(&n).Error; err != nil {
		return dbError(err, "calibration %d: reviewers", cal.ID)
	}
	if n == 0 {
		return qa.Errorf(qa.ErrForbidden, "reviewer %d is not invited to calibration %d", r.ReviewerID, cal.ID)
	}
	if err := tx.Model(&calibrationScorecardRow{}).Where("calibration_id = ? AND scorecard_id = ?", cal.ID, r.ScorecardID).Count(&n).Error; err != nil {
		return dbError(err, "calibration %d: scorecards", cal.ID)
	}
	if n == 0 {
		return qa.Errorf(qa.ErrInvalid, "scorecard %d is not in calibration %d", r.ScorecardID, cal.ID)
	}
	return nil
}
