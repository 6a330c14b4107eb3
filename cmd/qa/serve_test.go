package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/qa-scorer/qa-scorer/internal/check"
	"github.com/qa-scorer/qa-scorer/internal/httpapi"
	"github.com/qa-scorer/qa-scorer/internal/password"
	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/store"
	"github.com/qa-scorer/qa-scorer/internal/store/storetest"
	"golang.org/x/crypto/bcrypt"
)

// testServer is `qa serve` wired as buildServer wires it, on a fresh database, behind an
// httptest server.
type testServer struct {
	url    string
	dsn    string
	stdout string // what serve printed (the administrator's password)
	api    *httptest.Server
}

func startServer(t *testing.T, dialect string, demo bool) *testServer {
	t.Helper()
	gin.SetMode(gin.TestMode)
	dsn := storetest.DSN(t, dialect)
	var f serveFlags
	if err := f.parse([]string{"--database", dsn, "--workers", "1"}, io.Discard); err != nil {
		t.Fatal(err)
	}
	f.demo, f.demoDir = demo, filepath.Join("..", "..", "testdata", "demo")
	var out bytes.Buffer
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv, cleanup, err := buildServer(t.Context(), f, &out, log)
	if err != nil {
		t.Fatal(err)
	}
	api := httptest.NewServer(srv.Handler)
	t.Cleanup(func() { api.Close(); cleanup() })
	return &testServer{url: api.URL, dsn: dsn, stdout: out.String(), api: api}
}

// call sends a request with an optional bearer token and JSON body; it returns the status and body.
func call(t *testing.T, c *http.Client, method, url, token, body string, header ...string) (int, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func eachDialect(t *testing.T, fn func(t *testing.T, dialect string)) {
	for _, d := range storetest.Dialects() {
		t.Run(d, func(t *testing.T) { fn(t, d) })
	}
}

// TestServeEndToEnd runs the wired server: the administrator printed at start signs in with
// the cookie scheme, the demo data is scored by the workers, a batch is ingested and scored,
// and CSRF protection holds.
func TestServeEndToEnd(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ts := startServer(t, dialect, true)
		m := regexp.MustCompile(`administrator (\S+) with password (\S+)`).FindStringSubmatch(ts.stdout)
		if m == nil {
			t.Fatalf("serve printed no administrator: %q", ts.stdout)
		}
		jar, _ := cookiejar.New(nil)
		browser := &http.Client{Jar: jar}
		status, body := call(t, browser, "POST", ts.url+"/api/v1/auth/login", "", fmt.Sprintf(`{"email":%q,"password":%q}`, m[1], m[2]))
		if status != 200 {
			t.Fatalf("login: %d %s", status, body)
		}
		var login struct{ CSRF string }
		if err := json.Unmarshal([]byte(body), &login); err != nil || login.CSRF == "" {
			t.Fatalf("login answer %s", body)
		}
		if status, _ := call(t, browser, "GET", ts.url+"/readyz", "", ""); status != 200 {
			t.Errorf("readyz: %d", status)
		}

		// The workers score every demo conversation with the standard rubric (and others).
		demo := waitScored(t, browser, ts.url)
		if demo < 12 {
			t.Fatalf("%d demo conversations scored, want at least the 12 of sample.jsonl", demo)
		}

		batch := `{"id":"e2e-1","channel":"chat","agents":[{"id":"a-1","team":"l1-en"}],"turns":[{"speaker":"customer","text":"Hi, where is my parcel?"},{"speaker":"agent","agent_id":"a-1","text":"Hello! It arrives tomorrow. Anything else?"}]}` +
			"\n" + `{"id":"e2e-2","channel":"fax","turns":[{"speaker":"customer","text":"hi"}]}`
		status, _ = call(t, browser, "POST", ts.url+"/api/v1/conversations?source=e2e", "", batch, "Content-Type", "application/x-ndjson")
		if status != 403 {
			t.Errorf("ingest with a session and no CSRF header: %d, want 403", status)
		}
		status, body = call(t, browser, "POST", ts.url+"/api/v1/conversations?source=e2e", "", batch,
			"Content-Type", "application/x-ndjson", httpapi.CSRFHeader, login.CSRF)
		var res qa.IngestResult
		if err := json.Unmarshal([]byte(body), &res); status != 200 || err != nil || res.Accepted != 1 || len(res.Rejected) != 1 || res.Rejected[0].Where != "line 2" {
			t.Fatalf("ingest: %d %s", status, body)
		}
		if n := waitScored(t, browser, ts.url); n != demo+1 {
			t.Errorf("%d conversations scored after ingesting one, want %d", n, demo+1)
		}
		status, body = call(t, browser, "GET", ts.url+"/api/v1/scorecards?agent=a-1&rubric=standard&limit=500", "", "")
		if status != 200 || !strings.Contains(body, `"conversation_id":"e2e-1"`) {
			t.Errorf("the ingested conversation has no standard scorecard: %d %.300s", status, body)
		}
		checkReasonCodes(t, body, "e2e-1")
		_, metrics := call(t, browser, "GET", ts.url+"/metrics", "", "")
		if !strings.Contains(metrics, "qa_scoring_lag_seconds_count") || strings.Contains(metrics, "qa_scoring_lag_seconds_count 0\n") ||
			!strings.Contains(metrics, `qa_ingested_conversations_total{outcome="rejected"} 1`) {
			t.Errorf("metrics lack scoring lag or ingestion counts:\n%s", grepLines(metrics, "qa_"))
		}
		status, _ = call(t, browser, "POST", ts.url+"/api/v1/auth/logout", "", "", httpapi.CSRFHeader, login.CSRF)
		if status != 204 {
			t.Errorf("logout: %d", status)
		}
		if status, _ := call(t, browser, "GET", ts.url+"/api/v1/me", "", ""); status != 401 {
			t.Errorf("after logout /me: %d, want 401", status)
		}
	})
}

