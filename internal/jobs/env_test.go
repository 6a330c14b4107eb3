package jobs_test

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/jobs"
	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
	"github.com/qa-scorer/qa-scorer/internal/store"
	"github.com/qa-scorer/qa-scorer/internal/store/storetest"
	"github.com/qa-scorer/qa-scorer/internal/textproc"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// env is a migrated store with the standard rubric published and conversations stored.
type env struct {
	dialect string
	dsn     string
	store   *store.Store
	scorer  *rubric.Scorer
	keys    []int64
	version qa.RubricVersion
}

// newEnv opens a fresh database of a dialect with n conversations of agent a-1.
func newEnv(t *testing.T, dialect string, n int) *env {
	t.Helper()
	ctx := context.Background()
	dsn := storetest.DSN(t, dialect)
	s := storetest.Open(t, dsn)
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	yaml, err := os.ReadFile("../../rubrics/standard.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := rubric.Parse(yaml, "standard.yaml")
	if err != nil {
		t.Fatal(err)
	}
	v, err := s.PublishRubric(ctx, r, string(yaml), 1)
	if err != nil {
		t.Fatal(err)
	}
	convs := make([]*transcript.Conversation, n)
	for i := range convs {
		convs[i] = conversation(fmt.Sprintf("c-%03d", i))
	}
	var keys []int64
	if n > 0 {
		if _, _, keys, err = s.UpsertConversations(ctx, convs); err != nil {
			t.Fatal(err)
		}
	}
	return &env{dialect: dialect, dsn: dsn, store: s, scorer: newScorer(t), keys: keys, version: v}
}

func newScorer(t *testing.T) *rubric.Scorer {
	t.Helper()
	an, err := textproc.NewAnalyzer(textproc.Options{})
	if err != nil {
		t.Fatal(err)
	}
	k, err := rubric.LoadChecklists(os.DirFS("../../checklists"), an)
	if err != nil {
		t.Fatal(err)
	}
	return rubric.NewScorer(an, k)
}

// conversation is a short English chat with agent a-1 of team l1-en.
func conversation(id string) *transcript.Conversation {
	start := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	at := func(s int) *time.Time { t := start.Add(time.Duration(s) * time.Second); return &t }
	return &transcript.Conversation{
		ID: id, Channel: transcript.ChannelChat, Language: "en", StartedAt: at(0),
		Customer: &transcript.Customer{Name: "Anna", Timezone: "Europe/London"},
		Agents:   []transcript.Agent{{ID: "a-1", Team: "l1-en"}},
		Turns: []transcript.Turn{
			{Speaker: transcript.SpeakerCustomer, Text: "Hi, where is my order 5531?", At: at(0)},
			{Speaker: transcript.SpeakerAgent, Text: "Good morning Anna! Let me check that for you.", At: at(30)},
			{Speaker: transcript.SpeakerAgent, Text: "It ships tomorrow. Is there anything else I can help with?", At: at(90)},
			{Speaker: transcript.SpeakerCustomer, Text: "No, thanks!", At: at(120)},
			{Speaker: transcript.SpeakerAgent, Text: "Have a great day, goodbye!", At: at(130)},
		},
	}
}

// queue returns the dialect's queue running work: the table queue on SQLite, River on
// PostgreSQL. now is the table queue's clock (nil for time.Now).
func (e *env) queue(t *testing.T, work jobs.Worker, now func() time.Time) jobs.Queue {
	t.Helper()
	if e.dialect == store.DialectSQLite {
		return jobs.NewTableQueue(e.store, work, jobs.TableConfig{Workers: 2, PollInterval: 50 * time.Millisecond, Now: now}, nil)
	}
	q, err := jobs.NewRiverQueue(context.Background(), e.dsn, e.store, work,
		jobs.RiverConfig{Workers: 2, FetchPollInterval: 100 * time.Millisecond}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t *testing.T, what string, timeout time.Duration, cond func() (bool, error)) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		ok, err := cond()
		if err != nil {
			t.Fatalf("waiting for %s: %v", what, err)
		}
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", timeout, what)
		}
		time.Sleep(20 * time.Millisecond) // polling interval, not a timing assumption
	}
}

// waitDone waits until every job of the version is done or failed.
func (e *env) waitDone(t *testing.T, version int) qa.RescoreProgress {
	t.Helper()
	var p qa.RescoreProgress
	waitFor(t, "every job to finish", 90*time.Second, func() (bool, error) {
		var err error
		p, err = e.store.RescoreProgress(context.Background(), "standard", version)
		return err == nil && p.Total > 0 && p.Done+p.Failed == p.Total, err
	})
	return p
}

// countingWorker counts the jobs a worker finished without error, per conversation.
type countingWorker struct {
	next jobs.Worker
	mu   sync.Mutex
	runs map[int64]int
}

func (w *countingWorker) Score(ctx context.Context, key int64, rubricID string, version int) error {
	err := w.next.Score(ctx, key, rubricID, version)
	if err == nil {
		w.mu.Lock()
		w.runs[key]++
		w.mu.Unlock()
	}
	return err
}

func (w *countingWorker) total() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	n := 0
	for _, c := range w.runs {
		n += c
	}
	return n
}
