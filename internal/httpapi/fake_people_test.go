package httpapi

import (
	"context"
	"slices"

	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
)

// The fake store's people, reviews and workflow methods (fake_test.go has the rest).

func (f *fakeStore) CreateUser(_ context.Context, u *qa.User) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, o := range f.users {
		if o.Email == u.Email {
			return qa.Errorf(qa.ErrConflict, "user %s", u.Email)
		}
	}
	u.ID = f.id()
	cp := *u
	f.users[u.ID] = &cp
	return nil
}

func (f *fakeStore) User(_ context.Context, id int64) (*qa.User, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	u, ok := f.users[id]
	if !ok {
		return nil, qa.Errorf(qa.ErrNotFound, "user %d", id)
	}
	cp := *u
	return &cp, nil
}

func (f *fakeStore) UserByEmail(_ context.Context, email string) (*qa.User, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, u := range f.users {
		if u.Email == email {
			cp := *u
			return &cp, nil
		}
	}
	return nil, qa.Errorf(qa.ErrNotFound, "user %s", email)
}

func (f *fakeStore) Users(context.Context) ([]qa.User, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []qa.User
	for id := int64(1); id <= f.nextID; id++ {
		if u, ok := f.users[id]; ok {
			out = append(out, *u)
		}
	}
	return out, nil
}

func (f *fakeStore) CreateSession(_ context.Context, s qa.Session) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.sessions[s.Token] = s
	return nil
}

func (f *fakeStore) Session(_ context.Context, token string) (*qa.Session, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	s, ok := f.sessions[token]
	if !ok {
		return nil, qa.Errorf(qa.ErrNotFound, "session")
	}
	return &s, nil
}

func (f *fakeStore) DeleteSession(_ context.Context, token string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.sessions, token)
	return nil
}

func (f *fakeStore) CreateAPIToken(_ context.Context, t *qa.APIToken) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	t.ID = f.id()
	f.tokens[t.Hash] = *t
	return nil
}

func (f *fakeStore) APITokenByHash(_ context.Context, hash string) (*qa.APIToken, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	t, ok := f.tokens[hash]
	if !ok {
		return nil, qa.Errorf(qa.ErrNotFound, "token")
	}
	return &t, nil
}

func (f *fakeStore) SaveReview(_ context.Context, r *qa.Review) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if r.ID == 0 {
		r.ID = f.id()
	}
	cp := *r
	f.reviews[r.ID] = &cp
	return nil
}

func (f *fakeStore) Review(_ context.Context, id int64) (*qa.Review, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	r, ok := f.reviews[id]
	if !ok {
		return nil, qa.Errorf(qa.ErrNotFound, "review %d", id)
	}
	cp := *r
	return &cp, nil
}

func (f *fakeStore) ReviewsByScorecard(_ context.Context, id int64) ([]qa.Review, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []qa.Review
	for rid := int64(1); rid <= f.nextID; rid++ {
		if r, ok := f.reviews[rid]; ok && r.ScorecardID == id {
			out = append(out, *r)
		}
	}
	return out, nil
}

func (f *fakeStore) Assign(context.Context, int64, qa.SamplingRule, int) ([]qa.Assignment, error) {
	return nil, nil
}
func (f *fakeStore) Assignments(_ context.Context, reviewer int64, _ bool) ([]qa.Assignment, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []qa.Assignment
	for _, a := range f.assignments {
		if a.ReviewerID == reviewer && a.DoneAt == nil {
			out = append(out, a)
		}
	}
	return out, nil
}
func (f *fakeStore) CompleteAssignment(_ context.Context, id int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := range f.assignments {
		if f.assignments[i].ID == id {
			now := f.assignments[i].AssignedAt
			f.assignments[i].DoneAt = &now
		}
	}
	return nil
}

func (f *fakeStore) CreateDispute(_ context.Context, d *qa.Dispute) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	d.ID = f.id()
	if d.Result == "" {
		d.Result = "pass"
	}
	cp := *d
	f.disputes[d.ID] = &cp
	return nil
}
func (f *fakeStore) Dispute(_ context.Context, id int64) (*qa.Dispute, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	d, ok := f.disputes[id]
	if !ok {
		return nil, qa.Errorf(qa.ErrNotFound, "dispute %d", id)
	}
	cp := *d
	return &cp, nil
}

