package store

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/qa"
)

// userRow is a person who signs in; Teams is a JSON array.
type userRow struct {
	ID           int64 `gorm:"primaryKey"`
	Email        string
	Name         string
	Role         string
	AgentID      string
	Teams        string
	PasswordHash string
	CreatedAt    time.Time
}

func (userRow) TableName() string { return "users" }

// normalEmail is how emails are compared and stored: trimmed, lower case.
func normalEmail(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

func toUserRow(u *qa.User) (userRow, error) {
	teams := u.Teams
	if teams == nil {
		teams = []string{}
	}
	data, err := json.Marshal(teams)
	if err != nil {
		return userRow{}, fmt.Errorf("user %q: teams: %w", u.Email, err)
	}
	return userRow{ID: u.ID, Email: normalEmail(u.Email), Name: u.Name, Role: string(u.Role), AgentID: u.AgentID,
		Teams: string(data), PasswordHash: u.PasswordHash, CreatedAt: u.CreatedAt}, nil
}

func toUser(r userRow) (*qa.User, error) {
	u := &qa.User{ID: r.ID, Email: r.Email, Name: r.Name, Role: qa.Role(r.Role), AgentID: r.AgentID,
		PasswordHash: r.PasswordHash, CreatedAt: utc(r.CreatedAt)}
	if err := json.Unmarshal([]byte(r.Teams), &u.Teams); err != nil {
		return nil, fmt.Errorf("user %d: decode teams: %w", r.ID, err)
	}
	if len(u.Teams) == 0 {
		u.Teams = nil
	}
	return u, nil
}

// checkUser rejects a user without an email or with an unknown role.
func checkUser(u *qa.User) error {
	if u == nil || normalEmail(u.Email) == "" {
		return qa.Errorf(qa.ErrInvalid, "user: email is required")
	}
	if !slices.Contains(qa.Roles, u.Role) {
		return qa.Errorf(qa.ErrInvalid, "user %q: role %q is not one of %v", u.Email, u.Role, qa.Roles)
	}
	return nil
}

// CreateUser stores a new user and fills its ID and CreatedAt. Emails are unique ignoring
// case: a second user with the same email is qa.ErrConflict.
func (s *Store) CreateUser(ctx context.Context, u *qa.User) error {
	if err := checkUser(u); err != nil {
		return err
	}
	u.CreatedAt = s.now()
	row, err := toUserRow(u)
	if err != nil {
		return err
	}
	row.ID = 0
	if err := s.conn(ctx).Create(&row).Error; err != nil {
		return dbError(err, "create user %q", row.Email)
	}
	u.ID, u.Email = row.ID, row.Email
	return nil
}

// User returns a user by id.
func (s *Store) User(ctx context.Context, id int64) (*qa.User, error) {
	var row userRow
	if err := s.conn(ctx).Take(&row, "id = ?", id).Error; err != nil {
		return nil, dbError(err, "user %d", id)
	}
	return toUser(row)
}

// UserByEmail returns a user by email, ignoring case.
func (s *Store) UserByEmail(ctx context.Context, email string) (*qa.User, error) {
	var row userRow
	if err := s.conn(ctx).Take(&row, "email = ?", normalEmail(email)).Error; err != nil {
		return nil, dbError(err, "user %q", email)
	}
	return toUser(row)
}

// Users returns every user, by id.
func (s *Store) Users(ctx context.Context) ([]qa.User, error) {
	var rows []userRow
	if err := s.conn(ctx).Order("id").Find(&rows).Error; err != nil {
		return nil, dbError(err, "users")
	}
	out := make([]qa.User, 0, len(rows))
	for _, r := range rows {
		u, err := toUser(r)
		if err != nil {
			return nil, err
		}
		out = append(out, *u)
	}
	return out, nil
}

// UpdateUser replaces a user's email, name, role, agent id and teams, and the password hash
// when u.PasswordHash is set (an empty one keeps the current password). CreatedAt is kept.
func (s *Store) UpdateUser(ctx context.Context, u *qa.User) error {
	if err := checkUser(u); err != nil {
		return err
	}
	row, err := toUserRow(u)
	if err != nil {
		return err
	}
	cols := []string{"email", "name", "role", "agent_id", "teams"}
	if row.PasswordHash != "" {
		cols = append(cols, "password_hash")
	}
	res := s.conn(ctx).Model(&userRow{}).Where("id = ?", u.ID).Select(cols).Updates(&row)
	if res.Error != nil {
		return dbError(res.Error, "update user %d", u.ID)
	}
	if res.RowsAffected == 0 {
		return qa.Errorf(qa.ErrNotFound, "update user %d", u.ID)
	}
	u.Email = row.Email
	return nil
}
