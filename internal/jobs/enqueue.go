package jobs

import (
	"context"
	"fmt"

	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// EnqueueNew enqueues freshly stored (or re-sent) conversations with every active rubric that
// applies to them (qa.ApplicableKeys, as the API's ingestion does): keys[i] is the stored key of
// convs[i] (UpsertConversations' answer), active are the active versions parsed with
// ParseVersion.
func EnqueueNew(ctx context.Context, q Queue, active []*rubric.Rubric, keys []int64, convs []*transcript.Conversation) error {
	for _, r := range active {
		mine, err := qa.ApplicableKeys(r.AppliesTo, keys, convs)
		if err != nil {
			return fmt.Errorf("enqueue: %w", err)
		}
		if len(mine) == 0 {
			continue
		}
		if err := q.Enqueue(ctx, mine, r.ID, r.Version); err != nil {
			return fmt.Errorf("enqueue %d conversations for %s@%d: %w", len(mine), r.ID, r.Version, err)
		}
	}
	return nil
}

// KeyLister pages through the keys of the conversations a rubric applies to.
type KeyLister interface {
	ConversationKeys(ctx context.Context, a rubric.AppliesTo, after int64, limit int) ([]int64, error)
}

// RescorePage is how many conversations Rescore enqueues at a time.
const RescorePage = 1000

// Rescore enqueues every stored conversation a rubric version applies to, a page at a time,
// and returns how many it enqueued; RescoreProgress shows how far scoring got. It takes a while
// on a large database: run it in the background. If it is interrupted, running it again is
// safe: jobs are idempotent.
func Rescore(ctx context.Context, q Queue, keys KeyLister, r *rubric.Rubric) (int, error) {
	n := 0
	var after int64
	for {
		page, err := keys.ConversationKeys(ctx, r.AppliesTo, after, RescorePage)
		if err != nil {
			return n, fmt.Errorf("rescore %s@%d: %w", r.ID, r.Version, err)
		}
		if len(page) == 0 {
			return n, nil
		}
		if err := q.Enqueue(ctx, page, r.ID, r.Version); err != nil {
			return n, fmt.Errorf("rescore %s@%d: %w", r.ID, r.Version, err)
		}
		n += len(page)
		after = page[len(page)-1]
	}
}
