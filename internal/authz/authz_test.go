package authz

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

func openDB(t *testing.T) *gorm.DB {
	t.Helper()
	db, err := gorm.Open(sqlite.Open(filepath.Join(t.TempDir(), "authz.db")), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if sqlDB, err := db.DB(); err == nil {
			sqlDB.Close()
		}
	})
	return db
}

func mustNew(t *testing.T, db *gorm.DB) *Enforcer {
	t.Helper()
	en, err := New(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	return en
}

func TestCan(t *testing.T) {
	en := mustNew(t, openDB(t))
	tests := []struct {
		name                    string
		subject, object, action string
		want                    bool
	}{
		{"anonymous may log in", Anonymous, "auth", "login", true},
		{"anonymous may not list conversations", Anonymous, "conversations", "list", false},
		{"agent inherits login from anonymous", "agent", "auth", "login", true},
		{"agent inherits me from user", "agent", "me", "read", true},
		{"agent may dispute", "agent", "disputes", "create", true},
		{"agent may not resolve a dispute", "agent", "disputes", "resolve", false},
		{"agent may not publish a rubric", "agent", "rubrics", "publish", false},
		{"trainer may publish a rubric", "trainer", "rubrics", "publish", true},
		{"trainer may not review", "trainer", "reviews", "create", false},
		{"reviewer may pull the queue", "qa_reviewer", "queue", "pull", true},
		{"reviewer may not resolve a dispute", "qa_reviewer", "disputes", "resolve", false},
		{"reviewer may list calibration sessions", "qa_reviewer", "calibrations", "list", true},
		{"team lead may not list calibration sessions", "team_lead", "calibrations", "list", false},
		{"team lead may resolve a dispute", "team_lead", "disputes", "resolve", true},
		{"team lead may not ingest", "team_lead", "conversations", "create", false},
		{"admin may do anything", "admin", "users", "create", true},
		{"admin may do an action nobody else has", "admin", "audit", "read", true},
		{"unknown role is anonymous at most", "intruder", "me", "read", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := en.Can(context.Background(), tc.subject, tc.object, tc.action)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("Can(%s, %s, %s) = %v, want %v", tc.subject, tc.object, tc.action, got, tc.want)
			}
		})
	}
}

func TestPolicyIsStoredInTheDatabase(t *testing.T) {
	db := openDB(t)
	mustNew(t, db)
	var n int64
	if err := db.Table(PolicyTable).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	want := len(DefaultPolicy()) + len(DefaultGrouping())
	if int(n) != want {
		t.Fatalf("stored %d policy lines, want %d", n, want)
	}
	// A second start adds nothing.
	mustNew(t, db)
	if err := db.Table(PolicyTable).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	if int(n) != want {
		t.Fatalf("after a second start: %d policy lines, want %d", n, want)
	}
}

func TestSeedKeepsARevokedPermissionRevoked(t *testing.T) {
	db := openDB(t)
	en := mustNew(t, db)
	// An administrator revokes disputes.list from agents (reviewers and team leads keep it).
	if _, err := en.e.RemovePolicy("agent", "disputes", "list"); err != nil {
		t.Fatal(err)
	}
	en2 := mustNew(t, db)
	ok, err := en2.Can(context.Background(), "agent", "disputes", "list")
	if err != nil {
		t.Fatal(err)
	}
	if ok {
		t.Error("a restart restored a permission the administrator revoked")
	}
	// A permission nobody holds any more (a new release's action) is seeded again.
	if _, err := en2.e.RemoveFilteredPolicy(1, "coaching", "ack"); err != nil {
		t.Fatal(err)
	}
	en3 := mustNew(t, db)
	if ok, _ := en3.Can(context.Background(), "agent", "coaching", "ack"); !ok {
		t.Error("a default permission missing from the stored policy was not seeded")
	}
}

func TestCanHonoursACancelledContext(t *testing.T) {
	en := mustNew(t, openDB(t))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if ok, err := en.Can(ctx, "admin", "users", "create"); ok || err == nil {
		t.Errorf("Can on a cancelled context = %v, %v; want false and an error", ok, err)
	}
}
