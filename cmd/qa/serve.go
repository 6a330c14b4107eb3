package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/qa-scorer/qa-scorer/frontend"
	"github.com/qa-scorer/qa-scorer/internal/httpapi"
	"github.com/qa-scorer/qa-scorer/internal/importer"
	"github.com/qa-scorer/qa-scorer/internal/jobs"
	"github.com/qa-scorer/qa-scorer/internal/password"
	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
	"github.com/qa-scorer/qa-scorer/internal/store"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
	"github.com/qa-scorer/qa-scorer/internal/web"
)

// serveFlags configure `qa serve`.
type serveFlags struct {
	db            dbFlags
	knowledge     knowledgeFlags
	addr          string
	demo          bool
	demoDir       string
	adminEmail    string
	workers       workersFlag
	secureCookies bool
	maxIngest     int64
	shutdown      time.Duration
}

func (f *serveFlags) parse(args []string, stderr io.Writer) error {
	fset := flag.NewFlagSet("serve", flag.ContinueOnError)
	fset.SetOutput(stderr)
	f.db.register(fset)
	f.knowledge.register(fset)
	fset.StringVar(&f.addr, "addr", "127.0.0.1:8080", "listen address HOST:PORT")
	fset.BoolVar(&f.demo, "demo", false, "load the sample conversations when the database has none")
	fset.StringVar(&f.demoDir, "demo-dir", filepath.Join("testdata", "demo"), "folder of the sample conversations (any format qa reads)")
	fset.StringVar(&f.adminEmail, "admin-email", "admin@localhost", "email of the administrator created when there is none")
	fset.Var(&f.workers, "workers", "`n` scoring workers in this process, "+f.workers.defaults()+" (0: none, run qa worker instead)")
	fset.BoolVar(&f.secureCookies, "secure-cookies", false, "mark session cookies Secure (set when served over HTTPS)")
	fset.Int64Var(&f.maxIngest, "max-body", httpapi.DefaultMaxIngestBytes, "largest POST /conversations body, in bytes")
	fset.DurationVar(&f.shutdown, "shutdown-timeout", 20*time.Second, "how long in-flight requests may finish on shutdown")
	if err := fset.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fset.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fset.Arg(0))
	}
	return nil
}

// runServe is `qa serve`: migrate, publish the bundled rubrics and checklists the database
// lacks, load the demo data when asked, make sure an administrator exists, start the scoring
// workers and serve until a signal.
func runServe(ctx context.Context, e env, args []string) error {
	var f serveFlags
	if err := f.parse(args, e.stderr); err != nil {
		return err
	}
	log, err := f.db.logger(e.stderr)
	if err != nil {
		return err
	}
	gin.SetMode(gin.ReleaseMode)
	srv, cleanup, err := buildServer(ctx, f, e.stdout, log)
	if err != nil {
		return err
	}
	defer cleanup()
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "qa serve: listening on http://%s\n", ln.Addr())
	return serveUntilDone(ctx, srv, ln, f.shutdown, log)
}

