package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"strings"

	"github.com/glebarez/sqlite"
	"github.com/qa-scorer/qa-scorer/internal/authz"
	"github.com/qa-scorer/qa-scorer/internal/httpapi"
	"github.com/qa-scorer/qa-scorer/internal/jobs"
	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
	"github.com/qa-scorer/qa-scorer/internal/store"
	"github.com/qa-scorer/qa-scorer/internal/textproc"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	gormlogger "gorm.io/gorm/logger"
)

// envDatabaseURL names the database when --database is not given.
const envDatabaseURL = "QA_DATABASE_URL"

// dbFlags are the flags every server command shares.
type dbFlags struct {
	database  string
	logFormat string
	logLevel  string
}

func (d *dbFlags) register(fs interface {
	StringVar(p *string, name, value, usage string)
}) {
	fs.StringVar(&d.database, "database", os.Getenv(envDatabaseURL),
		"database: sqlite:PATH or postgres://... (default $"+envDatabaseURL+", else sqlite:"+store.DefaultSQLitePath+")")
	fs.StringVar(&d.logFormat, "log-format", "text", "log format: text or json")
	fs.StringVar(&d.logLevel, "log-level", "info", "log level: debug, info, warn or error")
}

// logger builds the structured logger the server commands pass down.
func (d *dbFlags) logger(w io.Writer) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(d.logLevel)); err != nil {
		return nil, fmt.Errorf("%w: --log-level %q", errUsage, d.logLevel)
	}
	opts := &slog.HandlerOptions{Level: level}
	switch d.logFormat {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("%w: --log-format %q: want text or json", errUsage, d.logFormat)
}

// openStore opens the database and brings its schema up to date.
func openStore(ctx context.Context, dsn string, log *slog.Logger) (*store.Store, error) {
	st, err := store.Open(ctx, dsn, log)
	if err != nil {
		return nil, err
	}
	applied, err := st.Migrate(ctx)
	if err != nil {
		st.Close()
		return nil, fmt.Errorf("migrate: %w", err)
	}
	if applied > 0 {
		log.Info("database migrated", slog.Int("applied", applied), slog.String("dialect", st.Dialect()))
	}
	return st, nil
}

// policyDB returns the gorm handle the authorisation policy is kept in: the store's own when it
// offers one (docs/server-contract.md, "Requests from httpapi"), else a connection of its own
// to the same database. The caller closes the returned closer.
func policyDB(st *store.Store, dsn string) (*gorm.DB, io.Closer, error) {
	if p, ok := any(st).(interface{ DB() *gorm.DB }); ok {
		return p.DB(), io.NopCloser(nil), nil
	}
	var dialector gorm.Dialector
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		dialector = postgres.Open(dsn)
	default:
		path := strings.TrimPrefix(dsn, "sqlite:")
		if path == "" {
			path = store.DefaultSQLitePath
		}
		dialector = sqlite.Open(path + "?_pragma=busy_timeout(20000)&_pragma=journal_mode(WAL)&_txlock=immediate")
	}
	db, err := gorm.Open(dialector, &gorm.Config{Logger: gormlogger.Discard})
	if err != nil {
		return nil, nil, fmt.Errorf("open policy database: %w", err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, nil, fmt.Errorf("open policy database: %w", err)
	}
	sqlDB.SetMaxOpenConns(2)
	return db, sqlDB, nil
}

// storesFrom hands the one store to every resource of the API.
func storesFrom(st *store.Store) httpapi.Stores {
	return httpapi.Stores{
		Conversations: st, Scorecards: st, Stats: st, Rubrics: st, Checklists: st, Users: st,
		Sessions: st, Tokens: st, Reviews: st, Assignments: st, Disputes: st, Coaching: st,
		Calibrations: st, Audit: st, Health: st,
	}
}

// newEnforcer opens the authoriser on the database.
func newEnforcer(ctx context.Context, st *store.Store, dsn string) (*authz.Enforcer, io.Closer, error) {
	db, closer, err := policyDB(st, dsn)
	if err != nil {
		return nil, nil, err
	}
	en, err := authz.New(ctx, db)
	if err != nil {
		closer.Close()
		return nil, nil, err
	}
	return en, closer, nil
}

// publishBundledRubrics publishes every rubric of fsys that the database does not have yet, as
// its first version, so that a new server scores with the shipped rubrics.
func publishBundledRubrics(ctx context.Context, st *store.Store, fsys fs.FS, by int64, log *slog.Logger) error {
	ids, err := rubric.List(fsys)
	if err != nil {
		return err
	}
	for _, id := range ids {
		versions, err := st.RubricVersions(ctx, id)
		if err != nil && !errors.Is(err, qa.ErrNotFound) {
			return fmt.Errorf("rubric %s: %w", id, err)
		}
		if len(versions) > 0 {
			continue
		}
		r, err := rubric.Load(fsys, id)
		if err != nil {
			return err
		}
		yaml, err := fs.ReadFile(fsys, id+".yaml")
		if err != nil {
			return fmt.Errorf("rubric %s: %w", id, err)
		}
		rv, err := st.PublishRubric(ctx, r, string(yaml), by)
		if err != nil {
			return fmt.Errorf("publish rubric %s: %w", id, err)
		}
		log.Info("published bundled rubric", slog.String("rubric", id), slog.Int("version", rv.Version))
	}
	return nil
}

// publishBundledChecklists publishes every checklist file of fsys (settings.yaml and
// LANG/NAME.yaml) that the database does not have yet, as its first version: the database holds
// the checklists in force, which trainers edit and the scoring workers read (jobs.Knowledge).
// A file the database already has is left alone, so edits survive an upgrade.
func publishBundledChecklists(ctx context.Context, st *store.Store, fsys fs.FS, by int64, log *slog.Logger) error {
	published, err := st.Checklists(ctx)
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for _, v := range published {
		have[v.Path] = true
	}
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".yaml" || have[p] {
			return err
		}
		if p != rubric.SettingsFile && strings.Count(p, "/") != 1 {
			return nil // not a checklist file (LoadChecklists reads only these)
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return fmt.Errorf("checklist %s: %w", p, err)
		}
		v, err := st.PublishChecklist(ctx, p, string(data), by)
		if err != nil {
			return fmt.Errorf("publish checklist %s: %w", p, err)
		}
		log.Debug("published bundled checklist", slog.String("checklist", p), slog.Int("version", v.Version))
		return nil
	})
}

// loadKnowledge returns the checklists in force in the database (jobs.Knowledge), loaded once
// now so that a set that does not load stops the server at start.
func (k *knowledgeFlags) loadKnowledge(ctx context.Context, st *store.Store, log *slog.Logger) (*jobs.Knowledge, error) {
	an, err := textproc.NewAnalyzer(textproc.Options{DefaultLanguage: k.language})
	if err != nil {
		return nil, err
	}
	know := jobs.NewKnowledge(st, an, log)
	if _, err := know.Scorer(ctx); err != nil {
		return nil, err
	}
	return know, nil
}