// checkReasonCodes reads a listing of stored scorecards as the API serves it and checks that
// every item of conversation id kept its reason code and args through the store: the English
// template of the code filled with the args gives the reason. The conversation's greeting is
// "Hello".
func checkReasonCodes(t *testing.T, body, id string) {
	t.Helper()
	var list struct {
		Items []qa.StoredScorecard `json:"items"`
	}
	if err := json.Unmarshal([]byte(body), &list); err != nil {
		t.Fatal(err)
	}
	templates := check.ReasonTemplates()
	found := false
	for _, sc := range list.Items {
		if sc.Card.ConversationID != id {
			continue
		}
		found = true
		for _, it := range sc.Card.Items {
			template, ok := templates[it.ReasonCode]
			if !ok || check.RenderReason(template, it.ReasonArgs) != it.Reason {
				t.Errorf("%s %s: code %q args %v do not give the reason %q", id, it.ID, it.ReasonCode, it.ReasonArgs, it.Reason)
			}
			if it.ID == check.IDGreeting && (it.ReasonCode != "greeting.pass" || it.ReasonArgs["phrase"] != "Hello") {
				t.Errorf("%s greeting: code %q args %v, want greeting.pass with phrase Hello", id, it.ReasonCode, it.ReasonArgs)
			}
		}
	}
	if !found {
		t.Errorf("no scorecard of %s in %.300s", id, body)
	}
}

