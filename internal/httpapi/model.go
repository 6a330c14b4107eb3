package httpapi

import (
	"github.com/qa-scorer/qa-scorer/internal/calibration"
	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
)

// Request and response bodies of the API. Domain values (qa.User, qa.Review, ...) are encoded
// as they are; these types hold what a request carries and what a response adds around them.

// Review and dispute states (internal/qa documents them on the fields).
const (
	reviewDraft     = "draft"
	reviewSubmitted = "submitted"
	disputeOpen     = "open"
)

type loginRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

// sessionResponse answers a sign-in and GET /me: who is signed in and, for a cookie session,
// the token to send in X-CSRF-Token.
type sessionResponse struct {
	User *qa.User `json:"user"`
	CSRF string   `json:"csrf,omitempty"`
}

type tokenRequest struct {
	Name string `json:"name"`
}

// tokenResponse carries a new API token; the token is shown once and only its hash is kept.
type tokenResponse struct {
	qa.APIToken
	Token string `json:"token"`
}

// page is a list with the total number of matching rows (for pagination).
type page[T any] struct {
	Items []T `json:"items"`
	Total int `json:"total"`
}

// pageOf wraps one page of items and the total; a nil slice becomes [].
func pageOf[T any](items []T, total int) page[T] {
	return page[T]{Items: listOf(items).Items, Total: total}
}

// list is a list without a total.
type list[T any] struct {
	Items []T `json:"items"`
}

// listOf wraps items for a response; a nil slice becomes [] so clients always get an array.
func listOf[T any](items []T) list[T] {
	if items == nil {
		items = []T{}
	}
	return list[T]{Items: items}
}

type conversationResponse struct {
	qa.StoredConversation
	Scorecards []qa.StoredScorecard `json:"scorecards"`
	// CustomerZones are the customer's possible time zones (internal/timezone.Resolve), so
	// that customer-local times can be shown when the transcript gives only a phone or a
	// country.
	CustomerZones customerZones `json:"customer_zones"`
}

// customerZones is what is known of the customer's time zone: one zone when it is certain,
// several when a mobile number or a country spans several, none when nothing is known.
type customerZones struct {
	Names  []string `json:"names"`
	Source string   `json:"source,omitempty"` // "phone +7 914…", "country RU"; empty for customer.timezone
}

type scorecardResponse struct {
	qa.StoredScorecard
	Reviews []qa.Review `json:"reviews"`
}

// ingestResponse answers POST /conversations; Error is set when the input stopped being
// readable part way (the records before it are stored).
type ingestResponse struct {
	qa.IngestResult
	Error string `json:"error,omitempty"`
}

type yamlRequest struct {
	YAML string `json:"yaml"`
}

type publishRubricResponse struct {
	Version  qa.RubricVersion `json:"version"`
	Enqueued int              `json:"enqueued"` // conversations scheduled for re-scoring
}

type publishChecklistResponse struct {
	Version  qa.ChecklistVersion `json:"version"`
	Enqueued int                 `json:"enqueued"` // scorecards scheduled for re-scoring (all active rubrics)
}

type previewRequest struct {
	YAML            string `json:"yaml"`
	ConversationKey int64  `json:"conversation_key"`
}

type previewResponse struct {
	Scorecard *rubric.Scorecard `json:"scorecard"`
}

type pullRequest struct {
	Rule qa.SamplingRule `json:"rule"`
	Max  int             `json:"max"`
}

type reviewRequest struct {
	ID            int64               `json:"id,omitempty"` // to update a draft
	ScorecardID   int64               `json:"scorecard_id"`
	CalibrationID int64               `json:"calibration_id,omitempty"`
	Items         []reviewItemRequest `json:"items"`
	Comment       string              `json:"comment"`
	Submit        bool                `json:"submit"`
}

type reviewItemRequest struct {
	ItemID  string `json:"item_id"`
	Result  string `json:"result"`
	Comment string `json:"comment"`
}

type disputeRequest struct {
	ReviewID int64  `json:"review_id"`
	ItemID   string `json:"item_id"`
	Comment  string `json:"comment"`
	Result   string `json:"result,omitempty"` // the result asked for; the other of pass and fail when empty
}

type resolveRequest struct {
	Accepted   bool   `json:"accepted"`
	Resolution string `json:"resolution"`
	Result     string `json:"result,omitempty"` // when accepting: another result than the one asked for
}

type coachingRequest struct {
	AgentID     string `json:"agent_id"`
	Text        string `json:"text"`
	ScorecardID int64  `json:"scorecard_id"`
}

type calibrationRequest struct {
	Name         string  `json:"name"`
	ScorecardIDs []int64 `json:"scorecard_ids"`
	ReviewerIDs  []int64 `json:"reviewer_ids"`
}

type calibrationResponse struct {
	qa.Calibration
	Reviews   []qa.Review         `json:"reviews"`
	Agreement *calibration.Report `json:"agreement,omitempty"` // once revealed
}

// person is an entry of the user directory: enough to show who reviewed or resolved what.
type person struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

type userRequest struct {
	Email    string   `json:"email"`
	Name     string   `json:"name"`
	Role     qa.Role  `json:"role"`
	AgentID  string   `json:"agent_id"`
	Teams    []string `json:"teams"`
	Password string   `json:"password"`
}

// userCreated answers POST /users; Password is set only when the server generated it.
type userCreated struct {
	User     qa.User `json:"user"`
	Password string  `json:"password,omitempty"`
}
