package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/check"
	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
	"gorm.io/gorm"
)

// scorecardRow is the current scorecard of one conversation for one rubric: the JSON for
// display and the columns that filters and the review queue read.
type scorecardRow struct {
	ID                   int64 `gorm:"primaryKey"`
	ConversationID       int64
	RubricID             string
	RubricVersion        int
	ConversationRevision int64
	StartedAt            time.Time
	Channel              string
	Language             string
	Queue                string
	Team                 string
	Score                float64
	Passed               bool
	CriticalFailed       bool
	NeedsReview          bool
	Card                 string
	ScoredAt             time.Time
	ReviewID             int64    // the review in force (reviewed.go), 0 when none
	ReviewedScore        *float64 // its score, nil when not reviewed
}

func (scorecardRow) TableName() string { return "scorecards" }

// scorecardAgentRow is one agent's share of a scorecard (see v1ScorecardAgent), with the
// verdict in force: the scorer's, or a review's once one is submitted (Source, reviewed.go).
type scorecardAgentRow struct {
	ScorecardID    int64  `gorm:"primaryKey;autoIncrement:false"`
	AgentID        string `gorm:"primaryKey"`
	Team           string
	RubricID       string
	Channel        string
	Language       string
	StartedAt      time.Time
	Week           string
	Score          float64
	Bucket         int
	CriticalFailed bool
	NeedsReview    bool
	Source         string // SourceAutomatic or SourceReview
}

func (scorecardAgentRow) TableName() string { return "scorecard_agents" }

// scorecardItemRow is one item result attributed to one agent (see v1ScorecardItem): the
// scorer's result, or a review's (Source).
type scorecardItemRow struct {
	ScorecardID int64  `gorm:"primaryKey;autoIncrement:false"`
	ItemID      string `gorm:"primaryKey"`
	AgentID     string `gorm:"primaryKey"`
	Team        string
	RubricID    string
	Channel     string
	Language    string
	StartedAt   time.Time
	Result      string
	Source      string // SourceAutomatic or SourceReview
}

func (scorecardItemRow) TableName() string { return "scorecard_items" }

