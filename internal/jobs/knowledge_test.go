package jobs_test

import (
	"context"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/check"
	"github.com/qa-scorer/qa-scorer/internal/jobs"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
	"github.com/qa-scorer/qa-scorer/internal/store"
	"github.com/qa-scorer/qa-scorer/internal/store/storetest"
	"github.com/qa-scorer/qa-scorer/internal/textproc"
)

// publishChecklists publishes every file of the checklists folder, as `qa serve` does.
func publishChecklists(t *testing.T, s *store.Store) {
	t.Helper()
	dir := os.DirFS("../../checklists")
	err := fs.WalkDir(dir, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".yaml") {
			return err
		}
		data, err := fs.ReadFile(dir, p)
		if err == nil {
			_, err = s.PublishChecklist(context.Background(), p, string(data), 1)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// responseTime scores the test conversation (the agent answers after 30 s) with the standard
// rubric and returns the response_time item's result.
func responseTime(t *testing.T, s *rubric.Scorer) check.Outcome {
	t.Helper()
	for _, it := range s.Score(mustStandard(t), conversation("k-1")).Items {
		if it.ID == "response_time" {
			return it.Result
		}
	}
	t.Fatal("the standard rubric has no response_time item")
	return ""
}

func TestKnowledge(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		publishChecklists(t, s)
		an, err := textproc.NewAnalyzer(textproc.Options{})
		if err != nil {
			t.Fatal(err)
		}
		k := jobs.NewKnowledge(s, an, nil)
		first, err := k.Scorer(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got := responseTime(t, first); got != check.Pass {
			t.Fatalf("with the bundled limit of 60 s: %s, want pass", got)
		}
		if again, err := k.Scorer(ctx); err != nil || again != first {
			t.Errorf("nothing published, yet the scorer was rebuilt (%v)", err)
		}

		settings, err := os.ReadFile("../../checklists/settings.yaml")
		if err != nil {
			t.Fatal(err)
		}
		strict := strings.Replace(string(settings), "chat: 60s", "chat: 10s", 1)

		t.Run("an edit is validated against the published set", func(t *testing.T) {
			if err := k.ValidateChecklist(ctx, "settings.yaml", []byte(strict)); err != nil {
				t.Errorf("a valid edit: %v", err)
			}
			bad := strings.Replace(strict, "chat: 10s", "chat: soon", 1)
			if err := k.ValidateChecklist(ctx, "settings.yaml", []byte(bad)); err == nil || !strings.Contains(err.Error(), "response_time.chat") {
				t.Errorf("a bad limit: %v, want an error naming response_time.chat", err)
			}
			// A phrase file that redefines a language must clash with the folder it joins.
			if err := k.ValidateChecklist(ctx, "en/extra.yaml", []byte("language: ru\nsets: {}\n")); err == nil {
				t.Error("a file of another language in en/ was accepted")
			}
		})

		if _, err := s.PublishChecklist(ctx, "settings.yaml", strict, 2); err != nil {
			t.Fatal(err)
		}
		second, err := k.Scorer(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if second == first {
			t.Fatal("a checklist was published, yet the scorer was not rebuilt")
		}
		if got := responseTime(t, second); got != check.Fail {
			t.Errorf("with the published limit of 10 s: %s, want fail", got)
		}
		card, err := k.Score(ctx, mustStandard(t), conversation("k-2"))
		if err != nil || card.Score == 0 {
			t.Errorf("preview score: %+v, %v", card, err)
		}
	})
}

func mustStandard(t *testing.T) *rubric.Rubric {
	t.Helper()
	r, err := rubric.Load(os.DirFS("../../rubrics"), "standard")
	if err != nil {
		t.Fatal(err)
	}
	return r
}
