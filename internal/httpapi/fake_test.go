package httpapi

import (
	"context"
	"slices"
	"sync"

	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// fakeStore is an in-memory store for handler tests: enough behaviour for the flows under
// test (sign-in, ingestion, scoping, reviews), trivial answers elsewhere.
type fakeStore struct {
	mu           sync.Mutex
	users        map[int64]*qa.User
	sessions     map[string]qa.Session
	tokens       map[string]qa.APIToken // by hash
	convKeys     map[string]int64       // source/id → key
	convs        map[int64]*qa.StoredConversation
	cards        map[int64]*qa.StoredScorecard
	reviews      map[int64]*qa.Review
	disputes     map[int64]*qa.Dispute
	calibrations map[int64]*qa.Calibration
	assignments  []qa.Assignment
	audit        []qa.AuditEntry
	rubrics      []qa.RubricVersion
	nextID       int64
	upserts      int // calls of UpsertConversations
	// refuse makes UpsertConversations refuse a batch containing a conversation with this id
	// (like a database constraint), with qa.ErrInvalid.
	refuse  string
	pingErr error
}

func newFakeStore() *fakeStore {
	return &fakeStore{
		users: map[int64]*qa.User{}, sessions: map[string]qa.Session{}, tokens: map[string]qa.APIToken{},
		convKeys: map[string]int64{}, convs: map[int64]*qa.StoredConversation{}, cards: map[int64]*qa.StoredScorecard{},
		reviews: map[int64]*qa.Review{}, disputes: map[int64]*qa.Dispute{}, calibrations: map[int64]*qa.Calibration{},
	}
}

func storesOf(f *fakeStore) Stores {
	return Stores{Conversations: f, Scorecards: f, Stats: f, Rubrics: f, Checklists: f, Users: f, Sessions: f,
		Tokens: f, Reviews: f, Assignments: f, Disputes: f, Coaching: f, Calibrations: f, Audit: f, Health: f}
}

func (f *fakeStore) id() int64 { f.nextID++; return f.nextID }

func (f *fakeStore) UpsertConversations(_ context.Context, convs []*transcript.Conversation) (int, int, []int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.upserts++
	for _, c := range convs {
		if f.refuse != "" && c.ID == f.refuse {
			return 0, 0, nil, qa.Errorf(qa.ErrInvalid, "conversation %q: team too long", c.ID)
		}
	}
	var accepted, updated int
	var keys []int64
	for _, c := range convs {
		k, ok := f.convKeys[c.Source+"/"+c.ID]
		if ok {
			updated++
		} else {
			k = f.id()
			f.convKeys[c.Source+"/"+c.ID] = k
			accepted++
		}
		team := ""
		if len(c.Agents) > 0 {
			team = c.Agents[0].Team
		}
		f.convs[k] = &qa.StoredConversation{Key: k, Source: c.Source, Conv: c, Team: team}
		keys = append(keys, k)
	}
	return accepted, updated, keys, nil
}

func (f *fakeStore) Conversation(_ context.Context, key int64) (*qa.StoredConversation, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	c, ok := f.convs[key]
	if !ok {
		return nil, qa.Errorf(qa.ErrNotFound, "conversation %d", key)
	}
	return c, nil
}

// matches applies the scoping part of a filter, as the real store does.
func matches(f qa.Filter, agents []string, team string) bool {
	if len(f.AgentIDs) > 0 && !slices.ContainsFunc(agents, func(a string) bool { return slices.Contains(f.AgentIDs, a) }) {
		return false
	}
	if len(f.Teams) > 0 && !slices.Contains(f.Teams, team) {
		return false
	}
	return f.AgentID == "" || slices.Contains(agents, f.AgentID)
}

func (f *fakeStore) Conversations(_ context.Context, flt qa.Filter) ([]qa.StoredConversation, int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []qa.StoredConversation
	for k := int64(1); k <= f.nextID; k++ {
		c, ok := f.convs[k]
		if !ok {
			continue
		}
		var agents []string
		for _, a := range c.Conv.Agents {
			agents = append(agents, a.ID)
		}
		if matches(flt, agents, c.Team) {
			out = append(out, *c)
		}
	}
	return out, len(out), nil
}

// ConversationKeys pages through every stored conversation (applies_to is not checked).
func (f *fakeStore) ConversationKeys(_ context.Context, _ rubric.AppliesTo, after int64, limit int) ([]int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []int64
	for k := after + 1; k <= f.nextID && len(out) < limit; k++ {
		if _, ok := f.convs[k]; ok {
			out = append(out, k)
		}
	}
	return out, nil
}

func (f *fakeStore) Scorecard(_ context.Context, id int64) (*qa.StoredScorecard, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	sc, ok := f.cards[id]
	if !ok {
		return nil, qa.Errorf(qa.ErrNotFound, "scorecard %d", id)
	}
	return sc, nil
}

func (f *fakeStore) ScorecardsByConversation(context.Context, int64) ([]qa.StoredScorecard, error) {
	return nil, nil
}

func (f *fakeStore) Scorecards(_ context.Context, flt qa.Filter) ([]qa.StoredScorecard, int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []qa.StoredScorecard
	for id := int64(1); id <= f.nextID; id++ {
		sc, ok := f.cards[id]
		if !ok {
			continue
		}
		var agents []string
		for _, a := range sc.Card.Agents {
			agents = append(agents, a.AgentID)
		}
		if matches(flt, agents, sc.Team) {
			out = append(out, *sc)
		}
	}
	return out, len(out), nil
}

func (f *fakeStore) AgentStats(context.Context, qa.Filter) ([]qa.AgentStats, error) { return nil, nil }
func (f *fakeStore) TeamStats(context.Context, qa.Filter) ([]qa.AgentStats, error)  { return nil, nil }

func (f *fakeStore) PublishRubric(_ context.Context, r *rubric.Rubric, yaml string, by int64) (qa.RubricVersion, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	rv := qa.RubricVersion{RubricID: r.ID, Version: len(f.rubrics) + 1, YAML: yaml, PublishedBy: by, Active: true}
	f.rubrics = append(f.rubrics, rv)
	return rv, nil
}
func (f *fakeStore) RubricVersions(context.Context, string) ([]qa.RubricVersion, error) {
	return nil, nil
}
func (f *fakeStore) ActiveRubrics(context.Context) ([]qa.RubricVersion, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.rubrics), nil
}
func (f *fakeStore) RescoreProgress(_ context.Context, id string, v int) (qa.RescoreProgress, error) {
	return qa.RescoreProgress{RubricID: id, Version: v}, nil
}

func (f *fakeStore) PublishChecklist(_ context.Context, path, yaml string, by int64) (qa.ChecklistVersion, error) {
	return qa.ChecklistVersion{Path: path, Version: 1, YAML: yaml, PublishedBy: by}, nil
}
func (f *fakeStore) Checklists(context.Context) ([]qa.ChecklistVersion, error) { return nil, nil }
func (f *fakeStore) ChecklistVersions(context.Context, string) ([]qa.ChecklistVersion, error) {
	return nil, nil
}
