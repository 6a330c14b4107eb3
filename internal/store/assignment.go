package store

import (
	"context"
	"fmt"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/qa"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// The sampling rules of the review queue (qa.SamplingRule.Kind).
const (
	RuleRandomPerAgentWeek = "random_per_agent_week" // Count random scorecards per agent and week
	RuleCriticalFails      = "critical_fails"        // scorecards with a failed critical item, latest first
	RuleNeedsReview        = "needs_review"          // scorecards with items the automation could not decide
	RuleLowestScores       = "lowest_scores"         // the Count lowest scores
)

// assignmentRow gives a scorecard to a reviewer; the unique scorecard_id is what makes two
// reviewers never get the same scorecard.
type assignmentRow struct {
	ID          int64 `gorm:"primaryKey"`
	ScorecardID int64
	ReviewerID  int64
	Reason      string
	AssignedAt  time.Time
	DoneAt      *time.Time
}

func (assignmentRow) TableName() string { return "assignments" }

func toAssignment(r assignmentRow) qa.Assignment {
	return qa.Assignment{ID: r.ID, ScorecardID: r.ScorecardID, ReviewerID: r.ReviewerID, Reason: r.Reason,
		AssignedAt: utc(r.AssignedAt), DoneAt: utcPtr(r.DoneAt)}
}

// assignRounds bounds how often Assign looks for more candidates after losing some to
// concurrent pulls.
const assignRounds = 3

// Assign gives a reviewer up to max scorecards that no one was ever assigned, picked by a
// sampling rule within the rule's filter. Each assignment is an insert that does nothing when
// the scorecard is already taken, so concurrent pulls never give one scorecard to two
// reviewers; a pull that loses candidates to another looks again, a bounded number of times.
func (s *Store) Assign(ctx context.Context, reviewerID int64, rule qa.SamplingRule, max int) ([]qa.Assignment, error) {
	if reviewerID == 0 || max <= 0 {
		return nil, qa.Errorf(qa.ErrInvalid, "assign: a reviewer and a positive maximum are required")
	}
	var out []qa.Assignment
	for range assignRounds {
		want := max - len(out)
		ids, err := s.candidates(ctx, rule, want)
		if err != nil {
			return nil, fmt.Errorf("assign %s: %w", rule.Kind, err)
		}
		for _, id := range ids {
			row := assignmentRow{ScorecardID: id, ReviewerID: reviewerID, Reason: rule.Kind, AssignedAt: s.now()}
			res := s.conn(ctx).Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "scorecard_id"}}, DoNothing: true}).Create(&row)
			if res.Error != nil {
				return nil, dbError(res.Error, "assign scorecard %d", id)
			}
			if res.RowsAffected == 1 {
				out = append(out, toAssignment(row))
			}
		}
		if len(out) == max || len(ids) < want {
			break // enough, or nothing more to find
		}
	}
	if out == nil {
		out = []qa.Assignment{}
	}
	return out, nil
}

// candidates returns up to n unassigned scorecard ids that a rule picks.
func (s *Store) candidates(ctx context.Context, rule qa.SamplingRule, n int) ([]int64, error) {
	const unassigned = "NOT EXISTS (SELECT 1 FROM assignments a WHERE a.scorecard_id = s.id)"
	q := applyScorecardFilter(s.conn(ctx).Model(&scorecardRow{}).Table("scorecards s"), rule.Filter).Where(unassigned)
	switch rule.Kind {
	case RuleCriticalFails:
		q = q.Where("s.critical_failed = ?", true).Order("s.started_at DESC, s.id")
	case RuleNeedsReview:
		q = q.Where("s.needs_review = ?", true).Order("s.started_at DESC, s.id")
	case RuleLowestScores:
		q = q.Order("s.score, s.id")
		if rule.Count > 0 {
			n = min(n, rule.Count)
		}
	case RuleRandomPerAgentWeek:
		return s.randomPerAgentWeek(ctx, rule, n)
	default:
		return nil, qa.Errorf(qa.ErrInvalid, "sampling rule %q: want %s, %s, %s or %s", rule.Kind,
			RuleRandomPerAgentWeek, RuleCriticalFails, RuleNeedsReview, RuleLowestScores)
	}
	var ids []int64
	if err := q.Limit(n).Pluck("s.id", &ids).Error; err != nil {
		return nil, dbError(err, "candidates")
	}
	return ids, nil
}

