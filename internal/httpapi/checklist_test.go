package httpapi

import (
	"context"
	"errors"
	"os"
	"slices"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// refuseChecklist is a checklist validator that refuses one path.
type refuseChecklist struct{ path string }

func (v refuseChecklist) ValidateChecklist(_ context.Context, path string, _ []byte) error {
	if path == v.path {
		return errors.New("checklist " + path + ": line 3: set \"greeting\": want a list of phrases")
	}
	return nil
}

// TestPublishChecklistRescores checks that a checklist is validated before it is published,
// and that publishing schedules every stored conversation with every active rubric.
func TestPublishChecklistRescores(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.Checklists = refuseChecklist{path: "en/core.yaml"} })
	trainer := h.tokenFor(h.addUser(qa.RoleTrainer, "t@example.com", ""))
	yaml, err := os.ReadFile("../../rubrics/standard.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"standard", "chat"} {
		r, err := rubric.Parse(yaml, id+".yaml")
		if err != nil {
			t.Fatal(err)
		}
		r.ID = id
		if _, err := h.store.PublishRubric(t.Context(), r, string(yaml), 1); err != nil {
			t.Fatal(err)
		}
	}
	var convs []*transcript.Conversation
	for _, id := range []string{"c1", "c2", "c3"} {
		convs = append(convs, &transcript.Conversation{ID: id, Channel: transcript.ChannelChat,
			Turns: []transcript.Turn{{Speaker: transcript.SpeakerCustomer, Text: "hi"}}})
	}
	_, _, keys, err := h.store.UpsertConversations(t.Context(), convs)
	if err != nil {
		t.Fatal(err)
	}

	rec := trainer.do("POST", "/api/v1/checklists/en%2Fcore.yaml/versions", `{"yaml":"sets: {}"}`, nil)
	wantStatus(t, rec, 400)
	if len(h.queue.keys) != 0 {
		t.Errorf("a refused checklist scheduled scoring: %v", h.queue.keys)
	}

	rec = trainer.do("POST", "/api/v1/checklists/en%2Fclosing.yaml/versions", `{"yaml":"sets: {}"}`, nil)
	wantStatus(t, rec, 201)
	var got publishChecklistResponse
	decode(t, rec, &got)
	if got.Version.Path != "en/closing.yaml" || got.Enqueued != 2*len(keys) {
		t.Errorf("published %+v, want en/closing.yaml and %d jobs", got, 2*len(keys))
	}
	for _, id := range []string{"standard", "chat"} {
		if !slices.Equal(h.queue.keys[id], keys) {
			t.Errorf("re-scored with %s: %v, want %v", id, h.queue.keys[id], keys)
		}
	}
}
