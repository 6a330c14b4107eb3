// Package transcript holds the canonical conversation model that every importer produces and
// every check reads (spec/transcript.md). It has no dependencies beyond the standard library.
package transcript

import (
	"encoding/json"
	"time"
)

// Channel is the medium a conversation took place in. It selects limits (response time, hold)
// and channel-specific phrase rules (a greeting that is neutral in email).
type Channel string

// The channels named in spec/transcript.md.
const (
	ChannelChat      Channel = "chat"
	ChannelMessenger Channel = "messenger"
	ChannelEmail     Channel = "email"
	ChannelSocial    Channel = "social"
	ChannelSMS       Channel = "sms"
	ChannelVoice     Channel = "voice"
)

// Channels lists every valid channel in a fixed order.
var Channels = []Channel{ChannelChat, ChannelMessenger, ChannelEmail, ChannelSocial, ChannelSMS, ChannelVoice}

// Speaker says who wrote a turn.
type Speaker string

// The speakers named in spec/transcript.md.
const (
	SpeakerCustomer Speaker = "customer"
	SpeakerAgent    Speaker = "agent"
	SpeakerBot      Speaker = "bot"
	SpeakerSystem   Speaker = "system"
)

// Event is what a system turn records.
type Event string

// The system events named in spec/transcript.md.
const (
	EventTransfer Event = "transfer"
	EventHold     Event = "hold"
	EventUnhold   Event = "unhold"
	EventJoin     Event = "join"
	EventLeave    Event = "leave"
	EventClose    Event = "close"
)

// Conversation is one support interaction between a customer and one or more agents (and
// possibly a bot), in time order. Its id is unique within its source; re-importing the same id
// replaces the earlier copy.
type Conversation struct {
	ID        string          `json:"id"`
	Source    string          `json:"source,omitempty"`
	Channel   Channel         `json:"channel"`
	Language  string          `json:"language,omitempty"`
	StartedAt *time.Time      `json:"started_at,omitempty"`
	Customer  *Customer       `json:"customer,omitempty"`
	Agents    []Agent         `json:"agents,omitempty"`
	Outcome   *Outcome        `json:"outcome,omitempty"`
	Turns     []Turn          `json:"turns"`
	Meta      json.RawMessage `json:"meta,omitempty"`
}

// Customer is the person asking for help. Timezone, phone and country are what the time-of-day
// greeting check uses to find the customer's local time, in that order.
type Customer struct {
	ID       string `json:"id,omitempty"`
	Name     string `json:"name,omitempty"`
	Timezone string `json:"timezone,omitempty"`
	Phone    string `json:"phone,omitempty"`
	Country  string `json:"country,omitempty"`
	Region   string `json:"region,omitempty"`
	Email    string `json:"email,omitempty"`
}

// Agent is a support agent taking part in the conversation. Team groups agents for team leads.
type Agent struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
	Team string `json:"team,omitempty"`
}

// Outcome is what happened at the end: customer satisfaction, whether the issue was resolved,
// and tags. Reports and rubric mining ("successful dialogs") read it; checks do not.
type Outcome struct {
	CSAT     *int     `json:"csat,omitempty"`
	Resolved *bool    `json:"resolved,omitempty"`
	Tags     []string `json:"tags,omitempty"`
}

// Turn is one message or one system event. Text is empty for system turns.
type Turn struct {
	Speaker Speaker    `json:"speaker"`
	AgentID string     `json:"agent_id,omitempty"`
	Text    string     `json:"text,omitempty"`
	At      *time.Time `json:"at,omitempty"`
	Event   Event      `json:"event,omitempty"`
	// Internal marks a note visible to agents only (a Zendesk internal comment). Checks skip it.
	Internal bool `json:"internal,omitempty"`
}

// IsMessage reports whether the turn carries text a person wrote or read in the conversation:
// a customer, agent or bot message that is not an internal note.
func (t Turn) IsMessage() bool {
	return t.Speaker != SpeakerSystem && !t.Internal
}

// Queue returns meta.queue when meta is an object with a string queue (meta is free-form, so
// anything else simply has no queue). Rubrics select conversations by it and the store indexes it.
func (c *Conversation) Queue() string {
	var m struct {
		Queue string `json:"queue"`
	}
	if len(c.Meta) == 0 || json.Unmarshal(c.Meta, &m) != nil {
		return ""
	}
	return m.Queue
}

// AgentOf returns the agent id a turn is attributed to: its own agent_id, or the only agent of
// the conversation when there is just one.
func (c *Conversation) AgentOf(t Turn) string {
	if t.Speaker != SpeakerAgent {
		return ""
	}
	if t.AgentID != "" {
		return t.AgentID
	}
	if len(c.Agents) == 1 {
		return c.Agents[0].ID
	}
	return ""
}

// Start returns when the conversation started: started_at, else the first timestamped turn.
func (c *Conversation) Start() (time.Time, bool) {
	if c.StartedAt != nil {
		return *c.StartedAt, true
	}
	for _, t := range c.Turns {
		if t.At != nil {
			return *t.At, true
		}
	}
	return time.Time{}, false
}

// AgentByID returns the agent with the given id.
func (c *Conversation) AgentByID(id string) (Agent, bool) {
	for _, a := range c.Agents {
		if a.ID == id {
			return a, true
		}
	}
	return Agent{}, false
}
