// Command qa scores customer-support conversations against rubrics and serves the QA web app.
//
//	qa score   [flags] INPUT...   score conversations, print scorecards
//	qa report  [flags] INPUT...   score and summarise per agent and per item
//	qa rubric validate [PATH...]  check checklists and rubrics
//	qa rubric show [--rubric ID]  print a rubric's sections and items
//
// Run `qa help` or `qa COMMAND -h` for the flags.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	_ "time/tzdata" // the IANA database inside the binary: customer time zones work everywhere
)

// Exit codes (spec/scorecard.md).
const (
	exitOK       = 0
	exitRejected = 1
	exitUsage    = 2
)

// errUsage marks a command-line mistake: exit 2.
var errUsage = errors.New("usage")

// errRejected marks a run in which some inputs were rejected: exit 1.
var errRejected = errors.New("some inputs were rejected")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// env is what a command may touch of the outside world; tests pass buffers.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// stderrIsTerminal enables the progress bar.
	stderrIsTerminal bool
}

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e env, args []string) error
}

// commands is the list of subcommands, in the order `qa help` shows them.
func commands() []command {
	return []command{
		{"score", "score conversations and print scorecards", runScore},
		{"report", "score conversations and summarise per agent and per item", runReport},
		{"rubric", "validate or show rubrics and checklists (qa rubric validate|show)", runRubric},
		{"formats", "list the input formats qa reads", runFormats},
		{"serve", "run the HTTP API and web app (qa serve [--addr HOST:PORT] [--demo])", runServe},
		{"migrate", "create or update the database schema", runMigrate},
		{"import", "send conversation files to a server (qa import FILE... --server URL)", runImport},
		{"user", "add a user or issue an API token (qa user add|token)", runUser},
		{"worker", "run scoring workers without the HTTP server", runWorker},
	}
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := env{stdin: stdin, stdout: stdout, stderr: stderr, stderrIsTerminal: isTerminal(stderr)}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		printHelp(stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, e, args[1:])
		switch {
		case err == nil:
			return exitOK
		case errors.Is(err, errUsage):
			fmt.Fprintf(stderr, "qa %s: %v\n", c.name, err)
			return exitUsage
		case errors.Is(err, errRejected):
			return exitRejected
		default:
			fmt.Fprintf(stderr, "qa %s: %v\n", c.name, err)
			return exitRejected
		}
	}
	fmt.Fprintf(stderr, "qa: unknown command %q\n", args[0])
	printHelp(stderr)
	return exitUsage
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "qa: quality-assurance scoring of customer-support conversations")
	fmt.Fprintln(w, "\nusage: qa COMMAND [flags] [INPUT...]\n\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'qa COMMAND -h' for a command's flags.")
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