// TestImportCommand loads a file into a running server with `qa import`, authenticated by a
// token from `qa user token`.
func TestImportCommand(t *testing.T) {
	ts := startServer(t, store.DialectSQLite, false)
	var out, errb bytes.Buffer
	if code := run(t.Context(), []string{"user", "add", "--database", ts.dsn, "--email", "ci@example.com", "--name", "CI", "--role", "admin"}, nil, &out, &errb); code != 0 {
		t.Fatalf("user add: %d %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "password: ") {
		t.Errorf("user add printed no generated password: %q", out.String())
	}
	out.Reset()
	if code := run(t.Context(), []string{"user", "token", "--database", ts.dsn, "--email", "ci@example.com", "--name", "import"}, nil, &out, &errb); code != 0 {
		t.Fatalf("user token: %d %s", code, errb.String())
	}
	token := strings.TrimSpace(out.String())
	file := filepath.Join("..", "..", "testdata", "demo", "sample.jsonl")
	out.Reset()
	errb.Reset()
	code := run(t.Context(), []string{"import", "--server", ts.url, "--token", token, "--chunk", "5", file}, nil, &out, &errb)
	if code != 0 || !strings.Contains(out.String(), "accepted 12, updated 0, rejected 0") {
		t.Fatalf("import: exit %d, stdout %q, stderr %q", code, out.String(), errb.String())
	}
	out.Reset()
	code = run(t.Context(), []string{"import", "--server", ts.url, "--token", "qa_wrong", file}, nil, &out, &errb)
	if code == 0 {
		t.Error("import with a wrong token succeeded")
	}
}

// waitScored waits until every active rubric's scoring jobs have finished and every stored
// conversation has a scorecard of the standard rubric (which applies to all), and returns the
// number of conversations.
func waitScored(t *testing.T, c *http.Client, base string) int {
	t.Helper()
	var convs int
	waitFor(t, "scoring", func() bool {
		var rubrics struct {
			Items []qa.RubricVersion `json:"items"`
		}
		if _, body := call(t, c, "GET", base+"/api/v1/rubrics", "", ""); json.Unmarshal([]byte(body), &rubrics) != nil || len(rubrics.Items) == 0 {
			return false
		}
		for _, rv := range rubrics.Items {
			var p qa.RescoreProgress
			_, body := call(t, c, "GET", fmt.Sprintf("%s/api/v1/rubrics/%s/versions/%d/progress", base, rv.RubricID, rv.Version), "", "")
			if json.Unmarshal([]byte(body), &p) != nil || p.Done+p.Failed < p.Total {
				return false
			}
		}
		var all, scored struct{ Total int }
		_, body := call(t, c, "GET", base+"/api/v1/conversations?limit=1", "", "")
		_ = json.Unmarshal([]byte(body), &all)
		_, body = call(t, c, "GET", base+"/api/v1/scorecards?rubric=standard&limit=1", "", "")
		_ = json.Unmarshal([]byte(body), &scored)
		convs = all.Total
		return all.Total > 0 && scored.Total == all.Total
	})
	return convs
}

func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func discardLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// TestGracefulShutdown cancels the context serveUntilDone runs under (as a signal does): a
// request in flight completes, and the function returns without an error.
func TestGracefulShutdown(t *testing.T) {
	release := make(chan struct{})
	started := make(chan struct{})
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-release
		w.WriteHeader(http.StatusNoContent)
	})}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- serveUntilDone(ctx, srv, ln, 10*time.Second, discardLog()) }()

	resp := make(chan int, 1)
	go func() {
		r, err := http.Get("http://" + ln.Addr().String() + "/")
		if err != nil {
			resp <- 0
			return
		}
		r.Body.Close()
		resp <- r.StatusCode
	}()
	<-started
	cancel() // the signal
	close(release)
	if code := <-resp; code != http.StatusNoContent {
		t.Errorf("in-flight request answered %d, want 204", code)
	}
	if err := <-done; err != nil {
		t.Errorf("serveUntilDone = %v, want nil after a graceful shutdown", err)
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/"); err == nil {
		t.Error("the server still accepts connections after shutdown")
	}
}

// grepLines keeps the lines of s that start with prefix.
func grepLines(s, prefix string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, prefix) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// userToken creates a user and returns an API token of theirs.
func userToken(t *testing.T, dsn string, u *qa.User) string {
	t.Helper()
	st := storetest.Open(t, dsn)
	hash, err := password.Hasher{Cost: bcrypt.MinCost}.Hash("reviewed-password")
	if err != nil {
		t.Fatal(err)
	}
	u.PasswordHash = hash
	if err := st.CreateUser(t.Context(), u); err != nil {
		t.Fatal(err)
	}
	secret, tokenHash, err := httpapi.NewAPIToken()
	if err != nil {
		t.Fatal(err)
	}
	if err := st.CreateAPIToken(t.Context(), &qa.APIToken{UserID: u.ID, Name: "test", Hash: tokenHash}); err != nil {
		t.Fatal(err)
	}
	return secret
}

// getJSON calls a GET route with a token and decodes the answer.
func getJSON(t *testing.T, url, token string, v any) {
	t.Helper()
	status, body := call(t, http.DefaultClient, "GET", url, token, "")
	if status != 200 {
		t.Fatalf("GET %s: %d %s", url, status, body)
	}
	if err := json.Unmarshal([]byte(body), v); err != nil {
		t.Fatalf("GET %s: %v: %s", url, err, body)
	}
}

