package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/httpapi"
	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
	"github.com/qa-scorer/qa-scorer/internal/store"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// scoringQueue schedules scoring jobs (docs/server-contract.md, jobs.Queue.Enqueue).
type scoringQueue interface {
	Enqueue(ctx context.Context, convKeys []int64, rubricID string, version int) error
}

// Scoring workers. internal/jobs (River on PostgreSQL, a polled table on SQLite) is being
// written to docs/server-contract.md; until it lands, the server runs this small pool over the
// store's table-backed job ledger (EnqueueScoreJobs, ClaimScoreJob, FinishScoreJob), which
// works on both databases. Replace startScoring's body with jobs.New(...).Start when it does.

const (
	jobLease    = 2 * time.Minute
	jobPoll     = time.Second
	jobAttempts = 3
)

// scoring is a running pool of scoring workers.
type scoring struct {
	queue   scoringQueue
	stop    func()
	observe func(*httpapi.Metrics)
}

// tableQueue enqueues into the store's job ledger and wakes the local workers.
type tableQueue struct {
	st   *store.Store
	wake chan struct{}
}

func (q tableQueue) Enqueue(ctx context.Context, keys []int64, rubricID string, version int) error {
	if err := q.st.EnqueueScoreJobs(ctx, keys, rubricID, version); err != nil {
		return err
	}
	select {
	case q.wake <- struct{}{}:
	default:
	}
	return nil
}

// startScoring starts n workers; n = 0 only enqueues (another process runs `qa worker`).
func startScoring(ctx context.Context, st *store.Store, scorer *rubric.Scorer, n int, log *slog.Logger) (*scoring, error) {
	q := tableQueue{st: st, wake: make(chan struct{}, 1)}
	wctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	var wg sync.WaitGroup
	var mu sync.Mutex
	var metrics *httpapi.Metrics
	host, _ := os.Hostname()
	for i := range n {
		w := &worker{st: st, scorer: scorer, log: log, wake: q.wake, rubrics: map[rubric.RubricRef]*rubric.Rubric{},
			owner: host + "/" + strconv.Itoa(os.Getpid()) + "/" + strconv.Itoa(i),
			lag: func(d time.Duration) {
				mu.Lock()
				defer mu.Unlock()
				if metrics != nil {
					metrics.ScoringLag.Observe(d.Seconds())
				}
			}}
		wg.Add(1)
		go func() { defer wg.Done(); w.run(wctx) }()
	}
	return &scoring{
		queue: q,
		stop:  func() { cancel(); wg.Wait() },
		observe: func(m *httpapi.Metrics) {
			mu.Lock()
			defer mu.Unlock()
			metrics = m
		},
	}, nil
}

// worker claims jobs one at a time and scores them.
type worker struct {
	st      *store.Store
	scorer  *rubric.Scorer
	log     *slog.Logger
	wake    chan struct{}
	owner   string
	rubrics map[rubric.RubricRef]*rubric.Rubric // parsed versions; published ones never change
	lag     func(time.Duration)
}

func (w *worker) run(ctx context.Context) {
	for ctx.Err() == nil {
		key, ref, attempt, err := w.st.ClaimScoreJob(ctx, w.owner, time.Now(), jobLease)
		if errors.Is(err, qa.ErrNotFound) || err != nil {
			if err != nil && !errors.Is(err, qa.ErrNotFound) && ctx.Err() == nil {
				w.log.Error("claim scoring job", slog.Any("err", err))
			}
			select {
			case <-ctx.Done():
			case <-w.wake:
			case <-time.After(jobPoll):
			}
			continue
		}
		w.finish(ctx, key, ref, attempt, w.score(ctx, key, ref))
	}
}

// finish records the outcome of a job: done, retried later, or failed for good.
func (w *worker) finish(ctx context.Context, key int64, ref rubric.RubricRef, attempt int, jobErr error) {
	// Record even when stopping: the job's lease would otherwise hold it for jobLease.
	ctx = context.WithoutCancel(ctx)
	var err error
	switch {
	case jobErr == nil:
		err = w.st.FinishScoreJob(ctx, key, ref, w.owner, "")
	case attempt < jobAttempts:
		err = w.st.ReleaseScoreJob(ctx, key, ref, w.owner, jobErr.Error(), time.Now().Add(time.Duration(attempt)*5*time.Second))
	default:
		w.log.Error("scoring job failed", slog.Int64("conversation", key), slog.String("rubric", ref.ID), slog.Any("err", jobErr))
		err = w.st.FinishScoreJob(ctx, key, ref, w.owner, jobErr.Error())
	}
	if err != nil {
		w.log.Error("record scoring job", slog.Int64("conversation", key), slog.Any("err", err))
	}
}

// score scores one conversation with one rubric version and saves the scorecard.
func (w *worker) score(ctx context.Context, key int64, ref rubric.RubricRef) error {
	conv, rev, err := w.st.ConversationForScoring(ctx, key)
	if err != nil {
		return err
	}
	r, err := w.rubric(ctx, ref)
	if err != nil {
		return err
	}
	if !applies(r.AppliesTo, conv) {
		return nil
	}
	card := w.scorer.Score(r, conv.Conv)
	if _, _, err := w.st.SaveScorecardFor(ctx, key, rev, card); err != nil {
		return err
	}
	w.lag(time.Since(conv.UpdatedAt))
	return nil
}

func (w *worker) rubric(ctx context.Context, ref rubric.RubricRef) (*rubric.Rubric, error) {
	if r, ok := w.rubrics[ref]; ok {
		return r, nil
	}
	rv, err := w.st.RubricVersion(ctx, ref.ID, ref.Version)
	if err != nil {
		return nil, err
	}
	r, err := rubric.Parse([]byte(rv.YAML), ref.ID+".yaml")
	if err != nil {
		return nil, err
	}
	r.Version = rv.Version // the stored version, not the one written in the YAML
	w.rubrics[ref] = r
	return r, nil
}

// applies reports whether a rubric's applies_to selects the conversation (empty lists match).
func applies(a rubric.AppliesTo, c *qa.StoredConversation) bool {
	in := func(list []string, v string) bool { return len(list) == 0 || slices.Contains(list, v) }
	var teams []string
	for _, ag := range c.Conv.Agents {
		teams = append(teams, ag.Team)
	}
	lang := transcript.PrimaryLanguage(c.Conv.Language)
	return in(a.Channels, string(c.Conv.Channel)) && (c.Conv.Language == "" || in(a.Languages, lang)) &&
		in(a.Queues, c.Queue) && (len(a.Teams) == 0 || slices.ContainsFunc(teams, func(t string) bool { return slices.Contains(a.Teams, t) }))
}

// runWorker is `qa worker`: scoring workers without the HTTP server, for PostgreSQL
// deployments that score in separate processes.
func runWorker(ctx context.Context, e env, args []string) error {
	var db dbFlags
	var know knowledgeFlags
	fset := flag.NewFlagSet("worker", flag.ContinueOnError)
	fset.SetOutput(e.stderr)
	db.register(fset)
	know.register(fset)
	n := fset.Int("workers", 2, "scoring workers")
	if err := fset.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if *n < 1 {
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
	scorer, _, err := know.loadScorerAndAnalyzer()
	if err != nil {
		return err
	}
	pool, err := startScoring(ctx, st, scorer, *n, log)
	if err != nil {
		return err
	}
	log.Info("scoring workers started", slog.Int("workers", *n))
	<-ctx.Done()
	log.Info("stopping scoring workers")
	pool.stop()
	return nil
}
