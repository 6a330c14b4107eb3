package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/qa-scorer/qa-scorer/internal/jobs"
	"github.com/qa-scorer/qa-scorer/internal/store"
)

// runMigrate is `qa migrate`: bring the database schema up to date and report its version.
func runMigrate(ctx context.Context, e env, args []string) error {
	var db dbFlags
	fset := flag.NewFlagSet("migrate", flag.ContinueOnError)
	fset.SetOutput(e.stderr)
	db.register(fset)
	if err := fset.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	log, err := db.logger(e.stderr)
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, db.database, log)
	if err != nil {
		return err
	}
	defer st.Close()
	applied, err := st.Migrate(ctx)
	if err != nil {
		return err
	}
	version, err := st.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	if st.Dialect() == store.DialectPostgres {
		// River keeps the PostgreSQL job queue in tables of its own, versioned by River.
		if _, err := jobs.MigrateRiver(ctx, db.database, log); err != nil {
			return fmt.Errorf("migrate job queue: %w", err)
		}
	}
	fmt.Fprintf(e.stdout, "%s database at schema version %d (%d migrations applied now)\n", st.Dialect(), version, applied)
	return nil
}
