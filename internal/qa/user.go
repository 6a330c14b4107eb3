package qa

import "time"

// Role is what a person may do; authorisation policies are written per role.
type Role string

// The roles of the QA server.
const (
	RoleAdmin      Role = "admin"       // everything, including users
	RoleTrainer    Role = "trainer"     // rubrics and checklists
	RoleQAReviewer Role = "qa_reviewer" // review queues, reviews, calibration
	RoleTeamLead   Role = "team_lead"   // their teams' agents: scorecards, coaching, disputes
	RoleAgent      Role = "agent"       // their own scorecards, disputes, acknowledging coaching
)

// Roles lists every role in a fixed order.
var Roles = []Role{RoleAdmin, RoleTrainer, RoleQAReviewer, RoleTeamLead, RoleAgent}

// User is a person who signs in. An agent user is linked to the agent id used in transcripts;
// a team lead leads the listed teams.
type User struct {
	ID           int64     `json:"id"`
	Email        string    `json:"email"`
	Name         string    `json:"name"`
	Role         Role      `json:"role"`
	AgentID      string    `json:"agent_id,omitempty"` // for role agent: transcript agent id
	Teams        []string  `json:"teams,omitempty"`    // for team_lead: teams led; for agent: own team
	PasswordHash string    `json:"-"`
	CreatedAt    time.Time `json:"created_at"`
}

// Session is a signed-in browser session; the cookie carries Token, CSRF protects unsafe requests.
type Session struct {
	Token     string
	UserID    int64
	CSRF      string
	ExpiresAt time.Time
}

// APIToken lets an integration call the API as a user. Only a hash is stored.
type APIToken struct {
	ID        int64     `json:"id"`
	UserID    int64     `json:"user_id"`
	Name      string    `json:"name"`
	Hash      string    `json:"-"`
	CreatedAt time.Time `json:"created_at"`
}
