// Command qa-seed fills a PostgreSQL database with synthetic scored conversations, to measure
// the server's statistics queries at production size (docs/performance.md, "Server queries"):
//
//	go run ./cmd/qa-seed --dsn postgres://... --scorecards 1000000
//
// It migrates the database with the store, then writes conversations, scorecards and their
// per-agent rows (scorecard_agents, scorecard_items) with COPY, in the shape the store writes
// them, and runs ANALYZE. The data are deterministic for a given --seed: 500 agents in 50 teams,
// conversations spread over 2026, 15 items per scorecard (the standard rubric's count), 5%
// transferred between two agents. It then times store.AgentStats on a few filters; with
// --scorecards 0 it only times them.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/store"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if err := run(ctx, os.Args[1:], log); err != nil {
		log.Error("qa-seed", slog.Any("error", err))
		os.Exit(1)
	}
}

// config is the command line.
type config struct {
	dsn        string
	scorecards int
	seed       int64
	batch      int
}

func parse(args []string) (config, error) {
	var c config
	fs := flag.NewFlagSet("qa-seed", flag.ContinueOnError)
	fs.StringVar(&c.dsn, "dsn", os.Getenv("QA_DATABASE_URL"), "PostgreSQL URL (default $QA_DATABASE_URL)")
	fs.IntVar(&c.scorecards, "scorecards", 1_000_000, "how many scored conversations to add (0: only time the queries)")
	fs.Int64Var(&c.seed, "seed", 1, "random seed")
	fs.IntVar(&c.batch, "batch", 50_000, "conversations per COPY batch")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if c.dsn == "" || c.scorecards < 0 || c.batch <= 0 {
		return c, errors.New("usage: qa-seed --dsn postgres://... [--scorecards N] [--seed S]")
	}
	return c, nil
}

func run(ctx context.Context, args []string, log *slog.Logger) error {
	cfg, err := parse(args)
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, cfg.dsn, log)
	if err != nil {
		return err
	}
	defer st.Close()
	if st.Dialect() != store.DialectPostgres {
		return errors.New("qa-seed writes with PostgreSQL's COPY: give a postgres:// DSN")
	}
	if _, err := st.Migrate(ctx); err != nil {
		return err
	}
	pool, err := pgxpool.New(ctx, cfg.dsn)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer pool.Close()

	if cfg.scorecards == 0 {
		return timeStats(ctx, st, log)
	}
	start := time.Now()
	g := newGenerator(cfg.seed)
	first, err := nextKey(ctx, pool)
	if err != nil {
		return err
	}
	for done := 0; done < cfg.scorecards; {
		n := min(cfg.batch, cfg.scorecards-done)
		if err := g.copyBatch(ctx, pool, first+int64(done), n); err != nil {
			return err
		}
		done += n
		log.Info("seeded", slog.Int("scorecards", done), slog.Duration("elapsed", time.Since(start).Round(time.Second)))
	}
	if err := finish(ctx, pool); err != nil {
		return err
	}
	log.Info("seed complete", slog.Int("scorecards", cfg.scorecards), slog.Duration("elapsed", time.Since(start).Round(time.Second)))
	return timeStats(ctx, st, log)
}

// timeStats runs the store's statistics on the filters docs/performance.md reports.
func timeStats(ctx context.Context, st *store.Store, log *slog.Logger) error {
	month := qa.Filter{From: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}
	quarter := qa.Filter{From: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}
	team := month
	team.Team = "team-07"
	agent := quarter
	agent.AgentID = "agent-042"
	cases := []struct {
		name string
		f    qa.Filter
		team bool
	}{
		{"one agent, one quarter", agent, false},
		{"one team's agents, one month", team, false},
		{"all agents, one month", month, false},
		{"all teams, one month", month, true},
	}
	for _, c := range cases {
		for run := range 2 { // the second run shows the warm cache
			t0 := time.Now()
			var res []qa.AgentStats
			var err error
			if c.team {
				res, err = st.TeamStats(ctx, c.f)
			} else {
				res, err = st.AgentStats(ctx, c.f)
			}
			if err != nil {
				return err
			}
			n := 0
			for _, r := range res {
				n += r.Conversations
			}
			log.Info("stats", slog.String("query", c.name), slog.Int("run", run+1), slog.Int("groups", len(res)),
				slog.Int("shares", n), slog.Duration("took", time.Since(t0).Round(time.Millisecond)))
		}
	}
	return nil
}
