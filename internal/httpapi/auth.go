package httpapi

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/qa-scorer/qa-scorer/internal/qa"
)

// Cookie and header names of the session scheme (docs/api.md §Authentication).
const (
	SessionCookie = "qa_session" // HttpOnly: the session token
	CSRFCookie    = "qa_csrf"    // readable by the SPA: the token to echo in CSRFHeader
	CSRFHeader    = "X-CSRF-Token"
)

// authenticate identifies the caller from an API token (Authorization: Bearer) or a session
// cookie and puts it in the request context. A wrong or revoked token is refused at once (the
// client meant to authenticate); a stale cookie leaves the caller anonymous, so that signing in
// again works.
func (s *Server) authenticate(c *gin.Context) {
	ctx := c.Request.Context()
	var who caller
	if h := c.GetHeader("Authorization"); h != "" {
		token, ok := strings.CutPrefix(h, "Bearer ")
		if !ok || token == "" {
			writeError(c, s.log, qa.Errorf(qa.ErrUnauthorized, "Authorization header: want \"Bearer TOKEN\""))
			return
		}
		u, err := s.userByToken(c, token)
		if err != nil {
			writeError(c, s.log, err)
			return
		}
		who.user = u
	} else if token, err := c.Cookie(SessionCookie); err == nil && token != "" {
		sess, err := s.cfg.Stores.Sessions.Session(ctx, token)
		switch {
		case errors.Is(err, qa.ErrNotFound):
			// expired or signed out: anonymous
		case err != nil:
			writeError(c, s.log, fmt.Errorf("session: %w", err))
			return
		default:
			u, err := s.cfg.Stores.Users.User(ctx, sess.UserID)
			if err != nil && !errors.Is(err, qa.ErrNotFound) {
				writeError(c, s.log, fmt.Errorf("session user %d: %w", sess.UserID, err))
				return
			}
			if err == nil {
				who = caller{user: u, session: sess}
			}
		}
	}
	c.Request = c.Request.WithContext(withCaller(ctx, who))
	c.Next()
}

// userByToken returns the user an API token belongs to.
func (s *Server) userByToken(c *gin.Context, token string) (*qa.User, error) {
	ctx := c.Request.Context()
	t, err := s.cfg.Stores.Tokens.APITokenByHash(ctx, hashToken(token))
	if errors.Is(err, qa.ErrNotFound) {
		return nil, qa.Errorf(qa.ErrUnauthorized, "unknown API token")
	}
	if err != nil {
		return nil, fmt.Errorf("API token: %w", err)
	}
	u, err := s.cfg.Stores.Users.User(ctx, t.UserID)
	if errors.Is(err, qa.ErrNotFound) {
		return nil, qa.Errorf(qa.ErrUnauthorized, "API token of a deleted user")
	}
	if err != nil {
		return nil, fmt.Errorf("API token user %d: %w", t.UserID, err)
	}
	return u, nil
}

// checkCSRF refuses an unsafe request authenticated by a session cookie unless it carries the
// session's CSRF token in CSRFHeader. API tokens are not sent by browsers on their own, so
// requests authenticated by one need no CSRF token. Signing in is exempt: it does not act with
// an existing session's authority.
func (s *Server) checkCSRF(c *gin.Context) {
	who := callerFrom(c.Request.Context())
	if who.session == nil || isSafeMethod(c.Request.Method) || c.Request.URL.Path == APIPrefix+"/auth/login" {
		c.Next()
		return
	}
	got := c.GetHeader(CSRFHeader)
	if got == "" || subtle.ConstantTimeCompare([]byte(got), []byte(who.session.CSRF)) != 1 {
		writeError(c, s.log, qa.Errorf(qa.ErrForbidden, "missing or wrong %s header", CSRFHeader))
		return
	}
	c.Next()
}

func isSafeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

// authorize asks the authoriser whether the caller's role may perform action on object. An
// anonymous caller who is refused is told to authenticate (401); a signed-in one is refused
// (403). An authoriser error refuses too.
func (s *Server) authorize(object, action string) gin.HandlerFunc {
	return func(c *gin.Context) {
		ctx := c.Request.Context()
		who := callerFrom(ctx)
		ok, err := s.cfg.Authorizer.Can(ctx, who.subject(), object, action)
		switch {
		case err != nil:
			writeError(c, s.log, fmt.Errorf("authorise %s.%s: %w", object, action, err))
		case !ok && who.user == nil:
			writeError(c, s.log, qa.Errorf(qa.ErrUnauthorized, "sign in or send an API token"))
		case !ok:
			writeError(c, s.log, qa.Errorf(qa.ErrForbidden, "role %s may not %s %s", who.subject(), action, object))
		default:
			c.Next()
		}
	}
}

// newToken returns a random URL-safe token with 256 bits of entropy.
func newToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("random token: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// NewAPIToken returns a new API token secret ("qa_" and 43 URL-safe characters) and the hash
// under which it is stored. `qa user token` uses it to issue tokens from the command line.
func NewAPIToken() (secret, hash string, err error) {
	t, err := newToken()
	if err != nil {
		return "", "", err
	}
	secret = "qa_" + t
	return secret, hashToken(secret), nil
}

// hashToken is how API tokens are stored: SHA-256, hex. A token has 256 random bits, so a
// fast hash is enough (there is nothing to brute-force as there is with a password).
func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// setSessionCookies sets the session cookie (HttpOnly) and the CSRF cookie (readable by the
// SPA) with the session's lifetime; maxAge < 0 deletes them.
func (s *Server) setSessionCookies(c *gin.Context, token, csrf string, maxAge int) {
	for _, ck := range []*http.Cookie{
		{Name: SessionCookie, Value: token, HttpOnly: true},
		{Name: CSRFCookie, Value: csrf, HttpOnly: false},
	} {
		ck.Path = "/"
		ck.MaxAge = maxAge
		ck.Secure = s.cfg.SecureCookies
		ck.SameSite = http.SameSiteStrictMode
		http.SetCookie(c.Writer, ck)
	}
}