// TestServeReviewedStats runs the review workflow on the wired server and watches the agent's
// statistics: a reviewer's override lowers the agent's mean and the item's pass rate, the
// automatic scorecard stays as it was beside the reviewed score, and an accepted dispute
// brings the figures back; the lead reads the review's audit trail.
func TestServeReviewedStats(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ts := startServer(t, dialect, true)
		admin := userToken(t, ts.dsn, &qa.User{Email: "boss@example.com", Name: "Boss", Role: qa.RoleAdmin})
		waitScoredWith(t, ts.url, admin)

		// A standard scorecard of one agent of a team, with a passed, mandatory item.
		var cards struct{ Items []qa.StoredScorecard }
		getJSON(t, ts.url+"/api/v1/scorecards?rubric=standard&limit=500", admin, &cards)
		var sc qa.StoredScorecard
		var itemID string
		for _, c := range cards.Items {
			if len(c.Card.Agents) != 1 || c.Card.CriticalFailed || c.Team == "" || itemID != "" {
				continue
			}
			for _, it := range c.Card.Items {
				if it.Result == "pass" && !it.Optional && !it.Critical && it.MaxPoints > 0 {
					sc, itemID = c, it.ID
					break
				}
			}
		}
		if itemID == "" {
			t.Fatal("no standard scorecard of one agent with a passed item")
		}
		agentID := sc.Card.Agents[0].AgentID
		stats := func() qa.AgentStats {
			var got struct{ Items []qa.AgentStats }
			getJSON(t, ts.url+"/api/v1/stats/agents?agent="+agentID, admin, &got)
			if len(got.Items) != 1 {
				t.Fatalf("stats of %s: %+v", agentID, got.Items)
			}
			return got.Items[0]
		}
		before := stats()

		reviewerUser := &qa.User{Email: "rita@example.com", Name: "Rita Reviewer", Role: qa.RoleQAReviewer}
		reviewer := userToken(t, ts.dsn, reviewerUser)
		items := []map[string]string{{"item_id": itemID, "result": "fail", "comment": "not really"}}
		for _, it := range sc.Card.Items {
			if it.Result == "review" {
				items = append(items, map[string]string{"item_id": it.ID, "result": "na", "comment": "cannot tell"})
			}
		}
		body, _ := json.Marshal(map[string]any{"scorecard_id": sc.ID, "submit": true, "items": items})
		status, answer := call(t, http.DefaultClient, "POST", ts.url+"/api/v1/reviews", reviewer, string(body))
		if status != 200 {
			t.Fatalf("submit review: %d %s", status, answer)
		}
		var review qa.Review
		if err := json.Unmarshal([]byte(answer), &review); err != nil {
			t.Fatal(err)
		}

		after := stats()
		if after.MeanScore >= before.MeanScore || after.ItemPassRate[itemID] >= before.ItemPassRate[itemID] {
			t.Errorf("after failing %s: mean %v → %v, pass rate %v → %v; want both lower", itemID,
				before.MeanScore, after.MeanScore, before.ItemPassRate[itemID], after.ItemPassRate[itemID])
		}
		var reviewed qa.StoredScorecard
		getJSON(t, fmt.Sprintf("%s/api/v1/scorecards/%d", ts.url, sc.ID), admin, &reviewed)
		if reviewed.ReviewID != review.ID || reviewed.ReviewedScore == nil || *reviewed.ReviewedScore != review.Score ||
			reviewed.Card.Score != sc.Card.Score {
			t.Errorf("scorecard after the review: review %d, reviewed score %v, automatic %v; want review %d, %v, %v",
				reviewed.ReviewID, reviewed.ReviewedScore, reviewed.Card.Score, review.ID, review.Score, sc.Card.Score)
		}

		team := sc.Team
		agent := userToken(t, ts.dsn, &qa.User{Email: "agent@example.com", Name: "Agent", Role: qa.RoleAgent, AgentID: agentID})
		lead := userToken(t, ts.dsn, &qa.User{Email: "lena@example.com", Name: "Lena Lead", Role: qa.RoleTeamLead, Teams: []string{team}})
		status, answer = call(t, http.DefaultClient, "POST", ts.url+"/api/v1/disputes", agent,
			fmt.Sprintf(`{"review_id":%d,"item_id":%q,"comment":"I did"}`, review.ID, itemID))
		var d qa.Dispute
		if status != 201 || json.Unmarshal([]byte(answer), &d) != nil || d.Result != "pass" {
			t.Fatalf("dispute: %d %s", status, answer)
		}
		status, answer = call(t, http.DefaultClient, "POST", fmt.Sprintf("%s/api/v1/disputes/%d/resolve", ts.url, d.ID), lead,
			`{"accepted":true,"resolution":"it was fine"}`)
		if status != 200 {
			t.Fatalf("resolve: %d %s", status, answer)
		}
		if back := stats(); back.MeanScore != before.MeanScore || back.ItemPassRate[itemID] != before.ItemPassRate[itemID] {
			t.Errorf("after the accepted dispute: mean %v, pass rate %v; want %v, %v as before the review",
				back.MeanScore, back.ItemPassRate[itemID], before.MeanScore, before.ItemPassRate[itemID])
		}

		var trail struct{ Items []qa.AuditEntry }
		getJSON(t, fmt.Sprintf("%s/api/v1/audit?object=review:%d", ts.url, review.ID), lead, &trail)
		var actions []string
		for _, e := range trail.Items {
			actions = append(actions, e.Action)
		}
		for _, want := range []string{"review.submit", "item.override", "dispute.create", "item.dispute"} {
			if !slices.Contains(actions, want) {
				t.Errorf("the lead's view of the review's audit trail lacks %s: %v", want, actions)
			}
		}
		var people struct{ Items []struct{ ID int64 } }
		getJSON(t, ts.url+"/api/v1/users/directory", agent, &people)
		if !slices.ContainsFunc(people.Items, func(p struct{ ID int64 }) bool { return p.ID == review.ReviewerID }) {
			t.Errorf("the directory lacks the reviewer: %+v", people.Items)
		}
	})
}

