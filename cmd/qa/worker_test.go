package main

import (
	"io"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/jobs"
	"github.com/qa-scorer/qa-scorer/internal/store"
)

// TestWorkersFlag checks `qa serve --workers`: unset, each database gets its queue's default
// (many on PostgreSQL, where River's fetch cooldown bounds throughput by the worker count);
// given, the number is taken as is, 0 included (this process only enqueues).
func TestWorkersFlag(t *testing.T) {
	tests := []struct {
		name           string
		args           []string
		postgres, lite int
	}{
		{"default", nil, jobs.DefaultRiverWorkers, jobs.DefaultTableWorkers},
		{"given", []string{"--workers", "4"}, 4, 4},
		{"none", []string{"--workers", "0"}, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var f serveFlags
			if err := f.parse(tc.args, io.Discard); err != nil {
				t.Fatal(err)
			}
			if pg, lite := f.workers.count(store.DialectPostgres), f.workers.count(store.DialectSQLite); pg != tc.postgres || lite != tc.lite {
				t.Errorf("workers %d on PostgreSQL, %d on SQLite; want %d, %d", pg, lite, tc.postgres, tc.lite)
			}
		})
	}
	for _, bad := range []string{"-1", "many"} {
		var f serveFlags
		if err := f.parse([]string{"--workers", bad}, io.Discard); err == nil {
			t.Errorf("--workers %s accepted", bad)
		}
	}
	if code, _, _ := runQA(t, "", "worker", "--database", "sqlite:"+t.TempDir()+"/qa.db", "--workers", "0"); code != exitUsage {
		t.Errorf("qa worker --workers 0: exit %d, want %d", code, exitUsage)
	}
}
