package store

import (
	"github.com/qa-scorer/qa-scorer/internal/qa"
	"gorm.io/gorm"
)

// Listing limits: a page holds DefaultLimit rows unless the filter asks for another number, and
// never more than MaxLimit.
const (
	DefaultLimit = 50
	MaxLimit     = 500
)

// page returns a filter's limit and offset, bounded.
func page(f qa.Filter) (limit, offset int) {
	limit = f.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	return limit, max(f.Offset, 0)
}

// applyConversationFilter narrows a query on "conversations c". Team and agent conditions
// match any agent of the conversation; a rubric condition keeps conversations scored by it.
// Teams and AgentIDs (the caller's visibility) must each hold when set.
func applyConversationFilter(q *gorm.DB, f qa.Filter) *gorm.DB {
	if f.Channel != "" {
		q = q.Where("c.channel = ?", f.Channel)
	}
	if f.Language != "" {
		q = q.Where("c.language = ?", f.Language)
	}
	if !f.From.IsZero() {
		q = q.Where("c.started_at >= ?", f.From.UTC())
	}
	if !f.To.IsZero() {
		q = q.Where("c.started_at < ?", f.To.UTC())
	}
	if f.RubricID != "" {
		q = q.Where("EXISTS (SELECT 1 FROM scorecards s WHERE s.conversation_id = c.id AND s.rubric_id = ?)", f.RubricID)
	}
	return applyAgentFilter(q, f, "EXISTS (SELECT 1 FROM conversation_agents ca WHERE ca.conversation_id = c.id AND ", "ca.")
}

// applyScorecardFilter narrows a query on "scorecards s"; team and agent conditions match any
// agent share of the scorecard.
func applyScorecardFilter(q *gorm.DB, f qa.Filter) *gorm.DB {
	if f.Channel != "" {
		q = q.Where("s.channel = ?", f.Channel)
	}
	if f.Language != "" {
		q = q.Where("s.language = ?", f.Language)
	}
	if f.RubricID != "" {
		q = q.Where("s.rubric_id = ?", f.RubricID)
	}
	if !f.From.IsZero() {
		q = q.Where("s.started_at >= ?", f.From.UTC())
	}
	if !f.To.IsZero() {
		q = q.Where("s.started_at < ?", f.To.UTC())
	}
	return applyAgentFilter(q, f, "EXISTS (SELECT 1 FROM scorecard_agents sa WHERE sa.scorecard_id = s.id AND ", "sa.")
}

// applyAgentFilter adds the filter's team and agent conditions (from the request and from the
// caller's scope) as EXISTS subqueries over an agent table: exists is the subquery up to its
// last condition, col the alias prefix of that table's team and agent_id columns.
func applyAgentFilter(q *gorm.DB, f qa.Filter, exists, col string) *gorm.DB {
	if f.Team != "" {
		q = q.Where(exists+col+"team = ?)", f.Team)
	}
	if f.AgentID != "" {
		q = q.Where(exists+col+"agent_id = ?)", f.AgentID)
	}
	if len(f.Teams) > 0 {
		q = q.Where(exists+col+"team IN ?)", f.Teams)
	}
	if len(f.AgentIDs) > 0 {
		q = q.Where(exists+col+"agent_id IN ?)", f.AgentIDs)
	}
	return q
}

// applyShareFilter narrows a query on a per-agent result table (scorecard_agents or
// scorecard_items, under the alias t), whose rows carry every dimension a filter names.
func applyShareFilter(q *gorm.DB, f qa.Filter) *gorm.DB {
	conds := []struct {
		column string
		value  string
	}{
		{"t.channel", f.Channel}, {"t.language", f.Language}, {"t.rubric_id", f.RubricID},
		{"t.team", f.Team}, {"t.agent_id", f.AgentID},
	}
	for _, c := range conds {
		if c.value != "" {
			q = q.Where(c.column+" = ?", c.value)
		}
	}
	if !f.From.IsZero() {
		q = q.Where("t.started_at >= ?", f.From.UTC())
	}
	if !f.To.IsZero() {
		q = q.Where("t.started_at < ?", f.To.UTC())
	}
	if len(f.Teams) > 0 {
		q = q.Where("t.team IN ?", f.Teams)
	}
	if len(f.AgentIDs) > 0 {
		q = q.Where("t.agent_id IN ?", f.AgentIDs)
	}
	return q
}
