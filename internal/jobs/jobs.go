// Package jobs runs the durable scoring jobs of the QA server: a job scores one stored
// conversation with one rubric version and saves the scorecard. Jobs live in the database, so a
// restart resumes them, and saving is idempotent (one scorecard per conversation and rubric, an
// outdated result never replaces a fresher one), so a job that runs twice has the effect of
// running once.
//
// Two queues implement Queue: River on PostgreSQL (river.go), which several `qa serve` or
// `qa worker` processes share, and on SQLite a queue backed by the store's score_jobs table and
// polled by an in-process pool (table.go). Both run the same Worker, normally a *Handler
// (handler.go). EnqueueNew and Rescore (enqueue.go) decide which rubric versions score which
// conversations.
//
// The package depends on the store only through the small interfaces it declares
// (HandlerStore, Ledger, RiverLedger, KeyLister), which *store.Store satisfies.
package jobs

import (
	"context"
	"errors"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/qa"
)

// Queue runs scoring jobs durably.
type Queue interface {
	// Enqueue asks for each conversation to be scored with one rubric version. When it returns
	// nil the jobs are stored and survive a crash.
	Enqueue(ctx context.Context, convKeys []int64, rubricID string, version int) error
	// Start starts the workers and returns; they run until ctx is done or Stop is called.
	Start(ctx context.Context) error
	// Stop stops taking jobs and waits for the running ones to finish, until ctx is done; jobs
	// still running then are cancelled and run again later. A stopped queue cannot restart:
	// make a new one.
	Stop(ctx context.Context) error
}

// Worker scores one job: a conversation with a rubric version. *Handler is the real one.
type Worker interface {
	Score(ctx context.Context, convKey int64, rubricID string, version int) error
}

// ErrPermanent marks a job failure that running the job again cannot fix.
var ErrPermanent = errors.New("permanent failure")

// permanent reports whether a job error is final: the conversation or the rubric version does
// not exist, or they cannot be scored.
func permanent(err error) bool {
	return errors.Is(err, ErrPermanent) || errors.Is(err, qa.ErrNotFound) || errors.Is(err, qa.ErrInvalid)
}

// Defaults of the queues.
const (
	// DefaultTableWorkers is the SQLite queue's worker count. A worker claims its next job as
	// soon as it is free, scoring is CPU-bound and SQLite writes one transaction at a time:
	// about one worker per core.
	DefaultTableWorkers = 2
	// DefaultRiverWorkers is the River queue's worker count per process. A job spends most of
	// its time waiting on the database, and River hands a process at most as many jobs as it
	// has free workers, once per fetch cooldown: Workers / FetchCooldown bounds its throughput
	// whatever the CPU (2 workers and River's 100 ms made 20 jobs/s; docs/performance.md).
	DefaultRiverWorkers = 16
	// DefaultFetchCooldown is the shortest time between two River fetches: with
	// DefaultRiverWorkers, a ceiling of 800 jobs/s per process. Fetches only run while jobs
	// are waiting and workers are free, so an idle queue costs nothing more than with
	// River's 100 ms.
	DefaultFetchCooldown = 20 * time.Millisecond
	DefaultMaxAttempts   = 5
)

// backoff is how long a failed job waits before its next attempt: 2s, 4s, 8s, ... up to 10 min.
func backoff(attempt int) time.Duration {
	return min(time.Second<<min(max(attempt, 1), 20), 10*time.Minute)
}

// ScoreArgs are the arguments of a scoring job, as River stores them.
type ScoreArgs struct {
	ConversationKey int64  `json:"conversation_key"`
	RubricID        string `json:"rubric_id"`
	Version         int    `json:"version"`
}

// Kind names scoring jobs in River's table.
func (ScoreArgs) Kind() string { return "score_conversation" }
