package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/gin-gonic/gin"
	"github.com/qa-scorer/qa-scorer/internal/qa"
)

func TestMain(m *testing.M) {
	gin.SetMode(gin.TestMode)
	os.Exit(m.Run())
}

// testPassword is every test user's password.
const testPassword = "correct-horse-battery"

// plainHasher stands in for bcrypt: "hash:" + password.
type plainHasher struct{}

func (plainHasher) Hash(pw string) (string, error) { return "hash:" + pw, nil }
func (plainHasher) Verify(hash, pw string) error {
	if hash != "hash:"+pw {
		return qa.ErrUnauthorized
	}
	return nil
}

// publicOrSignedIn lets anonymous callers reach the public routes and signed-in callers every
// route: the authorisation policy itself is tested in internal/authz and cmd/qa.
type publicOrSignedIn struct{}

func (publicOrSignedIn) Can(_ context.Context, subject, object, _ string) (bool, error) {
	switch object {
	case "auth", "openapi", "health", "metrics":
		return true, nil
	}
	return subject != subjectAnonymous, nil
}

// fakeQueue records what was scheduled.
type fakeQueue struct {
	mu   sync.Mutex
	keys map[string][]int64 // rubric id → keys
}

func (q *fakeQueue) Enqueue(_ context.Context, keys []int64, rubricID string, _ int) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.keys == nil {
		q.keys = map[string][]int64{}
	}
	q.keys[rubricID] = append(q.keys[rubricID], keys...)
	return nil
}

type harness struct {
	t     *testing.T
	srv   *Server
	store *fakeStore
	queue *fakeQueue
}

func newHarness(t *testing.T, edit ...func(*Config)) *harness {
	t.Helper()
	h := &harness{t: t, store: newFakeStore(), queue: &fakeQueue{}}
	cfg := Config{
		Stores: storesOf(h.store), Authorizer: publicOrSignedIn{}, Passwords: plainHasher{},
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Queue: h.queue, SecureCookies: true,
	}
	for _, e := range edit {
		e(&cfg)
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	h.srv = srv
	return h
}

// addUser stores a user with testPassword.
func (h *harness) addUser(role qa.Role, email, agentID string, teams ...string) *qa.User {
	h.t.Helper()
	u := &qa.User{Email: email, Name: email, Role: role, AgentID: agentID, Teams: teams, PasswordHash: "hash:" + testPassword}
	if err := h.store.CreateUser(context.Background(), u); err != nil {
		h.t.Fatal(err)
	}
	return u
}

// client is a caller: no credentials, a session (cookies and CSRF token), or an API token.
type client struct {
	h       *harness
	cookies []*http.Cookie
	csrf    string
	bearer  string
}

func (h *harness) anonymous() *client { return &client{h: h} }

// login signs in with the session cookie scheme.
func (h *harness) login(email string) *client {
	h.t.Helper()
	rec := h.anonymous().do("POST", "/api/v1/auth/login", `{"email":"`+email+`","password":"`+testPassword+`"}`, nil)
	if rec.Code != http.StatusOK {
		h.t.Fatalf("login %s: %d %s", email, rec.Code, rec.Body)
	}
	var resp sessionResponse
	decode(h.t, rec, &resp)
	return &client{h: h, cookies: rec.Result().Cookies(), csrf: resp.CSRF}
}

// tokenFor returns a client authenticated by a new API token of u.
func (h *harness) tokenFor(u *qa.User) *client {
	h.t.Helper()
	ctx := withCaller(context.Background(), caller{user: u})
	resp, err := h.srv.issueToken(ctx, u, "test")
	if err != nil {
		h.t.Fatal(err)
	}
	return &client{h: h, bearer: resp.Token}
}

// do sends a request; header may add or override headers. A session client sends its CSRF
// token on unsafe methods unless header sets X-CSRF-Token (to "" to omit it).
func (c *client) do(method, target, body string, header map[string]string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for _, ck := range c.cookies {
		if ck.MaxAge >= 0 {
			req.AddCookie(&http.Cookie{Name: ck.Name, Value: ck.Value})
		}
	}
	if c.csrf != "" && method != http.MethodGet {
		req.Header.Set(CSRFHeader, c.csrf)
	}
	if c.bearer != "" {
		req.Header.Set("Authorization", "Bearer "+c.bearer)
	}
	for k, v := range header {
		if v == "" {
			req.Header.Del(k)
		} else {
			req.Header.Set(k, v)
		}
	}
	rec := httptest.NewRecorder()
	c.h.srv.ServeHTTP(rec, req)
	return rec
}

func (c *client) get(target string) *httptest.ResponseRecorder { return c.do("GET", target, "", nil) }

func decode(t *testing.T, rec *httptest.ResponseRecorder, v any) {
	t.Helper()
	if err := json.NewDecoder(bytes.NewReader(rec.Body.Bytes())).Decode(v); err != nil {
		t.Fatalf("decode %q: %v", rec.Body, err)
	}
}

func wantStatus(t *testing.T, rec *httptest.ResponseRecorder, want int) {
	t.Helper()
	if rec.Code != want {
		t.Fatalf("status %d, want %d: %s", rec.Code, want, rec.Body)
	}
}