// buildServer wires the server: everything `qa serve` does before it listens.
func buildServer(ctx context.Context, f serveFlags, stdout io.Writer, log *slog.Logger) (*http.Server, func(), error) {
	var closers []func()
	cleanup := func() {
		for i := len(closers) - 1; i >= 0; i-- {
			closers[i]()
		}
	}
	fail := func(err error) (*http.Server, func(), error) { cleanup(); return nil, nil, err }

	st, err := openStore(ctx, f.db.database, log)
	if err != nil {
		return fail(err)
	}
	closers = append(closers, func() { st.Close() })
	enforcer, policyCloser, err := newEnforcer(ctx, st, f.db.database)
	if err != nil {
		return fail(err)
	}
	closers = append(closers, func() { policyCloser.Close() })
	admin, err := ensureAdmin(ctx, st, f.adminEmail, password.Hasher{}, stdout)
	if err != nil {
		return fail(err)
	}
	if err := publishBundledRubrics(ctx, st, f.knowledge.rubricFS(), admin.ID, log); err != nil {
		return fail(err)
	}
	if err := publishBundledChecklists(ctx, st, f.knowledge.checklistFS(), admin.ID, log); err != nil {
		return fail(err)
	}
	know, err := f.knowledge.loadKnowledge(ctx, st, log)
	if err != nil {
		return fail(err)
	}
	scoring, err := startScoring(ctx, st, f.db.database, know, f.workers.count(st.Dialect()), log)
	if err != nil {
		return fail(err)
	}
	closers = append(closers, scoring.stop)
	if f.demo {
		if err := loadDemo(ctx, st, scoring.queue, f.demoDir, log); err != nil {
			return fail(err)
		}
	}
	dist, err := fs.Sub(frontend.Dist, "dist")
	if err != nil {
		return fail(err)
	}
	api, err := httpapi.New(httpapi.Config{
		Stores: storesFrom(st), Authorizer: enforcer, Passwords: password.Hasher{}, Log: log,
		Queue: scoring.queue, Scorer: know, Checklists: know,
		Web: web.New(dist), SecureCookies: f.secureCookies, MaxIngestBytes: f.maxIngest,
	})
	if err != nil {
		return fail(err)
	}
	scoring.observe(api.Metrics())
	srv := &http.Server{
		Handler:           api,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	return srv, cleanup, nil
}

// serveUntilDone serves on ln until ctx is done (a signal), then lets in-flight requests finish
// for up to timeout.
func serveUntilDone(ctx context.Context, srv *http.Server, ln net.Listener, timeout time.Duration, log *slog.Logger) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down", slog.Duration("timeout", timeout))
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), timeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// ensureAdmin returns an administrator, creating one with a generated password (printed once)
// when the database has none.
func ensureAdmin(ctx context.Context, st *store.Store, email string, hasher password.Hasher, stdout io.Writer) (*qa.User, error) {
	users, err := st.Users(ctx)
	if err != nil {
		return nil, err
	}
	for i := range users {
		if users[i].Role == qa.RoleAdmin {
			return &users[i], nil
		}
	}
	pw, err := password.Generate(20)
	if err != nil {
		return nil, err
	}
	u := &qa.User{Email: email, Name: "Administrator", Role: qa.RoleAdmin}
	if err := httpapi.ValidateUser(u); err != nil {
		return nil, fmt.Errorf("--admin-email: %w", err)
	}
	if u.PasswordHash, err = hasher.Hash(pw); err != nil {
		return nil, err
	}
	if err := st.CreateUser(ctx, u); err != nil {
		return nil, fmt.Errorf("create administrator: %w", err)
	}
	fmt.Fprintf(stdout, "qa serve: created administrator %s with password %s (change it after signing in)\n", u.Email, pw)
	return u, nil
}

// loadDemo stores the sample conversations of dir when the database has no conversation yet,
// and schedules their scoring with the active rubrics.
func loadDemo(ctx context.Context, st *store.Store, queue jobs.Queue, dir string, log *slog.Logger) error {
	if _, total, err := st.Conversations(ctx, qa.Filter{Limit: 1}); err != nil || total > 0 {
		return err
	}
	files, err := demoFiles(dir)
	if err != nil {
		return err
	}
	var convs []*transcript.Conversation
	for _, name := range files {
		if err := readDemoFile(ctx, name, &convs, log); err != nil {
			return err
		}
	}
	_, _, keys, err := st.UpsertConversations(ctx, convs)
	if err != nil {
		return fmt.Errorf("--demo: %w", err)
	}
	versions, err := st.ActiveRubrics(ctx)
	if err != nil {
		return err
	}
	active := make([]*rubric.Rubric, 0, len(versions))
	for _, v := range versions {
		r, err := jobs.ParseVersion(v)
		if err != nil {
			return fmt.Errorf("--demo: %w", err)
		}
		active = append(active, r)
	}
	if err := jobs.EnqueueNew(ctx, queue, active, keys, convs); err != nil {
		return fmt.Errorf("--demo: schedule scoring: %w", err)
	}
	log.Info("loaded sample conversations", slog.Int("conversations", len(keys)), slog.String("from", dir))
	return nil
}

// demoFiles lists the sample files of dir: the canonical JSON Lines files and every other
// export the importers read (the format of each is detected).
func demoFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) == 0 {
		return nil, fmt.Errorf("--demo: no sample conversations in %s; run from the repository root or set --demo-dir", dir)
	}
	var files []string
	for _, e := range entries {
		if e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") && !strings.HasSuffix(e.Name(), ".md") {
			files = append(files, filepath.Join(dir, e.Name()))
		}
	}
	return files, nil
}

func readDemoFile(ctx context.Context, name string, convs *[]*transcript.Conversation, log *slog.Logger) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	// A file the importers cannot read is skipped: the demo is best effort.
	err = importer.Read(ctx, f, name, importer.Options{}, func(rec importer.Record) error {
		if rec.Err != nil {
			log.Warn("sample conversation rejected", slog.String("file", name), slog.String("where", rec.Where), slog.Any("err", rec.Err))
			return nil
		}
		*convs = append(*convs, rec.Conversation)
		return nil
	})
	if err != nil {
		log.Warn("sample file skipped", slog.String("file", name), slog.Any("err", err))
	}
	return nil
}
