package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/check"
	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
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
	Result     string // the result asked for; once accepted, the one applied
	Status     string
	Resolution string
	ResolverID int64
	CreatedAt  time.Time
	ResolvedAt *time.Time
}

func (disputeRow) TableName() string { return "disputes" }

func toDispute(r disputeRow) qa.Dispute {
	return qa.Dispute{ID: r.ID, ReviewID: r.ReviewID, ItemID: r.ItemID, AgentID: r.AgentID, Team: r.Team, Comment: r.Comment,
		Result: check.Outcome(r.Result), Status: r.Status, Resolution: r.Resolution, ResolverID: r.ResolverID, CreatedAt: utc(r.CreatedAt), ResolvedAt: utcPtr(r.ResolvedAt)}
}

// CreateDispute opens a dispute on an item of a submitted review by an agent of the reviewed
// scorecard, and fills ID, Team, Result, Status and CreatedAt. Result is the result the agent
// asks for: when empty, the other of pass and fail (qa.DisputedOutcome); it must differ from
// the reviewed result (qa.ErrInvalid). An item is disputed once (qa.ErrConflict).
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
		var item reviewItemRow
		err := tx.Take(&item, "review_id = ? AND item_id = ?", rev.ID, d.ItemID).Error
		if isNotFound(err) {
			return qa.Errorf(qa.ErrInvalid, "review %d has no item %q", rev.ID, d.ItemID)
		}
		if err != nil {
			return dbError(err, "review %d: items", rev.ID)
		}
		want, err := disputedResult(d.Result, check.Outcome(item.Result))
		if err != nil {
			return fmt.Errorf("review %d item %q: %w", rev.ID, d.ItemID, err)
		}
		row.Result = string(want)
		var share scorecardAgentRow
		err = tx.Take(&share, "scorecard_id = ? AND agent_id = ?", rev.ScorecardID, d.AgentID).Error
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

// disputedResult checks the result a dispute asks for against the reviewed one, defaulting
// to the other of pass and fail.
func disputedResult(asked, reviewed check.Outcome) (check.Outcome, error) {
	if asked == "" {
		want, ok := qa.DisputedOutcome(reviewed)
		if !ok {
			return "", qa.Errorf(qa.ErrInvalid, "result: the item was reviewed %s: say which result it should have", reviewed)
		}
		return want, nil
	}
	if asked != check.Pass && asked != check.Fail && asked != check.NA {
		return "", qa.Errorf(qa.ErrInvalid, "result %q: want pass, fail or na", asked)
	}
	if asked == reviewed {
		return "", qa.Errorf(qa.ErrInvalid, "result: the item was already reviewed %s", reviewed)
	}
	return asked, nil
}

// Dispute returns a dispute by id.
func (s *Store) Dispute(ctx context.Context, id int64) (*qa.Dispute, error) {
	var row disputeRow
	if err := s.conn(ctx).Take(&row, "id = ?", id).Error; err != nil {
		return nil, dbError(err, "dispute %d", id)
	}
	d := toDispute(row)
	return &d, nil
}

// ResolveDispute accepts or rejects an open dispute and returns it resolved. Resolving a
// resolved dispute is qa.ErrConflict. Rejecting leaves the review as it is. Accepting changes
// the disputed item of the review to res.Result, or to the result the agent asked for when
// res.Result is empty (the agent was right), recomputes the review's human score and, when the
// review is the one in force on its scorecard, the statistics rows; all in one transaction.
// The item's comment becomes the resolution, which says why the result is what it is now.
func (s *Store) ResolveDispute(ctx context.Context, id int64, res qa.DisputeResolution) (*qa.Dispute, error) {
	status := DisputeRejected
	if res.Accepted {
		status = DisputeAccepted
	}
	var row disputeRow
	err := s.conn(ctx).Transaction(func(tx *gorm.DB) error {
		if err := s.forUpdate(tx).Take(&row, "id = ?", id).Error; err != nil {
			return dbError(err, "dispute %d", id)
		}
		if row.Status != DisputeOpen {
			return qa.Errorf(qa.ErrConflict, "dispute %d is already %s", id, row.Status)
		}
		if res.Accepted {
			result, err := s.acceptDispute(tx, row, res)
			if err != nil {
				return err
			}
			row.Result = string(result)
		}
		now := s.now()
		row.Status, row.Resolution, row.ResolverID, row.ResolvedAt = status, res.Resolution, res.By, &now
		return tx.Model(&row).Select("status", "result", "resolution", "resolver_id", "resolved_at").Updates(&row).Error
	})
	if err != nil {
		return nil, fmt.Errorf("resolve dispute %d: %w", id, err)
	}
	d := toDispute(row)
	return &d, nil
}

// acceptDispute changes the disputed review item and what depends on it, and returns the
// result the item now has.
func (s *Store) acceptDispute(tx *gorm.DB, d disputeRow, res qa.DisputeResolution) (check.Outcome, error) {
	result := check.Outcome(d.Result)
	if res.Result != "" {
		result = res.Result
	}
	if result != check.Pass && result != check.Fail && result != check.NA {
		return "", qa.Errorf(qa.ErrInvalid, "result %q: want pass, fail or na", result)
	}
	var rev reviewRow
	if err := s.forUpdate(tx).Take(&rev, "id = ?", d.ReviewID).Error; err != nil {
		return "", dbError(err, "review %d", d.ReviewID)
	}
	var item reviewItemRow
	if err := tx.Take(&item, "review_id = ? AND item_id = ?", rev.ID, d.ItemID).Error; err != nil {
		return "", dbError(err, "review %d item %q", rev.ID, d.ItemID)
	}
	item.Result, item.Overridden = string(result), string(result) != item.Automatic
	item.Comment = fmt.Sprintf("dispute %d accepted: %s", d.ID, res.Resolution)
	if err := tx.Model(&item).Select("result", "overridden", "comment").Updates(&item).Error; err != nil {
		return "", dbError(err, "review %d item %q", rev.ID, d.ItemID)
	}
	// The human score of the review, on the scorecard as it is now.
	var sc scorecardRow
	if err := tx.Select("id", "card").Take(&sc, "id = ?", rev.ScorecardID).Error; err != nil {
		return "", dbError(err, "scorecard %d", rev.ScorecardID)
	}
	var card rubric.Scorecard
	if err := json.Unmarshal([]byte(sc.Card), &card); err != nil {
		return "", fmt.Errorf("scorecard %d: decode stored card: %w", sc.ID, err)
	}
	var items []reviewItemRow
	if err := tx.Where("review_id = ?", rev.ID).Order("position").Find(&items).Error; err != nil {
		return "", dbError(err, "review %d: items", rev.ID)
	}
	score := qa.ApplyReview(&card, toReview(rev, items).Items).Score
	if err := tx.Model(&rev).Update("score", score).Error; err != nil {
		return "", dbError(err, "review %d: score", rev.ID)
	}
	if rev.CalibrationID == 0 {
		if err := refreshReviewed(tx, rev.ScorecardID); err != nil {
			return "", err
		}
	}
	return result, nil
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
