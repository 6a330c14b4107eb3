package jobs

import (
	"context"
	"fmt"
	"log/slog"
	"sync"

	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
)

// HandlerStore is what a Handler needs from storage.
type HandlerStore interface {
	// ConversationForScoring returns a conversation and its revision.
	ConversationForScoring(ctx context.Context, key int64) (*qa.StoredConversation, int64, error)
	// RubricVersion returns a published rubric version.
	RubricVersion(ctx context.Context, rubricID string, version int) (qa.RubricVersion, error)
	// SaveScorecardFor saves a scorecard unless the conversation changed since revision rev or
	// a newer rubric version scored it.
	SaveScorecardFor(ctx context.Context, convKey, rev int64, card *rubric.Scorecard) (int64, bool, error)
}

// Handler is the Worker that scores: it loads the conversation and the rubric version, scores
// with the scorer its ScorerSource gives (the checklists in force) and saves the scorecard. It
// is safe for concurrent use.
type Handler struct {
	store   HandlerStore
	scorers ScorerSource
	log     *slog.Logger

	mu      sync.Mutex
	rubrics map[rubric.RubricRef]*rubric.Rubric // parsed versions; a published version never changes
}

var _ Worker = (*Handler)(nil)

// NewHandler returns a handler scoring with the scorers of a source: a *Knowledge in the
// server, Fixed(scorer) where the checklists never change.
func NewHandler(st HandlerStore, scorers ScorerSource, log *slog.Logger) *Handler {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Handler{store: st, scorers: scorers, log: log, rubrics: map[rubric.RubricRef]*rubric.Rubric{}}
}

// Score scores one conversation with one rubric version. A conversation the rubric does not
// apply to (after language detection) is left alone. Errors wrapping ErrPermanent,
// qa.ErrNotFound or qa.ErrInvalid are final; others are worth a retry.
func (h *Handler) Score(ctx context.Context, convKey int64, rubricID string, version int) (err error) {
	defer func() {
		if p := recover(); p != nil { // a bug in a check must not take the worker down
			err = fmt.Errorf("score conversation %d with %s@%d: %w: panic: %v", convKey, rubricID, version, ErrPermanent, p)
		}
	}()
	r, err := h.rubric(ctx, rubricID, version)
	if err != nil {
		return fmt.Errorf("score conversation %d: %w", convKey, err)
	}
	sc, rev, err := h.store.ConversationForScoring(ctx, convKey)
	if err != nil {
		return fmt.Errorf("score with %s@%d: %w", rubricID, version, err)
	}
	if !qa.Applies(r.AppliesTo, sc.Conv, "") {
		return nil
	}
	scorer, err := h.scorers.Scorer(ctx)
	if err != nil {
		return fmt.Errorf("score conversation %d with %s@%d: %w", convKey, rubricID, version, err)
	}
	card := scorer.Score(r, sc.Conv)
	if !qa.Applies(r.AppliesTo, sc.Conv, card.Language) {
		return nil // the detected language is not one the rubric scores
	}
	id, saved, err := h.store.SaveScorecardFor(ctx, convKey, rev, card)
	if err != nil {
		return fmt.Errorf("score conversation %d with %s@%d: %w", convKey, rubricID, version, err)
	}
	h.log.DebugContext(ctx, "conversation scored", slog.Int64("conversation", convKey), slog.String("rubric", rubricID),
		slog.Int("version", version), slog.Int64("scorecard", id), slog.Bool("saved", saved))
	return nil
}

// rubric returns a parsed rubric version, from the cache when it was parsed before.
func (h *Handler) rubric(ctx context.Context, id string, version int) (*rubric.Rubric, error) {
	ref := rubric.RubricRef{ID: id, Version: version}
	h.mu.Lock()
	r, ok := h.rubrics[ref]
	h.mu.Unlock()
	if ok {
		return r, nil
	}
	v, err := h.store.RubricVersion(ctx, id, version)
	if err != nil {
		return nil, err
	}
	r, err = ParseVersion(v)
	if err != nil {
		return nil, err
	}
	h.mu.Lock()
	h.rubrics[ref] = r
	h.mu.Unlock()
	return r, nil
}

// ParseVersion parses a published rubric version. The stored version number wins over the
// one in the YAML (publishing numbers versions), so scorecards name the version that made them.
func ParseVersion(v qa.RubricVersion) (*rubric.Rubric, error) {
	r, err := rubric.Parse([]byte(v.YAML), fmt.Sprintf("%s@%d", v.RubricID, v.Version))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrPermanent, err)
	}
	if r.ID != v.RubricID {
		return nil, fmt.Errorf("rubric %s@%d: its yaml has id %q: %w", v.RubricID, v.Version, r.ID, ErrPermanent)
	}
	r.Version = v.Version
	return r, nil
}
