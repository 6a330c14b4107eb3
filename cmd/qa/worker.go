package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/httpapi"
	"github.com/qa-scorer/qa-scorer/internal/jobs"
	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/store"
)

// stopTimeout is how long stopping waits for running scoring jobs; jobs cut off then run
// again later (they are idempotent).
const stopTimeout = 30 * time.Second

// scoring is the server's scoring queue (internal/jobs): River on PostgreSQL, the store's job
// table on SQLite, with the workers of this process when there are any.
type scoring struct {
	queue   jobs.Queue
	stop    func()
	observe func(*httpapi.Metrics) // where to report scoring lag
}

// startScoring builds the queue and starts n workers; with n = 0 the process only enqueues
// and another runs `qa worker` (PostgreSQL).
func startScoring(ctx context.Context, st *store.Store, dsn string, know *jobs.Knowledge, n int, log *slog.Logger) (*scoring, error) {
	lag := &lagRecorder{updated: map[int64]time.Time{}}
	work := lag.worker(jobs.NewHandler(lag.store(st), know, log))
	var q jobs.Queue
	if st.Dialect() == store.DialectPostgres {
		rq, err := jobs.NewRiverQueue(ctx, dsn, st, work, jobs.RiverConfig{Workers: n}, log)
		if err != nil {
			return nil, err
		}
		q = rq
	} else {
		q = jobs.NewTableQueue(st, work, jobs.TableConfig{Workers: n}, log)
	}
	if n > 0 {
		if err := q.Start(context.WithoutCancel(ctx)); err != nil {
			return nil, fmt.Errorf("start scoring workers: %w", err)
		}
	}
	return &scoring{
		queue: q,
		stop: func() {
			sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), stopTimeout)
			defer cancel()
			if err := q.Stop(sctx); err != nil {
				log.Warn("stop scoring workers", slog.Any("err", err))
			}
		},
		observe: lag.setMetrics,
	}, nil
}

// lagRecorder measures scoring lag (from a conversation's last update to its scorecard)
// without extra queries: it notes the update time when the handler loads the conversation,
// and reports it when the job succeeds.
type lagRecorder struct {
	mu      sync.Mutex
	updated map[int64]time.Time // conversation key → last update, while its job runs
	metrics *httpapi.Metrics
}

func (l *lagRecorder) setMetrics(m *httpapi.Metrics) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.metrics = m
}

func (l *lagRecorder) store(st jobs.HandlerStore) jobs.HandlerStore { return lagStore{st, l} }

func (l *lagRecorder) worker(w jobs.Worker) jobs.Worker { return lagWorker{w, l} }

// lagStore notes when each conversation being scored was last updated.
type lagStore struct {
	jobs.HandlerStore
	l *lagRecorder
}

func (s lagStore) ConversationForScoring(ctx context.Context, key int64) (*qa.StoredConversation, int64, error) {
	conv, rev, err := s.HandlerStore.ConversationForScoring(ctx, key)
	if err == nil {
		s.l.mu.Lock()
		s.l.updated[key] = conv.UpdatedAt
		s.l.mu.Unlock()
	}
	return conv, rev, err
}

// lagWorker reports the lag of every job that succeeds.
type lagWorker struct {
	jobs.Worker
	l *lagRecorder
}

func (w lagWorker) Score(ctx context.Context, convKey int64, rubricID string, version int) error {
	err := w.Worker.Score(ctx, convKey, rubricID, version)
	w.l.mu.Lock()
	defer w.l.mu.Unlock()
	if at, ok := w.l.updated[convKey]; ok && err == nil && w.l.metrics != nil && !at.IsZero() {
		w.l.metrics.ScoringLag.Observe(time.Since(at).Seconds())
	}
	delete(w.l.updated, convKey)
	return err
}

// workersFlag is --workers: a number of scoring workers, or, when not given, the default of the
// database's queue. River on PostgreSQL wants many (jobs.DefaultRiverWorkers: its throughput is
// bounded by workers per fetch cooldown), the SQLite table queue about one per core
// (jobs.DefaultTableWorkers).
type workersFlag struct {
	n   int
	set bool
}

// String is the value given; empty when none, so that flag prints no "(default ...)": the
// usage names the default of each database.
func (w *workersFlag) String() string {
	if w == nil || !w.set {
		return ""
	}
	return strconv.Itoa(w.n)
}

func (w *workersFlag) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return fmt.Errorf("%q is not a number of workers", s)
	}
	w.n, w.set = n, true
	return nil
}

// count is the number of workers to run on a database of a dialect.
func (w workersFlag) count(dialect string) int {
	switch {
	case w.set:
		return w.n
	case dialect == store.DialectPostgres:
		return jobs.DefaultRiverWorkers
	}
	return jobs.DefaultTableWorkers
}

// defaults describes the default counts for the usage text.
func (workersFlag) defaults() string {
	return fmt.Sprintf("default %d on PostgreSQL, %d on SQLite", jobs.DefaultRiverWorkers, jobs.DefaultTableWorkers)
}

// runWorker is `qa worker`: scoring workers without the HTTP server, for PostgreSQL
// deployments that score in separate processes (on SQLite, `qa serve` scores in-process).
func runWorker(ctx context.Context, e env, args []string) error {
	var db dbFlags
	var know knowledgeFlags
	fset := flag.NewFlagSet("worker", flag.ContinueOnError)
	fset.SetOutput(e.stderr)
	db.register(fset)
	know.register(fset)
	var workers workersFlag
	fset.Var(&workers, "workers", "`n` scoring workers, "+workers.defaults())
	if err := fset.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if workers.set && workers.n < 1 {
		return fmt.Errorf("%w: --workers must be at least 1", errUsage)
	}
	log, err := db.logger(e.stderr)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, db.database, log)
	if err != nil {
		return err
	}
	defer st.Close()
	// The checklists in force are the database's (published by `qa serve`), as for its workers.
	knowledge, err := know.loadKnowledge(ctx, st, log)
	if err != nil {
		return err
	}
	n := workers.count(st.Dialect())
	pool, err := startScoring(ctx, st, db.database, knowledge, n, log)
	if err != nil {
		return err
	}
	log.Info("scoring workers started", slog.Int("workers", n), slog.String("dialect", st.Dialect()))
	<-ctx.Done()
	log.Info("stopping scoring workers")
	pool.stop()
	return nil
}
