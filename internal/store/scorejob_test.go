package store_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
	"github.com/qa-scorer/qa-scorer/internal/store"
	"github.com/qa-scorer/qa-scorer/internal/store/storetest"
)

func publishStd(t *testing.T, s *store.Store) qa.RubricVersion {
	t.Helper()
	v, err := s.PublishRubric(context.Background(), &rubric.Rubric{ID: "std", Name: "Standard"}, "id: std\n", 1)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestScoreJobLedger(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		v := publishStd(t, s)
		ref := rubric.RubricRef{ID: "std", Version: v.Version}
		now := time.Now().UTC().Truncate(time.Microsecond)
		store.SetNow(s, func() time.Time { return now })
		if err := s.EnqueueScoreJobs(ctx, []int64{3, 1, 2, 1}, "std", v.Version); err != nil {
			t.Fatal(err)
		}
		progress := func() qa.RescoreProgress {
			t.Helper()
			p, err := s.RescoreProgress(ctx, "std", v.Version)
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
		if p := progress(); p.Total != 3 || p.Done != 0 {
			t.Fatalf("after enqueue: %+v; want 3 jobs (duplicates merged)", p)
		}
		key, got, attempt, err := s.ClaimScoreJob(ctx, "w1", now, time.Minute)
		if err != nil || key != 1 || got != ref || attempt != 1 {
			t.Fatalf("claim: %d %v attempt %d, %v; want conversation 1 first", key, got, attempt, err)
		}
		if err := s.FinishScoreJob(ctx, key, ref, "w2", ""); err != nil {
			t.Fatal(err)
		}
		if p := progress(); p.Done != 0 {
			t.Errorf("another worker finished w1's claim: %+v", p)
		}
		if err := s.FinishScoreJob(ctx, key, ref, "w1", ""); err != nil {
			t.Fatal(err)
		}
		key2, _, _, err := s.ClaimScoreJob(ctx, "w1", now, time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.ReleaseScoreJob(ctx, key2, ref, "w1", "database busy", now.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		key3, _, _, err := s.ClaimScoreJob(ctx, "w1", now, time.Minute)
		if err != nil || key3 == key2 {
			t.Fatalf("claim after release: %d, %v; the released job is due in an hour", key3, err)
		}
		// w1 dies holding key3: once its lease is over another worker takes it, second attempt.
		if _, _, _, err := s.ClaimScoreJob(ctx, "w2", now, time.Minute); !errors.Is(err, qa.ErrNotFound) {
			t.Fatalf("claim with nothing due: %v, want qa.ErrNotFound", err)
		}
		k, _, attempt, err := s.ClaimScoreJob(ctx, "w2", now.Add(2*time.Minute), time.Minute)
		if err != nil || k != key3 || attempt != 2 {
			t.Fatalf("claim of an expired lease: %d attempt %d, %v; want %d attempt 2", k, attempt, err, key3)
		}
		if err := s.FinishScoreJob(ctx, k, ref, "w2", "conversation gone"); err != nil {
			t.Fatal(err)
		}
		if p := progress(); p.Total != 3 || p.Done != 1 || p.Failed != 1 {
			t.Errorf("progress %+v; want 3 total, 1 done, 1 failed", p)
		}

		t.Run("River ledger never goes back to pending", func(t *testing.T) {
			if err := s.FinishScoreJob(ctx, 50, ref, "", ""); err != nil { // finished before recorded
				t.Fatal(err)
			}
			if err := s.RecordScoreJobs(ctx, []int64{50, 51}, "std", v.Version); err != nil {
				t.Fatal(err)
			}
			if p := progress(); p.Total != 5 || p.Done != 2 {
				t.Errorf("progress %+v; want 5 total, 2 done", p)
			}
		})

		if _, err := s.RescoreProgress(ctx, "std", 99); !errors.Is(err, qa.ErrNotFound) {
			t.Errorf("progress of an unpublished version: %v, want qa.ErrNotFound", err)
		}
	})
}

// TestClaimConcurrent has several workers claim at once: every job is claimed exactly once.
func TestClaimConcurrent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		v := publishStd(t, s)
		const jobs, workers = 60, 4
		keys := make([]int64, jobs)
		for i := range keys {
			keys[i] = int64(i + 1)
		}
		if err := s.EnqueueScoreJobs(ctx, keys, "std", v.Version); err != nil {
			t.Fatal(err)
		}
		var mu sync.Mutex
		claimed := map[int64]string{}
		var wg sync.WaitGroup
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				owner := fmt.Sprintf("w%d", w)
				for {
					key, _, _, err := s.ClaimScoreJob(ctx, owner, time.Now(), time.Hour)
					if errors.Is(err, qa.ErrNotFound) {
						return
					}
					if err != nil {
						t.Error(err)
						return
					}
					mu.Lock()
					if prev, ok := claimed[key]; ok {
						t.Errorf("job %d claimed by %s and %s", key, prev, owner)
					}
					claimed[key] = owner
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		if len(claimed) != jobs {
			t.Errorf("%d jobs claimed, want %d", len(claimed), jobs)
		}
	})
}

// TestRescoreProgressPlan checks that counting a rubric version's jobs reads the ledger's index
// on (rubric_id, rubric_version, state), not the whole table: the ledger holds one row per
// conversation and rubric version ever asked for, and the progress route is polled.
func TestRescoreProgressPlan(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		keys := make([]int64, 500)
		for i := range keys {
			keys[i] = int64(i + 1)
		}
		for _, id := range []string{"standard", "chat-support", "voice", "email-support"} {
			for version := 1; version <= 5; version++ {
				if err := s.RecordScoreJobs(ctx, keys, id, version); err != nil {
					t.Fatal(err)
				}
			}
		}
		plan, err := store.RescoreProgressPlan(ctx, s, "voice", 3)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(plan, "score_jobs_rubric_idx") {
			t.Errorf("the progress count does not read score_jobs_rubric_idx:\n%s", plan)
		}
	})
}
