package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/store"
	"github.com/qa-scorer/qa-scorer/internal/store/storetest"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

func TestUpsertConversations(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		start := at(t, "2026-11-20T06:12:00Z")
		a7 := transcript.Agent{ID: "a-7", Team: "l1-en"}
		accepted, updated, keys, err := s.UpsertConversations(ctx, []*transcript.Conversation{
			conv("zd-1", start, a7), conv("zd-2", start, a7),
		})
		if err != nil || accepted != 2 || updated != 0 || len(keys) != 2 || keys[0] == keys[1] {
			t.Fatalf("first send: accepted %d updated %d keys %v err %v; want 2 0, two keys", accepted, updated, keys, err)
		}

		t.Run("re-send updates and keeps the key", func(t *testing.T) {
			changed := conv("zd-1", start, transcript.Agent{ID: "a-9", Team: "l2-en"})
			changed.Channel = transcript.ChannelEmail
			acc, upd, again, err := s.UpsertConversations(ctx, []*transcript.Conversation{changed, conv("zd-3", start, a7)})
			if err != nil || acc != 1 || upd != 1 || again[0] != keys[0] {
				t.Fatalf("accepted %d updated %d keys %v err %v; want 1 1 with key %d first", acc, upd, again, err, keys[0])
			}
			got, err := s.Conversation(ctx, keys[0])
			if err != nil {
				t.Fatal(err)
			}
			if got.Conv.Channel != transcript.ChannelEmail || got.Team != "l2-en" {
				t.Errorf("stored channel %q team %q; want email, l2-en", got.Conv.Channel, got.Team)
			}
			_, total, err := s.Conversations(ctx, qa.Filter{})
			if err != nil || total != 3 {
				t.Errorf("total %d, %v; want 3", total, err)
			}
			if _, n, _ := s.Conversations(ctx, qa.Filter{AgentID: "a-7"}); n != 2 {
				t.Errorf("conversations of a-7: %d, want 2 (zd-1 moved to a-9)", n)
			}
		})

		t.Run("same id twice in a batch keeps the last copy", func(t *testing.T) {
			first, last := conv("dup", start, a7), conv("dup", start, a7)
			last.Language = "ru"
			acc, upd, ks, err := s.UpsertConversations(ctx, []*transcript.Conversation{first, last})
			if err != nil || acc != 1 || upd != 1 || ks[0] != ks[1] {
				t.Fatalf("accepted %d updated %d keys %v err %v; want 1 1, one key", acc, upd, ks, err)
			}
			got, err := s.ConversationByID(ctx, "", "dup")
			if err != nil || got.Conv.Language != "ru" {
				t.Errorf("stored language %v, %v; want ru", got, err)
			}
		})

		t.Run("sources are separate", func(t *testing.T) {
			other := conv("zd-1", start, a7)
			other.Source = "intercom"
			acc, _, ks, err := s.UpsertConversations(ctx, []*transcript.Conversation{other})
			if err != nil || acc != 1 || ks[0] == keys[0] {
				t.Errorf("accepted %d keys %v err %v; want a new conversation", acc, ks, err)
			}
		})

		t.Run("ErrNotFound", func(t *testing.T) {
			if _, err := s.Conversation(ctx, 999999); !errors.Is(err, qa.ErrNotFound) {
				t.Errorf("Conversation(999999): %v, want qa.ErrNotFound", err)
			}
			if _, err := s.ConversationByID(ctx, "", "nope"); !errors.Is(err, qa.ErrNotFound) {
				t.Errorf("ConversationByID: %v, want qa.ErrNotFound", err)
			}
		})
	})
}

