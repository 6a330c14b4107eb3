package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"
)

// SetNow replaces a store's clock.
func SetNow(s *Store, now func() time.Time) { s.now = now }

// Schema returns each table of the database with its column names, sorted.
func Schema(ctx context.Context, s *Store) (map[string][]string, error) {
	m := s.conn(ctx).Migrator()
	tables, err := m.GetTables()
	if err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for _, t := range tables {
		if strings.HasPrefix(t, "sqlite_") {
			continue // SQLite's own bookkeeping (sqlite_sequence)
		}
		cols, err := m.ColumnTypes(t)
		if err != nil {
			return nil, err
		}
		for _, c := range cols {
			out[t] = append(out[t], c.Name())
		}
		slices.Sort(out[t])
	}
	return out, nil
}

// RowColumns returns the table and column names of every query row type, sorted.
func RowColumns() (map[string][]string, error) {
	rows := []any{
		&userRow{}, &sessionRow{}, &apiTokenRow{}, &conversationRow{}, &conversationAgentRow{},
		&scorecardRow{}, &scorecardAgentRow{}, &scorecardItemRow{}, &rubricVersionRow{}, &checklistVersionRow{},
		&scoreJobRow{}, &reviewRow{}, &reviewItemRow{}, &assignmentRow{}, &disputeRow{}, &coachingNoteRow{},
		&calibrationRow{}, &calibrationScorecardRow{}, &calibrationReviewerRow{}, &auditEntryRow{}, &schemaMigrationRow{},
	}
	out := map[string][]string{}
	cache := &sync.Map{}
	for _, r := range rows {
		sch, err := schema.Parse(r, cache, schema.NamingStrategy{})
		if err != nil {
			return nil, err
		}
		out[sch.Table] = slices.Sorted(slices.Values(sch.DBNames))
	}
	return out, nil
}

// AddMigrationRecord records a migration version as applied without running anything.
func AddMigrationRecord(ctx context.Context, s *Store, version int) error {
	return s.conn(ctx).Create(&schemaMigrationRow{Version: version, Name: "test", AppliedAt: s.now()}).Error
}

// Sources returns the source column of a scorecard's agent shares and item rows, sorted and
// without duplicates.
func Sources(ctx context.Context, s *Store, scorecardID int64) (agents, items []string, err error) {
	if err = s.conn(ctx).Table("scorecard_agents").Where("scorecard_id = ?", scorecardID).Distinct().Order("source").Pluck("source", &agents).Error; err != nil {
		return nil, nil, err
	}
	err = s.conn(ctx).Table("scorecard_items").Where("scorecard_id = ?", scorecardID).Distinct().Order("source").Pluck("source", &items).Error
	return agents, items, err
}

// InsertSubmittedReview stores a submitted review directly, as a database migrated before
// version 2 holds one: the statistics rows are not touched.
func InsertSubmittedReview(ctx context.Context, s *Store, scorecardID, reviewerID int64, items map[string]string) (int64, error) {
	now := s.now()
	row := reviewRow{ScorecardID: scorecardID, ReviewerID: reviewerID, Status: ReviewSubmitted, CreatedAt: now, UpdatedAt: now, SubmittedAt: &now}
	if err := s.conn(ctx).Create(&row).Error; err != nil {
		return 0, err
	}
	pos := 0
	for id, result := range items {
		it := reviewItemRow{ReviewID: row.ID, ItemID: id, Position: pos, Result: result, Comment: "before v2"}
		pos++
		if err := s.conn(ctx).Create(&it).Error; err != nil {
			return 0, err
		}
	}
	return row.ID, nil
}

// ApplyAllReviews runs the backfill step of migration 2.
func ApplyAllReviews(ctx context.Context, s *Store) error {
	return s.conn(ctx).Transaction(applyAllReviews)
}

// RescoreProgressPlan returns the database's plan for RescoreProgress's count of a rubric
// version's jobs (EXPLAIN on PostgreSQL, EXPLAIN QUERY PLAN on SQLite), one line per step,
// after refreshing the planner's statistics of the ledger.
func RescoreProgressPlan(ctx context.Context, s *Store, rubricID string, version int) (string, error) {
	db := s.conn(ctx)
	if err := db.Exec("ANALYZE score_jobs").Error; err != nil {
		return "", err
	}
	query := db.ToSQL(func(tx *gorm.DB) *gorm.DB {
		var counts []stateCount
		return progressQuery(tx, rubricID, version).Scan(&counts)
	})
	explain := "EXPLAIN "
	if s.dialect == DialectSQLite {
		explain = "EXPLAIN QUERY PLAN "
	}
	rows, err := db.Raw(explain + query).Rows()
	if err != nil {
		return "", err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return "", err
	}
	var plan []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return "", err
		}
		plan = append(plan, fmt.Sprint(vals[len(vals)-1])) // the step: QUERY PLAN, or SQLite's detail
	}
	return strings.Join(plan, "\n"), rows.Err()
}
