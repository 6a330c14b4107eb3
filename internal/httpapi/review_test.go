package httpapi

import (
	"fmt"
	"strings"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/qa"
)

func TestReviewFlow(t *testing.T) {
	h := newHarness(t)
	sc := h.store.addCard("a-7", "l1")
	reviewerUser := h.addUser(qa.RoleQAReviewer, "qa@example.com", "")
	reviewer := h.tokenFor(reviewerUser)
	agent := h.tokenFor(h.addUser(qa.RoleAgent, "agent@example.com", "a-7"))
	h.store.assignments = []qa.Assignment{{ID: 99, ScorecardID: sc.ID, ReviewerID: reviewerUser.ID}}

	post := func(body string) (int, string) {
		rec := reviewer.do("POST", "/api/v1/reviews", body, nil)
		return rec.Code, rec.Body.String()
	}
	bad := []struct{ name, body, want string }{
		{"override without comment", `{"scorecard_id":%d,"submit":true,"items":[{"item_id":"closing","result":"pass"}]}`, "needs a comment"},
		{"unknown item", `{"scorecard_id":%d,"items":[{"item_id":"nope","result":"pass"}]}`, "not an item"},
		{"bad outcome", `{"scorecard_id":%d,"items":[{"item_id":"closing","result":"maybe"}]}`, "want pass"},
		{"undecided item on submit", `{"scorecard_id":%d,"submit":true,"items":[{"item_id":"closing","result":"review","comment":"?"}]}`, "decide"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			status, body := post(fmt.Sprintf(tc.body, sc.ID))
			if status != 400 || !strings.Contains(body, tc.want) {
				t.Errorf("%d %s, want 400 mentioning %q", status, body, tc.want)
			}
		})
	}

	// A draft, then its submission with an override.
	status, body := post(fmt.Sprintf(`{"scorecard_id":%d,"items":[{"item_id":"closing","result":"pass"}]}`, sc.ID))
	if status != 200 {
		t.Fatalf("draft: %d %s", status, body)
	}
	var draft qa.Review
	if err := jsonUnmarshal(body, &draft); err != nil || draft.Status != "draft" || draft.Score != 100 {
		t.Fatalf("draft %+v (%v), want a draft scored 100", draft, err)
	}
	// The agent does not see a draft.
	wantStatus(t, agent.get(fmt.Sprint("/api/v1/reviews/", draft.ID)), 404)

	status, body = post(fmt.Sprintf(`{"id":%d,"scorecard_id":%d,"submit":true,"items":[{"item_id":"closing","result":"pass","comment":"closed politely in Russian"}]}`, draft.ID, sc.ID))
	if status != 200 {
		t.Fatalf("submit: %d %s", status, body)
	}
	var done qa.Review
	if err := jsonUnmarshal(body, &done); err != nil || done.Status != "submitted" || done.ID != draft.ID || done.SubmittedAt == nil {
		t.Fatalf("submitted %+v (%v)", done, err)
	}
	if open, _ := h.store.Assignments(t.Context(), reviewerUser.ID, true); len(open) != 0 {
		t.Errorf("assignment still open after the review: %+v", open)
	}
	var actions []string
	for _, e := range h.store.audit {
		actions = append(actions, e.Action+" "+e.Object)
	}
	want := fmt.Sprintf("[review.submit review:%d item.override review:%d]", done.ID, done.ID)
	if fmt.Sprint(actions) != want {
		t.Errorf("audit %v, want %s", actions, want)
	}
	// A submitted review is final.
	status, _ = post(fmt.Sprintf(`{"id":%d,"scorecard_id":%d,"items":[]}`, done.ID, sc.ID))
	if status != 409 {
		t.Errorf("changing a submitted review: %d, want 409", status)
	}
	// The agent now sees it, and may dispute an item of it.
	wantStatus(t, agent.get(fmt.Sprint("/api/v1/reviews/", done.ID)), 200)
	rec := agent.do("POST", "/api/v1/disputes", fmt.Sprintf(`{"review_id":%d,"item_id":"greeting","comment":"I did greet"}`, done.ID), nil)
	wantStatus(t, rec, 201)
	var d qa.Dispute
	decode(t, rec, &d)
	if d.AgentID != "a-7" || d.Status != "open" {
		t.Errorf("dispute %+v", d)
	}
}
