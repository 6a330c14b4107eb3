package store_test

import (
	"context"
	"errors"
	"maps"
	"slices"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/store"
	"github.com/qa-scorer/qa-scorer/internal/store/storetest"
)

func TestMigrate(t *testing.T) {
	ctx := context.Background()
	schemas := map[string]map[string][]string{}
	for _, d := range storetest.Dialects() {
		t.Run(d, func(t *testing.T) {
			s := storetest.New(t, d, false)
			if v, err := s.SchemaVersion(ctx); err != nil || v != 0 {
				t.Fatalf("empty database: version %d, %v; want 0", v, err)
			}
			applied, err := s.Migrate(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if applied != store.LatestSchemaVersion() {
				t.Errorf("first run applied %d migrations, want %d", applied, store.LatestSchemaVersion())
			}
			again, err := s.Migrate(ctx)
			if err != nil || again != 0 {
				t.Errorf("second run: applied %d, %v; want 0, nil", again, err)
			}
			if v, err := s.SchemaVersion(ctx); err != nil || v != store.LatestSchemaVersion() {
				t.Errorf("version %d, %v; want %d", v, err, store.LatestSchemaVersion())
			}
			sch, err := store.Schema(ctx, s)
			if err != nil {
				t.Fatal(err)
			}
			schemas[d] = sch
		})
	}
	t.Run("same schema on both databases", func(t *testing.T) {
		lite, pg := schemas[store.DialectSQLite], schemas[store.DialectPostgres]
		if lite == nil || pg == nil {
			t.Skip("needs both databases")
		}
		if a, b := slices.Sorted(maps.Keys(lite)), slices.Sorted(maps.Keys(pg)); !slices.Equal(a, b) {
			t.Fatalf("tables differ:\nsqlite   %v\npostgres %v", a, b)
		}
		for table, cols := range lite {
			if !slices.Equal(cols, pg[table]) {
				t.Errorf("table %s: columns differ:\nsqlite   %v\npostgres %v", table, cols, pg[table])
			}
		}
	})
}

// TestRowsMatchSchema checks that every query row names exactly the columns of its table in the
// migrated schema, so a row edited without a migration (or the reverse) fails here.
func TestRowsMatchSchema(t *testing.T) {
	ctx := context.Background()
	s := storetest.New(t, store.DialectSQLite, true)
	sch, err := store.Schema(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := store.RowColumns()
	if err != nil {
		t.Fatal(err)
	}
	for table, cols := range rows {
		if !slices.Equal(cols, sch[table]) {
			t.Errorf("table %s:\nrow    %v\nschema %v", table, cols, sch[table])
		}
	}
	for table := range sch {
		if _, ok := rows[table]; !ok {
			t.Errorf("table %s has no query row", table)
		}
	}
}

func TestMigrateRefusesNewerDatabase(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if err := store.AddMigrationRecord(ctx, s, store.LatestSchemaVersion()+1); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Migrate(ctx); !errors.Is(err, qa.ErrConflict) {
			t.Errorf("Migrate on a newer database: %v, want qa.ErrConflict", err)
		}
	})
}

func TestOpenRejectsUnknownDSN(t *testing.T) {
	for _, dsn := range []string{"mysql://u:secret@h/db", "qa.db", "sqlite:/tmp/x.db?mode=ro"} {
		_, err := store.Open(context.Background(), dsn, nil)
		if !errors.Is(err, qa.ErrInvalid) {
			t.Errorf("Open(%q): %v, want qa.ErrInvalid", dsn, err)
		}
		if err != nil && containsSecret(err.Error()) {
			t.Errorf("Open(%q): error shows the password: %v", dsn, err)
		}
	}
}

func containsSecret(s string) bool {
	for i := 0; i+6 <= len(s); i++ {
		if s[i:i+6] == "secret" {
			return true
		}
	}
	return false
}
