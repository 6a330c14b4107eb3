package jobs_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/jobs"
	"github.com/qa-scorer/qa-scorer/internal/store"
)

// waitingWorker stands for a scoring job that spends its time waiting on the database.
type waitingWorker struct {
	wait time.Duration
	done atomic.Int64
}

func (w *waitingWorker) Score(ctx context.Context, _ int64, _ string, _ int) error {
	select {
	case <-time.After(w.wait):
		w.done.Add(1)
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// TestRiverDefaultConfiguration runs 400 jobs of 5 ms each on a River queue with the default
// configuration and checks every one is done. The rate is logged, not asserted (speed is
// measured by scripts/load.sh, docs/performance.md "Worker count and fetch cooldown"): the
// former 2 workers and 100 ms cooldown made 20 jobs/s here (20 s), the defaults under a second.
func TestRiverDefaultConfiguration(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t, store.DialectPostgres, 0)
	const n = 400
	keys := make([]int64, n)
	for i := range keys {
		keys[i] = int64(i + 1)
	}
	work := &waitingWorker{wait: 5 * time.Millisecond}
	q, err := jobs.NewRiverQueue(ctx, e.dsn, e.store, work, jobs.RiverConfig{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := q.Enqueue(ctx, keys, "standard", e.version.Version); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if err := q.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := q.Stop(ctx); err != nil {
			t.Error(err)
		}
	}()
	if p := e.waitDone(t, e.version.Version); p.Done != n {
		t.Fatalf("progress %+v, want %d done", p, n)
	}
	if got := work.done.Load(); got != n {
		t.Errorf("the worker ran %d jobs, want %d", got, n)
	}
	took := time.Since(start)
	t.Logf("%d jobs of %s in %s: %.0f jobs/s", n, work.wait, took.Round(time.Millisecond), n/took.Seconds())
}