// ResolveDispute resolves an open dispute; accepting it changes the review's item as the
// store does (the statistics are the real store's business, tested there).
func (f *fakeStore) ResolveDispute(_ context.Context, id int64, res qa.DisputeResolution) (*qa.Dispute, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	d, ok := f.disputes[id]
	if !ok {
		return nil, qa.Errorf(qa.ErrNotFound, "dispute %d", id)
	}
	if d.Status != "open" {
		return nil, qa.Errorf(qa.ErrConflict, "dispute %d", id)
	}
	d.Status, d.Resolution, d.ResolverID = "rejected", res.Resolution, res.By
	if res.Accepted {
		d.Status = "accepted"
		if res.Result != "" {
			d.Result = res.Result
		}
		r := f.reviews[d.ReviewID]
		for i := range r.Items {
			if r.Items[i].ItemID == d.ItemID {
				r.Items[i].Result = d.Result
			}
		}
	}
	cp := *d
	return &cp, nil
}
func (f *fakeStore) Disputes(_ context.Context, flt qa.Filter, status string) ([]qa.Dispute, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []qa.Dispute
	for _, d := range f.disputes {
		if (status == "" || d.Status == status) && (len(flt.AgentIDs) == 0 || slices.Contains(flt.AgentIDs, d.AgentID)) {
			out = append(out, *d)
		}
	}
	return out, nil
}

func (f *fakeStore) CreateCoachingNote(_ context.Context, n *qa.CoachingNote) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	n.ID = f.id()
	return nil
}
func (f *fakeStore) AcknowledgeCoachingNote(context.Context, int64, string) error { return nil }
func (f *fakeStore) CoachingNotes(context.Context, string) ([]qa.CoachingNote, error) {
	return nil, nil
}

func (f *fakeStore) CreateCalibration(_ context.Context, c *qa.Calibration) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	c.ID = f.id()
	cp := *c
	f.calibrations[c.ID] = &cp
	return nil
}
func (f *fakeStore) Calibration(_ context.Context, id int64) (*qa.Calibration, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	c, ok := f.calibrations[id]
	if !ok {
		return nil, qa.Errorf(qa.ErrNotFound, "calibration %d", id)
	}
	cp := *c
	return &cp, nil
}
func (f *fakeStore) RevealCalibration(_ context.Context, id int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	c, ok := f.calibrations[id]
	if !ok {
		return qa.Errorf(qa.ErrNotFound, "calibration %d", id)
	}
	now := c.CreatedAt
	c.RevealedAt = &now
	return nil
}

func (f *fakeStore) Audit(_ context.Context, e qa.AuditEntry) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.audit = append(f.audit, e)
	return nil
}
func (f *fakeStore) AuditTrail(_ context.Context, object string) ([]qa.AuditEntry, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []qa.AuditEntry
	for _, e := range f.audit {
		if e.Object == object {
			out = append(out, e)
		}
	}
	return out, nil
}

func (f *fakeStore) Ping(context.Context) error { return f.pingErr }

// addCard stores a scorecard of agentID in team with two items.
func (f *fakeStore) addCard(agentID, team string) *qa.StoredScorecard {
	f.mu.Lock()
	defer f.mu.Unlock()
	sc := &qa.StoredScorecard{ID: f.id(), Team: team, Card: rubric.Scorecard{
		ConversationID: "c", Rubric: rubric.RubricRef{ID: "standard", Version: 1},
		Agents: []rubric.AgentScore{{AgentID: agentID, Score: 50}},
		Items: []rubric.ItemResult{
			{ID: "greeting", Result: "pass", Points: 10, MaxPoints: 10},
			{ID: "closing", Result: "fail", Points: 0, MaxPoints: 10},
		},
	}}
	f.cards[sc.ID] = sc
	return sc
}
