package main

import (
	"fmt"
	"net/http"
	"slices"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/qa"
)

// TestServeSchedulesApplicableRubrics ingests a phone call into the wired server with the
// bundled rubrics active: jobs are asked (and recorded in each version's progress) for the
// standard and voice rubrics only, not for the chat and email ones, and the call gets both
// scorecards.
func TestServeSchedulesApplicableRubrics(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ts := startServer(t, dialect, false)
		admin := userToken(t, ts.dsn, &qa.User{Email: "boss@example.com", Name: "Boss", Role: qa.RoleAdmin})
		phone := `{"id":"call-1","channel":"voice","language":"en","agents":[{"id":"a-1","team":"l1-en"}],"turns":[` +
			`{"speaker":"customer","text":"Hi, my parcel has not arrived."},` +
			`{"speaker":"agent","agent_id":"a-1","text":"Good morning, my name is Sam. Let me check that for you."},` +
			`{"speaker":"agent","agent_id":"a-1","text":"It arrives tomorrow. Is there anything else I can help with?"},` +
			`{"speaker":"customer","text":"No, thanks."},{"speaker":"agent","agent_id":"a-1","text":"Have a great day, goodbye!"}]}`
		if status, body := call(t, http.DefaultClient, "POST", ts.url+"/api/v1/conversations?source=phone", admin, phone); status != 200 {
			t.Fatalf("ingest: %d %s", status, body)
		}

		var active struct{ Items []qa.RubricVersion }
		getJSON(t, ts.url+"/api/v1/rubrics", admin, &active)
		if len(active.Items) != 4 {
			t.Fatalf("%d active rubrics, want the 4 bundled ones", len(active.Items))
		}
		progress := map[string]qa.RescoreProgress{}
		waitFor(t, "scoring", func() bool {
			for _, rv := range active.Items {
				var p qa.RescoreProgress
				getJSON(t, fmt.Sprintf("%s/api/v1/rubrics/%s/versions/%d/progress", ts.url, rv.RubricID, rv.Version), admin, &p)
				if p.Done+p.Failed < p.Total {
					return false
				}
				progress[rv.RubricID] = p
			}
			return true
		})
		for rubricID, want := range map[string]int{"standard": 1, "voice": 1, "chat-support": 0, "email-support": 0} {
			if p := progress[rubricID]; p.Total != want || p.Done != want {
				t.Errorf("jobs of %s: %+v, want %d asked and done", rubricID, p, want)
			}
		}

		var convs struct{ Items []qa.StoredConversation }
		getJSON(t, ts.url+"/api/v1/conversations", admin, &convs)
		if len(convs.Items) != 1 {
			t.Fatalf("%d conversations stored, want the call", len(convs.Items))
		}
		var got struct{ Scorecards []qa.StoredScorecard }
		getJSON(t, fmt.Sprintf("%s/api/v1/conversations/%d", ts.url, convs.Items[0].Key), admin, &got)
		var rubrics []string
		for _, sc := range got.Scorecards {
			rubrics = append(rubrics, sc.Card.Rubric.ID)
		}
		slices.Sort(rubrics)
		if !slices.Equal(rubrics, []string{"standard", "voice"}) {
			t.Errorf("the call's scorecards are of %v, want [standard voice]", rubrics)
		}
	})
}
