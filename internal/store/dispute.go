package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/qa"
	"gorm.io/gorm"
)

// The states of a dispute.
const (
	DisputeOpen     = "open"
	DisputeAccepted = "accepted"
	DisputeRejected = "rejected"
)

// disputeRow is an agent's objection to one reviewed item. Team is the agent's team on the
// scorecard, kept so that team leads can list their teams' disputes.
type disputeRow struct {
	ID         int64 `gorm:"primaryKey"`
	ReviewID   int64
	ItemID     string
	AgentID    string
	Team       string
	Comment    string
	Status     string
	Resolution string
	ResolverID int64
	CreatedAt  time.Time
	ResolvedAt *time.Time
}

func (disputeRow) TableName() string { return "disputes" }

func toDispute(r disputeRow) qa.Dispute {
	return qa.Dispute{ID: r.ID, ReviewID: r.ReviewID, ItemID: r.ItemID, AgentID: r.AgentID, Comment: r.Comment,
		Status: r.Status, Resolution: r.Resolution, ResolverID: r.ResolverID, CreatedAt: utc(r.CreatedAt), ResolvedAt: utcPtr(r.ResolvedAt)}
}

// CreateDispute opens a dispute on an item of a submitted review by an agent of the reviewed
// scorecard, and fills ID, Status and CreatedAt. An item is disputed once (qa.ErrConflict).
func (s *Store) CreateDispute(ctx context.Context, d *qa.Dispute) error {
	if d == nil || d.ReviewID == 0 || d.ItemID == "" || d.AgentID == "" || strings.TrimSpace(d.Comment) == "" {
		return qa.Errorf(qa.ErrInvalid, "dispute: review, item, agent and comment are required")
	}
	row := disputeRow{ReviewID: d.ReviewID, ItemID: d.ItemID, AgentID: d.AgentID, Comment: d.Comment,
		Status: DisputeOpen, CreatedAt: s.now()}
	err := s.conn(ctx).Transaction(func(tx *gorm.DB) error {
		var rev reviewRow
		if err := tx.Take(&rev, "id = ?", d.ReviewID).Error; err != nil {
			return dbError(err, "review %d", d.ReviewID)
		}
		if rev.Status != ReviewSubmitted {
			return qa.Errorf(qa.ErrInvalid, "review %d is a draft: only submitted reviews can be disputed", rev.ID)
		}
		var n int64
		if err := tx.Model(&reviewItemRow{}).Where("review_id = ? AND item_id = ?", rev.ID, d.ItemID).Count(&n).Error; err != nil {
			return dbError(err, "review %d: items", rev.ID)
		}
		if n == 0 {
			return qa.Errorf(qa.ErrInvalid, "review %d has no item %q", rev.ID, d.ItemID)
		}
		var share scorecardAgentRow
		err := tx.Take(&share, "scorecard_id = ? AND agent_id = ?", rev.ScorecardID, d.AgentID).Error
		if isNotFound(err) {
			return qa.Errorf(qa.ErrForbidden, "agent %q did not take part in scorecard %d", d.AgentID, rev.ScorecardID)
		}
		if err != nil {
			return dbError(err, "scorecard %d: agents", rev.ScorecardID)
		}
		row.Team = share.Team
		if err := tx.Create(&row).Error; err != nil {
			return dbError(err, "dispute of review %d item %q", rev.ID, d.ItemID)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("create dispute: %w", err)
	}
	*d = toDispute(row)
	return nil
}

// ResolveDispute accepts or rejects an open dispute. Resolving a resolved dispute is
// qa.ErrConflict. The review it disputes stays as submitted; an accepted dispute is the
// record that the item's result was wrong.
func (s *Store) ResolveDispute(ctx context.Context, id int64, accepted bool, resolution string, by int64) error {
	status := DisputeRejected
	if accepted {
		status = DisputeAccepted
	}
	res := s.conn(ctx).Model(&disputeRow{}).Where("id = ? AND status = ?", id, DisputeOpen).
		Updates(map[string]any{"status": status, "resolution": resolution, "resolver_id": by, "resolved_at": s.now()})
	if res.Error != nil {
		return dbError(res.Error, "resolve dispute %d", id)
	}
	if res.RowsAffected == 1 {
		return nil
	}
	var n int64
	if err := s.conn(ctx).Model(&disputeRow{}).Where("id = ?", id).Count(&n).Error; err != nil {
		return dbError(err, "resolve dispute %d", id)
	}
	if n == 0 {
		return qa.Errorf(qa.ErrNotFound, "dispute %d", id)
	}
	return qa.Errorf(qa.ErrConflict, "dispute %d is already resolved", id)
}

// Disputes lists disputes, latest first, in a status ("" for all). The filter's agent and team
// conditions (and the caller's Teams and AgentIDs) apply; From and To apply to when the dispute
// was opened.
func (s *Store) Disputes(ctx context.Context, f qa.Filter, status string) ([]qa.Dispute, error) {
	q := s.conn(ctx).Model(&disputeRow{})
	if status != "" {
		q = q.Where("status = ?", status)
	}
	if f.AgentID != "" {
		q = q.Where("agent_id = ?", f.AgentID)
	}
	if f.Team != "" {
		q = q.Where("team = ?", f.Team)
	}
	if len(f.AgentIDs) > 0 {
		q = q.Where("agent_id IN ?", f.AgentIDs)
	}
	if len(f.Teams) > 0 {
		q = q.Where("team IN ?", f.Teams)
	}
	if !f.From.IsZero() {
		q = q.Where("created_at >= ?", f.From.UTC())
	}
	if !f.To.IsZero() {
		q = q.Where("created_at < ?", f.To.UTC())
	}
	limit, offset := page(f)
	var rows []disputeRow
	if err := q.Order("created_at DESC, id DESC").Limit(limit).Offset(offset).Find(&rows).Error; err != nil {
		return nil, dbError(err, "disputes")
	}
	out := make([]qa.Dispute, len(rows))
	for i, r := range rows {
		out[i] = toDispute(r)
	}
	return out, nil
}
