package store

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// The states of a scoring job in the ledger.
const (
	JobPending = "pending" // waiting to run (at run_at)
	JobRunning = "running" // claimed by a worker until locked_until (table queue only)
	JobDone    = "done"    // scored and saved (or found outdated by a newer job)
	JobFailed  = "failed"  // gave up: the error is in last_error
)

// scoreJobRow is one scoring job: a conversation and a rubric version (see v1ScoreJob).
type scoreJobRow struct {
	ID             int64 `gorm:"primaryKey"`
	ConversationID int64
	RubricID       string
	RubricVersion  int
	State          string
	Attempts       int
	RunAt          time.Time
	LockedBy       string
	LockedUntil    *time.Time
	LastError      string
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

func (scoreJobRow) TableName() string { return "score_jobs" }

// jobTarget is the unique key of a job.
func jobTarget() []clause.Column {
	return []clause.Column{{Name: "conversation_id"}, {Name: "rubric_id"}, {Name: "rubric_version"}}
}

// pendingJobRows returns one pending row per distinct key, in key order (a stable lock order).
func pendingJobRows(keys []int64, rubricID string, version int, now time.Time) []scoreJobRow {
	keys = slices.Clone(keys)
	slices.Sort(keys)
	keys = slices.Compact(keys)
	rows := make([]scoreJobRow, len(keys))
	for i, k := range keys {
		rows[i] = scoreJobRow{ConversationID: k, RubricID: rubricID, RubricVersion: version,
			State: JobPending, RunAt: now, CreatedAt: now, UpdatedAt: now}
	}
	return rows
}

// jobBatch is how many ledger rows one INSERT writes.
const jobBatch = 500

// EnqueueScoreJobs adds jobs to the table-backed queue (SQLite): each conversation with one
// rubric version becomes pending, also when it ran before (its conversation was re-sent).
// All rows are written in one transaction.
func (s *Store) EnqueueScoreJobs(ctx context.Context, keys []int64, rubricID string, version int) error {
	rows := pendingJobRows(keys, rubricID, version, s.now())
	if len(rows) == 0 {
		return nil
	}
	reset := clause.OnConflict{Columns: jobTarget(), DoUpdates: clause.AssignmentColumns(
		[]string{"state", "attempts", "run_at", "locked_by", "locked_until", "last_error", "updated_at"})}
	err := s.conn(ctx).Transaction(func(tx *gorm.DB) error {
		return tx.Clauses(reset).CreateInBatches(&rows, jobBatch).Error
	})
	if err != nil {
		return dbError(err, "enqueue %d scoring jobs for %s@%d", len(rows), rubricID, version)
	}
	return nil
}

// RecordScoreJobs records jobs that another queue (River) runs, for RescoreProgress: a job
// already recorded keeps its state. The River queue records after inserting its jobs, so a job
// that finishes first is never set back to pending.
func (s *Store) RecordScoreJobs(ctx context.Context, keys []int64, rubricID string, version int) error {
	rows := pendingJobRows(keys, rubricID, version, s.now())
	if len(rows) == 0 {
		return nil
	}
	err := s.conn(ctx).Transaction(func(tx *gorm.DB) error {
		return tx.Clauses(clause.OnConflict{Columns: jobTarget(), DoNothing: true}).CreateInBatches(&rows, jobBatch).Error
	})
	if err != nil {
		return dbError(err, "record %d scoring jobs for %s@%d", len(rows), rubricID, version)
	}
	return nil
}

// ClaimScoreJob gives the next due job of the table-backed queue to a worker until now+lease:
// a pending job whose time has come, or a running one whose worker's lease ran out (the worker
// died). It returns the job's conversation, rubric version and attempt number (1 the first
// time), or qa.ErrNotFound when nothing is due. Two workers never hold the same job.
func (s *Store) ClaimScoreJob(ctx context.Context, owner string, now time.Time, lease time.Duration) (convKey int64, ref rubric.RubricRef, attempt int, err error) {
	now = now.UTC()
	var row scoreJobRow
	err = s.conn(ctx).Transaction(func(tx *gorm.DB) error {
		q := tx.Where("(state = ? AND run_at <= ?) OR (state = ? AND locked_until < ?)", JobPending, now, JobRunning, now).
			Order("run_at, id").Limit(1)
		if s.dialect == DialectPostgres {
			q = q.Clauses(clause.Locking{Strength: clause.LockingStrengthUpdate, Options: clause.LockingOptionsSkipLocked})
		}
		if err := q.Take(&row).Error; err != nil {
			return err
		}
		until := now.Add(lease)
		row.State, row.LockedBy, row.LockedUntil, row.Attempts, row.UpdatedAt = JobRunning, owner, &until, row.Attempts+1, s.now()
		return tx.Model(&row).Select("state", "locked_by", "locked_until", "attempts", "updated_at").Updates(&row).Error
	})
	if err != nil {
		return 0, rubric.RubricRef{}, 0, dbError(err, "claim scoring job")
	}
	return row.ConversationID, rubric.RubricRef{ID: row.RubricID, Version: row.RubricVersion}, row.Attempts, nil
}

// FinishScoreJob records how a job ended: done when failure is empty, else failed with the
// failure as its last error. With an owner (the table queue) only the owner's current claim is
// finished: if the job was enqueued again or re-claimed meanwhile, nothing changes. Without an
// owner (River) the ledger row is set, and created when missing.
func (s *Store) FinishScoreJob(ctx context.Context, convKey int64, ref rubric.RubricRef, owner, failure string) error {
	state := JobDone
	if failure != "" {
		state = JobFailed
	}
	now := s.now()
	var err error
	if owner != "" {
		err = s.conn(ctx).Model(&scoreJobRow{}).
			Where("conversation_id = ? AND rubric_id = ? AND rubric_version = ? AND state = ? AND locked_by = ?", convKey, ref.ID, ref.Version, JobRunning, owner).
			Updates(map[string]any{"state": state, "last_error": failure, "locked_by": "", "locked_until": nil, "updated_at": now}).Error
	} else {
		row := scoreJobRow{ConversationID: convKey, RubricID: ref.ID, RubricVersion: ref.Version, State: state,
			LastError: failure, RunAt: now, CreatedAt: now, UpdatedAt: now}
		err = s.conn(ctx).Clauses(clause.OnConflict{Columns: jobTarget(),
			DoUpdates: clause.AssignmentColumns([]string{"state", "last_error", "updated_at"})}).Create(&row).Error
	}
	if err != nil {
		return dbError(err, "finish scoring job %d %s@%d", convKey, ref.ID, ref.Version)
	}
	return nil
}

// ReleaseScoreJob hands a claimed job back to the table queue, to run again at the given time
// (a retry after a failure, or at once when the worker is stopping). Only the owner's current
// claim is released.
func (s *Store) ReleaseScoreJob(ctx context.Context, convKey int64, ref rubric.RubricRef, owner, failure string, at time.Time) error {
	err := s.conn(ctx).Model(&scoreJobRow{}).
		Where("conversation_id = ? AND rubric_id = ? AND rubric_version = ? AND state = ? AND locked_by = ?", convKey, ref.ID, ref.Version, JobRunning, owner).
		Updates(map[string]any{"state": JobPending, "run_at": at.UTC(), "last_error": failure, "locked_by": "", "locked_until": nil, "updated_at": s.now()}).Error
	if err != nil {
		return dbError(err, "release scoring job %d %s@%d", convKey, ref.ID, ref.Version)
	}
	return nil
}

// stateCount is how many jobs of a rubric version are in one state.
type stateCount struct {
	State string
	N     int
}

// progressQuery counts the jobs of a rubric version per state. It reads only the index
// score_jobs_rubric_idx (rubric_id, rubric_version, state) of schema version 1, so its cost
// grows with the jobs of that version, not with the whole ledger.
func progressQuery(db *gorm.DB, rubricID string, version int) *gorm.DB {
	return db.Model(&scoreJobRow{}).Select("state, COUNT(*) AS n").
		Where("rubric_id = ? AND rubric_version = ?", rubricID, version).Group("state")
}

// RescoreProgress reports the jobs of one rubric version: how many were asked for, how many
// are done and how many failed. qa.ErrNotFound when the version was never published.
func (s *Store) RescoreProgress(ctx context.Context, rubricID string, version int) (qa.RescoreProgress, error) {
	if _, err := s.RubricVersion(ctx, rubricID, version); err != nil {
		return qa.RescoreProgress{}, fmt.Errorf("rescore progress: %w", err)
	}
	var counts []stateCount
	if err := progressQuery(s.conn(ctx), rubricID, version).Scan(&counts).Error; err != nil {
		return qa.RescoreProgress{}, dbError(err, "rescore progress of %s@%d", rubricID, version)
	}
	p := qa.RescoreProgress{RubricID: rubricID, Version: version}
	for _, c := range counts {
		p.Total += c.N
		switch c.State {
		case JobDone:
			p.Done += c.N
		case JobFailed:
			p.Failed += c.N
		}
	}
	return p, nil
}
