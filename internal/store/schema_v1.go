package store

import (
	"fmt"
	"time"

	"gorm.io/gorm"
)

// This file freezes the tables of schema version 1 as gorm structs that only migrateV1 uses.
// The query rows in the concept files (conversation.go, scorecard.go, ...) name the same columns;
// TestRowsMatchSchema checks that they agree. A later change to a table is a new migration at
// the end of migrations(), with its own frozen struct or Migrator call, never an edit here.
//
// There are no foreign-key constraints: rows are only ever added or replaced through this
// package, which checks references where a caller could get them wrong (a review's scorecard,
// a dispute's review), and leaving them out keeps both databases' DDL identical.

type v1User struct {
	ID           int64     `gorm:"primaryKey"`
	Email        string    `gorm:"not null;uniqueIndex:users_email_key"`
	Name         string    `gorm:"not null"`
	Role         string    `gorm:"not null"`
	AgentID      string    `gorm:"not null;index:users_agent_id_idx"`
	Teams        string    `gorm:"not null"` // JSON array of team names
	PasswordHash string    `gorm:"not null"`
	CreatedAt    time.Time `gorm:"not null"`
}

func (v1User) TableName() string { return "users" }

type v1Session struct {
	TokenHash string    `gorm:"primaryKey"` // sha256 of the cookie value; the token itself is never stored
	UserID    int64     `gorm:"not null;index:sessions_user_id_idx"`
	CSRF      string    `gorm:"column:csrf;not null"`
	ExpiresAt time.Time `gorm:"not null;index:sessions_expires_at_idx"`
	CreatedAt time.Time `gorm:"not null"`
}

func (v1Session) TableName() string { return "sessions" }

type v1APIToken struct {
	ID        int64     `gorm:"primaryKey"`
	UserID    int64     `gorm:"not null;index:api_tokens_user_id_idx"`
	Name      string    `gorm:"not null"`
	Hash      string    `gorm:"not null;uniqueIndex:api_tokens_hash_key"`
	CreatedAt time.Time `gorm:"not null"`
}

func (v1APIToken) TableName() string { return "api_tokens" }

type v1Conversation struct {
	ID         int64     `gorm:"primaryKey"` // the conversation key
	Source     string    `gorm:"not null;uniqueIndex:conversations_source_ext_id_key,priority:1"`
	ExtID      string    `gorm:"not null;uniqueIndex:conversations_source_ext_id_key,priority:2"`
	Channel    string    `gorm:"not null"`
	Language   string    `gorm:"not null"`
	Queue      string    `gorm:"not null"`
	Team       string    `gorm:"not null"`
	StartedAt  time.Time `gorm:"not null;index:conversations_started_at_idx"`
	Revision   int64     `gorm:"not null"` // 1 when inserted, +1 on every re-send
	Body       string    `gorm:"not null"` // the canonical JSON (spec/transcript.md)
	ReceivedAt time.Time `gorm:"not null"`
	UpdatedAt  time.Time `gorm:"not null"`
}

func (v1Conversation) TableName() string { return "conversations" }

type v1ConversationAgent struct {
	ConversationID int64  `gorm:"primaryKey;autoIncrement:false"`
	AgentID        string `gorm:"primaryKey;index:conversation_agents_agent_id_idx"`
	Team           string `gorm:"not null;index:conversation_agents_team_idx"`
}

func (v1ConversationAgent) TableName() string { return "conversation_agents" }

