package httpapi

import (
	"fmt"
	"strings"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/qa"
)

// submittedReview stores a submitted review of sc by reviewer that fails greeting (the
// automation passed it) and confirms closing.
func (h *harness) submittedReview(sc *qa.StoredScorecard, reviewer *qa.User) *qa.Review {
	h.t.Helper()
	r := &qa.Review{ScorecardID: sc.ID, ReviewerID: reviewer.ID, Status: "submitted", Items: []qa.ReviewItem{
		{ItemID: "greeting", Automatic: "pass", Result: "fail", Comment: "late greeting"},
		{ItemID: "closing", Automatic: "fail", Result: "fail"},
	}}
	if err := h.store.SaveReview(h.t.Context(), r); err != nil {
		h.t.Fatal(err)
	}
	return r
}

func TestDisputeResolution(t *testing.T) {
	h := newHarness(t)
	sc := h.store.addCard("a-7", "l1-ru")
	reviewer := h.addUser(qa.RoleQAReviewer, "qa@example.com", "")
	r := h.submittedReview(sc, reviewer)
	agent := h.tokenFor(h.addUser(qa.RoleAgent, "agent@example.com", "a-7", "l1-ru"))
	leadUser := h.addUser(qa.RoleTeamLead, "lead@example.com", "", "l1-ru")
	lead := h.tokenFor(leadUser)
	otherLead := h.tokenFor(h.addUser(qa.RoleTeamLead, "lead2@example.com", "", "l2-en"))

	rec := agent.do("POST", "/api/v1/disputes", fmt.Sprintf(`{"review_id":%d,"item_id":"greeting","comment":"I greeted at once"}`, r.ID), nil)
	wantStatus(t, rec, 201)
	var d qa.Dispute
	decode(t, rec, &d)
	d.Team = "l1-ru" // the real store fills it from the agent's share
	h.store.disputes[d.ID].Team = "l1-ru"

	resolve := func(c *client, body string) (int, string) {
		rec := c.do("POST", fmt.Sprintf("/api/v1/disputes/%d/resolve", d.ID), body, nil)
		return rec.Code, rec.Body.String()
	}
	if status, _ := resolve(otherLead, `{"accepted":true,"resolution":"x"}`); status != 404 {
		t.Errorf("a lead of another team: %d, want 404", status)
	}
	if status, body := resolve(lead, `{"accepted":false,"result":"na","resolution":"x"}`); status != 400 || !strings.Contains(body, "result") {
		t.Errorf("a result with a rejection: %d %s, want 400", status, body)
	}
	status, body := resolve(lead, `{"accepted":true,"resolution":"the first reply greets"}`)
	if status != 200 {
		t.Fatalf("accept: %d %s", status, body)
	}
	var got qa.Dispute
	if err := jsonUnmarshal(body, &got); err != nil || got.Status != "accepted" || got.Result != "pass" || got.ResolverID != leadUser.ID {
		t.Errorf("resolved dispute %+v (%v)", got, err)
	}
	if status, _ := resolve(lead, `{"accepted":true,"resolution":"again"}`); status != 409 {
		t.Errorf("resolving twice: %d, want 409", status)
	}

	var trail []string
	for _, e := range h.store.audit {
		trail = append(trail, e.Action+" "+e.Object+" "+e.Detail)
	}
	want := []string{
		fmt.Sprintf("dispute.create dispute:%d greeting: asks for pass: I greeted at once", d.ID),
		fmt.Sprintf("dispute.create review:%d dispute %d: greeting: asks for pass: I greeted at once", r.ID, d.ID),
		fmt.Sprintf("dispute.resolve dispute:%d accepted: the first reply greets", d.ID),
		fmt.Sprintf("item.dispute review:%d dispute %d: greeting: fail → pass: the first reply greets", r.ID, d.ID),
	}
	if strings.Join(trail, "\n") != strings.Join(want, "\n") {
		t.Errorf("audit trail:\n%s\nwant:\n%s", strings.Join(trail, "\n"), strings.Join(want, "\n"))
	}
}
