package jobs

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"
)

// RiverLedger is where a RiverQueue records its jobs for re-scoring progress (the store's
// score_jobs table); River keeps the jobs themselves in its own tables.
type RiverLedger interface {
	// RecordScoreJobs records jobs as pending unless already recorded.
	RecordScoreJobs(ctx context.Context, keys []int64, rubricID string, version int) error
	// FinishScoreJob (owner "") marks a job done (failure "") or failed, creating the record
	// when missing.
	FinishScoreJob(ctx context.Context, convKey int64, ref rubric.RubricRef, owner, failure string) error
}

// RiverConfig tunes a RiverQueue; zero fields take the defaults.
type RiverConfig struct {
	Workers              int           // concurrent jobs in this process (DefaultRiverWorkers)
	MaxAttempts          int           // attempts before a job is discarded (DefaultMaxAttempts)
	FetchCooldown        time.Duration // shortest time between two fetches of jobs (DefaultFetchCooldown; at most FetchPollInterval)
	FetchPollInterval    time.Duration // fallback poll when no insert notification arrives (River: 1s)
	RescueStuckJobsAfter time.Duration // when a job left running by a dead process runs again (River: 1h)
	JobTimeout           time.Duration // longest a job may run (River: 1 min)
}

func (c RiverConfig) withDefaults() RiverConfig {
	if c.Workers <= 0 {
		c.Workers = DefaultRiverWorkers
	}
	if c.MaxAttempts <= 0 {
		c.MaxAttempts = DefaultMaxAttempts
	}
	if c.FetchCooldown <= 0 {
		c.FetchCooldown = DefaultFetchCooldown
		if c.FetchPollInterval > 0 {
			c.FetchCooldown = min(c.FetchCooldown, c.FetchPollInterval) // River refuses a longer cooldown
		}
	}
	return c
}

// RiverQueue is the queue for PostgreSQL: River's job table, shared by every process on the
// database. A job left running by a process that died is rescued by River's leader after
// RescueStuckJobsAfter.
type RiverQueue struct {
	pool   *pgxpool.Pool
	client *river.Client[pgx.Tx]
	ledger RiverLedger
	log    *slog.Logger
}

var _ Queue = (*RiverQueue)(nil)

// MigrateRiver applies River's own migrations (its job tables, versioned by River in
// river_migration) to a PostgreSQL database and returns how many it applied. `qa migrate` runs
// it after the store's migrations; NewRiverQueue runs it too.
func MigrateRiver(ctx context.Context, dsn string, log *slog.Logger) (int, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return 0, fmt.Errorf("river migrate: connect: %w", err)
	}
	defer pool.Close()
	return migrateRiver(ctx, pool, log)
}

func migrateRiver(ctx context.Context, pool *pgxpool.Pool, log *slog.Logger) (int, error) {
	m, err := rivermigrate.New(riverpgxv5.New(pool), &rivermigrate.Config{Logger: log})
	if err != nil {
		return 0, fmt.Errorf("river migrate: %w", err)
	}
	res, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil)
	if err != nil {
		return 0, fmt.Errorf("river migrate: %w", err)
	}
	return len(res.Versions), nil
}

// NewRiverQueue connects to PostgreSQL, migrates River's tables and returns a queue whose
// workers run work. Stop closes its connections.
func NewRiverQueue(ctx context.Context, dsn string, ledger RiverLedger, work Worker, cfg RiverConfig, log *slog.Logger) (*RiverQueue, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("river queue: connect: %w", err)
	}
	q, err := newRiverQueue(ctx, pool, ledger, work, cfg, log)
	if err != nil {
		pool.Close()
		return nil, err
	}
	return q, nil
}

