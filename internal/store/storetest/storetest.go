// Package storetest gives tests fresh databases: an SQLite file in t.TempDir() always, and a
// new PostgreSQL database (created on the server QA_TEST_POSTGRES_DSN names, dropped when the
// test ends) when that variable is set. With QA_REQUIRE_POSTGRES=1 a missing DSN fails the test
// instead of skipping its PostgreSQL half, so CI cannot silently test SQLite only.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver, for CREATE DATABASE
	"github.com/qa-scorer/qa-scorer/internal/store"
)

// The environment variables that configure the PostgreSQL half of the tests.
const (
	EnvPostgresDSN     = "QA_TEST_POSTGRES_DSN"
	EnvRequirePostgres = "QA_REQUIRE_POSTGRES"
)

// Dialects lists the databases every store test runs on.
func Dialects() []string { return []string{store.DialectSQLite, store.DialectPostgres} }

// Each runs fn as a subtest per dialect, each with a fresh migrated store.
func Each(t *testing.T, fn func(t *testing.T, s *store.Store)) {
	t.Helper()
	for _, d := range Dialects() {
		t.Run(d, func(t *testing.T) { fn(t, New(t, d, true)) })
	}
}

// New opens a fresh store of a dialect, migrated or empty, closed when the test ends.
func New(t testing.TB, dialect string, migrate bool) *store.Store {
	t.Helper()
	s := Open(t, DSN(t, dialect))
	if migrate {
		if _, err := s.Migrate(context.Background()); err != nil {
			t.Fatalf("migrate %s: %v", dialect, err)
		}
	}
	return s
}

// Open opens a store on a DSN from DSN, closed when the test ends.
func Open(t testing.TB, dsn string) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), dsn, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatalf("open %s: %v", dsn, err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("close store: %v", err)
		}
	})
	return s
}

// DSN returns the DSN of a fresh empty database of a dialect: a file in t.TempDir() for
// SQLite, a new database for PostgreSQL (skipped or failed when none is configured).
func DSN(t testing.TB, dialect string) string {
	t.Helper()
	if dialect == store.DialectSQLite {
		return "sqlite:" + filepath.Join(t.TempDir(), "qa.db")
	}
	return PostgresDSN(t)
}

// PostgresDSN creates a database on the test server and returns its DSN; the database is
// dropped when the test ends.
func PostgresDSN(t testing.TB) string {
	t.Helper()
	base := os.Getenv(EnvPostgresDSN)
	if base == "" {
		if os.Getenv(EnvRequirePostgres) == "1" {
			t.Fatalf("%s=1 but %s is not set", EnvRequirePostgres, EnvPostgresDSN)
		}
		t.Skipf("PostgreSQL half skipped: %s is not set", EnvPostgresDSN)
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", EnvPostgresDSN, err)
	}
	name := "qa_t_" + randomHex(t, 8)
	if err := execAdmin(base, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("create database %s: %v", name, err)
	}
	t.Cleanup(func() {
		if err := execAdmin(base, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("drop database %s: %v", name, err)
		}
	})
	u.Path = "/" + name
	return u.String()
}

// execAdmin runs one statement on the server's own database.
func execAdmin(dsn, stmt string) error {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.ExecContext(context.Background(), stmt)
	return err
}

func randomHex(t testing.TB, n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatalf("random: %v", err)
	}
	return hex.EncodeToString(b)
}
