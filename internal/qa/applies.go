package qa

import (
	"fmt"
	"slices"

	"github.com/qa-scorer/qa-scorer/internal/rubric"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// Applies reports whether a rubric's applies_to selects a conversation: its channel, its
// language (the detected one when language is set, else its own tag; unknown passes until
// detection), its meta.queue, and the team of any of its agents. Empty lists match everything.
// It is the one filter of the server: ingestion schedules, and scoring jobs score, only the
// conversations it selects (the store's ConversationKeys is its SQL form, for re-scoring).
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
	if len(a.Queues) > 0 && !slices.Contains(a.Queues, c.Queue()) {
		return false
	}
	if len(a.Teams) > 0 && !slices.ContainsFunc(c.Agents, func(ag transcript.Agent) bool { return slices.Contains(a.Teams, ag.Team) }) {
		return false
	}
	return true
}

// ApplicableKeys returns the keys of the conversations a rubric's applies_to selects before
// language detection, in the given order: keys[i] is the stored key of convs[i], as
// UpsertConversations answers. A conversation whose detected language turns out to be another
// is still left alone by the scoring job.
func ApplicableKeys(a rubric.AppliesTo, keys []int64, convs []*transcript.Conversation) ([]int64, error) {
	if len(keys) != len(convs) {
		return nil, fmt.Errorf("applicable conversations: %d keys for %d conversations", len(keys), len(convs))
	}
	var out []int64
	for i, c := range convs {
		if Applies(a, c, "") {
			out = append(out, keys[i])
		}
	}
	return out, nil
}
