package httpapi

import (
	"fmt"
	"strings"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/qa"
)

// TestAuditScoping checks who reads which trail: reviewers and team leads those of the
// reviews, scorecards and disputes they can see, administrators every one.
func TestAuditScoping(t *testing.T) {
	h := newHarness(t)
	mine := h.store.addCard("a-7", "l1-ru")
	other := h.store.addCard("a-9", "l2-en")
	reviewerUser := h.addUser(qa.RoleQAReviewer, "qa@example.com", "")
	r := h.submittedReview(mine, reviewerUser)
	draft := &qa.Review{ScorecardID: other.ID, ReviewerID: reviewerUser.ID, Status: "draft"}
	if err := h.store.SaveReview(t.Context(), draft); err != nil {
		t.Fatal(err)
	}
	h.store.audit = []qa.AuditEntry{
		{UserID: reviewerUser.ID, Action: "item.override", Object: fmt.Sprint("review:", r.ID), Detail: "greeting: pass → fail"},
		{UserID: 1, Action: "rubric.publish", Object: "rubric:standard@2"},
	}
	reviewer := h.tokenFor(reviewerUser)
	otherReviewer := h.tokenFor(h.addUser(qa.RoleQAReviewer, "qa2@example.com", ""))
	lead := h.tokenFor(h.addUser(qa.RoleTeamLead, "lead@example.com", "", "l1-ru"))
	otherLead := h.tokenFor(h.addUser(qa.RoleTeamLead, "lead2@example.com", "", "l2-en"))
	admin := h.tokenFor(h.addUser(qa.RoleAdmin, "admin@example.com", ""))

	tests := []struct {
		name    string
		c       *client
		object  string
		status  int
		entries int
	}{
		{"reviewer reads a review's trail", reviewer, fmt.Sprint("review:", r.ID), 200, 1},
		{"another reviewer reads a submitted review's trail", otherReviewer, fmt.Sprint("review:", r.ID), 200, 1},
		{"another reviewer cannot read a draft's", otherReviewer, fmt.Sprint("review:", draft.ID), 404, 0},
		{"reviewer reads a scorecard's trail", reviewer, fmt.Sprint("scorecard:", other.ID), 200, 0},
		{"lead reads the trail of the team's review", lead, fmt.Sprint("review:", r.ID), 200, 1},
		{"lead of another team does not", otherLead, fmt.Sprint("review:", r.ID), 404, 0},
		{"lead cannot reach another team's scorecard", lead, fmt.Sprint("scorecard:", other.ID), 404, 0},
		{"a missing review", reviewer, "review:9999", 404, 0},
		{"a rubric's trail is the administrators'", reviewer, "rubric:standard@2", 403, 0},
		{"an unreadable object", lead, "review:first", 400, 0},
		{"administrator reads a rubric's trail", admin, "rubric:standard@2", 200, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := tc.c.get("/api/v1/audit?object=" + tc.object)
			wantStatus(t, rec, tc.status)
			if tc.status != 200 {
				return
			}
			var got list[qa.AuditEntry]
			decode(t, rec, &got)
			if len(got.Items) != tc.entries {
				t.Errorf("%d entries, want %d: %+v", len(got.Items), tc.entries, got.Items)
			}
		})
	}
}

func TestUserDirectory(t *testing.T) {
	h := newHarness(t)
	lena := h.addUser(qa.RoleTeamLead, "lena@example.com", "", "l1")
	agent := h.tokenFor(h.addUser(qa.RoleAgent, "agent@example.com", "a-1"))
	rec := agent.get("/api/v1/users/directory")
	wantStatus(t, rec, 200)
	if body := rec.Body.String(); strings.Contains(body, `"email"`) || strings.Contains(body, "team_lead") {
		t.Errorf("the directory shows more than names: %s", body)
	}
	var got list[person]
	decode(t, rec, &got)
	if len(got.Items) != 2 || got.Items[0] != (person{ID: lena.ID, Name: lena.Name}) {
		t.Errorf("directory %+v", got.Items)
	}
}
