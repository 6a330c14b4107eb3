// Package store keeps the QA server's data in a relational database through gorm: PostgreSQL in
// production, an embedded SQLite file by default (pure Go, nothing to install). It holds the
// stored conversations and scorecards, the per-agent result rows that statistics read, rubric and
// checklist versions, people, reviews, the review queue, disputes, coaching notes, calibration
// sessions, the audit trail and the ledger of scoring jobs.
//
// The gorm rows are private to this package: every file converts explicitly between its rows and
// the domain types of internal/qa, internal/rubric and internal/transcript (toXRow / toX), and
// every error a caller can branch on wraps a qa sentinel (qa.ErrNotFound, qa.ErrConflict,
// qa.ErrInvalid, qa.ErrForbidden). The schema comes from the ordered migrations in migrations.go;
// Open never changes it, Migrate does.
package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/glebarez/sqlite"
	"github.com/qa-scorer/qa-scorer/internal/qa"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
	gormlogger "gorm.io/gorm/logger"
)

// The dialects Store.Dialect reports.
const (
	DialectSQLite   = "sqlite"
	DialectPostgres = "postgres"
)

// DefaultSQLitePath is the database file used when the DSN is empty.
const DefaultSQLitePath = "qa.db"

// sqliteOptions make the embedded database safe for a server: WAL lets readers run beside the
// one writer, busy_timeout makes writers wait for each other instead of failing, and
// _txlock=immediate takes the write lock when a transaction begins, so two transactions never
// deadlock upgrading a read lock. (No _time_format: the driver's default is already the sortable
// "2006-01-02 15:04:05.999999999-07:00", and glebarez/go-sqlite v1.22 ignores _txlock after it.)
const sqliteOptions = "_pragma=busy_timeout(20000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)" +
	"&_pragma=foreign_keys(1)&_txlock=immediate"

// Store is the QA server's database. It is safe for concurrent use.
type Store struct {
	db      *gorm.DB
	dialect string
	log     *slog.Logger
	// now is the clock; tests replace it. Times are kept in UTC to the microsecond, the
	// precision both databases store.
	now func() time.Time
}

// Open connects to the database a DSN names: "" or "sqlite:PATH" is an SQLite file (DefaultSQLitePath
// when PATH is empty), "postgres://..." or "postgresql://..." is PostgreSQL. It does not migrate;
// call Migrate (`qa migrate`, and `qa serve` on start).
func Open(ctx context.Context, dsn string, log *slog.Logger) (*Store, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	dialector, dialect, err := dialectorFor(dsn)
	if err != nil {
		return nil, err
	}
	db, err := gorm.Open(dialector, &gorm.Config{
		TranslateError: true, // unique violations become gorm.ErrDuplicatedKey on both databases
		Logger:         gormlogger.Discard,
		NowFunc:        func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) },
	})
	if err != nil {
		return nil, fmt.Errorf("open %s database: %w", dialect, err)
	}
	s := &Store{db: db, dialect: dialect, log: log, now: func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, fmt.Errorf("open %s database: %w", dialect, err)
	}
	if dialect == DialectSQLite {
		// One writer at a time anyway; a few connections let reads proceed beside it.
		sqlDB.SetMaxOpenConns(4)
	} else {
		sqlDB.SetMaxOpenConns(20)
		// Keep returned connections open: with database/sql's default of 2 idle connections a
		// busy server closed and reopened a connection for most jobs (scripts/load.sh measured
		// 340,288 new sessions for 400,000 jobs), the largest single cost of PostgreSQL's CPU.
		sqlDB.SetMaxIdleConns(20)
		sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	}
	if err := s.Ping(ctx); err != nil {
		_ = sqlDB.Close() // the ping error is the one worth returning
		return nil, err
	}
	return s, nil
}

func dialectorFor(dsn string) (gorm.Dialector, string, error) {
	switch {
	case dsn == "" || strings.HasPrefix(dsn, "sqlite:"):
		path := strings.TrimPrefix(dsn, "sqlite:")
		if path == "" {
			path = DefaultSQLitePath
		}
		if strings.Contains(path, "?") {
			return nil, "", qa.Errorf(qa.ErrInvalid, "sqlite path %q: options are set by the server", path)
		}
		return sqlite.Open(path + "?" + sqliteOptions), DialectSQLite, nil
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return postgres.Open(dsn), DialectPostgres, nil
	}
	return nil, "", qa.Errorf(qa.ErrInvalid, "database url: want sqlite:PATH or postgres://..., got %q", redact(dsn))
}

// redact hides a password in a URL-like DSN for error messages.
func redact(dsn string) string {
	scheme, rest, ok := strings.Cut(dsn, "://")
	if !ok {
		return dsn
	}
	creds, host, ok := strings.Cut(rest, "@")
	if !ok {
		return dsn
	}
	user, _, _ := strings.Cut(creds, ":")
	return scheme + "://" + user + ":***@" + host
}

// Close closes the database connections.
func (s *Store) Close() error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return fmt.Errorf("close database: %w", err)
	}
	return sqlDB.Close()
}

// Ping checks that the database answers (for /readyz).
func (s *Store) Ping(ctx context.Context) error {
	sqlDB, err := s.db.DB()
	if err == nil {
		err = sqlDB.PingContext(ctx)
	}
	if err != nil {
		return fmt.Errorf("ping %s database: %w", s.dialect, err)
	}
	return nil
}

// Dialect returns "sqlite" or "postgres".
func (s *Store) Dialect() string { return s.dialect }

// conn returns the database bound to a request context.
func (s *Store) conn(ctx context.Context) *gorm.DB { return s.db.WithContext(ctx) }

// forUpdate locks the selected rows until the transaction ends on PostgreSQL. SQLite needs no
// row lock: its transactions take the database write lock when they begin.
func (s *Store) forUpdate(q *gorm.DB) *gorm.DB {
	if s.dialect == DialectPostgres {
		return q.Clauses(clause.Locking{Strength: clause.LockingStrengthUpdate})
	}
	return q
}

// dbError wraps a database error with what was being done, adding the qa sentinel a caller
// branches on: a missing row is qa.ErrNotFound and a unique violation is qa.ErrConflict.
func dbError(err error, format string, args ...any) error {
	what := fmt.Sprintf(format, args...)
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		return fmt.Errorf("%s: %w", what, qa.ErrNotFound)
	case errors.Is(err, gorm.ErrDuplicatedKey):
		return fmt.Errorf("%s: %w: %w", what, qa.ErrConflict, err)
	}
	return fmt.Errorf("%s: %w", what, err)
}

// isNotFound reports whether a query found no row.
func isNotFound(err error) bool { return errors.Is(err, gorm.ErrRecordNotFound) }

// utc normalises a time read from either database.
func utc(t time.Time) time.Time { return t.UTC() }

// utcPtr normalises an optional time.
func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}
