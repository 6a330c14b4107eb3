package jobs

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/qa-scorer/qa-scorer/internal/rubric"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// Applies reports whether a rubric's applies_to selects a conversation: its channel, its
// language (the detected one when language is set, else its own tag; unknown passes until
// detection), its meta.queue, and the team of any of its agents. Empty lists match everything.
func Applies(a rubric.AppliesTo, c *transcript.Conversation, language string) bool {
	if len(a.Channels) > 0 && !slices.Contains(a.Channels, string(c.Channel)) {
		return false
	}
	if language == "" {
		language = transcript.PrimaryLanguage(c.Language)
	}
	if len(a.Languages) > 0 && language != "" && !slices.Contains(a.Languages, language) {
		return false
	}
	if len(a.Queues) > 0 && !slices.Contains(a.Queues, metaQueue(c.Meta)) {
		return false
	}
	if len(a.Teams) > 0 && !slices.ContainsFunc(c.Agents, func(ag transcript.Agent) bool { return slices.Contains(a.Teams, ag.Team) }) {
		return false
	}
	return true
}

// metaQueue returns meta.queue when meta is an object with a string queue; the store reads the
// queue the same way.
func metaQueue(meta json.RawMessage) string {
	var m struct {
		Queue string `json:"queue"`
	}
	if len(meta) == 0 || json.Unmarshal(meta, &m) != nil {
		return ""
	}
	return m.Queue
}

// EnqueueNew enqueues freshly stored (or re-sent) conversations with every active rubric that
// applies to them: keys[i] is the stored key of convs[i] (UpsertConversations' answer), active
// are the active versions parsed with ParseVersion.
func EnqueueNew(ctx context.Context, q Queue, active []*rubric.Rubric, keys []int64, convs []*transcript.Conversation) error {
	if len(keys) != len(convs) {
		return fmt.Errorf("enqueue: %d keys for %d conversations", len(keys), len(convs))
	}
	for _, r := range active {
		var mine []int64
		for i, c := range convs {
			if Applies(r.AppliesTo, c, "") {
				mine = append(mine, keys[i])
			}
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
