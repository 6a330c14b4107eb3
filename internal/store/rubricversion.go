package store

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
	"gorm.io/gorm"
)

// rubricVersionRow is one published rubric version, its YAML exactly as published.
type rubricVersionRow struct {
	RubricID    string `gorm:"primaryKey"`
	Version     int    `gorm:"primaryKey;autoIncrement:false"`
	Name        string
	YAML        string `gorm:"column:yaml"`
	PublishedBy int64
	PublishedAt time.Time
}

func (rubricVersionRow) TableName() string { return "rubric_versions" }

func toRubricVersion(r rubricVersionRow, active bool) qa.RubricVersion {
	return qa.RubricVersion{
		RubricID: r.RubricID, Version: r.Version, YAML: r.YAML,
		PublishedBy: r.PublishedBy, PublishedAt: utc(r.PublishedAt), Active: active,
	}
}

// publishAttempts bounds the retries when two publishers of one rubric race for a version.
const publishAttempts = 5

// PublishRubric stores a new version of a validated rubric: the version is the last one plus 1
// (r.Version is ignored) and becomes the active one. yaml is kept exactly as published; a job
// that scores with this version parses it and uses the stored version number.
func (s *Store) PublishRubric(ctx context.Context, r *rubric.Rubric, yaml string, by int64) (qa.RubricVersion, error) {
	if r == nil || strings.TrimSpace(r.ID) == "" || strings.TrimSpace(yaml) == "" {
		return qa.RubricVersion{}, qa.Errorf(qa.ErrInvalid, "publish rubric: id and yaml are required")
	}
	row := rubricVersionRow{RubricID: r.ID, Name: r.Name, YAML: yaml, PublishedBy: by}
	err := publishNext(func() error {
		return s.conn(ctx).Transaction(func(tx *gorm.DB) error {
			last, err := lastVersion(tx, &rubricVersionRow{}, "rubric_id = ?", r.ID)
			if err != nil {
				return err
			}
			row.Version, row.PublishedAt = last+1, s.now()
			return tx.Create(&row).Error
		})
	})
	if err != nil {
		return qa.RubricVersion{}, dbError(err, "publish rubric %q", r.ID)
	}
	return toRubricVersion(row, true), nil
}

// publishNext runs an insert of "the next version" again when a concurrent publisher took the
// same number first (a primary-key conflict).
func publishNext(insert func() error) error {
	var err error
	for range publishAttempts {
		if err = insert(); !errors.Is(err, gorm.ErrDuplicatedKey) {
			return err
		}
	}
	return err
}

// lastVersion returns the highest version of the rows a condition selects, 0 when none.
func lastVersion(tx *gorm.DB, model any, cond string, args ...any) (int, error) {
	var last *int
	if err := tx.Model(model).Where(cond, args...).Select("MAX(version)").Scan(&last).Error; err != nil {
		return 0, err
	}
	if last == nil {
		return 0, nil
	}
	return *last, nil
}

// RubricVersions returns every version of a rubric, oldest first; the last is active.
// qa.ErrNotFound when the rubric was never published.
func (s *Store) RubricVersions(ctx context.Context, rubricID string) ([]qa.RubricVersion, error) {
	var rows []rubricVersionRow
	if err := s.conn(ctx).Where("rubric_id = ?", rubricID).Order("version").Find(&rows).Error; err != nil {
		return nil, dbError(err, "versions of rubric %q", rubricID)
	}
	if len(rows) == 0 {
		return nil, qa.Errorf(qa.ErrNotFound, "rubric %q", rubricID)
	}
	out := make([]qa.RubricVersion, len(rows))
	for i, r := range rows {
		out[i] = toRubricVersion(r, i == len(rows)-1)
	}
	return out, nil
}

// RubricVersion returns one version of a rubric.
func (s *Store) RubricVersion(ctx context.Context, rubricID string, version int) (qa.RubricVersion, error) {
	var row rubricVersionRow
	if err := s.conn(ctx).Take(&row, "rubric_id = ? AND version = ?", rubricID, version).Error; err != nil {
		return qa.RubricVersion{}, dbError(err, "rubric %q version %d", rubricID, version)
	}
	last, err := lastVersion(s.conn(ctx), &rubricVersionRow{}, "rubric_id = ?", rubricID)
	if err != nil {
		return qa.RubricVersion{}, dbError(err, "rubric %q", rubricID)
	}
	return toRubricVersion(row, row.Version == last), nil
}

// ActiveRubrics returns the active (latest) version of every rubric, by rubric id.
func (s *Store) ActiveRubrics(ctx context.Context) ([]qa.RubricVersion, error) {
	var rows []rubricVersionRow
	err := s.conn(ctx).Table("rubric_versions rv").
		Where("rv.version = (SELECT MAX(x.version) FROM rubric_versions x WHERE x.rubric_id = rv.rubric_id)").
		Order("rv.rubric_id").Find(&rows).Error
	if err != nil {
		return nil, dbError(err, "active rubrics")
	}
	out := make([]qa.RubricVersion, len(rows))
	for i, r := range rows {
		out[i] = toRubricVersion(r, true)
	}
	return out, nil
}