// isoWeek names the ISO week of a time in UTC, "2026-W47".
func isoWeek(t time.Time) string {
	y, w := t.UTC().ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// bucketOf returns the 10-point bucket of a 0-100 score; 100 falls in the last one, 90-100.
func bucketOf(score float64) int {
	return min(max(int(score/10), 0), 9)
}

// EncodeScorecard returns a scorecard as the store keeps it in scorecards.card (JSON of
// rubric.Scorecard), which every read of a stored scorecard decodes. Tools that write the table
// directly (cmd/qa-seed's COPY) encode with it, so that what they write reads back.
func EncodeScorecard(card *rubric.Scorecard) (string, error) {
	body, err := json.Marshal(card)
	if err != nil {
		return "", fmt.Errorf("encode scorecard of %q: %w", card.ConversationID, err)
	}
	return string(body), nil
}

// scorecardRows converts a scorecard of a stored conversation into its row, its agent shares and
// its per-agent item rows. The conversation gives the dimensions (start, channel, queue, teams).
func scorecardRows(conv conversationRow, c *transcript.Conversation, card *rubric.Scorecard, scoredAt time.Time) (scorecardRow, []scorecardAgentRow, []scorecardItemRow, error) {
	body, err := EncodeScorecard(card)
	if err != nil {
		return scorecardRow{}, nil, nil, err
	}
	sc := scorecardRow{
		ConversationID: conv.ID, RubricID: card.Rubric.ID, RubricVersion: card.Rubric.Version,
		ConversationRevision: conv.Revision, StartedAt: conv.StartedAt,
		Channel: card.Channel, Language: card.Language, Queue: conv.Queue, Team: conv.Team,
		Score: card.Score, Passed: card.Passed, CriticalFailed: card.CriticalFailed, NeedsReview: card.NeedsReview,
		Card: body, ScoredAt: scoredAt,
	}
	teamOf := func(agentID string) string {
		if a, ok := c.AgentByID(agentID); ok {
			return a.Team
		}
		return ""
	}
	week := isoWeek(conv.StartedAt)
	var agents []scorecardAgentRow
	all := make([]string, 0, len(card.Agents))
	for _, a := range card.Agents {
		all = append(all, a.AgentID)
		agents = append(agents, scorecardAgentRow{
			AgentID: a.AgentID, Team: teamOf(a.AgentID), RubricID: sc.RubricID, Channel: sc.Channel,
			Language: sc.Language, StartedAt: sc.StartedAt, Week: week, Score: a.Score,
			Bucket: bucketOf(a.Score), CriticalFailed: a.CriticalFailed, NeedsReview: card.NeedsReview,
			Source: SourceAutomatic,
		})
	}
	var items []scorecardItemRow
	for _, it := range card.Items {
		owners := it.AgentIDs
		if len(owners) == 0 {
			owners = all // an item no one in particular is responsible for belongs to every agent
		}
		seen := map[string]bool{}
		for _, agent := range owners {
			if seen[agent] {
				continue
			}
			seen[agent] = true
			items = append(items, scorecardItemRow{
				ItemID: it.ID, AgentID: agent, Team: teamOf(agent), RubricID: sc.RubricID,
				Channel: sc.Channel, Language: sc.Language, StartedAt: sc.StartedAt, Result: string(it.Result),
				Source: SourceAutomatic,
			})
		}
	}
	return sc, agents, items, nil
}

func toStoredScorecard(r scorecardRow) (*qa.StoredScorecard, error) {
	out := &qa.StoredScorecard{
		ID: r.ID, ConversationKey: r.ConversationID, StartedAt: utc(r.StartedAt), Team: r.Team, ScoredAt: utc(r.ScoredAt),
		ReviewID: r.ReviewID, ReviewedScore: r.ReviewedScore,
	}
	if err := json.Unmarshal([]byte(r.Card), &out.Card); err != nil {
		return nil, fmt.Errorf("scorecard %d: decode stored card: %w", r.ID, err)
	}
	return out, nil
}

// SaveScorecard stores a scorecard of a stored conversation as its current scorecard for the
// card's rubric, replacing an earlier one (same id kept), and returns its id. When the
// scorecard was reviewed, the review in force is applied to the new card (reviewed.go). A scorecard made
// by an older rubric version than the stored one is not saved: the id of the newer one is
// returned. Saving the same card twice has the effect of saving it once.
func (s *Store) SaveScorecard(ctx context.Context, convKey int64, card *rubric.Scorecard) (int64, error) {
	id, _, err := s.saveScorecard(ctx, convKey, 0, card)
	return id, err
}

// SaveScorecardFor is SaveScorecard for a scoring job that scored revision rev of the
// conversation (from ConversationForScoring). When the conversation has been re-sent since,
// or a newer rubric version already scored it, nothing is saved and saved is false: a later
// job scores the newer copy, so a slow job can never overwrite a fresher scorecard.
func (s *Store) SaveScorecardFor(ctx context.Context, convKey, rev int64, card *rubric.Scorecard) (id int64, saved bool, err error) {
	return s.saveScorecard(ctx, convKey, rev, card)
}

func (s *Store) saveScorecard(ctx context.Context, convKey, rev int64, card *rubric.Scorecard) (id int64, saved bool, err error) {
	if card == nil || card.Rubric.ID == "" || card.Rubric.Version < 1 {
		return 0, false, qa.Errorf(qa.ErrInvalid, "save scorecard of conversation %d: rubric id and version are required", convKey)
	}
	err = s.conn(ctx).Transaction(func(tx *gorm.DB) error {
		// Locking the conversation serialises the saves of its scorecards with its re-sends.
		var conv conversationRow
		if err := s.forUpdate(tx).Take(&conv, "id = ?", convKey).Error; err != nil {
			return dbError(err, "conversation %d", convKey)
		}
		if rev != 0 && conv.Revision != rev {
			return nil
		}
		var existing scorecardRow
		err := tx.Select("id", "rubric_version").Take(&existing, "conversation_id = ? AND rubric_id = ?", convKey, card.Rubric.ID).Error
		switch {
		case err == nil && existing.RubricVersion > card.Rubric.Version:
			id = existing.ID
			return nil
		case err != nil && !isNotFound(err):
			return dbError(err, "current scorecard")
		}
		stored, err := toStoredConversation(conv)
		if err != nil {
			return err
		}
		row, agents, items, err := scorecardRows(conv, stored.Conv, card, s.now())
		if err != nil {
			return err
		}
		row.ID = existing.ID // 0 when new
		if err := writeScorecard(tx, &row, agents, items); err != nil {
			return dbError(err, "write scorecard")
		}
		// A review in force keeps winning over the new automatic results.
		if err := refreshReviewed(tx, row.ID); err != nil {
			return err
		}
		id, saved = row.ID, true
		return nil
	})
	if err != nil {
		return 0, false, fmt.Errorf("save scorecard of conversation %d with rubric %s@%d: %w", convKey, card.Rubric.ID, card.Rubric.Version, err)
	}
	return id, saved, nil
}

// writeScorecard inserts or replaces a scorecard row and replaces its agent and item rows.
func writeScorecard(tx *gorm.DB, row *scorecardRow, agents []scorecardAgentRow, items []scorecardItemRow) error {
	if row.ID == 0 {
		if err := tx.Create(row).Error; err != nil {
			return err
		}
	} else {
		if err := tx.Select("*").Updates(row).Error; err != nil {
			return err
		}
		if err := tx.Where("scorecard_id = ?", row.ID).Delete(&scorecardAgentRow{}).Error; err != nil {
			return err
		}
		if err := tx.Where("scorecard_id = ?", row.ID).Delete(&scorecardItemRow{}).Error; err != nil {
			return err
		}
	}
	for i := range agents {
		agents[i].ScorecardID = row.ID
	}
	for i := range items {
		items[i].ScorecardID = row.ID
	}
	if len(agents) > 0 {
		if err := tx.Create(&agents).Error; err != nil {
			return err
		}
	}
	if len(items) > 0 {
		return tx.CreateInBatches(&items, 200).Error
	}
	return nil
}

// Scorecard returns a stored scorecard by id.
func (s *Store) Scorecard(ctx context.Context, id int64) (*qa.StoredScorecard, error) {
	var row scorecardRow
	if err := s.conn(ctx).Take(&row, "id = ?", id).Error; err != nil {
		return nil, dbError(err, "scorecard %d", id)
	}
	return toStoredScorecard(row)
}

// ScorecardsByConversation returns a conversation's current scorecards, one per rubric, by
// rubric id.
func (s *Store) ScorecardsByConversation(ctx context.Context, convKey int64) ([]qa.StoredScorecard, error) {
	var rows []scorecardRow
	if err := s.conn(ctx).Where("conversation_id = ?", convKey).Order("rubric_id").Find(&rows).Error; err != nil {
		return nil, dbError(err, "scorecards of conversation %d", convKey)
	}
	return toStoredScorecards(rows)
}

// Scorecards lists scorecards matching a filter, latest conversation start first, with the
// total number that match.
func (s *Store) Scorecards(ctx context.Context, f qa.Filter) ([]qa.StoredScorecard, int, error) {
	// A Session makes the filtered query reusable for both the count and the page.
	q := applyScorecardFilter(s.conn(ctx).Model(&scorecardRow{}).Table("scorecards s"), f).Session(&gorm.Session{})
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, dbError(err, "count scorecards")
	}
	limit, offset := page(f)
	var rows []scorecardRow
	if err := q.Order("s.started_at DESC, s.id DESC").Limit(limit).Offset(offset).Find(&rows).Error; err != nil {
		return nil, 0, dbError(err, "list scorecards")
	}
	out, err := toStoredScorecards(rows)
	return out, int(total), err
}

func toStoredScorecards(rows []scorecardRow) ([]qa.StoredScorecard, error) {
	out := make([]qa.StoredScorecard, 0, len(rows))
	for _, r := range rows {
		sc, err := toStoredScorecard(r)
		if err != nil {
			return nil, err
		}
		out = append(out, *sc)
	}
	return out, nil
}

// itemOutcome returns the automatic result of an item on a scorecard.
func itemOutcome(card *rubric.Scorecard, itemID string) (check.Outcome, bool) {
	for _, it := range card.Items {
		if it.ID == itemID {
			return it.Result, true
		}
	}
	return "", false
}
