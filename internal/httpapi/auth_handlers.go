package httpapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/qa-scorer/qa-scorer/internal/qa"
)

// login is POST /auth/login: check the password, open a session, set its cookies.
func (s *Server) login(c *gin.Context) {
	var req loginRequest
	if err := decodeJSON(c, &req); err != nil {
		writeError(c, s.log, err)
		return
	}
	u, sess, err := s.signIn(c.Request.Context(), req.Email, req.Password)
	if err != nil {
		writeError(c, s.log, err)
		return
	}
	s.setSessionCookies(c, sess.Token, sess.CSRF, int(s.cfg.SessionTTL.Seconds()))
	c.JSON(http.StatusOK, sessionResponse{User: u, CSRF: sess.CSRF})
}

// signIn checks an email and password and creates a session. Unknown emails and wrong
// passwords get the same answer, so that the API does not tell which emails exist.
func (s *Server) signIn(ctx context.Context, email, password string) (*qa.User, qa.Session, error) {
	denied := qa.Errorf(qa.ErrUnauthorized, "wrong email or password")
	u, err := s.cfg.Stores.Users.UserByEmail(ctx, strings.TrimSpace(email))
	if errors.Is(err, qa.ErrNotFound) {
		// Spend the time a wrong password costs, so that timing does not tell which emails exist.
		_ = s.cfg.Passwords.Verify(s.dummyHash, password) // the answer is "denied" either way
		return nil, qa.Session{}, denied
	}
	if err != nil {
		return nil, qa.Session{}, fmt.Errorf("sign in: %w", err)
	}
	if u.PasswordHash == "" || s.cfg.Passwords.Verify(u.PasswordHash, password) != nil {
		return nil, qa.Session{}, denied
	}
	token, err := newToken()
	if err != nil {
		return nil, qa.Session{}, err
	}
	csrf, err := newToken()
	if err != nil {
		return nil, qa.Session{}, err
	}
	sess := qa.Session{Token: token, UserID: u.ID, CSRF: csrf, ExpiresAt: s.cfg.Now().Add(s.cfg.SessionTTL)}
	if err := s.cfg.Stores.Sessions.CreateSession(ctx, sess); err != nil {
		return nil, qa.Session{}, fmt.Errorf("sign in: %w", err)
	}
	return u, sess, nil
}

// logout is POST /auth/logout: end the session and clear its cookies.
func (s *Server) logout(c *gin.Context) {
	who := callerFrom(c.Request.Context())
	if who.session != nil {
		if err := s.cfg.Stores.Sessions.DeleteSession(c.Request.Context(), who.session.Token); err != nil &&
			!errors.Is(err, qa.ErrNotFound) {
			writeError(c, s.log, fmt.Errorf("sign out: %w", err))
			return
		}
	}
	s.setSessionCookies(c, "", "", -1)
	c.Status(http.StatusNoContent)
}

// me is GET /me: the signed-in user, and the CSRF token of a cookie session (so that the web
// app can recover it after a reload).
func (s *Server) me(c *gin.Context) {
	who := callerFrom(c.Request.Context())
	resp := sessionResponse{User: who.user}
	if who.session != nil {
		resp.CSRF = who.session.CSRF
	}
	c.JSON(http.StatusOK, resp)
}

// createToken is POST /tokens: a new API token for the caller, shown once.
func (s *Server) createToken(c *gin.Context) {
	var req tokenRequest
	if err := decodeJSON(c, &req); err != nil {
		writeError(c, s.log, err)
		return
	}
	resp, err := s.issueToken(c.Request.Context(), callerFrom(c.Request.Context()).user, req.Name)
	s.respond(c, http.StatusCreated, resp, err)
}

// issueToken creates an API token for u and returns it with its secret.
func (s *Server) issueToken(ctx context.Context, u *qa.User, name string) (*tokenResponse, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, qa.Errorf(qa.ErrInvalid, "name: is required (what the token is for)")
	}
	secret, hash, err := NewAPIToken()
	if err != nil {
		return nil, err
	}
	t := qa.APIToken{UserID: u.ID, Name: name, Hash: hash, CreatedAt: s.cfg.Now()}
	if err := s.cfg.Stores.Tokens.CreateAPIToken(ctx, &t); err != nil {
		return nil, fmt.Errorf("create API token: %w", err)
	}
	return &tokenResponse{APIToken: t, Token: secret}, nil
}
