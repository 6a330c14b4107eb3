package jobs

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing/fstest"

	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
	"github.com/qa-scorer/qa-scorer/internal/textproc"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// ScorerSource gives the scorer a job scores with. Knowledge is the server's; Fixed wraps a
// scorer whose checklists never change (tests, tools).
type ScorerSource interface {
	Scorer(ctx context.Context) (*rubric.Scorer, error)
}

// Fixed returns a ScorerSource that always gives s.
func Fixed(s *rubric.Scorer) ScorerSource { return fixed{s} }

type fixed struct{ s *rubric.Scorer }

func (f fixed) Scorer(context.Context) (*rubric.Scorer, error) { return f.s, nil }

// ChecklistStore is where the published checklists are kept; *store.Store implements it.
type ChecklistStore interface {
	// Checklists returns the latest version of each checklist file.
	Checklists(ctx context.Context) ([]qa.ChecklistVersion, error)
	// ChecklistRevision grows with every publication.
	ChecklistRevision(ctx context.Context) (int, error)
}

// Knowledge is the phrase knowledge in force: a scorer built from the checklists published in
// the database (the bundled ones are published there at start-up, and trainers publish
// edits). Every scoring job asks it for its scorer, which costs one small query (the
// revision); when a checklist was published since the scorer was built, by this process or
// another one, it is rebuilt and swapped in atomically. So the scoring workers of every
// process, rubric previews and checklist validation all read what the database holds.
// Knowledge is safe for concurrent use.
type Knowledge struct {
	store    ChecklistStore
	analyzer *textproc.Analyzer
	log      *slog.Logger

	mu      sync.Mutex // one rebuild at a time
	current atomic.Pointer[built]
}

// built is a scorer and the checklist revision it was built from.
type built struct {
	revision int
	scorer   *rubric.Scorer
}

var _ ScorerSource = (*Knowledge)(nil)

// NewKnowledge returns the knowledge of the checklists published in st, analysed with an.
func NewKnowledge(st ChecklistStore, an *textproc.Analyzer, log *slog.Logger) *Knowledge {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Knowledge{store: st, analyzer: an, log: log}
}

// Scorer returns the scorer of the checklists in force, rebuilding it when a checklist was
// published since it was built. When the published set fails to load (two edits that each
// validated but clash), it keeps the last scorer that loaded and logs why; with none it fails.
func (k *Knowledge) Scorer(ctx context.Context) (*rubric.Scorer, error) {
	rev, err := k.store.ChecklistRevision(ctx)
	if err != nil {
		return nil, fmt.Errorf("checklists in force: %w", err)
	}
	if cur := k.current.Load(); cur != nil && cur.revision >= rev {
		return cur.scorer, nil
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	cur := k.current.Load()
	if cur != nil && cur.revision >= rev {
		return cur.scorer, nil // another job rebuilt it while this one waited
	}
	versions, err := k.store.Checklists(ctx)
	if err != nil {
		return nil, fmt.Errorf("checklists in force: %w", err)
	}
	know, err := rubric.LoadChecklists(ChecklistFS(versions), k.analyzer)
	if err != nil {
		if cur == nil {
			return nil, fmt.Errorf("published checklists: %w", err) // retried: a fix may be published
		}
		k.log.ErrorContext(ctx, "published checklists do not load; scoring with the previous ones",
			slog.Int("revision", rev), slog.Any("err", err))
		k.current.Store(&built{revision: rev, scorer: cur.scorer})
		return cur.scorer, nil
	}
	s := rubric.NewScorer(k.analyzer, know)
	k.current.Store(&built{revision: rev, scorer: s})
	k.log.InfoContext(ctx, "checklists loaded", slog.Int("revision", rev), slog.Int("files", len(versions)))
	return s, nil
}

// Score scores a conversation with a rubric and the checklists in force (rubric previews).
func (k *Knowledge) Score(ctx context.Context, r *rubric.Rubric, c *transcript.Conversation) (*rubric.Scorecard, error) {
	s, err := k.Scorer(ctx)
	if err != nil {
		return nil, err
	}
	return s.Score(r, c), nil
}

// ValidateChecklist loads the published checklists with one file replaced (or added) by an
// edit, with the loader scoring uses, so that an edit is checked against the set it joins:
// errors name the file, the line and the set or field.
func (k *Knowledge) ValidateChecklist(ctx context.Context, path string, yaml []byte) error {
	versions, err := k.store.Checklists(ctx)
	if err != nil {
		return fmt.Errorf("checklists in force: %w", err)
	}
	fsys := ChecklistFS(versions)
	fsys[path] = &fstest.MapFile{Data: yaml}
	_, err = rubric.LoadChecklists(fsys, k.analyzer)
	return err
}

// ChecklistFS lays published checklist versions out as the folder rubric.LoadChecklists reads
// (settings.yaml, LANG/NAME.yaml). fstest.MapFS is the standard library's in-memory fs.FS; it
// synthesises the language folders from the paths.
func ChecklistFS(versions []qa.ChecklistVersion) fstest.MapFS {
	out := make(fstest.MapFS, len(versions))
	for _, v := range versions {
		out[v.Path] = &fstest.MapFile{Data: []byte(v.YAML)}
	}
	return out
}