// randomCandidatesCap bounds the random sample read per pull.
const randomCandidatesCap = 5000

// randomPerAgentWeek picks, for each agent and ISO week in the filter, random unassigned
// scorecards until the agent-week has rule.Count assigned ones (1 when unset), up to n in all.
func (s *Store) randomPerAgentWeek(ctx context.Context, rule qa.SamplingRule, n int) ([]int64, error) {
	perWeek := max(rule.Count, 1)
	type share struct {
		ScorecardID int64
		AgentID     string
		Week        string
		N           int
	}
	var taken []share
	err := applyShareFilter(s.conn(ctx).Table("scorecard_agents t"), rule.Filter).
		Joins("JOIN assignments a ON a.scorecard_id = t.scorecard_id").
		Select("t.agent_id, t.week, COUNT(*) AS n").Group("t.agent_id, t.week").Scan(&taken).Error
	if err != nil {
		return nil, dbError(err, "assigned per agent and week")
	}
	have := map[[2]string]int{}
	for _, t := range taken {
		have[[2]string{t.AgentID, t.Week}] = t.N
	}
	var pool []share
	err = applyShareFilter(s.conn(ctx).Table("scorecard_agents t"), rule.Filter).
		Where("NOT EXISTS (SELECT 1 FROM assignments a WHERE a.scorecard_id = t.scorecard_id)").
		Select("t.scorecard_id, t.agent_id, t.week").Order(gorm.Expr("random()")).Limit(randomCandidatesCap).Scan(&pool).Error
	if err != nil {
		return nil, dbError(err, "random candidates")
	}
	var ids []int64
	picked := map[int64]bool{}
	for _, p := range pool {
		key := [2]string{p.AgentID, p.Week}
		if len(ids) == n || picked[p.ScorecardID] || have[key] >= perWeek {
			continue
		}
		picked[p.ScorecardID] = true
		have[key]++
		ids = append(ids, p.ScorecardID)
	}
	return ids, nil
}

// Assignments returns a reviewer's assignments, oldest first; open ones only when open is set.
func (s *Store) Assignments(ctx context.Context, reviewerID int64, open bool) ([]qa.Assignment, error) {
	q := s.conn(ctx).Where("reviewer_id = ?", reviewerID)
	if open {
		q = q.Where("done_at IS NULL")
	}
	var rows []assignmentRow
	if err := q.Order("assigned_at, id").Find(&rows).Error; err != nil {
		return nil, dbError(err, "assignments of reviewer %d", reviewerID)
	}
	out := make([]qa.Assignment, len(rows))
	for i, r := range rows {
		out[i] = toAssignment(r)
	}
	return out, nil
}

// CompleteAssignment marks an assignment done; completing it again keeps the first time.
func (s *Store) CompleteAssignment(ctx context.Context, id int64) error {
	res := s.conn(ctx).Model(&assignmentRow{}).Where("id = ? AND done_at IS NULL", id).Update("done_at", s.now())
	if res.Error != nil {
		return dbError(res.Error, "complete assignment %d", id)
	}
	if res.RowsAffected == 0 {
		var n int64
		if err := s.conn(ctx).Model(&assignmentRow{}).Where("id = ?", id).Count(&n).Error; err != nil {
			return dbError(err, "complete assignment %d", id)
		}
		if n == 0 {
			return qa.Errorf(qa.ErrNotFound, "assignment %d", id)
		}
	}
	return nil
}
