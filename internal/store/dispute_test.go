package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/check"
	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/store"
	"github.com/qa-scorer/qa-scorer/internal/store/storetest"
)

func TestDisputes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		sc := scoredCard(t, s, "c1")
		r := &qa.Review{ScorecardID: sc, ReviewerID: 7, Items: []qa.ReviewItem{{ItemID: "close", Result: check.Fail, Comment: "no goodbye"}}}
		if err := s.SaveReview(ctx, r); err != nil {
			t.Fatal(err)
		}
		d := &qa.Dispute{ReviewID: r.ID, ItemID: "close", AgentID: "a-1", Comment: "I said goodbye in turn 9"}
		if err := s.CreateDispute(ctx, d); !errors.Is(err, qa.ErrInvalid) {
			t.Fatalf("dispute of a draft: %v, want qa.ErrInvalid", err)
		}
		r.Status = store.ReviewSubmitted
		if err := s.SaveReview(ctx, r); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateDispute(ctx, d); err != nil || d.ID == 0 || d.Status != store.DisputeOpen {
			t.Fatalf("CreateDispute: %+v, %v", d, err)
		}
		if err := s.CreateDispute(ctx, &qa.Dispute{ReviewID: r.ID, ItemID: "close", AgentID: "a-1", Comment: "again"}); !errors.Is(err, qa.ErrConflict) {
			t.Errorf("second dispute of the item: %v, want qa.ErrConflict", err)
		}
		if err := s.CreateDispute(ctx, &qa.Dispute{ReviewID: r.ID, ItemID: "close", AgentID: "a-9", Comment: "x"}); !errors.Is(err, qa.ErrForbidden) {
			t.Errorf("dispute by an agent not on the scorecard: %v, want qa.ErrForbidden", err)
		}
		if list, err := s.Disputes(ctx, qa.Filter{Teams: []string{"en"}}, store.DisputeOpen); err != nil || len(list) != 1 {
			t.Errorf("open disputes of team en: %+v, %v", list, err)
		}
		if got, err := s.Dispute(ctx, d.ID); err != nil || got.Team != "en" || got.Result != check.Pass {
			t.Errorf("Dispute: %+v, %v; want team en asking for pass", got, err)
		}
		resolved, err := s.ResolveDispute(ctx, d.ID, qa.DisputeResolution{Accepted: true, Resolution: "goodbye found", By: 2})
		if err != nil || resolved.Status != store.DisputeAccepted || resolved.ResolverID != 2 {
			t.Fatalf("ResolveDispute: %+v, %v", resolved, err)
		}
		if _, err := s.ResolveDispute(ctx, d.ID, qa.DisputeResolution{By: 2}); !errors.Is(err, qa.ErrConflict) {
			t.Errorf("resolving twice: %v, want qa.ErrConflict", err)
		}
		if _, err := s.ResolveDispute(ctx, 9999, qa.DisputeResolution{By: 2}); !errors.Is(err, qa.ErrNotFound) {
			t.Errorf("resolving a missing dispute: %v, want qa.ErrNotFound", err)
		}
		list, err := s.Disputes(ctx, qa.Filter{AgentID: "a-1"}, "")
		if err != nil || len(list) != 1 || list[0].Status != store.DisputeAccepted || list[0].ResolvedAt == nil {
			t.Errorf("disputes of a-1: %+v, %v", list, err)
		}
	})
}

func TestCoachingAndAudit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := &qa.CoachingNote{AgentID: "a-1", AuthorID: 2, Text: "Greet by name."}
		if err := s.CreateCoachingNote(ctx, n); err != nil || n.ID == 0 {
			t.Fatalf("CreateCoachingNote: %+v, %v", n, err)
		}
		if err := s.AcknowledgeCoachingNote(ctx, n.ID, "a-2"); !errors.Is(err, qa.ErrForbidden) {
			t.Errorf("acknowledged by another agent: %v, want qa.ErrForbidden", err)
		}
		if err := s.AcknowledgeCoachingNote(ctx, n.ID, "a-1"); err != nil {
			t.Fatal(err)
		}
		notes, err := s.CoachingNotes(ctx, "a-1")
		if err != nil || len(notes) != 1 || notes[0].AcknowledgedAt == nil {
			t.Errorf("CoachingNotes: %+v, %v", notes, err)
		}

		for _, action := range []string{"review.submit", "item.override"} {
			if err := s.Audit(ctx, qa.AuditEntry{UserID: 7, Action: action, Object: "review:1"}); err != nil {
				t.Fatal(err)
			}
		}
		trail, err := s.AuditTrail(ctx, "review:1")
		if err != nil || len(trail) != 2 || trail[0].Action != "review.submit" || trail[0].At.IsZero() {
			t.Errorf("AuditTrail: %+v, %v", trail, err)
		}
	})
}

func TestRubricAndChecklistVersions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		publishStd(t, s)
		v2 := publishStd(t, s)
		if v2.Version != 2 || !v2.Active {
			t.Fatalf("second publish: %+v; want active version 2", v2)
		}
		vs, err := s.RubricVersions(ctx, "std")
		if err != nil || len(vs) != 2 || vs[0].Active || !vs[1].Active {
			t.Errorf("RubricVersions: %+v, %v", vs, err)
		}
		active, err := s.ActiveRubrics(ctx)
		if err != nil || len(active) != 1 || active[0].Version != 2 {
			t.Errorf("ActiveRubrics: %+v, %v", active, err)
		}
		if _, err := s.RubricVersions(ctx, "nope"); !errors.Is(err, qa.ErrNotFound) {
			t.Errorf("unknown rubric: %v, want qa.ErrNotFound", err)
		}
		for _, yaml := range []string{"a: 1\n", "a: 2\n"} {
			if _, err := s.PublishChecklist(ctx, "en/greeting.yaml", yaml, 1); err != nil {
				t.Fatal(err)
			}
		}
		latest, err := s.Checklists(ctx)
		if err != nil || len(latest) != 1 || latest[0].Version != 2 || latest[0].YAML != "a: 2\n" {
			t.Errorf("Checklists: %+v, %v", latest, err)
		}
		if vs, err := s.ChecklistVersions(ctx, "en/greeting.yaml"); err != nil || len(vs) != 2 {
			t.Errorf("ChecklistVersions: %+v, %v", vs, err)
		}
	})
}