type v1Scorecard struct {
	ID                   int64     `gorm:"primaryKey"`
	ConversationID       int64     `gorm:"not null;uniqueIndex:scorecards_conversation_rubric_key,priority:1"`
	RubricID             string    `gorm:"not null;uniqueIndex:scorecards_conversation_rubric_key,priority:2;index:scorecards_rubric_idx,priority:1"`
	RubricVersion        int       `gorm:"not null;index:scorecards_rubric_idx,priority:2"`
	ConversationRevision int64     `gorm:"not null"`
	StartedAt            time.Time `gorm:"not null;index:scorecards_started_at_idx"`
	Channel              string    `gorm:"not null"`
	Language             string    `gorm:"not null"`
	Queue                string    `gorm:"not null"`
	Team                 string    `gorm:"not null"`
	Score                float64   `gorm:"not null"`
	Passed               bool      `gorm:"not null"`
	CriticalFailed       bool      `gorm:"not null"`
	NeedsReview          bool      `gorm:"not null"`
	Card                 string    `gorm:"not null"` // the scorecard JSON (spec/scorecard.md), for display
	ScoredAt             time.Time `gorm:"not null"`
}

func (v1Scorecard) TableName() string { return "scorecards" }

// v1ScorecardAgent is one agent's share of a scorecard, with the conversation's dimensions
// copied in so that per-agent and per-team figures are one indexed GROUP BY.
type v1ScorecardAgent struct {
	ScorecardID    int64     `gorm:"primaryKey;autoIncrement:false"`
	AgentID        string    `gorm:"primaryKey"`
	Team           string    `gorm:"not null"`
	RubricID       string    `gorm:"not null"`
	Channel        string    `gorm:"not null"`
	Language       string    `gorm:"not null"`
	StartedAt      time.Time `gorm:"not null"`
	Week           string    `gorm:"not null"` // ISO week of StartedAt, "2026-W47"
	Score          float64   `gorm:"not null"`
	Bucket         int       `gorm:"not null"` // 0..9: the 10-point score bucket
	CriticalFailed bool      `gorm:"not null"`
	NeedsReview    bool      `gorm:"not null"`
}

func (v1ScorecardAgent) TableName() string { return "scorecard_agents" }

// v1ScorecardItem is one item result attributed to one agent (an item no one in particular is
// responsible for belongs to every agent of the conversation): pass rates per item are one
// indexed GROUP BY over it.
type v1ScorecardItem struct {
	ScorecardID int64     `gorm:"primaryKey;autoIncrement:false"`
	ItemID      string    `gorm:"primaryKey"`
	AgentID     string    `gorm:"primaryKey"`
	Team        string    `gorm:"not null"`
	RubricID    string    `gorm:"not null"`
	Channel     string    `gorm:"not null"`
	Language    string    `gorm:"not null"`
	StartedAt   time.Time `gorm:"not null"`
	Result      string    `gorm:"not null"` // pass, fail, na, review
}

func (v1ScorecardItem) TableName() string { return "scorecard_items" }

type v1RubricVersion struct {
	RubricID    string    `gorm:"primaryKey"`
	Version     int       `gorm:"primaryKey;autoIncrement:false"`
	Name        string    `gorm:"not null"`
	YAML        string    `gorm:"column:yaml;not null"`
	PublishedBy int64     `gorm:"not null"`
	PublishedAt time.Time `gorm:"not null"`
}

func (v1RubricVersion) TableName() string { return "rubric_versions" }

type v1ChecklistVersion struct {
	Path        string    `gorm:"primaryKey"`
	Version     int       `gorm:"primaryKey;autoIncrement:false"`
	YAML        string    `gorm:"column:yaml;not null"`
	PublishedBy int64     `gorm:"not null"`
	PublishedAt time.Time `gorm:"not null"`
}

func (v1ChecklistVersion) TableName() string { return "checklist_versions" }

// v1ScoreJob is the ledger of scoring jobs: one row per conversation and rubric version. On
// SQLite it is the queue itself; with River on PostgreSQL it records what was asked and how it
// ended, for re-scoring progress.
type v1ScoreJob struct {
	ID             int64     `gorm:"primaryKey"`
	ConversationID int64     `gorm:"not null;uniqueIndex:score_jobs_target_key,priority:1"`
	RubricID       string    `gorm:"not null;uniqueIndex:score_jobs_target_key,priority:2;index:score_jobs_rubric_idx,priority:1"`
	RubricVersion  int       `gorm:"not null;uniqueIndex:score_jobs_target_key,priority:3;index:score_jobs_rubric_idx,priority:2"`
	State          string    `gorm:"not null;index:score_jobs_due_idx,priority:1;index:score_jobs_rubric_idx,priority:3"`
	Attempts       int       `gorm:"not null"`
	RunAt          time.Time `gorm:"not null;index:score_jobs_due_idx,priority:2"`
	LockedBy       string    `gorm:"not null"`
	LockedUntil    *time.Time
	LastError      string    `gorm:"not null"`
	CreatedAt      time.Time `gorm:"not null"`
	UpdatedAt      time.Time `gorm:"not null"`
}

