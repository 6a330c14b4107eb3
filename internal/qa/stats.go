package qa

// AgentStats are one agent's (or one team's) figures over a filter's period.
type AgentStats struct {
	AgentID        string             `json:"agent_id,omitempty"`
	Team           string             `json:"team,omitempty"`
	Conversations  int                `json:"conversations"`
	MeanScore      float64            `json:"mean_score"`
	CriticalFailed int                `json:"critical_failed"`
	NeedsReview    int                `json:"needs_review"`
	Distribution   []Bucket           `json:"distribution"` // score histogram, 10-point buckets
	ItemPassRate   map[string]float64 `json:"item_pass_rate"`
	Trend          []WeekPoint        `json:"trend"`       // by ISO week of conversation start
	WorstItems     []ItemRate         `json:"worst_items"` // lowest pass rates first
}

// Bucket counts scores in [From, To).
type Bucket struct {
	From  int `json:"from"`
	To    int `json:"to"`
	Count int `json:"count"`
}

// WeekPoint is one week's mean score.
type WeekPoint struct {
	Week          string  `json:"week"` // e.g. "2026-W47"
	Conversations int     `json:"conversations"`
	MeanScore     float64 `json:"mean_score"`
}

// ItemRate is an item's pass rate over pass+fail results.
type ItemRate struct {
	ItemID   string  `json:"item_id"`
	Pass     int     `json:"pass"`
	Fail     int     `json:"fail"`
	PassRate float64 `json:"pass_rate"`
}
