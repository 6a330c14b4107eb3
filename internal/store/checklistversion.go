package store

import (
	"context"
	"strings"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/qa"
	"gorm.io/gorm"
)

// checklistVersionRow is one published version of one checklist file.
type checklistVersionRow struct {
	Path        string `gorm:"primaryKey"`
	Version     int    `gorm:"primaryKey;autoIncrement:false"`
	YAML        string `gorm:"column:yaml"`
	PublishedBy int64
	PublishedAt time.Time
}

func (checklistVersionRow) TableName() string { return "checklist_versions" }

func toChecklistVersion(r checklistVersionRow) qa.ChecklistVersion {
	return qa.ChecklistVersion{Path: r.Path, Version: r.Version, YAML: r.YAML, PublishedBy: r.PublishedBy, PublishedAt: utc(r.PublishedAt)}
}

// PublishChecklist stores a new version of a checklist file (settings.yaml or
// <lang>/<name>.yaml), validated by the caller; the version is the last one plus 1.
func (s *Store) PublishChecklist(ctx context.Context, path, yaml string, by int64) (qa.ChecklistVersion, error) {
	if strings.TrimSpace(path) == "" || strings.TrimSpace(yaml) == "" {
		return qa.ChecklistVersion{}, qa.Errorf(qa.ErrInvalid, "publish checklist: path and yaml are required")
	}
	row := checklistVersionRow{Path: path, YAML: yaml, PublishedBy: by}
	err := publishNext(func() error {
		return s.conn(ctx).Transaction(func(tx *gorm.DB) error {
			last, err := lastVersion(tx, &checklistVersionRow{}, "path = ?", path)
			if err != nil {
				return err
			}
			row.Version, row.PublishedAt = last+1, s.now()
			return tx.Create(&row).Error
		})
	})
	if err != nil {
		return qa.ChecklistVersion{}, dbError(err, "publish checklist %q", path)
	}
	return toChecklistVersion(row), nil
}

// Checklists returns the latest version of each checklist file, by path.
func (s *Store) Checklists(ctx context.Context) ([]qa.ChecklistVersion, error) {
	var rows []checklistVersionRow
	err := s.conn(ctx).Table("checklist_versions cv").
		Where("cv.version = (SELECT MAX(x.version) FROM checklist_versions x WHERE x.path = cv.path)").
		Order("cv.path").Find(&rows).Error
	if err != nil {
		return nil, dbError(err, "checklists")
	}
	return toChecklistVersions(rows), nil
}

// ChecklistVersions returns every version of a checklist file, oldest first; qa.ErrNotFound
// when it was never published.
func (s *Store) ChecklistVersions(ctx context.Context, path string) ([]qa.ChecklistVersion, error) {
	var rows []checklistVersionRow
	if err := s.conn(ctx).Where("path = ?", path).Order("version").Find(&rows).Error; err != nil {
		return nil, dbError(err, "versions of checklist %q", path)
	}
	if len(rows) == 0 {
		return nil, qa.Errorf(qa.ErrNotFound, "checklist %q", path)
	}
	return toChecklistVersions(rows), nil
}

func toChecklistVersions(rows []checklistVersionRow) []qa.ChecklistVersion {
	out := make([]qa.ChecklistVersion, len(rows))
	for i, r := range rows {
		out[i] = toChecklistVersion(r)
	}
	return out
}

// ChecklistRevision numbers the state of the published checklists: the count of versions ever
// published, which grows with every publication (versions are append-only). Scoring workers
// compare it with the one their knowledge was built from, a cheap query per job, so that every
// process scores with the checklists in force (internal/jobs, Knowledge).
func (s *Store) ChecklistRevision(ctx context.Context) (int, error) {
	var n int64
	if err := s.conn(ctx).Model(&checklistVersionRow{}).Count(&n).Error; err != nil {
		return 0, dbError(err, "checklist revision")
	}
	return int(n), nil
}
