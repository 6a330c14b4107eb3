package jobs_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/jobs"
	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/store"
	"github.com/qa-scorer/qa-scorer/internal/store/storetest"
)

// stallingWorker scores the first `after` jobs, then holds every further job until its
// context is cancelled, like a process stopped in the middle of scoring.
type stallingWorker struct {
	next    jobs.Worker
	after   int64
	done    atomic.Int64
	stalled chan struct{}
}

func (w *stallingWorker) Score(ctx context.Context, key int64, rubricID string, version int) error {
	if w.done.Load() >= w.after {
		select {
		case w.stalled <- struct{}{}:
		default:
		}
		<-ctx.Done()
		return ctx.Err()
	}
	if err := w.next.Score(ctx, key, rubricID, version); err != nil {
		return err
	}
	w.done.Add(1)
	return nil
}

// TestRestartDuringScoring stops the queue while it is scoring, then starts a new one: every
// job is done in the end, and each conversation has exactly one scorecard with one agent share
// (no job done twice in effect). On SQLite a worker that died holding a claim is also
// recovered once its lease is over; on PostgreSQL the queue is River.
func TestRestartDuringScoring(t *testing.T) {
	for _, dialect := range storetest.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			const n = 24
			e := newEnv(t, dialect, n)
			handler := jobs.NewHandler(e.store, jobs.Fixed(e.scorer), nil)

			first := &stallingWorker{next: handler, after: 8, stalled: make(chan struct{}, 1)}
			q1 := e.queue(t, first, nil)
			if err := q1.Enqueue(ctx, e.keys, "standard", e.version.Version); err != nil {
				t.Fatal(err)
			}
			if err := q1.Start(ctx); err != nil {
				t.Fatal(err)
			}
			select {
			case <-first.stalled:
			case <-time.After(60 * time.Second):
				t.Fatal("the first queue never reached its stall")
			}
			stopCtx, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
			err := q1.Stop(stopCtx) // the stalled jobs never finish: they are cancelled
			cancel()
			if err == nil {
				t.Log("stop returned nil: every running job had finished")
			}
			if p, _ := e.store.RescoreProgress(ctx, "standard", e.version.Version); p.Done >= n {
				t.Fatalf("all %d jobs done before the restart: the test proves nothing", p.Done)
			}

			later := time.Now
			if dialect == store.DialectSQLite {
				// A worker of a crashed process holds a job: it is taken over after its lease.
				if _, _, _, err := e.store.ClaimScoreJob(ctx, "dead-worker", time.Now(), time.Minute); err != nil && !errors.Is(err, qa.ErrNotFound) {
					t.Fatal(err)
				}
				later = func() time.Time { return time.Now().Add(2 * time.Minute) }
			}
			second := &countingWorker{next: handler, runs: map[int64]int{}}
			q2 := e.queue(t, second, later)
			if err := q2.Start(ctx); err != nil {
				t.Fatal(err)
			}
			p := e.waitDone(t, e.version.Version)
			if err := q2.Stop(ctx); err != nil {
				t.Fatal(err)
			}
			if p.Total != n || p.Done != n || p.Failed != 0 {
				t.Errorf("progress %+v; want %d done", p, n)
			}
			if got := first.done.Load() + int64(second.total()); got < n {
				t.Errorf("%d jobs ran to the end, want at least %d", got, n)
			}
			cards, total, err := e.store.Scorecards(ctx, qa.Filter{RubricID: "standard", Limit: 500})
			if err != nil || total != n {
				t.Fatalf("%d scorecards, %v; want %d", total, err, n)
			}
			seen := map[int64]bool{}
			for _, c := range cards {
				if seen[c.ConversationKey] {
					t.Errorf("conversation %d has two scorecards", c.ConversationKey)
				}
				seen[c.ConversationKey] = true
			}
			st, err := e.store.AgentStats(ctx, qa.Filter{})
			if err != nil || len(st) != 1 || st[0].Conversations != n {
				t.Errorf("agent stats %+v, %v; want one agent with %d conversations", st, err, n)
			}
		})
	}
}
