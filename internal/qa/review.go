package qa

import (
	"time"

	"github.com/qa-scorer/qa-scorer/internal/check"
)

// Review is a person's verdict on one scorecard: each item confirmed or overridden. The
// automatic scorecard is kept unchanged beside it. A review in a calibration session is blind:
// other reviewers' verdicts are hidden until the session is revealed.
type Review struct {
	ID            int64        `json:"id"`
	ScorecardID   int64        `json:"scorecard_id"`
	ReviewerID    int64        `json:"reviewer_id"`
	CalibrationID int64        `json:"calibration_id,omitempty"`
	Status        string       `json:"status"` // "draft", "submitted"
	Items         []ReviewItem `json:"items"`
	Score         float64      `json:"score"` // the human score, computed by rubric.Score like the automatic one
	Comment       string       `json:"comment,omitempty"`
	CreatedAt     time.Time    `json:"created_at"`
	SubmittedAt   *time.Time   `json:"submitted_at,omitempty"`
}

// ReviewItem is a reviewer's decision on one rubric item.
type ReviewItem struct {
	ItemID    string        `json:"item_id"`
	Automatic check.Outcome `json:"automatic"`
	Result    check.Outcome `json:"result"`            // what the reviewer decided
	Comment   string        `json:"comment,omitempty"` // required when Result differs from Automatic
}

// Overridden reports whether the reviewer changed the automatic result.
func (r ReviewItem) Overridden() bool { return r.Result != r.Automatic }

// Assignment gives a scorecard to a reviewer, so two reviewers do not take the same item.
type Assignment struct {
	ID          int64      `json:"id"`
	ScorecardID int64      `json:"scorecard_id"`
	ReviewerID  int64      `json:"reviewer_id"`
	Reason      string     `json:"reason"` // which sampling rule picked it
	AssignedAt  time.Time  `json:"assigned_at"`
	DoneAt      *time.Time `json:"done_at,omitempty"`
}

// SamplingRule says which scorecards enter the review queue.
type SamplingRule struct {
	Kind  string `json:"kind"`            // "random_per_agent_week", "critical_fails", "needs_review", "lowest_scores"
	Count int    `json:"count,omitempty"` // N per agent per week, or N lowest
	Filter
}

// Dispute is an agent's objection to a reviewed item, resolved by a team lead. Accepting it
// changes the reviewed item to Result (the agent was right), which changes the review's human
// score and the agent's statistics; rejecting it leaves the review as it is.
type Dispute struct {
	ID       int64  `json:"id"`
	ReviewID int64  `json:"review_id"`
	ItemID   string `json:"item_id"`
	AgentID  string `json:"agent_id"`
	Team     string `json:"team,omitempty"` // the agent's team on the scorecard (whose lead resolves it)
	Comment  string `json:"comment"`
	// Result is the result the agent asks for (by default the other of pass and fail, see
	// DisputedOutcome); once accepted, the result applied to the item.
	Result     check.Outcome `json:"result,omitempty"`
	Status     string        `json:"status"` // "open", "accepted", "rejected"
	Resolution string        `json:"resolution,omitempty"`
	ResolverID int64         `json:"resolver_id,omitempty"`
	CreatedAt  time.Time     `json:"created_at"`
	ResolvedAt *time.Time    `json:"resolved_at,omitempty"`
}

// DisputeResolution is a team lead's decision on a dispute.
type DisputeResolution struct {
	Accepted bool
	// Result, when accepting, is the result the item gets instead of the one the agent asked
	// for; empty keeps the agent's.
	Result     check.Outcome
	Resolution string // why, shown to the agent
	By         int64  // the lead's user id
}

// CoachingNote is a team lead's note to an agent, acknowledged by the agent.
type CoachingNote struct {
	ID             int64      `json:"id"`
	AgentID        string     `json:"agent_id"`
	AuthorID       int64      `json:"author_id"`
	ScorecardID    int64      `json:"scorecard_id,omitempty"`
	Text           string     `json:"text"`
	CreatedAt      time.Time  `json:"created_at"`
	AcknowledgedAt *time.Time `json:"acknowledged_at,omitempty"`
}

// Calibration is a session in which several reviewers score the same conversations blind;
// agreement between them and with the automation is measured when it is revealed.
type Calibration struct {
	ID           int64      `json:"id"`
	Name         string     `json:"name"`
	ScorecardIDs []int64    `json:"scorecard_ids"`
	ReviewerIDs  []int64    `json:"reviewer_ids"`
	CreatedBy    int64      `json:"created_by"`
	CreatedAt    time.Time  `json:"created_at"`
	RevealedAt   *time.Time `json:"revealed_at,omitempty"`
}

// AuditEntry records who changed what, for reviews, disputes, rubrics and users.
type AuditEntry struct {
	ID     int64     `json:"id"`
	At     time.Time `json:"at"`
	UserID int64     `json:"user_id"`
	Action string    `json:"action"` // "review.submit", "item.override", "rubric.publish", ...
	Object string    `json:"object"` // "review:12", "rubric:standard@3"
	Detail string    `json:"detail,omitempty"`
}
