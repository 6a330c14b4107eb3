package store

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/qa"
	"gorm.io/gorm"
)

// migration is one step of the schema's history. up runs inside a transaction and uses gorm's
// Migrator for portable DDL, on tables declared by frozen structs (schema_v1.go): a migration
// never reads the row types the queries use, so changing a row later cannot change an old step.
type migration struct {
	name string
	up   func(tx *gorm.DB) error
}

// migrations returns the schema's history in order; the schema version is its length.
// Add new migrations at the end of the list. Never edit or reorder an applied one.
func migrations() []migration {
	return []migration{
		{name: "initial schema", up: migrateV1},
		{name: "reviewed results in statistics", up: migrateV2},
	}
}

// LatestSchemaVersion is the version this binary migrates to.
func LatestSchemaVersion() int { return len(migrations()) }

// schemaMigrationRow records an applied migration: the version record without which nothing
// is ever created in a database.
type schemaMigrationRow struct {
	Version   int       `gorm:"primaryKey;autoIncrement:false"`
	Name      string    `gorm:"not null"`
	AppliedAt time.Time `gorm:"not null"`
}

func (schemaMigrationRow) TableName() string { return "schema_migrations" }

// migrationLockKey is the PostgreSQL advisory lock that serialises migrations when several
// processes start at once ("qa-m" in ASCII).
const migrationLockKey = 0x71612d6d

// Migrate applies the migrations the database has not seen yet, each in its own transaction
// with its version record, and returns how many it applied. Running it again applies nothing.
// It refuses a database migrated by a newer binary.
func (s *Store) Migrate(ctx context.Context) (applied int, err error) {
	all := migrations()
	if err := s.lockedTx(ctx, func(tx *gorm.DB) error {
		if tx.Migrator().HasTable(&schemaMigrationRow{}) {
			return nil
		}
		return tx.Migrator().CreateTable(&schemaMigrationRow{})
	}); err != nil {
		return 0, fmt.Errorf("migrate: create schema_migrations: %w", err)
	}
	current, err := s.SchemaVersion(ctx)
	if err != nil {
		return 0, err
	}
	if current > len(all) {
		return 0, qa.Errorf(qa.ErrConflict, "migrate: database schema version %d is newer than this binary's %d", current, len(all))
	}
	for i, m := range all {
		version := i + 1
		var ran bool
		err := s.lockedTx(ctx, func(tx *gorm.DB) error {
			var n int64
			if err := tx.Model(&schemaMigrationRow{}).Where("version = ?", version).Count(&n).Error; err != nil {
				return err
			}
			if n > 0 {
				return nil // applied earlier, or by another process while we waited for the lock
			}
			if err := m.up(tx); err != nil {
				return err
			}
			ran = true
			return tx.Create(&schemaMigrationRow{Version: version, Name: m.name, AppliedAt: s.now()}).Error
		})
		if err != nil {
			return applied, fmt.Errorf("migrate: version %d (%s): %w", version, m.name, err)
		}
		if ran {
			applied++
			s.log.InfoContext(ctx, "database migrated", slog.Int("version", version), slog.String("migration", m.name))
		}
	}
	return applied, nil
}

// SchemaVersion returns the database's schema version: the highest applied migration, 0 for an
// empty database.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	db := s.conn(ctx)
	if !db.Migrator().HasTable(&schemaMigrationRow{}) {
		return 0, nil
	}
	var version *int
	if err := db.Model(&schemaMigrationRow{}).Select("MAX(version)").Scan(&version).Error; err != nil {
		return 0, dbError(err, "schema version")
	}
	if version == nil {
		return 0, nil
	}
	return *version, nil
}

// lockedTx runs fn in a transaction that holds the migration lock: an advisory lock on
// PostgreSQL; on SQLite the immediate transaction itself excludes other writers.
func (s *Store) lockedTx(ctx context.Context, fn func(tx *gorm.DB) error) error {
	return s.conn(ctx).Transaction(func(tx *gorm.DB) error {
		if s.dialect == DialectPostgres {
			if err := tx.Exec("SELECT pg_advisory_xact_lock(?)", migrationLockKey).Error; err != nil {
				return err
			}
		}
		return fn(tx)
	})
}