func newRiverQueue(ctx context.Context, pool *pgxpool.Pool, ledger RiverLedger, work Worker, cfg RiverConfig, log *slog.Logger) (*RiverQueue, error) {
	if _, err := migrateRiver(ctx, pool, log); err != nil {
		return nil, err
	}
	workers := river.NewWorkers()
	if err := river.AddWorkerSafely(workers, &scoreWorker{work: work, ledger: ledger, log: log}); err != nil {
		return nil, fmt.Errorf("river queue: %w", err)
	}
	cfg = cfg.withDefaults()
	client, err := river.NewClient(riverpgxv5.New(pool), &river.Config{
		Queues:               map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: cfg.Workers}},
		Workers:              workers,
		MaxAttempts:          cfg.MaxAttempts,
		FetchCooldown:        cfg.FetchCooldown,
		FetchPollInterval:    cfg.FetchPollInterval,
		RescueStuckJobsAfter: cfg.RescueStuckJobsAfter,
		JobTimeout:           cfg.JobTimeout,
		Logger:               log,
	})
	if err != nil {
		return nil, fmt.Errorf("river queue: %w", err)
	}
	return &RiverQueue{pool: pool, client: client, ledger: ledger, log: log}, nil
}

// riverBatch is how many jobs one insert writes.
const riverBatch = 1000

// Enqueue inserts River jobs, then records them in the ledger. Recording second means a job
// that finishes at once is never set back to pending; a crash between the two loses no job,
// and the job records itself when it finishes.
func (q *RiverQueue) Enqueue(ctx context.Context, convKeys []int64, rubricID string, version int) error {
	keys := slices.Compact(slices.Sorted(slices.Values(convKeys)))
	for batch := range slices.Chunk(keys, riverBatch) {
		params := make([]river.InsertManyParams, len(batch))
		for i, k := range batch {
			params[i] = river.InsertManyParams{Args: ScoreArgs{ConversationKey: k, RubricID: rubricID, Version: version}}
		}
		if _, err := q.client.InsertMany(ctx, params); err != nil {
			return fmt.Errorf("enqueue %d jobs for %s@%d: %w", len(batch), rubricID, version, err)
		}
		if err := q.ledger.RecordScoreJobs(ctx, batch, rubricID, version); err != nil {
			return fmt.Errorf("enqueue: %w", err)
		}
	}
	return nil
}

// Start starts River's workers (and, in one process on the database, its maintenance).
func (q *RiverQueue) Start(ctx context.Context) error {
	if err := q.client.Start(ctx); err != nil {
		return fmt.Errorf("river queue: start: %w", err)
	}
	q.log.InfoContext(ctx, "scoring queue started", slog.String("queue", "river"))
	return nil
}

// Stop waits for running jobs until ctx is done, then cancels them (River runs them again),
// and closes the connections.
func (q *RiverQueue) Stop(ctx context.Context) error {
	defer q.pool.Close()
	if err := q.client.Stop(ctx); err != nil {
		hard, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		if err := q.client.StopAndCancel(hard); err != nil {
			return fmt.Errorf("river queue: stop: %w", err)
		}
		return fmt.Errorf("river queue: stop: %w", err)
	}
	return nil
}

// scoreWorker runs a scoring job under River and records its end in the ledger.
type scoreWorker struct {
	river.WorkerDefaults[ScoreArgs]
	work   Worker
	ledger RiverLedger
	log    *slog.Logger
}

// Work scores; a permanent failure cancels the job, others are retried by River until the
// last attempt.
func (w *scoreWorker) Work(ctx context.Context, job *river.Job[ScoreArgs]) error {
	a := job.Args
	ref := rubric.RubricRef{ID: a.RubricID, Version: a.Version}
	err := w.work.Score(ctx, a.ConversationKey, a.RubricID, a.Version)
	switch {
	case err == nil:
		return w.ledger.FinishScoreJob(ctx, a.ConversationKey, ref, "", "")
	case ctx.Err() != nil:
		return err // stopping: River runs it again
	case permanent(err) || job.Attempt >= job.MaxAttempts:
		w.log.ErrorContext(ctx, "scoring job failed", slog.Int64("conversation", a.ConversationKey), slog.String("rubric", a.RubricID),
			slog.Int("version", a.Version), slog.Int("attempt", job.Attempt), slog.Any("error", err))
		if ferr := w.ledger.FinishScoreJob(ctx, a.ConversationKey, ref, "", err.Error()); ferr != nil {
			return ferr
		}
		return river.JobCancel(err)
	}
	return err
}
