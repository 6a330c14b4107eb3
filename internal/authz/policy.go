package authz

import "fmt"

// Subjects that are not roles. Every role inherits from Authenticated, and Authenticated from
// Anonymous, so a line for Anonymous applies to everyone and a line for Authenticated to every
// signed-in caller.
const (
	Anonymous     = "anonymous"
	Authenticated = "user"
)

// DefaultGrouping returns the default role inheritance lines: [role, parent].
func DefaultGrouping() [][]string {
	return [][]string{
		{"admin", Authenticated},
		{"trainer", Authenticated},
		{"qa_reviewer", Authenticated},
		{"team_lead", Authenticated},
		{"agent", Authenticated},
		{Authenticated, Anonymous},
	}
}

// DefaultPolicy returns the policy a new database starts with: [subject, object, action].
// Objects and actions are the names of the HTTP routes (docs/api.md lists them per role).
func DefaultPolicy() [][]string {
	return [][]string{
		// Anyone: sign in, read the API description, probe health and scrape metrics.
		{Anonymous, "auth", "login"},
		{Anonymous, "openapi", "read"},
		{Anonymous, "health", "read"},
		{Anonymous, "metrics", "read"},

		// Every signed-in person. What they see of conversations, scorecards and statistics
		// is narrowed to their own agent id or teams by the HTTP layer.
		{Authenticated, "auth", "logout"},
		{Authenticated, "me", "read"},
		{Authenticated, "tokens", "create"},
		{Authenticated, "conversations", "list"},
		{Authenticated, "conversations", "read"},
		{Authenticated, "scorecards", "list"},
		{Authenticated, "scorecards", "read"},
		{Authenticated, "stats", "agents"},
		{Authenticated, "stats", "teams"},
		{Authenticated, "rubrics", "list"},
		{Authenticated, "users", "directory"}, // names only: who reviewed, resolved, changed

		// Administrators: everything, including users, ingestion and the audit trail.
		{"admin", "*", "*"},

		// Trainers: rubrics and checklists.
		{"trainer", "rubrics", "versions"},
		{"trainer", "rubrics", "publish"},
		{"trainer", "rubrics", "preview"},
		{"trainer", "rubrics", "progress"},
		{"trainer", "checklists", "list"},
		{"trainer", "checklists", "versions"},
		{"trainer", "checklists", "publish"},

		// QA reviewers: sampled queues, reviews, calibration.
		{"qa_reviewer", "rubrics", "versions"},
		{"qa_reviewer", "queue", "list"},
		{"qa_reviewer", "queue", "pull"},
		{"qa_reviewer", "reviews", "create"},
		{"qa_reviewer", "reviews", "read"},
		{"qa_reviewer", "disputes", "list"},
		{"qa_reviewer", "calibrations", "list"}, // the sessions they created or review in
		{"qa_reviewer", "calibrations", "create"},
		{"qa_reviewer", "calibrations", "read"},
		{"qa_reviewer", "calibrations", "reveal"},
		{"qa_reviewer", "audit", "read"}, // of the scorecards, reviews and disputes they can see

		// Team leads: their teams' reviews, disputes and coaching.
		{"team_lead", "reviews", "read"},
		{"team_lead", "disputes", "list"},
		{"team_lead", "disputes", "resolve"},
		{"team_lead", "coaching", "list"},
		{"team_lead", "coaching", "create"},
		{"team_lead", "audit", "read"}, // of their teams' scorecards, reviews and disputes

		// Agents: their own reviews, disputes and coaching notes.
		{"agent", "reviews", "read"},
		{"agent", "disputes", "list"},
		{"agent", "disputes", "create"},
		{"agent", "coaching", "list"},
		{"agent", "coaching", "ack"},
	}
}

// seed adds the default lines the stored policy lacks. A default permission line is added only
// when no stored line mentions its object and action at all: a permission introduced by a new
// release reaches existing databases, while one an administrator removed from a role stays
// removed as long as another role keeps it. Inheritance lines are added when missing.
func (en *Enforcer) seed() error {
	stored, err := en.e.GetPolicy()
	if err != nil {
		return fmt.Errorf("authz: read policy: %w", err)
	}
	known := make(map[[2]string]bool, len(stored))
	for _, line := range stored {
		if len(line) >= 3 {
			known[[2]string{line[1], line[2]}] = true
		}
	}
	var missing [][]string
	for _, line := range DefaultPolicy() {
		if !known[[2]string{line[1], line[2]}] {
			missing = append(missing, line)
		}
	}
	if len(missing) > 0 {
		if _, err := en.e.AddPoliciesEx(missing); err != nil {
			return fmt.Errorf("authz: seed policy: %w", err)
		}
	}
	if _, err := en.e.AddGroupingPoliciesEx(DefaultGrouping()); err != nil {
		return fmt.Errorf("authz: seed roles: %w", err)
	}
	return nil
}
