package jobs

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
)

// Ledger is the job table a TableQueue runs on (the store's score_jobs table).
type Ledger interface {
	// EnqueueScoreJobs makes jobs pending, also ones that ran before.
	EnqueueScoreJobs(ctx context.Context, keys []int64, rubricID string, version int) error
	// ClaimScoreJob gives the next due job to owner until now+lease; qa.ErrNotFound when none.
	ClaimScoreJob(ctx context.Context, owner string, now time.Time, lease time.Duration) (int64, rubric.RubricRef, int, error)
	// FinishScoreJob marks owner's job done (failure "") or failed.
	FinishScoreJob(ctx context.Context, convKey int64, ref rubric.RubricRef, owner, failure string) error
	// ReleaseScoreJob makes owner's job pending again from a time on.
	ReleaseScoreJob(ctx context.Context, convKey int64, ref rubric.RubricRef, owner, failure string, at time.Time) error
}

// TableConfig tunes a TableQueue; zero fields take the defaults.
type TableConfig struct {
	Workers      int              // concurrent jobs (DefaultTableWorkers)
	MaxAttempts  int              // attempts before a job fails (DefaultMaxAttempts)
	PollInterval time.Duration    // how often idle workers look for due jobs (1s); Enqueue wakes them at once
	Lease        time.Duration    // how long a claim lasts before another worker may take the job (5 min)
	Now          func() time.Time // the clock (time.Now)
}

func (c TableConfig) withDefaults() TableConfig {
	if c.Workers <= 0 {
		c.Workers = DefaultTableWorkers
	}
	if c.MaxAttempts <= 0 {
		c.MaxAttempts = DefaultMaxAttempts
	}
	if c.PollInterval <= 0 {
		c.PollInterval = time.Second
	}
	if c.Lease <= 0 {
		c.Lease = 5 * time.Minute
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	return c
}

// TableQueue is the queue for SQLite: jobs are rows of the ledger, claimed with a lease by a
// pool of workers in this process. A worker that dies (the process crashed) leaves its job
// claimed until the lease runs out; then another worker takes it.
type TableQueue struct {
	ledger Ledger
	work   Worker
	cfg    TableConfig
	log    *slog.Logger
	id     string
	wake   chan struct{}

	mu      sync.Mutex
	started bool
	stop    chan struct{}      // closed by Stop: take no more jobs
	cancel  context.CancelFunc // cancels the running jobs
	wg      sync.WaitGroup
}

var _ Queue = (*TableQueue)(nil)

// NewTableQueue returns a queue on a ledger that runs jobs with a worker.
func NewTableQueue(ledger Ledger, work Worker, cfg TableConfig, log *slog.Logger) *TableQueue {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	cfg = cfg.withDefaults()
	host, _ := os.Hostname() // only part of a worker's name; empty is fine
	return &TableQueue{ledger: ledger, work: work, cfg: cfg, log: log,
		id:   fmt.Sprintf("%s-%d-%s", host, os.Getpid(), randomID()),
		wake: make(chan struct{}, cfg.Workers), stop: make(chan struct{})}
}

func randomID() string {
	b := make([]byte, 4)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	return hex.EncodeToString(b)
}

// Enqueue stores pending jobs and wakes idle workers.
func (q *TableQueue) Enqueue(ctx context.Context, convKeys []int64, rubricID string, version int) error {
	if err := q.ledger.EnqueueScoreJobs(ctx, convKeys, rubricID, version); err != nil {
		return fmt.Errorf("enqueue: %w", err)
	}
	for range q.cfg.Workers {
		select {
		case q.wake <- struct{}{}:
		default:
		}
	}
	return nil
}

// Start starts the workers; they run until ctx is done or Stop is called.
func (q *TableQueue) Start(ctx context.Context) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.started {
		return errors.New("table queue: already started")
	}
	q.started = true
	runCtx, cancel := context.WithCancel(ctx)
	q.cancel = cancel
	for i := range q.cfg.Workers {
		q.wg.Add(1)
		go func() {
			defer q.wg.Done()
			q.loop(runCtx, fmt.Sprintf("%s/%d", q.id, i))
		}()
	}
	q.log.InfoContext(ctx, "scoring queue started", slog.String("queue", "table"), slog.Int("workers", q.cfg.Workers))
	return nil
}

// Stop takes no more jobs and waits for the running ones until ctx is done; then it cancels
// them, and their jobs are released to run again.
func (q *TableQueue) Stop(ctx context.Context) error {
	q.mu.Lock()
	select {
	case <-q.stop:
	default:
		close(q.stop)
	}
	cancel := q.cancel
	q.mu.Unlock()
	done := make(chan struct{})
	go func() {
		q.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-ctx.Done():
		if cancel != nil {
			cancel()
		}
		<-done
		return fmt.Errorf("table queue: stop: %w", ctx.Err())
	}
	if cancel != nil {
		cancel()
	}
	return nil
}

// loop is one worker: claim a due job, run it, repeat; wait when nothing is due.
func (q *TableQueue) loop(ctx context.Context, owner string) {
	for {
		select {
		case <-q.stop:
			return
		case <-ctx.Done():
			return
		default:
		}
		key, ref, attempt, err := q.ledger.ClaimScoreJob(ctx, owner, q.cfg.Now(), q.cfg.Lease)
		if err == nil {
			q.run(ctx, owner, key, ref, attempt)
			continue
		}
		if !errors.Is(err, qa.ErrNotFound) && ctx.Err() == nil {
			q.log.ErrorContext(ctx, "claim scoring job", slog.String("worker", owner), slog.Any("error", err))
		}
		select {
		case <-q.stop:
			return
		case <-ctx.Done():
			return
		case <-q.wake:
		case <-time.After(q.cfg.PollInterval):
		}
	}
}

// run runs one claimed job and records how it ended: done, failed for good, or released to
// run again (after a backoff, or at once when it was interrupted by a stop).
func (q *TableQueue) run(ctx context.Context, owner string, key int64, ref rubric.RubricRef, attempt int) {
	err := q.work.Score(ctx, key, ref.ID, ref.Version)
	// Bookkeeping must happen even when ctx was cancelled by a stop.
	bctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	var berr error
	switch {
	case err == nil:
		berr = q.ledger.FinishScoreJob(bctx, key, ref, owner, "")
	case ctx.Err() != nil:
		berr = q.ledger.ReleaseScoreJob(bctx, key, ref, owner, "interrupted: "+err.Error(), q.cfg.Now())
	case permanent(err) || attempt >= q.cfg.MaxAttempts:
		q.log.ErrorContext(ctx, "scoring job failed", slog.Int64("conversation", key), slog.String("rubric", ref.ID),
			slog.Int("version", ref.Version), slog.Int("attempt", attempt), slog.Any("error", err))
		berr = q.ledger.FinishScoreJob(bctx, key, ref, owner, err.Error())
	default:
		q.log.WarnContext(ctx, "scoring job will retry", slog.Int64("conversation", key), slog.String("rubric", ref.ID),
			slog.Int("version", ref.Version), slog.Int("attempt", attempt), slog.Any("error", err))
		berr = q.ledger.ReleaseScoreJob(bctx, key, ref, owner, err.Error(), q.cfg.Now().Add(backoff(attempt)))
	}
	if berr != nil {
		// The claim stays until its lease ends; then the job runs again, idempotently.
		q.log.ErrorContext(ctx, "record scoring job", slog.Int64("conversation", key), slog.Any("error", berr))
	}
}
