package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// ingestResult is what the ingest phase measured.
type ingestResult struct {
	Conversations int           `json:"conversations"`
	Requests      int           `json:"requests"`
	Senders       int           `json:"senders"`
	Bytes         int64         `json:"bytes"`
	Accepted      int           `json:"accepted"`
	Updated       int           `json:"updated"`
	Rejected      int           `json:"rejected"`
	Took          time.Duration `json:"took_ns"`
	PerSecond     float64       `json:"conversations_per_second"`
	RequestP50    time.Duration `json:"request_p50_ns"`
	RequestMax    time.Duration `json:"request_max_ns"`
}

// ingestAnswer is the server's answer to POST /conversations.
type ingestAnswer struct {
	Accepted int               `json:"accepted"`
	Updated  int               `json:"updated"`
	Rejected []json.RawMessage `json:"rejected"`
	Error    string            `json:"error"`
}

// ingest POSTs the bodies (JSON Lines) with senders concurrent senders and measures the
// conversations stored per second. The first failed request stops every sender.
func ingest(ctx context.Context, c *client, bodies [][]byte, conversations, senders int, log *slog.Logger) (ingestResult, error) {
	res := ingestResult{Conversations: conversations, Requests: len(bodies), Senders: senders}
	for _, b := range bodies {
		res.Bytes += int64(len(b))
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var (
		next                        atomic.Int64
		mu                          sync.Mutex
		latencies                   []time.Duration
		accepted, updated, rejected atomic.Int64
		wg                          sync.WaitGroup
	)
	path := "/api/v1/conversations?source=" + corpusSource
	start := time.Now()
	lastLog := start
	for range senders {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(bodies) || ctx.Err() != nil {
					return
				}
				t0 := time.Now()
				status, data, err := c.do(ctx, http.MethodPost, path, "application/x-ndjson", bodies[i])
				took := time.Since(t0)
				if err == nil && status != http.StatusOK {
					err = fmt.Errorf("status %d: %s", status, truncate(data, 300))
				}
				var a ingestAnswer
				if err == nil {
					err = json.Unmarshal(data, &a)
				}
				if err != nil {
					cancel(fmt.Errorf("POST %s (body %d): %w", path, i, err))
					return
				}
				accepted.Add(int64(a.Accepted))
				updated.Add(int64(a.Updated))
				rejected.Add(int64(len(a.Rejected)))
				mu.Lock()
				latencies = append(latencies, took)
				if time.Since(lastLog) > 10*time.Second {
					lastLog = time.Now()
					log.Info("ingesting", slog.Int("requests", len(latencies)), slog.Int("of", len(bodies)),
						slog.Int64("stored", accepted.Load()+updated.Load()), slog.Duration("elapsed", time.Since(start).Round(time.Second)))
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	res.Took = time.Since(start)
	if err := context.Cause(ctx); err != nil && !errors.Is(err, context.Canceled) {
		return res, err
	}
	if ctx.Err() != nil {
		return res, ctx.Err()
	}
	res.Accepted, res.Updated, res.Rejected = int(accepted.Load()), int(updated.Load()), int(rejected.Load())
	res.PerSecond = float64(res.Accepted+res.Updated) / res.Took.Seconds()
	sortDurations(latencies)
	res.RequestP50, res.RequestMax = percentile(latencies, 50), percentile(latencies, 100)
	return res, nil
}

// scoringResult is what waiting for the scoring measured.
type scoringResult struct {
	Jobs             int           `json:"jobs"`
	Failed           int           `json:"failed"`
	DoneAtIngestEnd  int           `json:"done_at_ingest_end"`
	NewScorecards    int           `json:"new_scorecards"`
	SinceIngestStart time.Duration `json:"since_ingest_start_ns"`
	SinceIngestEnd   time.Duration `json:"since_ingest_end_ns"`
	PerSecond        float64       `json:"conversations_per_second"`
	ScorecardsPerSec float64       `json:"scorecards_per_second"`
}

// waitScored polls the scoring progress of every active rubric version every poll until every
// job is done or failed, or until timeout. ingestStart and ingestEnd bound the ingest phase;
// scorecardsBefore is the scorecard count before it (-1: not counted, without a dsn).
func waitScored(ctx context.Context, c *client, dsn string, conversations int, ingestStart, ingestEnd time.Time, scorecardsBefore int,
	poll, timeout time.Duration, log *slog.Logger) (scoringResult, error) {
	var res scoringResult
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	first := true
	lastLog := time.Time{}
	for {
		p, err := c.scoringProgress(ctx)
		if err != nil {
			return res, err
		}
		now := time.Now()
		if first {
			res.DoneAtIngestEnd, first = p.Done+p.Failed, false
		}
		if p.Done+p.Failed >= p.Total {
			res.Jobs, res.Failed = p.Total, p.Failed
			res.SinceIngestStart, res.SinceIngestEnd = now.Sub(ingestStart), now.Sub(ingestEnd)
			break
		}
		if now.Sub(lastLog) >= 30*time.Second {
			lastLog = now
			log.Info("scoring", slog.Int("done", p.Done), slog.Int("failed", p.Failed), slog.Int("jobs", p.Total),
				slog.Duration("since_ingest_start", now.Sub(ingestStart).Round(time.Second)))
		}
		select {
		case <-ctx.Done():
			return res, fmt.Errorf("scoring not finished after %s (done %d + failed %d of %d jobs): %w",
				timeout, p.Done, p.Failed, p.Total, ctx.Err())
		case <-time.After(poll):
		}
	}
	res.PerSecond = float64(conversations) / res.SinceIngestStart.Seconds()
	if scorecardsBefore >= 0 {
		n, err := countScorecards(ctx, dsn)
		if err != nil {
			return res, err
		}
		res.NewScorecards = n - scorecardsBefore
		res.ScorecardsPerSec = float64(res.NewScorecards) / res.SinceIngestStart.Seconds()
	}
	return res, nil
}
