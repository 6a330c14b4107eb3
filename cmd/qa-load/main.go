// Command qa-load is the load benchmark of the QA server (docs/performance.md, "Server load").
// It only talks to a `qa serve` on a loopback address, and every loop it runs is bounded in
// count and time. scripts/load.sh starts PostgreSQL and the server, runs it and cleans up.
//
// The ingest phase (--phase ingest) synthesises --conversations conversations of 8-15 turns
// from the hand-written corpus (testdata/labelled/*.dev.jsonl: en, ru, uk, ro), with new ids,
// agents of a 500-agent population in 50 teams and start times over --year, POSTs them as JSON
// Lines bodies of --batch conversations with --senders concurrent senders to
// /api/v1/conversations, and reports conversations stored per second. It then polls the scoring
// progress of every active rubric version until every job is done and reports the time until
// all conversations were scored.
//
// The query phase (--phase query) runs --clients concurrent clients, each sending one
// GET /api/v1/stats/agents after another (per-agent summary: one agent over a quarter, or one
// team over a month), for --duration after a --warmup, and reports p50/p95/p99 latency and
// requests per second. --clients takes a list ("1,10,50") to run several times.
//
//	go run ./cmd/qa-load --url http://127.0.0.1:8080 --token "$QA_TOKEN" --phase ingest --conversations 1000
//	go run ./cmd/qa-load --url http://127.0.0.1:8080 --token "$QA_TOKEN" --phase query --clients 50 --duration 60s
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if err := run(ctx, os.Args[1:], os.Stdout, log); err != nil {
		log.Error("qa-load", slog.Any("error", err))
		os.Exit(1)
	}
}

// config is the command line.
type config struct {
	url, token    string
	phase         string
	corpus        string
	conversations int
	batch         int
	senders       int
	year          int
	seed          uint64
	ingestTimeout time.Duration
	scoreTimeout  time.Duration
	poll          time.Duration
	clients       []int
	duration      time.Duration
	warmup        time.Duration
	maxRequests   int
	teamShare     float64
	servePID      int
	dsn           string
	pgPID         int
	out           string
	cpuProfile    string
}

// Upper bounds of the flags: the load stays finite whatever is asked.
const (
	maxConversations = 2_000_000
	maxClients       = 500
	maxDuration      = 30 * time.Minute
	maxTimeout       = 6 * time.Hour
)

