package qa

import "time"

// RubricVersion is one published version of a rubric: its YAML exactly as published. Versions
// are append-only; publishing a new one re-scores the conversations it applies to.
type RubricVersion struct {
	RubricID    string    `json:"rubric_id"`
	Version     int       `json:"version"`
	YAML        string    `json:"yaml"`
	PublishedBy int64     `json:"published_by"`
	PublishedAt time.Time `json:"published_at"`
	Active      bool      `json:"active"` // the version new conversations are scored with
}

// ChecklistVersion is one published version of one checklist file (settings.yaml or
// <lang>/<name>.yaml), so trainers can edit phrase knowledge in the web app.
type ChecklistVersion struct {
	Path        string    `json:"path"`
	Version     int       `json:"version"`
	YAML        string    `json:"yaml"`
	PublishedBy int64     `json:"published_by"`
	PublishedAt time.Time `json:"published_at"`
}

// RescoreProgress reports a background re-scoring after a rubric was published.
type RescoreProgress struct {
	RubricID string `json:"rubric_id"`
	Version  int    `json:"version"`
	Total    int    `json:"total"`
	Done     int    `json:"done"`
	Failed   int    `json:"failed"`
}
