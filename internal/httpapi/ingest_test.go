package httpapi

import (
	"fmt"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
)

func conv(id, agent, team string) string {
	return fmt.Sprintf(`{"id":%q,"channel":"chat","agents":[{"id":%q,"team":%q}],"turns":[`+
		`{"speaker":"customer","text":"Where is my order?"},{"speaker":"agent","agent_id":%q,"text":"Hello! Let me check."}]}`,
		id, agent, team, agent)
}

type ingestAnswer struct {
	qa.IngestResult
	Error string `json:"error"`
}

func ingest(t *testing.T, c *client, target, body, contentType string) (int, ingestAnswer) {
	t.Helper()
	rec := c.do("POST", target, body, map[string]string{"Content-Type": contentType})
	var ans ingestAnswer
	decode(t, rec, &ans)
	return rec.Code, ans
}

func TestIngestBrokenBatch(t *testing.T) {
	h := newHarness(t)
	h.store.rubrics = []qa.RubricVersion{{RubricID: "standard", Version: 1, Active: true}}
	admin := h.tokenFor(h.addUser(qa.RoleAdmin, "admin@example.com", ""))
	body := strings.Join([]string{
		conv("c-1", "a-1", "l1"),
		`{"id":"c-2","channel":"chat","turns":[{"speaker":"customer","text":"hi"}`, // broken JSON
		`{"id":"c-3","channel":"pigeon","turns":[{"speaker":"customer","text":"hi"}]}`,
		`{"id":"c-4","channel":"chat","turns":[]}`,
		conv("c-5", "a-2", "l1"),
	}, "\n")
	status, ans := ingest(t, admin, "/api/v1/conversations?source=zendesk", body, "application/x-ndjson")
	if status != 200 || ans.Accepted != 2 || ans.Updated != 0 || len(ans.Rejected) != 3 {
		t.Fatalf("status %d, answer %+v; want 200, 2 accepted, 3 rejected", status, ans)
	}
	for i, want := range []struct{ where, reason string }{
		{"line 2", ""}, {"line 3", "channel"}, {"line 4", "turns"},
	} {
		got := ans.Rejected[i]
		if got.Where != want.where || !strings.Contains(got.Reason, want.reason) || got.Reason == "" {
			t.Errorf("rejection %d = %+v, want where %q and a reason naming %q", i, got, want.where, want.reason)
		}
	}
	if _, total, _ := h.store.Conversations(t.Context(), qa.Filter{}); total != 2 {
		t.Errorf("stored %d conversations, want 2", total)
	}
	if got := h.queue.keys["standard"]; len(got) != 2 {
		t.Errorf("scheduled %v for scoring, want the 2 stored conversations", got)
	}

	// The same batch again updates instead of duplicating.
	_, ans = ingest(t, admin, "/api/v1/conversations?source=zendesk", body, "application/x-ndjson")
	if ans.Accepted != 0 || ans.Updated != 2 {
		t.Errorf("second import %+v, want 2 updated", ans)
	}
}

func TestIngestArrayAndSingleObject(t *testing.T) {
	h := newHarness(t)
	admin := h.tokenFor(h.addUser(qa.RoleAdmin, "admin@example.com", ""))
	status, ans := ingest(t, admin, "/api/v1/conversations", conv("one", "a-1", "t"), "application/json")
	if status != 200 || ans.Accepted != 1 {
		t.Errorf("one object: %d %+v", status, ans)
	}
	body := "[" + conv("x-1", "a-1", "t") + `,{"id":"x-2","channel":"chat"},` + conv("x-3", "a-1", "t") + "]"
	status, ans = ingest(t, admin, "/api/v1/conversations", body, "application/json")
	if status != 200 || ans.Accepted != 2 || len(ans.Rejected) != 1 || ans.Rejected[0].Where != "record 2" {
		t.Errorf("array: %d %+v, want 2 accepted and record 2 rejected", status, ans)
	}
}

func TestIngestKeepsGoodRecordsWhenTheDatabaseRefusesOne(t *testing.T) {
	h := newHarness(t)
	h.store.refuse = "bad"
	admin := h.tokenFor(h.addUser(qa.RoleAdmin, "admin@example.com", ""))
	body := strings.Join([]string{conv("g-1", "a", "t"), conv("bad", "a", "t"), conv("g-2", "a", "t")}, "\n")
	status, ans := ingest(t, admin, "/api/v1/conversations", body, "application/x-ndjson")
	if status != 200 || ans.Accepted != 2 || len(ans.Rejected) != 1 {
		t.Fatalf("%d %+v, want 2 accepted, 1 rejected", status, ans)
	}
	if r := ans.Rejected[0]; r.Where != "line 2" || !strings.Contains(r.Reason, "team too long") {
		t.Errorf("rejection %+v", r)
	}
}

