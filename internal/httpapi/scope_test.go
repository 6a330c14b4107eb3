package httpapi

import (
	"fmt"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/qa"
)

// TestRowLevelScoping checks that agents and team leads see only their rows, whatever the
// request asks for.
func TestRowLevelScoping(t *testing.T) {
	h := newHarness(t)
	mine := h.store.addCard("a-7", "l1-ru")
	teammate := h.store.addCard("a-8", "l1-ru")
	other := h.store.addCard("a-9", "l2-en")
	agent := h.tokenFor(h.addUser(qa.RoleAgent, "agent@example.com", "a-7", "l1-ru"))
	lead := h.tokenFor(h.addUser(qa.RoleTeamLead, "lead@example.com", "", "l1-ru"))
	reviewer := h.tokenFor(h.addUser(qa.RoleQAReviewer, "qa@example.com", ""))
	unlinked := h.tokenFor(h.addUser(qa.RoleAgent, "new@example.com", ""))

	tests := []struct {
		name   string
		c      *client
		query  string
		want   []int64
		status int
	}{
		{"agent sees own", agent, "", []int64{mine.ID}, 200},
		{"agent cannot widen with ?agent=", agent, "?agent=a-9", nil, 200},
		{"team lead sees team", lead, "", []int64{mine.ID, teammate.ID}, 200},
		{"team lead narrows to an agent", lead, "?agent=a-8", []int64{teammate.ID}, 200},
		{"team lead cannot reach another team", lead, "?team=l2-en&agent=a-9", nil, 200},
		{"reviewer sees all", reviewer, "", []int64{mine.ID, teammate.ID, other.ID}, 200},
		{"agent without agent id", unlinked, "", nil, 403},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := tc.c.get("/api/v1/scorecards" + tc.query)
			wantStatus(t, rec, tc.status)
			if tc.status != 200 {
				return
			}
			var got page[qa.StoredScorecard]
			decode(t, rec, &got)
			var ids []int64
			for _, sc := range got.Items {
				ids = append(ids, sc.ID)
			}
			if fmt.Sprint(ids) != fmt.Sprint(tc.want) {
				t.Errorf("scorecards %v, want %v", ids, tc.want)
			}
		})
	}

	single := []struct {
		name   string
		c      *client
		id     int64
		status int
	}{
		{"agent opens own", agent, mine.ID, 200},
		{"agent opens a teammate's", agent, teammate.ID, 404},
		{"team lead opens team's", lead, teammate.ID, 200},
		{"team lead opens another team's", lead, other.ID, 404},
		{"reviewer opens any", reviewer, other.ID, 200},
	}
	for _, tc := range single {
		t.Run(tc.name, func(t *testing.T) {
			wantStatus(t, tc.c.get(fmt.Sprint("/api/v1/scorecards/", tc.id)), tc.status)
		})
	}
}