func (v1ScoreJob) TableName() string { return "score_jobs" }

type v1Review struct {
	ID            int64     `gorm:"primaryKey"`
	ScorecardID   int64     `gorm:"not null;uniqueIndex:reviews_reviewer_key,priority:1"`
	ReviewerID    int64     `gorm:"not null;uniqueIndex:reviews_reviewer_key,priority:2"`
	CalibrationID int64     `gorm:"not null;uniqueIndex:reviews_reviewer_key,priority:3"` // 0 outside calibration
	Status        string    `gorm:"not null"`
	Score         float64   `gorm:"not null"`
	Comment       string    `gorm:"not null"`
	CreatedAt     time.Time `gorm:"not null"`
	UpdatedAt     time.Time `gorm:"not null"`
	SubmittedAt   *time.Time
}

func (v1Review) TableName() string { return "reviews" }

// v1ReviewItem is a reviewer's decision on one item, a row of its own so that overrides can be
// counted per item and per reviewer.
type v1ReviewItem struct {
	ReviewID   int64  `gorm:"primaryKey;autoIncrement:false"`
	ItemID     string `gorm:"primaryKey;index:review_items_item_idx"`
	Position   int    `gorm:"not null"`
	Automatic  string `gorm:"not null"`
	Result     string `gorm:"not null"`
	Overridden bool   `gorm:"not null"`
	Comment    string `gorm:"not null"`
}

func (v1ReviewItem) TableName() string { return "review_items" }

type v1Assignment struct {
	ID          int64     `gorm:"primaryKey"`
	ScorecardID int64     `gorm:"not null;uniqueIndex:assignments_scorecard_key"` // one reviewer per scorecard
	ReviewerID  int64     `gorm:"not null;index:assignments_reviewer_idx"`
	Reason      string    `gorm:"not null"`
	AssignedAt  time.Time `gorm:"not null"`
	DoneAt      *time.Time
}

func (v1Assignment) TableName() string { return "assignments" }

type v1Dispute struct {
	ID         int64     `gorm:"primaryKey"`
	ReviewID   int64     `gorm:"not null;uniqueIndex:disputes_review_item_key,priority:1"`
	ItemID     string    `gorm:"not null;uniqueIndex:disputes_review_item_key,priority:2"`
	AgentID    string    `gorm:"not null;index:disputes_agent_idx"`
	Team       string    `gorm:"not null;index:disputes_team_idx"`
	Comment    string    `gorm:"not null"`
	Status     string    `gorm:"not null;index:disputes_status_idx"`
	Resolution string    `gorm:"not null"`
	ResolverID int64     `gorm:"not null"`
	CreatedAt  time.Time `gorm:"not null"`
	ResolvedAt *time.Time
}

func (v1Dispute) TableName() string { return "disputes" }

type v1CoachingNote struct {
	ID             int64     `gorm:"primaryKey"`
	AgentID        string    `gorm:"not null;index:coaching_notes_agent_idx"`
	AuthorID       int64     `gorm:"not null"`
	ScorecardID    int64     `gorm:"not null"`
	Text           string    `gorm:"not null"`
	CreatedAt      time.Time `gorm:"not null"`
	AcknowledgedAt *time.Time
}

func (v1CoachingNote) TableName() string { return "coaching_notes" }