// TestUpsertConcurrentResends sends the same ids from several goroutines at once, in different
// orders: every id is stored once, nothing fails, and exactly one send of each id counts it
// as accepted.
func TestUpsertConcurrentResends(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		const senders, ids = 6, 40
		start := at(t, "2026-11-20T06:12:00Z")
		var wg sync.WaitGroup
		var mu sync.Mutex
		accepted, updated := 0, 0
		errs := make(chan error, senders)
		for g := range senders {
			wg.Add(1)
			go func() {
				defer wg.Done()
				batch := make([]*transcript.Conversation, ids)
				for i := range ids {
					n := i
					if g%2 == 1 {
						n = ids - 1 - i // reverse order: lock-order trouble shows up as a deadlock
					}
					batch[i] = conv(fmt.Sprintf("c-%02d", n), start, transcript.Agent{ID: "a-1"})
				}
				acc, upd, _, err := s.UpsertConversations(ctx, batch)
				if err != nil {
					errs <- err
					return
				}
				mu.Lock()
				accepted, updated = accepted+acc, updated+upd
				mu.Unlock()
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Errorf("concurrent upsert: %v", err)
		}
		if accepted != ids || updated != ids*(senders-1) {
			t.Errorf("accepted %d updated %d; want %d and %d", accepted, updated, ids, ids*(senders-1))
		}
		if _, total, err := s.Conversations(ctx, qa.Filter{}); err != nil || total != ids {
			t.Errorf("stored %d conversations, %v; want %d", total, err, ids)
		}
	})
}

// TestBatchKeepsGoodRecords shows the batch contract: the caller drops the records that fail
// validation and the good ones are all stored; a record the store cannot keep makes the whole
// call fail with qa.ErrInvalid naming it, storing nothing, and the rest stores on retry.
func TestBatchKeepsGoodRecords(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		start := at(t, "2026-11-20T06:12:00Z")
		noTurns := conv("bad-1", start)
		noTurns.Turns = nil
		nul := conv("bad\x00id", start, transcript.Agent{ID: "a-1"})
		batch := []*transcript.Conversation{conv("ok-1", start, transcript.Agent{ID: "a-1"}), noTurns, nul, conv("ok-2", start, transcript.Agent{ID: "a-1"})}

		if _, _, _, err := s.UpsertConversations(ctx, batch); !errors.Is(err, qa.ErrInvalid) {
			t.Fatalf("unvalidated batch: %v, want qa.ErrInvalid", err)
		}
		if _, total, _ := s.Conversations(ctx, qa.Filter{}); total != 0 {
			t.Fatalf("a refused batch stored %d conversations", total)
		}

		var good []*transcript.Conversation
		var rejected []string
		for i, c := range batch {
			err := c.Validate(fmt.Sprintf("record %d", i))
			if err == nil {
				err = store.CheckConversation(c)
			}
			if err != nil {
				rejected = append(rejected, err.Error())
				continue
			}
			good = append(good, c)
		}
		acc, _, _, err := s.UpsertConversations(ctx, good)
		if err != nil || acc != 2 || len(rejected) != 2 {
			t.Fatalf("accepted %d rejected %v err %v; want 2 accepted, 2 rejected", acc, rejected, err)
		}
	})
}

func TestConversationsFilter(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		en := transcript.Agent{ID: "a-1", Team: "en"}
		ru := transcript.Agent{ID: "a-2", Team: "ru"}
		transfer := conv("t", at(t, "2026-11-03T10:00:00Z"), en, ru)
		mustUpsert(t, s, conv("c1", at(t, "2026-11-02T10:00:00Z"), en), transfer, conv("c3", at(t, "2026-11-10T10:00:00Z"), ru))
		tests := []struct {
			name string
			f    qa.Filter
			want []string
		}{
			{"all, latest first", qa.Filter{}, []string{"c3", "t", "c1"}},
			{"team matches any agent", qa.Filter{Team: "ru"}, []string{"c3", "t"}},
			{"visibility by teams", qa.Filter{Teams: []string{"en"}}, []string{"t", "c1"}},
			{"agent and period", qa.Filter{AgentID: "a-1", From: at(t, "2026-11-03T00:00:00Z")}, []string{"t"}},
			{"period end is exclusive", qa.Filter{To: at(t, "2026-11-03T10:00:00Z")}, []string{"c1"}},
			{"page", qa.Filter{Limit: 1, Offset: 1}, []string{"t"}},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				got, _, err := s.Conversations(ctx, tc.f)
				if err != nil {
					t.Fatal(err)
				}
				var ids []string
				for _, c := range got {
					ids = append(ids, c.Conv.ID)
				}
				if fmt.Sprint(ids) != fmt.Sprint(tc.want) {
					t.Errorf("got %v, want %v", ids, tc.want)
				}
			})
		}
	})
}
