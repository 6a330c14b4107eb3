package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/store"
	"github.com/qa-scorer/qa-scorer/internal/store/storetest"
)

func TestUsers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		u := &qa.User{Email: " Olga@Example.com", Name: "Olga", Role: qa.RoleTeamLead, Teams: []string{"l1-ru"}, PasswordHash: "h1"}
		if err := s.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateUser(ctx, &qa.User{Email: "olga@example.com", Role: qa.RoleAgent}); !errors.Is(err, qa.ErrConflict) {
			t.Errorf("duplicate email: %v, want qa.ErrConflict", err)
		}
		if err := s.CreateUser(ctx, &qa.User{Email: "x@example.com", Role: "boss"}); !errors.Is(err, qa.ErrInvalid) {
			t.Errorf("unknown role: %v, want qa.ErrInvalid", err)
		}
		got, err := s.UserByEmail(ctx, "OLGA@example.com")
		if err != nil || got.ID != u.ID || got.Teams[0] != "l1-ru" || got.PasswordHash != "h1" {
			t.Fatalf("UserByEmail: %+v, %v", got, err)
		}
		got.Name, got.PasswordHash = "Olga K.", ""
		if err := s.UpdateUser(ctx, got); err != nil {
			t.Fatal(err)
		}
		again, _ := s.User(ctx, u.ID)
		if again.Name != "Olga K." || again.PasswordHash != "h1" {
			t.Errorf("after update: %+v; want the new name and the old password", again)
		}
		if err := s.UpdateUser(ctx, &qa.User{ID: 999, Email: "n@example.com", Role: qa.RoleAgent}); !errors.Is(err, qa.ErrNotFound) {
			t.Errorf("update unknown: %v, want qa.ErrNotFound", err)
		}
		if list, err := s.Users(ctx); err != nil || len(list) != 1 {
			t.Errorf("Users: %+v, %v", list, err)
		}
	})
}

func TestSessionsAndTokens(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		now := at(t, "2026-11-20T10:00:00Z")
		store.SetNow(s, func() time.Time { return now })
		if err := s.CreateSession(ctx, qa.Session{Token: "tok", UserID: 1, CSRF: "c", ExpiresAt: now.Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
		if got, err := s.Session(ctx, "tok"); err != nil || got.UserID != 1 || got.CSRF != "c" {
			t.Fatalf("Session: %+v, %v", got, err)
		}
		now = now.Add(2 * time.Hour)
		if _, err := s.Session(ctx, "tok"); !errors.Is(err, qa.ErrNotFound) {
			t.Errorf("expired session: %v, want qa.ErrNotFound", err)
		}
		if err := s.DeleteSession(ctx, "tok"); err != nil {
			t.Error(err)
		}
		tok := &qa.APIToken{UserID: 1, Name: "zendesk", Hash: "abc"}
		if err := s.CreateAPIToken(ctx, tok); err != nil || tok.ID == 0 {
			t.Fatalf("CreateAPIToken: %+v, %v", tok, err)
		}
		if err := s.CreateAPIToken(ctx, &qa.APIToken{UserID: 2, Hash: "abc"}); !errors.Is(err, qa.ErrConflict) {
			t.Errorf("same hash twice: %v, want qa.ErrConflict", err)
		}
		if got, err := s.APITokenByHash(ctx, "abc"); err != nil || got.ID != tok.ID {
			t.Errorf("APITokenByHash: %+v, %v", got, err)
		}
	})
}
