package httpapi

import (
	"context"

	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// The interfaces below are what the handlers need from storage, one per resource, with the
// method signatures of docs/server-contract.md. cmd/qa passes *store.Store for every one of
// them; tests pass an in-memory fake.

type conversationStore interface {
	UpsertConversations(ctx context.Context, convs []*transcript.Conversation) (accepted, updated int, keys []int64, err error)
	Conversation(ctx context.Context, key int64) (*qa.StoredConversation, error)
	Conversations(ctx context.Context, f qa.Filter) ([]qa.StoredConversation, int, error)
	// ConversationKeys pages through the keys of the conversations a rubric applies to, in
	// key order after the given key.
	ConversationKeys(ctx context.Context, a rubric.AppliesTo, after int64, limit int) ([]int64, error)
}

type scorecardStore interface {
	Scorecard(ctx context.Context, id int64) (*qa.StoredScorecard, error)
	ScorecardsByConversation(ctx context.Context, convKey int64) ([]qa.StoredScorecard, error)
	Scorecards(ctx context.Context, f qa.Filter) ([]qa.StoredScorecard, int, error)
}

type statsStore interface {
	AgentStats(ctx context.Context, f qa.Filter) ([]qa.AgentStats, error)
	TeamStats(ctx context.Context, f qa.Filter) ([]qa.AgentStats, error)
}

type rubricStore interface {
	PublishRubric(ctx context.Context, r *rubric.Rubric, yaml string, by int64) (qa.RubricVersion, error)
	RubricVersions(ctx context.Context, rubricID string) ([]qa.RubricVersion, error)
	ActiveRubrics(ctx context.Context) ([]qa.RubricVersion, error)
	RescoreProgress(ctx context.Context, rubricID string, version int) (qa.RescoreProgress, error)
}

type checklistStore interface {
	PublishChecklist(ctx context.Context, path, yaml string, by int64) (qa.ChecklistVersion, error)
	Checklists(ctx context.Context) ([]qa.ChecklistVersion, error)
	ChecklistVersions(ctx context.Context, path string) ([]qa.ChecklistVersion, error)
}

type userStore interface {
	CreateUser(ctx context.Context, u *qa.User) error
	User(ctx context.Context, id int64) (*qa.User, error)
	UserByEmail(ctx context.Context, email string) (*qa.User, error)
	Users(ctx context.Context) ([]qa.User, error)
}

type sessionStore interface {
	CreateSession(ctx context.Context, s qa.Session) error
	Session(ctx context.Context, token string) (*qa.Session, error)
	DeleteSession(ctx context.Context, token string) error
}

type tokenStore interface {
	CreateAPIToken(ctx context.Context, t *qa.APIToken) error
	APITokenByHash(ctx context.Context, hash string) (*qa.APIToken, error)
}

type reviewStore interface {
	SaveReview(ctx context.Context, r *qa.Review) error
	Review(ctx context.Context, id int64) (*qa.Review, error)
	ReviewsByScorecard(ctx context.Context, scorecardID int64) ([]qa.Review, error)
}

type assignmentStore interface {
	Assign(ctx context.Context, reviewerID int64, rule qa.SamplingRule, max int) ([]qa.Assignment, error)
	Assignments(ctx context.Context, reviewerID int64, open bool) ([]qa.Assignment, error)
	CompleteAssignment(ctx context.Context, id int64) error
}

type disputeStore interface {
	CreateDispute(ctx context.Context, d *qa.Dispute) error
	Dispute(ctx context.Context, id int64) (*qa.Dispute, error)
	// ResolveDispute resolves an open dispute; accepting it changes the reviewed item, the
	// review's score and the statistics in one transaction.
	ResolveDispute(ctx context.Context, id int64, res qa.DisputeResolution) (*qa.Dispute, error)
	Disputes(ctx context.Context, f qa.Filter, status string) ([]qa.Dispute, error)
}

type coachingStore interface {
	CreateCoachingNote(ctx context.Context, n *qa.CoachingNote) error
	AcknowledgeCoachingNote(ctx context.Context, id int64, agentID string) error
	CoachingNotes(ctx context.Context, agentID string) ([]qa.CoachingNote, error)
}

type calibrationStore interface {
	CreateCalibration(ctx context.Context, c *qa.Calibration) error
	Calibration(ctx context.Context, id int64) (*qa.Calibration, error)
	RevealCalibration(ctx context.Context, id int64) error
	// Calibrations lists the sessions a user created or reviews in (0: every session), newest
	// first, with each reviewer's progress.
	Calibrations(ctx context.Context, participant int64) ([]qa.CalibrationSummary, error)
}

type auditStore interface {
	Audit(ctx context.Context, e qa.AuditEntry) error
	AuditTrail(ctx context.Context, object string) ([]qa.AuditEntry, error)
}

type pinger interface {
	Ping(ctx context.Context) error
}

// Stores are the storage services the API works on, one field per resource. Every field is
// required; cmd/qa sets all of them to the same *store.Store.
type Stores struct {
	Conversations conversationStore
	Scorecards    scorecardStore
	Stats         statsStore
	Rubrics       rubricStore
	Checklists    checklistStore
	Users         userStore
	Sessions      sessionStore
	Tokens        tokenStore
	Reviews       reviewStore
	Assignments   assignmentStore
	Disputes      disputeStore
	Coaching      coachingStore
	Calibrations  calibrationStore
	Audit         auditStore
	Health        pinger
}

// authorizer decides whether a subject (a role, or "anonymous") may perform an action on an
// object; *authz.Enforcer implements it.
type authorizer interface {
	Can(ctx context.Context, subject, object, action string) (bool, error)
}

// scoringQueue schedules the scoring of stored conversations with a rubric version;
// jobs.Queue implements it.
type scoringQueue interface {
	Enqueue(ctx context.Context, convKeys []int64, rubricID string, version int) error
}

// scorer scores one conversation with one rubric and the checklists in force, for previews;
// *jobs.Knowledge implements it.
type scorer interface {
	Score(ctx context.Context, r *rubric.Rubric, c *transcript.Conversation) (*rubric.Scorecard, error)
}

// checklistValidator checks a checklist file before it is published: it is loaded together
// with the published checklists, so that a broken phrase, an unknown field or a clash with the
// set it joins is reported with its file and line; *jobs.Knowledge implements it.
type checklistValidator interface {
	ValidateChecklist(ctx context.Context, path string, yaml []byte) error
}

// passwordHasher hashes and verifies passwords; password.Hasher implements it.
type passwordHasher interface {
	Hash(pw string) (string, error)
	Verify(hash, pw string) error
}
