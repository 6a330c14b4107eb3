package qa

import (
	"time"

	"github.com/qa-scorer/qa-scorer/internal/rubric"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// StoredConversation is a conversation as kept by the server, keyed by (source, id).
type StoredConversation struct {
	Key        int64                    `json:"key"` // database key
	Source     string                   `json:"source"`
	Conv       *transcript.Conversation `json:"conversation"`
	Team       string                   `json:"team,omitempty"`  // team of the first agent
	Queue      string                   `json:"queue,omitempty"` // meta.queue when present
	ReceivedAt time.Time                `json:"received_at"`
	UpdatedAt  time.Time                `json:"updated_at"`
}

// IngestResult is the answer to one ingested batch.
type IngestResult struct {
	Accepted int         `json:"accepted"` // new conversations stored
	Updated  int         `json:"updated"`  // existing (source, id) replaced
	Rejected []Rejection `json:"rejected"` // one per bad record, with its reason
}

// Rejection names a record that was not stored and why.
type Rejection struct {
	Where  string `json:"where"` // "line 3", "conversation \"zd-1\""
	Reason string `json:"reason"`
}

// StoredScorecard is a scorecard as kept by the server: the automatic result of one rubric
// version on one conversation, with what it was scored on (for filters and statistics), and
// the human verdict in force once it has been reviewed. Card is never changed by a review.
type StoredScorecard struct {
	ID              int64            `json:"id"`
	ConversationKey int64            `json:"conversation_key"`
	Card            rubric.Scorecard `json:"scorecard"`
	StartedAt       time.Time        `json:"started_at"` // when the conversation started (for periods)
	Team            string           `json:"team,omitempty"`
	ScoredAt        time.Time        `json:"scored_at"`
	// ReviewID names the submitted review whose decisions are in force (the latest one made
	// outside calibration sessions, with its accepted disputes); 0 when not reviewed.
	ReviewID int64 `json:"review_id,omitempty"`
	// ReviewedScore is the human score in force, recomputed from the current Card with the
	// review's decisions (ApplyReview); nil when not reviewed. Statistics count it, not
	// Card.Score.
	ReviewedScore *float64 `json:"reviewed_score,omitempty"`
}

// Filter selects conversations or scorecards; zero fields match everything.
type Filter struct {
	Channel  string    `form:"channel" json:"channel,omitempty"`
	Language string    `form:"language" json:"language,omitempty"`
	RubricID string    `form:"rubric" json:"rubric,omitempty"`
	Team     string    `form:"team" json:"team,omitempty"`
	AgentID  string    `form:"agent" json:"agent,omitempty"`
	From     time.Time `form:"from" json:"from,omitempty"` // conversation start, inclusive
	To       time.Time `form:"to" json:"to,omitempty"`     // exclusive
	// Teams and AgentIDs restrict a query to what the caller may see (set by the server from
	// the caller's role, never from the request).
	Teams    []string `form:"-" json:"-"`
	AgentIDs []string `form:"-" json:"-"`
	Limit    int      `form:"limit" json:"limit,omitempty"`
	Offset   int      `form:"offset" json:"offset,omitempty"`
}
