package httpapi

import (
	"slices"

	"github.com/qa-scorer/qa-scorer/internal/qa"
)

// Row-level scoping. The authoriser decides whether a role may list scorecards at all; these
// functions decide which rows: an agent sees the conversations they took part in, a team lead
// those of their teams, everybody else everything. The restriction comes from the caller's
// account, never from the request.

// scopeFilter overwrites f's restrictions (AgentIDs, Teams) with the caller's.
func scopeFilter(who caller, f *qa.Filter) error {
	f.AgentIDs, f.Teams = nil, nil
	u := who.user
	if u == nil {
		return qa.Errorf(qa.ErrUnauthorized, "sign in to see conversations")
	}
	switch u.Role {
	case qa.RoleAgent:
		if u.AgentID == "" {
			return qa.Errorf(qa.ErrForbidden, "agent account %s is not linked to an agent id", u.Email)
		}
		f.AgentIDs = []string{u.AgentID}
	case qa.RoleTeamLead:
		if len(u.Teams) == 0 {
			return qa.Errorf(qa.ErrForbidden, "team lead account %s leads no team", u.Email)
		}
		f.Teams = slices.Clone(u.Teams)
	}
	return nil
}

// scoped reports whether the caller's role sees only some rows.
func scoped(who caller) bool {
	return who.user == nil || who.user.Role == qa.RoleAgent || who.user.Role == qa.RoleTeamLead
}

// seesConversation reports whether the caller may see the conversation.
func seesConversation(who caller, c *qa.StoredConversation) bool {
	if !scoped(who) {
		return true
	}
	u := who.user
	if u == nil || c.Conv == nil {
		return false
	}
	switch u.Role {
	case qa.RoleAgent:
		for _, a := range c.Conv.Agents {
			if a.ID == u.AgentID && u.AgentID != "" {
				return true
			}
		}
		for _, t := range c.Conv.Turns {
			if t.AgentID == u.AgentID && u.AgentID != "" {
				return true
			}
		}
	case qa.RoleTeamLead:
		if slices.Contains(u.Teams, c.Team) && c.Team != "" {
			return true
		}
		for _, a := range c.Conv.Agents {
			if a.Team != "" && slices.Contains(u.Teams, a.Team) {
				return true
			}
		}
	}
	return false
}

// seesScorecard reports whether the caller may see the scorecard.
func seesScorecard(who caller, sc *qa.StoredScorecard) bool {
	if !scoped(who) {
		return true
	}
	u := who.user
	if u == nil {
		return false
	}
	switch u.Role {
	case qa.RoleAgent:
		for _, a := range sc.Card.Agents {
			if a.AgentID == u.AgentID && u.AgentID != "" {
				return true
			}
		}
	case qa.RoleTeamLead:
		return sc.Team != "" && slices.Contains(u.Teams, sc.Team)
	}
	return false
}

// seesReview reports whether the caller may see a review of a scorecard they can see. Drafts
// are their author's; reviews made in a calibration session are shown only to their author and
// administrators here (GET /calibrations/:id shows them to reviewers once it is revealed).
func seesReview(who caller, r *qa.Review) bool {
	u := who.user
	if u == nil {
		return false
	}
	if u.Role == qa.RoleAdmin || r.ReviewerID == u.ID {
		return true
	}
	if r.Status != reviewSubmitted || r.CalibrationID != 0 {
		return false
	}
	return true
}

// visibleReviews filters reviews down to those the caller may see.
func visibleReviews(who caller, rs []qa.Review) []qa.Review {
	out := make([]qa.Review, 0, len(rs))
	for i := range rs {
		if seesReview(who, &rs[i]) {
			out = append(out, rs[i])
		}
	}
	return out
}
