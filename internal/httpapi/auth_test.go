package httpapi

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/qa"
)

func TestLogin(t *testing.T) {
	h := newHarness(t)
	h.addUser(qa.RoleAdmin, "ada@example.com", "")
	tests := []struct {
		name, body string
		status     int
	}{
		{"wrong password", `{"email":"ada@example.com","password":"nope-nope-nope"}`, 401},
		{"unknown email", `{"email":"bob@example.com","password":"` + testPassword + `"}`, 401},
		{"unknown field", `{"email":"ada@example.com","pass":"x"}`, 400},
		{"not JSON", `email=ada`, 400},
		{"right password", `{"email":"ada@example.com","password":"` + testPassword + `"}`, 200},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := h.anonymous().do("POST", "/api/v1/auth/login", tc.body, nil)
			wantStatus(t, rec, tc.status)
			if tc.status != 200 {
				if len(rec.Result().Cookies()) != 0 {
					t.Error("a failed sign-in set cookies")
				}
				return
			}
			cookies := map[string]*http.Cookie{}
			for _, c := range rec.Result().Cookies() {
				cookies[c.Name] = c
			}
			sess, csrf := cookies[SessionCookie], cookies[CSRFCookie]
			if sess == nil || csrf == nil {
				t.Fatalf("cookies %v, want %s and %s", rec.Result().Cookies(), SessionCookie, CSRFCookie)
			}
			if !sess.HttpOnly || !sess.Secure || sess.SameSite != http.SameSiteStrictMode || sess.MaxAge <= 0 {
				t.Errorf("session cookie %+v: want HttpOnly, Secure, SameSite=Strict, a lifetime", sess)
			}
			if csrf.HttpOnly || !csrf.Secure {
				t.Errorf("CSRF cookie %+v: want readable by scripts and Secure", csrf)
			}
			var resp sessionResponse
			decode(t, rec, &resp)
			if resp.User == nil || resp.User.Email != "ada@example.com" || resp.CSRF == "" || resp.CSRF != csrf.Value {
				t.Errorf("response %+v, want the user and the CSRF token of the cookie", resp)
			}
			if strings.Contains(rec.Body.String(), "hash:") {
				t.Error("the response leaks the password hash")
			}
		})
	}
}

func TestSessionAndCSRF(t *testing.T) {
	h := newHarness(t)
	h.addUser(qa.RoleAgent, "agent@example.com", "a-7")
	c := h.login("agent@example.com")

	wantStatus(t, c.get("/api/v1/me"), 200)
	// Unsafe requests with the session cookie need the CSRF header.
	wantStatus(t, c.do("POST", "/api/v1/tokens", `{"name":"ci"}`, map[string]string{CSRFHeader: ""}), 403)
	wantStatus(t, c.do("POST", "/api/v1/tokens", `{"name":"ci"}`, map[string]string{CSRFHeader: "forged"}), 403)
	wantStatus(t, c.do("POST", "/api/v1/auth/logout", "", map[string]string{CSRFHeader: ""}), 403)
	wantStatus(t, c.do("POST", "/api/v1/tokens", `{"name":"ci"}`, nil), 201)

	// The CSRF token of another session does not do.
	other := h.login("agent@example.com")
	wantStatus(t, c.do("POST", "/api/v1/tokens", `{"name":"ci"}`, map[string]string{CSRFHeader: other.csrf}), 403)

	rec := c.do("POST", "/api/v1/auth/logout", "", nil)
	wantStatus(t, rec, 204)
	for _, ck := range rec.Result().Cookies() {
		if ck.MaxAge >= 0 {
			t.Errorf("logout left cookie %s alive", ck.Name)
		}
	}
	// The old cookie no longer works, and is treated as no credentials at all.
	wantStatus(t, c.get("/api/v1/me"), 401)
	wantStatus(t, other.get("/api/v1/me"), 200)
}

func TestAPIToken(t *testing.T) {
	h := newHarness(t)
	u := h.addUser(qa.RoleAdmin, "ci@example.com", "")
	session := h.login("ci@example.com")
	rec := session.do("POST", "/api/v1/tokens", `{"name":"nightly import"}`, nil)
	wantStatus(t, rec, 201)
	var tok tokenResponse
	decode(t, rec, &tok)
	if !strings.HasPrefix(tok.Token, "qa_") || tok.UserID != u.ID {
		t.Fatalf("token %+v", tok)
	}
	if _, err := h.store.APITokenByHash(context.Background(), tok.Token); err == nil {
		t.Error("the token is stored in clear")
	}

	bearer := &client{h: h, bearer: tok.Token}
	rec = bearer.get("/api/v1/me")
	wantStatus(t, rec, 200)
	var me sessionResponse
	decode(t, rec, &me)
	if me.User.Email != "ci@example.com" || me.CSRF != "" {
		t.Errorf("GET /me with a token = %+v", me)
	}
	// No CSRF token is needed with an API token.
	wantStatus(t, bearer.do("POST", "/api/v1/conversations", `{"id":"x","channel":"chat","turns":[{"speaker":"customer","text":"hi"}]}`, nil), 200)

	for name, header := range map[string]string{
		"unknown token": "Bearer qa_not-a-token",
		"wrong scheme":  "Basic Y2k6eA==",
		"empty bearer":  "Bearer ",
	} {
		t.Run(name, func(t *testing.T) {
			wantStatus(t, h.anonymous().do("GET", "/api/v1/me", "", map[string]string{"Authorization": header}), 401)
		})
	}
}

// denyAll refuses everything and records the questions it was asked.
type denyAll struct{ asked []string }

func (d *denyAll) Can(_ context.Context, subject, object, action string) (bool, error) {
	d.asked = append(d.asked, subject+" "+object+"."+action)
	return false, nil
}

// TestEveryRouteIsAuthorised walks every route as an anonymous caller and as a signed-in one
// against an authoriser that refuses everything: each route must ask about its own object and
// action, and answer 401 to the anonymous caller and 403 to the signed-in one. (The policy's
// decisions per role are tested with the real authoriser in cmd/qa.)
func TestEveryRouteIsAuthorised(t *testing.T) {
	deny := &denyAll{}
	h := newHarness(t, func(c *Config) { c.Authorizer = deny })
	u := h.addUser(qa.RoleAdmin, "root@example.com", "")
	signedIn := h.tokenFor(u)
	for _, r := range h.srv.Routes() {
		path := strings.NewReplacer(":key", "1", ":id", "standard", ":version", "1", ":path", "settings.yaml").Replace(r.Path)
		for _, who := range []struct {
			name   string
			c      *client
			status int
		}{{"anonymous", h.anonymous(), 401}, {"admin", signedIn, 403}} {
			t.Run(r.Method+" "+r.Path+" as "+who.name, func(t *testing.T) {
				deny.asked = nil
				rec := who.c.do(r.Method, path, "{}", nil)
				wantStatus(t, rec, who.status)
				want := who.name + " " + r.Object + "." + r.Action
				if len(deny.asked) != 1 || deny.asked[0] != want {
					t.Errorf("authoriser asked %q, want [%q]", deny.asked, want)
				}
			})
		}
	}
}
