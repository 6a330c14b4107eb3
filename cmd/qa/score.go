package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"sync"

	"github.com/qa-scorer/qa-scorer/internal/importer"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// scoreFlags are the flags of `qa score` and `qa report`.
type scoreFlags struct {
	knowledge  knowledgeFlags
	read       readFlags
	format     string
	workers    int
	progress   string
	cpuprofile string
}

func (s *scoreFlags) register(fs *flag.FlagSet, formats string) {
	s.knowledge.register(fs)
	fs.StringVar(&s.format, "format", "table", "output format: "+formats)
	s.read.register(fs)
	fs.IntVar(&s.workers, "workers", runtime.GOMAXPROCS(0), "conversations scored in parallel")
	fs.StringVar(&s.progress, "progress", "auto", "progress bar on stderr: auto (a terminal and a large batch), on, off")
	fs.StringVar(&s.cpuprofile, "cpuprofile", "", "write a CPU profile to this file")
}

// scored is the outcome for one record: a scorecard, or why the record was rejected.
type scored struct {
	file string
	conv *transcript.Conversation
	card *rubric.Scorecard
	err  error
}

// scoreBatch reads the inputs, scores every valid conversation on several workers and calls
// sink with the results in input order. It returns errRejected when any record was rejected.
func scoreBatch(ctx context.Context, e env, sf *scoreFlags, args []string, sink func(scored) error) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: no INPUT: give files, folders or - for stdin", errUsage)
	}
	inputs, err := expandInputs(args)
	if err != nil {
		return err
	}
	scorer, err := sf.knowledge.loadScorer()
	if err != nil {
		return err
	}
	rub, err := sf.knowledge.loadRubric()
	if err != nil {
		return err
	}
	if sf.cpuprofile != "" {
		f, err := os.Create(sf.cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	opts, err := sf.read.options()
	if err != nil {
		return err
	}
	progress := newProgress(e, inputs, sf.progress)
	rejected := 0
	err = orderedScore(ctx, max(sf.workers, 1), func(emit func(scored) error) error {
		return readAll(ctx, e, inputs, opts, progress, func(file string, rec importer.Record) error {
			return emit(scored{file: file, conv: rec.Conversation, err: rec.Err})
		})
	}, func(s scored) scored {
		if s.err == nil && s.conv != nil {
			s.card = scorer.Score(rub, s.conv)
		}
		return s
	}, func(s scored) error {
		if s.err != nil || s.card == nil {
			rejected++
			reason := s.err
			if reason == nil {
				reason = errors.New("no conversation")
			}
			fmt.Fprintf(e.stderr, "rejected: %s: %v\n", s.file, reason)
			return nil
		}
		return sink(s)
	})
	if progress != nil {
		_ = progress.Finish()
	}
	if err != nil {
		return err
	}
	if rejected > 0 {
		fmt.Fprintf(e.stderr, "%d input record(s) rejected\n", rejected)
		return errRejected
	}
	return nil
}

// orderedScore runs work on produced items with n workers and hands the results to consume in
// the order they were produced. At most a few items per worker are in flight, so memory stays
// bounded whatever the batch size.
func orderedScore(ctx context.Context, n int, produce func(emit func(scored) error) error, work func(scored) scored, consume func(scored) error) error {
	type job struct {
		seq int
		s   scored
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan job, n*2)
	results := make(chan job, n*2)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- job{seq: j.seq, s: work(j.s)}
			}
		}()
	}
	var produceErr error
	go func() {
		seq := 0
		produceErr = produce(func(s scored) error {
			select {
			case jobs <- job{seq: seq, s: s}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
		close(jobs)
		wg.Wait()
		close(results)
	}()
	pending := map[int]scored{}
	next := 0
	var consumeErr error
	for r := range results {
		pending[r.seq] = r.s
		for consumeErr == nil {
			s, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if err := consume(s); err != nil {
				consumeErr = err
				cancel()
			}
		}
	}
	if consumeErr != nil {
		return consumeErr
	}
	return produceErr
}

func runScore(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("score", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var sf scoreFlags
	sf.register(fs, "table, json, jsonl, csv")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	w, err := newCardWriter(sf.format, e.stdout)
	if err != nil {
		return err
	}
	err = scoreBatch(ctx, e, &sf, fs.Args(), func(s scored) error { return w.write(s.conv, s.card) })
	if cerr := w.close(); err == nil {
		err = cerr
	}
	return err
}
