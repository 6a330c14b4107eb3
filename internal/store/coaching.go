package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/qa"
)

// coachingNoteRow is a team lead's note to an agent.
type coachingNoteRow struct {
	ID             int64 `gorm:"primaryKey"`
	AgentID        string
	AuthorID       int64
	ScorecardID    int64
	Text           string
	CreatedAt      time.Time
	AcknowledgedAt *time.Time
}

func (coachingNoteRow) TableName() string { return "coaching_notes" }

func toCoachingNote(r coachingNoteRow) qa.CoachingNote {
	return qa.CoachingNote{ID: r.ID, AgentID: r.AgentID, AuthorID: r.AuthorID, ScorecardID: r.ScorecardID, Text: r.Text,
		CreatedAt: utc(r.CreatedAt), AcknowledgedAt: utcPtr(r.AcknowledgedAt)}
}

// CreateCoachingNote stores a note to an agent, optionally about a scorecard (which must
// exist), and fills ID and CreatedAt.
func (s *Store) CreateCoachingNote(ctx context.Context, n *qa.CoachingNote) error {
	if n == nil || n.AgentID == "" || n.AuthorID == 0 || strings.TrimSpace(n.Text) == "" {
		return qa.Errorf(qa.ErrInvalid, "coaching note: agent, author and text are required")
	}
	if n.ScorecardID != 0 {
		_, err := s.Scorecard(ctx, n.ScorecardID)
		if errors.Is(err, qa.ErrNotFound) {
			return qa.Errorf(qa.ErrInvalid, "coaching note for %q: scorecard %d does not exist", n.AgentID, n.ScorecardID)
		}
		if err != nil {
			return fmt.Errorf("coaching note for %q: %w", n.AgentID, err)
		}
	}
	row := coachingNoteRow{AgentID: n.AgentID, AuthorID: n.AuthorID, ScorecardID: n.ScorecardID, Text: n.Text, CreatedAt: s.now()}
	if err := s.conn(ctx).Create(&row).Error; err != nil {
		return dbError(err, "create coaching note for %q", n.AgentID)
	}
	*n = toCoachingNote(row)
	return nil
}

// AcknowledgeCoachingNote records that the agent read a note: only the agent it is addressed
// to may (qa.ErrForbidden); acknowledging again keeps the first time.
func (s *Store) AcknowledgeCoachingNote(ctx context.Context, id int64, agentID string) error {
	var row coachingNoteRow
	if err := s.conn(ctx).Take(&row, "id = ?", id).Error; err != nil {
		return dbError(err, "coaching note %d", id)
	}
	if row.AgentID != agentID {
		return qa.Errorf(qa.ErrForbidden, "coaching note %d is addressed to another agent", id)
	}
	err := s.conn(ctx).Model(&coachingNoteRow{}).Where("id = ? AND acknowledged_at IS NULL", id).Update("acknowledged_at", s.now()).Error
	if err != nil {
		return dbError(err, "acknowledge coaching note %d", id)
	}
	return nil
}

// CoachingNotes returns an agent's notes, latest first ("" for every agent's).
func (s *Store) CoachingNotes(ctx context.Context, agentID string) ([]qa.CoachingNote, error) {
	q := s.conn(ctx).Model(&coachingNoteRow{})
	if agentID != "" {
		q = q.Where("agent_id = ?", agentID)
	}
	var rows []coachingNoteRow
	if err := q.Order("created_at DESC, id DESC").Find(&rows).Error; err != nil {
		return nil, dbError(err, "coaching notes of %q", agentID)
	}
	out := make([]qa.CoachingNote, len(rows))
	for i, r := range rows {
		out[i] = toCoachingNote(r)
	}
	return out, nil
}
