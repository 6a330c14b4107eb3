package httpapi

import (
	"fmt"
	"strings"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/qa"
)

// sessionView is what the tests read of GET /calibrations/:id and of the reveal.
type sessionView struct {
	ID         int64                    `json:"id"`
	RevealedAt *string                  `json:"revealed_at"`
	Reviews    []qa.Review              `json:"reviews"`
	Progress   []qa.CalibrationProgress `json:"progress"`
	Agreement  *struct {
		Reviews  int     `json:"reviews"`
		Pairwise float64 `json:"pairwise"`
	} `json:"agreement"`
}

func TestCreateCalibrationChecksReviewers(t *testing.T) {
	h := newHarness(t)
	sc := h.store.addCard("a-7", "l1")
	creator := h.addUser(qa.RoleQAReviewer, "qa1@example.com", "")
	other := h.addUser(qa.RoleQAReviewer, "qa2@example.com", "")
	agent := h.addUser(qa.RoleAgent, "agent@example.com", "a-7")
	admin := h.addUser(qa.RoleAdmin, "root@example.com", "")
	c := h.tokenFor(creator)
	tests := []struct {
		name      string
		reviewers []int64
		status    int
		want      string
	}{
		{"one reviewer named twice", []int64{creator.ID, creator.ID}, 400, "at least two reviewers"},
		{"an agent cannot review", []int64{creator.ID, agent.ID}, 400, "agent@example.com (role agent) may not review"},
		{"unknown user", []int64{creator.ID, 999}, 400, "no user 999"},
		{"two reviewers", []int64{creator.ID, other.ID}, 201, `"reviewer_ids":[`},
		{"an administrator may review", []int64{admin.ID, other.ID}, 201, `"name":"Nov"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			body := fmt.Sprintf(`{"name":"Nov","scorecard_ids":[%d],"reviewer_ids":%s}`, sc.ID, strings.Join(strings.Fields(fmt.Sprint(tc.reviewers)), ","))
			rec := c.do("POST", "/api/v1/calibrations", body, nil)
			if rec.Code != tc.status || !strings.Contains(rec.Body.String(), tc.want) {
				t.Errorf("%d %s; want %d mentioning %q", rec.Code, rec.Body, tc.status, tc.want)
			}
		})
	}
}

// TestCalibrationListAndBlindness follows a session: it is listed for its creator, its
// reviewers and administrators only; before the reveal each reviewer sees their own review and
// everyone's progress; the creator reveals, and every review and the agreement appear.
func TestCalibrationListAndBlindness(t *testing.T) {
	h := newHarness(t)
	sc := h.store.addCard("a-7", "l1")
	r1u := h.addUser(qa.RoleQAReviewer, "qa1@example.com", "")
	r2u := h.addUser(qa.RoleQAReviewer, "qa2@example.com", "")
	r1, r2 := h.tokenFor(r1u), h.tokenFor(r2u)
	outsider := h.tokenFor(h.addUser(qa.RoleQAReviewer, "qa3@example.com", ""))
	admin := h.tokenFor(h.addUser(qa.RoleAdmin, "root@example.com", ""))

	rec := r1.do("POST", "/api/v1/calibrations", fmt.Sprintf(`{"name":"Nov","scorecard_ids":[%d],"reviewer_ids":[%d,%d]}`, sc.ID, r1u.ID, r2u.ID), nil)
	wantStatus(t, rec, 201)
	var cal qa.Calibration
	decode(t, rec, &cal)

	list := func(c *client) []qa.CalibrationSummary {
		t.Helper()
		rec := c.get("/api/v1/calibrations")
		wantStatus(t, rec, 200)
		var got struct{ Items []qa.CalibrationSummary }
		decode(t, rec, &got)
		if got.Items == nil {
			t.Fatalf("items absent or null: %s", rec.Body)
		}
		return got.Items
	}
	for name, c := range map[string]*client{"creator": r1, "invited reviewer": r2, "administrator": admin} {
		if got := list(c); len(got) != 1 || got[0].ID != cal.ID || got[0].Name != "Nov" || len(got[0].Progress) != 2 {
			t.Errorf("%s lists %+v, want the session with two reviewers' progress", name, got)
		}
	}
	if got := list(outsider); len(got) != 0 {
		t.Errorf("a reviewer of no session lists %+v", got)
	}
	wantStatus(t, outsider.get(fmt.Sprint("/api/v1/calibrations/", cal.ID)), 404)

	review := func(c *client, greeting string) {
		t.Helper()
		body := fmt.Sprintf(`{"scorecard_id":%d,"calibration_id":%d,"submit":true,"items":[{"item_id":"greeting","result":%q,"comment":"heard it"}]}`, sc.ID, cal.ID, greeting)
		wantStatus(t, c.do("POST", "/api/v1/reviews", body, nil), 200)
	}
	session := func(c *client) sessionView {
		t.Helper()
		rec := c.get(fmt.Sprint("/api/v1/calibrations/", cal.ID))
		wantStatus(t, rec, 200)
		var v sessionView
		decode(t, rec, &v)
		return v
	}
	review(r1, "fail")

	v := session(r2)
	if len(v.Reviews) != 0 || v.Agreement != nil {
		t.Errorf("before the reveal the second reviewer sees %+v, agreement %v", v.Reviews, v.Agreement)
	}
	if fmt.Sprint(v.Progress) != fmt.Sprintf("[{%d 1} {%d 0}]", r1u.ID, r2u.ID) {
		t.Errorf("progress %v, want the first reviewer done, the second not", v.Progress)
	}
	if v := session(r1); len(v.Reviews) != 1 || v.Reviews[0].ReviewerID != r1u.ID {
		t.Errorf("the first reviewer sees %+v, want their own review only", v.Reviews)
	}

	review(r2, "pass")
	if got := list(r2); fmt.Sprint(got[0].Progress) != fmt.Sprintf("[{%d 1} {%d 1}]", r1u.ID, r2u.ID) {
		t.Errorf("listed progress %v, want both done", got[0].Progress)
	}
	wantStatus(t, r2.do("POST", fmt.Sprintf("/api/v1/calibrations/%d/reveal", cal.ID), "", nil), 403)
	rec = r1.do("POST", fmt.Sprintf("/api/v1/calibrations/%d/reveal", cal.ID), "", nil)
	wantStatus(t, rec, 200)

	v = session(r2)
	// greeting: fail against pass; closing: both kept the automatic fail.
	if v.RevealedAt == nil || len(v.Reviews) != 2 || v.Agreement == nil || v.Agreement.Reviews != 2 || v.Agreement.Pairwise != 0.5 {
		t.Errorf("after the reveal: %+v, agreement %+v; want both reviews and pairwise 0.5", v, v.Agreement)
	}
	if got := list(r1); got[0].RevealedAt == nil {
		t.Error("the listing does not show the session revealed")
	}
}