// waitScoredWith is waitScored with a bearer token.
func waitScoredWith(t *testing.T, base, token string) {
	t.Helper()
	waitFor(t, "scoring", func() bool {
		var all, scored struct{ Total int }
		_, body := call(t, http.DefaultClient, "GET", base+"/api/v1/conversations?limit=1", token, "")
		_ = json.Unmarshal([]byte(body), &all)
		_, body = call(t, http.DefaultClient, "GET", base+"/api/v1/scorecards?rubric=standard&limit=1", token, "")
		_ = json.Unmarshal([]byte(body), &scored)
		return all.Total > 0 && scored.Total == all.Total
	})
}

// TestServeChecklists checks that `qa serve` publishes the bundled checklists, validates an
// edit against the published set, and scores with what is published: a stricter response
// time limit re-scores a stored conversation and fails its response_time item.
func TestServeChecklists(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ts := startServer(t, dialect, false)
		admin := userToken(t, ts.dsn, &qa.User{Email: "boss@example.com", Name: "Boss", Role: qa.RoleAdmin})
		var published struct{ Items []qa.ChecklistVersion }
		getJSON(t, ts.url+"/api/v1/checklists", admin, &published)
		bundled, err := filepath.Glob(filepath.Join("..", "..", "checklists", "*", "*.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		if len(published.Items) != len(bundled)+1 || published.Items[0].Path != "en/apology.yaml" ||
			!slices.ContainsFunc(published.Items, func(v qa.ChecklistVersion) bool { return v.Path == "settings.yaml" }) {
			t.Fatalf("published checklists: %d (want %d bundled files and settings.yaml)", len(published.Items), len(bundled))
		}

		// The agent answers after 30 s: within the bundled 60 s.
		conv := `{"id":"rt-1","channel":"chat","language":"en","started_at":"2026-11-20T09:00:00Z","agents":[{"id":"a-1","team":"l1-en"}],` +
			`"turns":[{"speaker":"customer","text":"Hi, where is my parcel?","at":"2026-11-20T09:00:00Z"},` +
			`{"speaker":"agent","agent_id":"a-1","text":"Hello! It arrives tomorrow.","at":"2026-11-20T09:00:30Z"}]}`
		if status, body := call(t, http.DefaultClient, "POST", ts.url+"/api/v1/conversations?source=rt", admin, conv); status != 200 {
			t.Fatalf("ingest: %d %s", status, body)
		}
		responseTime := func() string {
			var cards struct{ Items []qa.StoredScorecard }
			getJSON(t, ts.url+"/api/v1/scorecards?rubric=standard", admin, &cards)
			for _, c := range cards.Items {
				for _, it := range c.Card.Items {
					if c.Card.ConversationID == "rt-1" && it.ID == "response_time" {
						return string(it.Result)
					}
				}
			}
			return ""
		}
		waitFor(t, "the first scorecard", func() bool { return responseTime() == "pass" })

		settings := published.Items[slices.IndexFunc(published.Items, func(v qa.ChecklistVersion) bool { return v.Path == "settings.yaml" })].YAML
		edit := func(yaml string) (int, string) {
			body, _ := json.Marshal(map[string]string{"yaml": yaml})
			return call(t, http.DefaultClient, "POST", ts.url+"/api/v1/checklists/settings.yaml/versions", admin, string(body))
		}
		if status, body := edit(strings.Replace(settings, "chat: 60s", "chat: soon", 1)); status != 400 || !strings.Contains(body, "response_time.chat") {
			t.Errorf("a bad limit: %d %s; want 400 naming response_time.chat", status, body)
		}
		status, body := edit(strings.Replace(settings, "chat: 60s", "chat: 10s", 1))
		var res struct {
			Version  qa.ChecklistVersion
			Enqueued int
		}
		if status != 201 || json.Unmarshal([]byte(body), &res) != nil || res.Version.Version != 2 || res.Enqueued < 1 {
			t.Fatalf("publish settings.yaml: %d %s", status, body)
		}
		waitFor(t, "re-scoring with the published limit", func() bool { return responseTime() == "fail" })
	})
}