func parse(args []string, stderr io.Writer) (config, error) {
	var c config
	var clients string
	fs := flag.NewFlagSet("qa-load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.url, "url", "http://127.0.0.1:8080", "the server, on a loopback address")
	fs.StringVar(&c.token, "token", os.Getenv("QA_TOKEN"), "an administrator's API token (default $QA_TOKEN)")
	fs.StringVar(&c.phase, "phase", "all", "ingest (ingest and wait for scoring), query (stats endpoint) or all")
	fs.StringVar(&c.corpus, "corpus", "testdata/labelled/*.dev.jsonl", "glob of canonical JSON Lines conversations to synthesise from")
	fs.IntVar(&c.conversations, "conversations", 100_000, "conversations to ingest")
	fs.IntVar(&c.batch, "batch", 1000, "conversations per POST body")
	fs.IntVar(&c.senders, "senders", 4, "concurrent ingest requests")
	fs.IntVar(&c.year, "year", 2026, "year the conversations start in, and the queries' periods")
	fs.Uint64Var(&c.seed, "seed", 1, "random seed (the data and the queries are deterministic for a seed)")
	fs.DurationVar(&c.ingestTimeout, "ingest-timeout", 30*time.Minute, "give up ingesting after this long")
	fs.DurationVar(&c.scoreTimeout, "score-timeout", 3*time.Hour, "give up waiting for the scoring after this long")
	fs.DurationVar(&c.poll, "poll", 5*time.Second, "how often to poll the scoring progress")
	fs.StringVar(&clients, "clients", "50", "concurrent clients of the query phase; a comma-separated list runs once per count")
	fs.DurationVar(&c.duration, "duration", 60*time.Second, "measured time of each query run")
	fs.DurationVar(&c.warmup, "warmup", 5*time.Second, "unmeasured time before each query run's measurement")
	fs.IntVar(&c.maxRequests, "max-requests", 1_000_000, "most requests of one query run, warm-up included")
	fs.Float64Var(&c.teamShare, "team-share", 0.5, "share of team queries (the rest: agent queries)")
	fs.IntVar(&c.servePID, "serve-pid", 0, "PID of qa serve, to report its CPU time per phase")
	fs.StringVar(&c.dsn, "dsn", "", "the server's PostgreSQL URL, to count scorecards with SQL, outside the server being measured")
	fs.IntVar(&c.pgPID, "pg-pid", 0, "PID of the PostgreSQL postmaster, to report its CPU time per phase")
	fs.StringVar(&c.out, "out", "", "also write the results as JSON to this file")
	fs.StringVar(&c.cpuProfile, "cpuprofile", "", "write qa-load's own CPU profile to this file")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	for _, s := range strings.Split(clients, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 || n > maxClients {
			return c, fmt.Errorf("--clients: want counts from 1 to %d, got %q", maxClients, s)
		}
		c.clients = append(c.clients, n)
	}
	switch {
	case c.phase != "ingest" && c.phase != "query" && c.phase != "all":
		return c, fmt.Errorf("--phase: want ingest, query or all, got %q", c.phase)
	case c.conversations < 1 || c.conversations > maxConversations:
		return c, fmt.Errorf("--conversations: want 1 to %d", maxConversations)
	case c.batch < 1 || c.senders < 1 || c.senders > 64:
		return c, errors.New("--batch must be positive and --senders 1 to 64")
	case c.duration <= 0 || c.duration > maxDuration || c.warmup < 0 || c.warmup > maxDuration:
		return c, fmt.Errorf("--duration must be positive and at most %s, --warmup at most %s", maxDuration, maxDuration)
	case c.maxRequests < 1:
		return c, errors.New("--max-requests must be positive")
	case c.ingestTimeout <= 0 || c.ingestTimeout > maxTimeout || c.scoreTimeout <= 0 || c.scoreTimeout > maxTimeout:
		return c, fmt.Errorf("--ingest-timeout and --score-timeout: positive, at most %s", maxTimeout)
	case c.poll < 100*time.Millisecond:
		return c, errors.New("--poll: at least 100ms")
	case c.teamShare < 0 || c.teamShare > 1:
		return c, errors.New("--team-share: from 0 to 1")
	}
	return c, nil
}

// results is everything a run measured (the --out file).
type results struct {
	Ingest      *ingestResult  `json:"ingest,omitempty"`
	IngestCPU   *cpuUsage      `json:"ingest_cpu,omitempty"`
	Scoring     *scoringResult `json:"scoring,omitempty"`
	ScoringCPU  *cpuUsage      `json:"scoring_cpu,omitempty"`
	Scorecards  int            `json:"scorecards,omitempty"` // in the database during the query phase
	Queries     []queryResult  `json:"queries,omitempty"`
	QueriesCPU  []cpuUsage     `json:"queries_cpu,omitempty"`
	LoadAverage string         `json:"load_average,omitempty"`
}

func run(ctx context.Context, args []string, stdout io.Writer, log *slog.Logger) error {
	cfg, err := parse(args, os.Stderr)
	if err != nil {
		return err
	}
	if cfg.cpuProfile != "" {
		f, err := os.Create(cfg.cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	conns := max(cfg.senders, slices.Max(cfg.clients)) + 2
	c, err := newClient(cfg.url, cfg.token, conns)
	if err != nil {
		return err
	}
	watch := cpuWatch{servePID: cfg.servePID, pgPID: cfg.pgPID}
	var res results
	if cfg.phase == "ingest" || cfg.phase == "all" {
		if err := runIngest(ctx, c, cfg, watch, &res, stdout, log); err != nil {
			return err
		}
	}
	if cfg.phase == "query" || cfg.phase == "all" {
		if err := runQueryPhase(ctx, c, cfg, watch, &res, stdout, log); err != nil {
			return err
		}
	}
	res.LoadAverage = loadAverage()
	fmt.Fprintf(stdout, "load average at the end: %s\n", res.LoadAverage)
	if cfg.out != "" {
		data, err := json.MarshalIndent(res, "", "  ")
		if err != nil {
			return err
		}
		return os.WriteFile(cfg.out, append(data, '\n'), 0o644)
	}
	return nil
}

func runIngest(ctx context.Context, c *client, cfg config, watch cpuWatch, res *results, stdout io.Writer, log *slog.Logger) error {
	templates, err := loadCorpus(cfg.corpus)
	if err != nil {
		return err
	}
	t0 := time.Now()
	bodies, size, err := buildBodies(templates, cfg.seed, cfg.conversations, cfg.batch, cfg.year)
	if err != nil {
		return err
	}
	log.Info("generated", slog.Int("conversations", cfg.conversations), slog.Int("templates", len(templates)),
		slog.Int("bodies", len(bodies)), slog.Int64("bytes", size), slog.Duration("took", time.Since(t0).Round(time.Millisecond)))
	before, err := countScorecards(ctx, cfg.dsn)
	if err != nil {
		return err
	}
	if p, err := c.scoringProgress(ctx); err != nil {
		return err
	} else if p.Done+p.Failed < p.Total {
		return fmt.Errorf("the server still has %d unfinished scoring jobs: wait for them before measuring", p.Total-p.Done-p.Failed)
	}

	cpu0 := watch.sample()
	ictx, cancel := context.WithTimeout(ctx, cfg.ingestTimeout)
	start := time.Now()
	ing, err := ingest(ictx, c, bodies, cfg.conversations, cfg.senders, log)
	cancel()
	end := time.Now()
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	icpu := watch.since(cpu0)
	res.Ingest, res.IngestCPU = &ing, &icpu
	fmt.Fprintf(stdout, "ingest: %d conversations (%.1f MB, %d bodies of %d, %d senders) in %s: %.0f conversations/s; accepted %d, updated %d, rejected %d; request p50 %s, max %s\n",
		ing.Conversations, float64(ing.Bytes)/1e6, ing.Requests, cfg.batch, cfg.senders, ing.Took.Round(time.Millisecond), ing.PerSecond,
		ing.Accepted, ing.Updated, ing.Rejected, ing.RequestP50.Round(time.Millisecond), ing.RequestMax.Round(time.Millisecond))
	fmt.Fprintf(stdout, "ingest %s\n", icpu)
	if ing.Rejected > 0 {
		return fmt.Errorf("ingest: the server rejected %d synthesised conversations", ing.Rejected)
	}

	cpu1 := watch.sample()
	sc, err := waitScored(ctx, c, cfg.dsn, cfg.conversations, start, end, before, cfg.poll, cfg.scoreTimeout, log)
	if err != nil {
		return fmt.Errorf("scoring: %w", err)
	}
	scpu := watch.since(cpu1)
	res.Scoring, res.ScoringCPU = &sc, &scpu
	fmt.Fprintf(stdout, "scoring: all %d conversations scored %s after the ingest started (%s after it ended; poll every %s): %.0f conversations/s, %d new scorecards (%.0f/s); %d jobs (one per conversation and rubric version that applies to it), %d failed, %d done when the ingest ended\n",
		cfg.conversations, sc.SinceIngestStart.Round(time.Second), sc.SinceIngestEnd.Round(time.Second), cfg.poll,
		sc.PerSecond, sc.NewScorecards, sc.ScorecardsPerSec, sc.Jobs, sc.Failed, sc.DoneAtIngestEnd)
	fmt.Fprintf(stdout, "scoring (after the ingest) %s\n", scpu)
	return nil
}

func runQueryPhase(ctx context.Context, c *client, cfg config, watch cpuWatch, res *results, stdout io.Writer, log *slog.Logger) error {
	n, err := countScorecards(ctx, cfg.dsn)
	if err != nil {
		return err
	}
	res.Scorecards = n
	fmt.Fprintf(stdout, "query: %d scorecards in the database; GET %s, %.0f%% one team over a month, the rest one agent over a quarter\n",
		n, statsRoute, 100*cfg.teamShare)
	for _, clients := range cfg.clients {
		log.Info("query run", slog.Int("clients", clients), slog.Duration("duration", cfg.duration), slog.Duration("warmup", cfg.warmup))
		cpu0 := watch.sample()
		q, err := runQueries(ctx, c, queryConfig{
			clients: clients, duration: cfg.duration, warmup: cfg.warmup, maxRequests: cfg.maxRequests,
			teamShare: cfg.teamShare, year: cfg.year, seed: cfg.seed,
		}, log)
		if err != nil {
			return fmt.Errorf("query with %d clients: %w", clients, err)
		}
		qcpu := watch.since(cpu0)
		res.Queries = append(res.Queries, q)
		res.QueriesCPU = append(res.QueriesCPU, qcpu)
		fmt.Fprintf(stdout, "query, %d clients, %s measured: %s; server-side mean %s\n", clients, q.Took.Round(time.Millisecond),
			q.All, q.ServerMean.Round(100*time.Microsecond))
		for k := range kinds {
			if s, ok := q.ByKind[k.String()]; ok {
				fmt.Fprintf(stdout, "  %-22s %s; %.0f conversations per answer\n", k.String()+":", s, q.SharesPerAnswer[k.String()])
			}
		}
		fmt.Fprintf(stdout, "  %s\n", qcpu)
	}
	return nil
}

func (s latencySummary) String() string {
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d)/float64(time.Millisecond)) }
	return fmt.Sprintf("%d requests, %.1f/s, p50 %s, p95 %s, p99 %s, max %s, mean %s, %d errors",
		s.Requests, s.PerSec, ms(s.P50), ms(s.P95), ms(s.P99), ms(s.Max), ms(s.Mean), s.Errors)
}

// loadAverage returns /proc/loadavg's first three figures: how busy the shared machine was.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// countScorecards counts the scorecards in the database at dsn; -1 without a dsn.
func countScorecards(ctx context.Context, dsn string) (int, error) {
	if dsn == "" {
		return -1, nil
	}
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return 0, fmt.Errorf("--dsn: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	var n int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM scorecards").Scan(&n); err != nil {
		return 0, fmt.Errorf("count scorecards: %w", err)
	}
	return n, nil
}