func TestIngestBatches(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.IngestBatch = 2 })
	admin := h.tokenFor(h.addUser(qa.RoleAdmin, "admin@example.com", ""))
	var lines []string
	for i := range 5 {
		lines = append(lines, conv(fmt.Sprint("b-", i), "a", "t"))
	}
	_, ans := ingest(t, admin, "/api/v1/conversations", strings.Join(lines, "\n"), "application/x-ndjson")
	if ans.Accepted != 5 || h.store.upserts != 3 {
		t.Errorf("accepted %d in %d store calls, want 5 in 3 (batches of 2)", ans.Accepted, h.store.upserts)
	}
}

func TestIngestBodyOverTheLimit(t *testing.T) {
	// The importer reads 64 KiB ahead to detect the format: the limit is above that.
	const limit = 100 << 10
	h := newHarness(t, func(c *Config) { c.MaxIngestBytes = limit; c.IngestBatch = 50 })
	admin := h.tokenFor(h.addUser(qa.RoleAdmin, "admin@example.com", ""))
	var lines []string
	for i := range 1000 {
		lines = append(lines, conv(fmt.Sprint("big-", i), "a", "t"))
	}
	status, ans := ingest(t, admin, "/api/v1/conversations", strings.Join(lines, "\n"), "application/x-ndjson")
	if status != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d %+v, want 413", status, ans)
	}
	if !strings.Contains(ans.Error, fmt.Sprint("larger than ", limit, " bytes")) {
		t.Errorf("error %q, want it to name the limit", ans.Error)
	}
	if ans.Accepted == 0 || ans.Accepted >= 1000 {
		t.Errorf("accepted %d: the records before the limit are kept, the rest are not read", ans.Accepted)
	}
}

func TestIngestUnreadableInput(t *testing.T) {
	h := newHarness(t)
	admin := h.tokenFor(h.addUser(qa.RoleAdmin, "admin@example.com", ""))
	for name, body := range map[string]string{"empty": "", "blank": "  \n  "} {
		t.Run(name, func(t *testing.T) {
			status, ans := ingest(t, admin, "/api/v1/conversations", body, "application/json")
			if status != 400 || ans.Error == "" {
				t.Errorf("%d %+v, want 400 with an error", status, ans)
			}
		})
	}
	status, ans := ingest(t, admin, "/api/v1/conversations?format=klingon", conv("k", "a", "t"), "application/json")
	if status != 400 || !strings.Contains(ans.Error, "klingon") {
		t.Errorf("unknown format: %d %+v", status, ans)
	}
}

// TestIngestSchedulesApplicableRubrics ingests a chat, a call and an email with the bundled
// rubrics active: every conversation is scheduled with the standard rubric and each with its
// channel's rubric only, so no job is spent on a conversation a rubric leaves alone. A version
// whose YAML no longer parses gets every conversation: its jobs record why they fail.
func TestIngestSchedulesApplicableRubrics(t *testing.T) {
	h := newHarness(t)
	for _, id := range []string{"standard", "chat-support", "voice", "email-support"} {
		yaml, err := os.ReadFile("../../rubrics/" + id + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		r, err := rubric.Parse(yaml, id+".yaml")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := h.store.PublishRubric(t.Context(), r, string(yaml), 1); err != nil {
			t.Fatal(err)
		}
	}
	h.store.rubrics = append(h.store.rubrics, qa.RubricVersion{RubricID: "legacy", Version: 1, YAML: "id: legacy\nsections: 7\n", Active: true})
	admin := h.tokenFor(h.addUser(qa.RoleAdmin, "admin@example.com", ""))
	call := strings.Replace(conv("v-1", "a-1", "l1"), `"channel":"chat"`, `"channel":"voice"`, 1)
	email := strings.Replace(conv("e-1", "a-2", "l1"), `"channel":"chat"`, `"channel":"email"`, 1)
	body := strings.Join([]string{conv("c-1", "a-1", "l1"), call, email}, "\n")
	if status, ans := ingest(t, admin, "/api/v1/conversations?source=mixed", body, "application/x-ndjson"); status != 200 || ans.Accepted != 3 {
		t.Fatalf("ingest: %d %+v", status, ans)
	}
	channels := func(rubricID string) []string {
		var out []string
		for _, k := range h.queue.keys[rubricID] {
			c, err := h.store.Conversation(t.Context(), k)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, string(c.Conv.Channel))
		}
		slices.Sort(out)
		return out
	}
	for rubricID, want := range map[string][]string{
		"standard":      {"chat", "email", "voice"},
		"chat-support":  {"chat"},
		"voice":         {"voice"},
		"email-support": {"email"},
		"legacy":        {"chat", "email", "voice"},
	} {
		if got := channels(rubricID); !slices.Equal(got, want) {
			t.Errorf("scheduled with %s: the conversations of %v, want %v", rubricID, got, want)
		}
	}
}
