package transcript

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Validate checks a conversation against spec/transcript.md and returns the first problem as a
// *FieldError naming the conversation and the field. record is how to name the conversation
// when it has no id (e.g. "line 17").
func (c *Conversation) Validate(record string) error {
	name := RecordName(c.ID, record)
	fail := func(field string, err error, detail string) error {
		return &FieldError{Record: name, Field: field, Err: err, Detail: detail}
	}
	if strings.TrimSpace(c.ID) == "" {
		return fail("id", ErrMissing, "")
	}
	if c.Channel == "" {
		return fail("channel", ErrMissing, "")
	}
	if !validChannel(c.Channel) {
		return fail("channel", ErrInvalidValue, fmt.Sprintf("%q; one of chat, messenger, email, social, sms, voice", c.Channel))
	}
	if c.Language != "" && !validLanguageTag(c.Language) {
		return fail("language", ErrInvalidValue, fmt.Sprintf("%q; a BCP 47 primary tag such as en, ru, uk, ro", c.Language))
	}
	if err := c.validateCustomer(fail); err != nil {
		return err
	}
	for i, a := range c.Agents {
		if strings.TrimSpace(a.ID) == "" {
			return fail(fmt.Sprintf("agents[%d].id", i), ErrMissing, "")
		}
	}
	if c.Outcome != nil && c.Outcome.CSAT != nil && (*c.Outcome.CSAT < 1 || *c.Outcome.CSAT > 5) {
		return fail("outcome.csat", ErrInvalidValue, fmt.Sprintf("%d; 1 to 5", *c.Outcome.CSAT))
	}
	if len(c.Turns) == 0 {
		return fail("turns", ErrNoTurns, "")
	}
	var last *time.Time
	for i := range c.Turns {
		if err := c.validateTurn(i, fail); err != nil {
			return err
		}
		t := c.Turns[i]
		if t.At != nil {
			if last != nil && t.At.Before(*last) {
				return fail(fmt.Sprintf("turns[%d].at", i), ErrOutOfOrder, t.At.Format(time.RFC3339))
			}
			last = t.At
		}
	}
	return nil
}

type failFunc func(field string, err error, detail string) error

func (c *Conversation) validateCustomer(fail failFunc) error {
	if c.Customer == nil {
		return nil
	}
	if tz := c.Customer.Timezone; tz != "" {
		if _, err := time.LoadLocation(tz); err != nil || tz == "Local" {
			return fail("customer.timezone", ErrInvalidValue, fmt.Sprintf("%q is not an IANA time zone", tz))
		}
	}
	if cc := c.Customer.Country; cc != "" && !isUpperAlpha(cc, 2) {
		return fail("customer.country", ErrInvalidValue, fmt.Sprintf("%q; an ISO 3166-1 alpha-2 code such as RU", cc))
	}
	return nil
}

func (c *Conversation) validateTurn(i int, fail failFunc) error {
	t := c.Turns[i]
	field := func(f string) string { return fmt.Sprintf("turns[%d].%s", i, f) }
	switch t.Speaker {
	case SpeakerCustomer, SpeakerAgent, SpeakerBot:
		if strings.TrimSpace(t.Text) == "" {
			return fail(field("text"), ErrMissing, "")
		}
	case SpeakerSystem:
		if t.Event == "" {
			return fail(field("event"), ErrMissing, "")
		}
		if !validEvent(t.Event) {
			return fail(field("event"), ErrInvalidValue, fmt.Sprintf("%q; one of transfer, hold, unhold, join, leave, close", t.Event))
		}
	case "":
		return fail(field("speaker"), ErrMissing, "")
	default:
		return fail(field("speaker"), ErrInvalidValue, fmt.Sprintf("%q; one of customer, agent, bot, system", t.Speaker))
	}
	if !utf8.ValidString(t.Text) {
		return fail(field("text"), ErrNotUTF8, "")
	}
	if t.Speaker == SpeakerAgent {
		if t.AgentID == "" && len(c.Agents) > 1 {
			return fail(field("agent_id"), ErrMissing, "the conversation has several agents")
		}
		if t.AgentID != "" && len(c.Agents) > 0 {
			if _, ok := c.AgentByID(t.AgentID); !ok {
				return fail(field("agent_id"), ErrInvalidValue, fmt.Sprintf("%q is not in agents", t.AgentID))
			}
		}
	}
	return nil
}

func validChannel(ch Channel) bool {
	for _, c := range Channels {
		if c == ch {
			return true
		}
	}
	return false
}

func validEvent(e Event) bool {
	switch e {
	case EventTransfer, EventHold, EventUnhold, EventJoin, EventLeave, EventClose:
		return true
	}
	return false
}

// validLanguageTag accepts a BCP 47 primary language subtag (2-3 lowercase letters), optionally
// followed by subtags ("en-GB", "ro-MD").
func validLanguageTag(tag string) bool {
	primary, _, _ := strings.Cut(tag, "-")
	if len(primary) < 2 || len(primary) > 3 {
		return false
	}
	for _, r := range primary {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// PrimaryLanguage returns the primary subtag of a BCP 47 tag: "en-GB" → "en".
func PrimaryLanguage(tag string) string {
	primary, _, _ := strings.Cut(tag, "-")
	return strings.ToLower(primary)
}

func isUpperAlpha(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}
