package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/qa"
)

// sessionRow is a signed-in browser session, keyed by the hash of its token.
type sessionRow struct {
	TokenHash string `gorm:"primaryKey"`
	UserID    int64
	CSRF      string `gorm:"column:csrf"`
	ExpiresAt time.Time
	CreatedAt time.Time
}

func (sessionRow) TableName() string { return "sessions" }

// tokenHash is what is stored of a session token, so that a copy of the database does not
// hold usable cookies.
func tokenHash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// CreateSession stores a session. Only a hash of its token is kept.
func (s *Store) CreateSession(ctx context.Context, sess qa.Session) error {
	if sess.Token == "" || sess.UserID == 0 {
		return qa.Errorf(qa.ErrInvalid, "session: token and user are required")
	}
	row := sessionRow{TokenHash: tokenHash(sess.Token), UserID: sess.UserID, CSRF: sess.CSRF,
		ExpiresAt: sess.ExpiresAt.UTC(), CreatedAt: s.now()}
	if err := s.conn(ctx).Create(&row).Error; err != nil {
		return dbError(err, "create session for user %d", sess.UserID)
	}
	return nil
}

// Session returns the session of a token; qa.ErrNotFound when absent or expired.
func (s *Store) Session(ctx context.Context, token string) (*qa.Session, error) {
	var row sessionRow
	err := s.conn(ctx).Take(&row, "token_hash = ? AND expires_at > ?", tokenHash(token), s.now()).Error
	if err != nil {
		return nil, dbError(err, "session")
	}
	return &qa.Session{Token: token, UserID: row.UserID, CSRF: row.CSRF, ExpiresAt: utc(row.ExpiresAt)}, nil
}

// DeleteSession ends a session; ending an unknown one is not an error.
func (s *Store) DeleteSession(ctx context.Context, token string) error {
	if err := s.conn(ctx).Delete(&sessionRow{}, "token_hash = ?", tokenHash(token)).Error; err != nil {
		return dbError(err, "delete session")
	}
	return nil
}

// apiTokenRow is an integration's token; only its hash (computed by the caller) is stored.
type apiTokenRow struct {
	ID        int64 `gorm:"primaryKey"`
	UserID    int64
	Name      string
	Hash      string
	CreatedAt time.Time
}

func (apiTokenRow) TableName() string { return "api_tokens" }

// CreateAPIToken stores a token's hash and fills ID and CreatedAt; a hash stored twice is
// qa.ErrConflict.
func (s *Store) CreateAPIToken(ctx context.Context, t *qa.APIToken) error {
	if t == nil || t.Hash == "" || t.UserID == 0 {
		return qa.Errorf(qa.ErrInvalid, "api token: user and hash are required")
	}
	row := apiTokenRow{UserID: t.UserID, Name: t.Name, Hash: t.Hash, CreatedAt: s.now()}
	if err := s.conn(ctx).Create(&row).Error; err != nil {
		return dbError(err, "create api token %q", t.Name)
	}
	t.ID, t.CreatedAt = row.ID, row.CreatedAt
	return nil
}

// APITokenByHash returns the token with a hash.
func (s *Store) APITokenByHash(ctx context.Context, hash string) (*qa.APIToken, error) {
	var row apiTokenRow
	if err := s.conn(ctx).Take(&row, "hash = ?", hash).Error; err != nil {
		return nil, dbError(err, "api token")
	}
	return &qa.APIToken{ID: row.ID, UserID: row.UserID, Name: row.Name, Hash: row.Hash, CreatedAt: utc(row.CreatedAt)}, nil
}