type v1Calibration struct {
	ID         int64     `gorm:"primaryKey"`
	Name       string    `gorm:"not null"`
	CreatedBy  int64     `gorm:"not null"`
	CreatedAt  time.Time `gorm:"not null"`
	RevealedAt *time.Time
}

func (v1Calibration) TableName() string { return "calibrations" }

type v1CalibrationScorecard struct {
	CalibrationID int64 `gorm:"primaryKey;autoIncrement:false"`
	ScorecardID   int64 `gorm:"primaryKey;autoIncrement:false"`
}

func (v1CalibrationScorecard) TableName() string { return "calibration_scorecards" }

type v1CalibrationReviewer struct {
	CalibrationID int64 `gorm:"primaryKey;autoIncrement:false"`
	ReviewerID    int64 `gorm:"primaryKey;autoIncrement:false"`
}

func (v1CalibrationReviewer) TableName() string { return "calibration_reviewers" }

type v1AuditEntry struct {
	ID     int64     `gorm:"primaryKey"`
	At     time.Time `gorm:"not null;index:audit_entries_object_idx,priority:2"` // a trail is read in time order
	UserID int64     `gorm:"not null"`
	Action string    `gorm:"not null"`
	Object string    `gorm:"not null;index:audit_entries_object_idx,priority:1"`
	Detail string    `gorm:"not null"`
}

func (v1AuditEntry) TableName() string { return "audit_entries" }

// v1StatsIndexes are the indexes the statistics read, one per way a period is narrowed (an
// agent, a team, or none), each covering the columns its queries aggregate so that PostgreSQL
// answers from the index alone (an index-only scan, no table rows fetched). They are written as
// SQL because gorm's tags cannot say INCLUDE; SQLite, which has no INCLUDE, gets the included
// columns as trailing keys, which covers the queries just the same.
func v1StatsIndexes() []struct{ name, table, keys, include string } {
	const share = "week, bucket, score, critical_failed, needs_review"
	return []struct{ name, table, keys, include string }{
		{"scorecard_agents_agent_idx", "scorecard_agents", "agent_id, started_at", "team, " + share},
		{"scorecard_agents_team_idx", "scorecard_agents", "team, started_at", "agent_id, " + share},
		{"scorecard_agents_started_at_idx", "scorecard_agents", "started_at", "agent_id, team, " + share},
		{"scorecard_items_agent_idx", "scorecard_items", "agent_id, started_at", "team, item_id, result"},
		{"scorecard_items_team_idx", "scorecard_items", "team, started_at", "agent_id, item_id, result"},
		{"scorecard_items_started_at_idx", "scorecard_items", "started_at", "agent_id, team, item_id, result"},
	}
}

// migrateV1 creates the initial schema.
func migrateV1(tx *gorm.DB) error {
	err := tx.Migrator().CreateTable(
		&v1User{}, &v1Session{}, &v1APIToken{},
		&v1Conversation{}, &v1ConversationAgent{},
		&v1Scorecard{}, &v1ScorecardAgent{}, &v1ScorecardItem{},
		&v1RubricVersion{}, &v1ChecklistVersion{}, &v1ScoreJob{},
		&v1Review{}, &v1ReviewItem{}, &v1Assignment{},
		&v1Dispute{}, &v1CoachingNote{},
		&v1Calibration{}, &v1CalibrationScorecard{}, &v1CalibrationReviewer{},
		&v1AuditEntry{},
	)
	if err != nil {
		return err
	}
	for _, ix := range v1StatsIndexes() {
		stmt := fmt.Sprintf("CREATE INDEX %s ON %s (%s, %s)", ix.name, ix.table, ix.keys, ix.include)
		if tx.Dialector.Name() == DialectPostgres {
			stmt = fmt.Sprintf("CREATE INDEX %s ON %s (%s) INCLUDE (%s)", ix.name, ix.table, ix.keys, ix.include)
		}
		if err := tx.Exec(stmt).Error; err != nil {
			return fmt.Errorf("index %s: %w", ix.name, err)
		}
	}
	return nil
}
