package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"net/mail"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/qa-scorer/qa-scorer/internal/qa"
)

// listUsers is GET /users.
func (s *Server) listUsers(c *gin.Context) {
	items, err := s.cfg.Stores.Users.Users(c.Request.Context())
	s.respond(c, http.StatusOK, listOf(items), err)
}

// createUser is POST /users: a new person; the password is generated and returned once when
// the request has none.
func (s *Server) createUser(c *gin.Context) {
	var req userRequest
	if err := decodeJSON(c, &req); err != nil {
		writeError(c, s.log, err)
		return
	}
	resp, err := s.newUser(c.Request.Context(), req)
	s.respond(c, http.StatusCreated, resp, err)
}

func (s *Server) newUser(ctx context.Context, req userRequest) (*userCreated, error) {
	u := qa.User{Email: strings.TrimSpace(req.Email), Name: strings.TrimSpace(req.Name), Role: req.Role,
		AgentID: req.AgentID, Teams: req.Teams, CreatedAt: s.cfg.Now()}
	if err := ValidateUser(&u); err != nil {
		return nil, err
	}
	resp := &userCreated{}
	pw := req.Password
	if pw == "" {
		generated, err := newToken()
		if err != nil {
			return nil, err
		}
		pw, resp.Password = generated[:20], generated[:20]
	}
	hash, err := s.cfg.Passwords.Hash(pw)
	if err != nil {
		return nil, invalid(fmt.Errorf("password: %w", err))
	}
	u.PasswordHash = hash
	if err := s.cfg.Stores.Users.CreateUser(ctx, &u); err != nil {
		return nil, fmt.Errorf("create user %s: %w", u.Email, err)
	}
	resp.User = u
	return resp, s.audit(ctx, "user.create", fmt.Sprintf("user:%d", u.ID), string(u.Role))
}

// ValidateUser checks a new user's fields: a valid email, a known role, an agent id for an
// agent and at least one team for a team lead. `qa user add` uses it too.
func ValidateUser(u *qa.User) error {
	if _, err := mail.ParseAddress(u.Email); err != nil || strings.ContainsAny(u.Email, "<> ") {
		return qa.Errorf(qa.ErrInvalid, "email: %q is not an email address", u.Email)
	}
	if u.Name == "" {
		return qa.Errorf(qa.ErrInvalid, "name: is required")
	}
	if !slices.Contains(qa.Roles, u.Role) {
		return qa.Errorf(qa.ErrInvalid, "role: %q: want one of %v", u.Role, qa.Roles)
	}
	if u.Role == qa.RoleAgent && u.AgentID == "" {
		return qa.Errorf(qa.ErrInvalid, "agent_id: an agent needs the agent id used in transcripts")
	}
	if u.Role == qa.RoleTeamLead && len(u.Teams) == 0 {
		return qa.Errorf(qa.ErrInvalid, "teams: a team lead needs the teams they lead")
	}
	return nil
}

// userDirectory is GET /users/directory: every user's id and name, for any signed-in caller,
// so that reviews, disputes and the audit trail can say who instead of a number.
func (s *Server) userDirectory(c *gin.Context) {
	users, err := s.cfg.Stores.Users.Users(c.Request.Context())
	items := make([]person, 0, len(users))
	for _, u := range users {
		items = append(items, person{ID: u.ID, Name: u.Name})
	}
	s.respond(c, http.StatusOK, list[person]{Items: items}, err)
}

// auditQuery is the query of GET /audit.
type auditQuery struct {
	Object string `form:"object"` // "review:12", "rubric:standard@3"
}

// auditTrail is GET /audit?object=: who changed what. Administrators read the trail of any
// object; reviewers and team leads those of the scorecards, reviews and disputes they can see.
func (s *Server) auditTrail(c *gin.Context) {
	var q auditQuery
	if err := decodeQuery(c, &q); err != nil {
		writeError(c, s.log, err)
		return
	}
	if err := s.checkAuditObject(c, q.Object); err != nil {
		writeError(c, s.log, err)
		return
	}
	items, err := s.cfg.Stores.Audit.AuditTrail(c.Request.Context(), q.Object)
	s.respond(c, http.StatusOK, listOf(items), err)
}

// checkAuditObject lets a caller who is not an administrator read the trail of a scorecard,
// review or dispute only when they can see it (scoped like everything else; one they cannot
// see is "not found"); the trails of rubrics, checklists, users and calibrations are the
// administrators'.
func (s *Server) checkAuditObject(c *gin.Context, object string) error {
	if callerFrom(c.Request.Context()).user.Role == qa.RoleAdmin {
		return nil
	}
	kind, idText, _ := strings.Cut(object, ":")
	id, err := strconv.ParseInt(idText, 10, 64)
	switch {
	case kind != "scorecard" && kind != "review" && kind != "dispute":
		return qa.Errorf(qa.ErrForbidden, "audit of %q: only administrators read it", object)
	case err != nil || id <= 0:
		return qa.Errorf(qa.ErrInvalid, "object: %q: want %s:ID", object, kind)
	case kind == "scorecard":
		_, err = s.visibleScorecard(c, id)
	case kind == "review":
		_, err = s.visibleReview(c, id)
	default:
		_, err = s.visibleDispute(c.Request.Context(), id)
	}
	return err
}
