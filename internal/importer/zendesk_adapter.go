package importer

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// readZendesk reads Zendesk tickets. JSON Lines stream one ticket at a time; an API page is
// one record, held whole (up to MaxRecordBytes), since its users may follow its tickets.
func readZendesk(in *input) error {
	return eachJSON(in, sniffLayout(in), func(data []byte, where string) error {
		var rec zdRecord
		if err := unmarshalRecord(data, &rec, where); err != nil {
			return in.reject(where, err)
		}
		tickets := rec.Tickets
		switch {
		case rec.Ticket != nil:
			tickets = []json.RawMessage{rec.Ticket}
		case rec.Tickets == nil:
			tickets = []json.RawMessage{data} // an export line: the ticket itself
		}
		users := make(map[flexID]zdUser, len(rec.Users))
		for _, u := range rec.Users {
			users[u.ID] = u
		}
		for i, raw := range tickets {
			at := where
			if len(tickets) > 1 {
				at = fmt.Sprintf("%s, ticket %d", where, i+1)
			}
			if err := in.zendeskTicket(raw, users, at); err != nil {
				return err
			}
		}
		return nil
	})
}

func (in *input) zendeskTicket(raw []byte, users map[flexID]zdUser, where string) error {
	var t zdTicket
	if err := unmarshalRecord(raw, &t, where); err != nil {
		return in.reject(where, err)
	}
	if t.ID != "" {
		where = "ticket " + string(t.ID)
	}
	conv, err := buildTicket(t, users, where, in.opts.DefaultChannel)
	if err != nil {
		return in.reject(where, err)
	}
	return in.accept(conv, where)
}

// buildTicket turns a ticket and its comments into a conversation. Comments become turns in
// time order; internal notes (public: false) are kept as agent turns marked Internal, so that
// reviewers see them and checks skip them. Authors are customers when their role is end-user
// (or, without users, when they are the requester) and agents otherwise.
func buildTicket(t zdTicket, users map[flexID]zdUser, where string, fallback transcript.Channel) (*transcript.Conversation, error) {
	fail := func(field string, err error, detail string) error {
		return &transcript.FieldError{Record: where, Field: field, Err: err, Detail: detail}
	}
	if t.ID == "" {
		return nil, fail("id", transcript.ErrMissing, "")
	}
	conv := &transcript.Conversation{ID: "zd-" + string(t.ID), Channel: zendeskChannel(t.Via.Channel, fallback)}
	if t.CreatedAt != "" {
		at, err := time.Parse(time.RFC3339, t.CreatedAt)
		if err != nil {
			return nil, fail("created_at", transcript.ErrInvalidTime, fmt.Sprintf("%q", t.CreatedAt))
		}
		conv.StartedAt = &at
	}
	if len(t.Comments) == 0 {
		return nil, fail("comments", transcript.ErrNoTurns, "")
	}
	for i, c := range t.Comments {
		turn, err := commentTurn(c, t.RequesterID, users, func(field string, err error, detail string) error {
			return fail(fmt.Sprintf("comments[%d].%s", i, field), err, detail)
		})
		if err != nil {
			return nil, err
		}
		if turn.Speaker == transcript.SpeakerAgent {
			if _, ok := conv.AgentByID(turn.AgentID); !ok {
				conv.Agents = append(conv.Agents, transcript.Agent{ID: turn.AgentID, Name: users[c.AuthorID].Name})
			}
		}
		conv.Turns = append(conv.Turns, turn)
	}
	sortTurnsIfTimed(conv.Turns)
	if u, ok := users[t.RequesterID]; ok {
		conv.Customer = &transcript.Customer{ID: string(u.ID), Name: u.Name, Email: u.Email, Phone: u.Phone, Timezone: u.IANATimeZone}
	} else if t.RequesterID != "" {
		conv.Customer = &transcript.Customer{ID: string(t.RequesterID)}
	}
	if t.Status == "solved" || t.Status == "closed" || len(t.Tags) > 0 {
		conv.Outcome = &transcript.Outcome{Tags: t.Tags}
		if t.Status == "solved" || t.Status == "closed" {
			resolved := true
			conv.Outcome.Resolved = &resolved
		}
	}
	if meta := (zdMeta{t.Subject, t.Status, t.Priority}); meta != (zdMeta{}) {
		b, err := json.Marshal(meta)
		if err != nil {
			return nil, fmt.Errorf("%s: meta: %w", where, err)
		}
		conv.Meta = b
	}
	return conv, nil
}

func commentTurn(c zdComment, requester flexID, users map[flexID]zdUser, fail failFunc) (transcript.Turn, error) {
	at, err := time.Parse(time.RFC3339, c.CreatedAt)
	if err != nil {
		return transcript.Turn{}, fail("created_at", transcript.ErrInvalidTime, fmt.Sprintf("%q", c.CreatedAt))
	}
	if c.AuthorID == "" {
		return transcript.Turn{}, fail("author_id", transcript.ErrMissing, "")
	}
	turn := transcript.Turn{Speaker: transcript.SpeakerAgent, AgentID: string(c.AuthorID), At: &at,
		Internal: c.Public != nil && !*c.Public}
	u, known := users[c.AuthorID]
	switch {
	case known && u.Role == "end-user", !known && c.AuthorID == requester:
		turn.Speaker, turn.AgentID = transcript.SpeakerCustomer, ""
	case known && u.Role != "agent" && u.Role != "admin":
		return transcript.Turn{}, fail("author_id", transcript.ErrInvalidValue, fmt.Sprintf("user %s has role %q; end-user, agent or admin", c.AuthorID, u.Role))
	}
	turn.Text = strings.TrimSpace(firstOf(c.PlainBody, c.Body))
	if turn.Text == "" && c.HTMLBody != "" {
		turn.Text = htmlText(c.HTMLBody)
	}
	if turn.Text == "" {
		names := make([]string, len(c.Attachments))
		for i, a := range c.Attachments {
			names[i] = a.FileName
		}
		turn.Text = attachmentText(names)
	}
	if turn.Text == "" {
		return transcript.Turn{}, fail("body", transcript.ErrMissing, "")
	}
	return turn, nil
}

// attachmentText stands for a message that is only attachments, so that the turn (and its
// time) is kept: "[attachment: photo.jpg]".
func attachmentText(names []string) string {
	for i, n := range names {
		names[i] = firstOf(n, "file")
	}
	if len(names) == 0 {
		return ""
	}
	return "[attachment: " + strings.Join(names, ", ") + "]"
}

// zendeskChannel maps via.channel. Tickets from the web form, the API or an unknown source
// are asynchronous replies, like email, unless the caller names a default channel.
func zendeskChannel(via flexID, fallback transcript.Channel) transcript.Channel {
	if ch, ok := channelOf(string(via)); ok {
		return ch
	}
	if fallback != "" {
		return fallback
	}
	return transcript.ChannelEmail
}

// zdMeta is what a conversation's meta keeps of a ticket, for people to see.
type zdMeta struct {
	Subject  string `json:"subject,omitempty"`
	Status   string `json:"status,omitempty"`
	Priority string `json:"priority,omitempty"`
}
