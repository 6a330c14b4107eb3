package httpapi

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// APIPrefix is where the JSON API lives.
const APIPrefix = "/api/v1"

// route is one row of the route table: the object and action are what the authoriser is asked
// about (internal/authz's policy is written in the same names).
type route struct {
	method, path   string
	object, action string
	handle         gin.HandlerFunc
}

// routeTable lists every route of the server. docs/api.md and openapi.yaml describe the same
// list; a test fails when they drift apart.
func (s *Server) routeTable() []route {
	const v1 = APIPrefix
	get, post := http.MethodGet, http.MethodPost
	return []route{
		{get, "/healthz", "health", "read", s.healthz},
		{get, "/readyz", "health", "read", s.readyz},
		{get, "/metrics", "metrics", "read", s.serveMetrics},
		{get, v1 + "/openapi.json", "openapi", "read", s.openAPI},

		{post, v1 + "/auth/login", "auth", "login", s.login},
		{post, v1 + "/auth/logout", "auth", "logout", s.logout},
		{get, v1 + "/me", "me", "read", s.me},
		{post, v1 + "/tokens", "tokens", "create", s.createToken},

		{post, v1 + "/conversations", "conversations", "create", s.ingestConversations},
		{get, v1 + "/conversations", "conversations", "list", s.listConversations},
		{get, v1 + "/conversations/:key", "conversations", "read", s.getConversation},

		{get, v1 + "/scorecards", "scorecards", "list", s.listScorecards},
		{get, v1 + "/scorecards/:id", "scorecards", "read", s.getScorecard},
		{get, v1 + "/stats/agents", "stats", "agents", s.agentStats},
		{get, v1 + "/stats/teams", "stats", "teams", s.teamStats},

		{get, v1 + "/rubrics", "rubrics", "list", s.listRubrics},
		{post, v1 + "/rubrics/preview", "rubrics", "preview", s.previewRubric},
		{get, v1 + "/rubrics/:id/versions", "rubrics", "versions", s.rubricVersions},
		{post, v1 + "/rubrics/:id/versions", "rubrics", "publish", s.publishRubric},
		{get, v1 + "/rubrics/:id/versions/:version/progress", "rubrics", "progress", s.rescoreProgress},

		{get, v1 + "/checklists", "checklists", "list", s.listChecklists},
		{get, v1 + "/checklists/:path/versions", "checklists", "versions", s.checklistVersions},
		{post, v1 + "/checklists/:path/versions", "checklists", "publish", s.publishChecklist},

		{get, v1 + "/queue", "queue", "list", s.listQueue},
		{post, v1 + "/queue/pull", "queue", "pull", s.pullQueue},
		{post, v1 + "/reviews", "reviews", "create", s.saveReview},
		{get, v1 + "/reviews/:id", "reviews", "read", s.getReview},

		{get, v1 + "/disputes", "disputes", "list", s.listDisputes},
		{post, v1 + "/disputes", "disputes", "create", s.createDispute},
		{post, v1 + "/disputes/:id/resolve", "disputes", "resolve", s.resolveDispute},

		{get, v1 + "/coaching", "coaching", "list", s.listCoaching},
		{post, v1 + "/coaching", "coaching", "create", s.createCoaching},
		{post, v1 + "/coaching/:id/ack", "coaching", "ack", s.ackCoaching},

		{get, v1 + "/calibrations", "calibrations", "list", s.listCalibrations},
		{post, v1 + "/calibrations", "calibrations", "create", s.createCalibration},
		{get, v1 + "/calibrations/:id", "calibrations", "read", s.getCalibration},
		{post, v1 + "/calibrations/:id/reveal", "calibrations", "reveal", s.revealCalibration},

		{get, v1 + "/audit", "audit", "read", s.auditTrail},
		{get, v1 + "/users", "users", "list", s.listUsers},
		{get, v1 + "/users/directory", "users", "directory", s.userDirectory},
		{post, v1 + "/users", "users", "create", s.createUser},
	}
}
