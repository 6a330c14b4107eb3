package importer

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// readIntercom reads Intercom conversations, one record at a time.
func readIntercom(in *input) error {
	return eachJSON(in, sniffLayout(in), func(data []byte, where string) error {
		var rec icRecord
		if err := unmarshalRecord(data, &rec, where); err != nil {
			return in.reject(where, err)
		}
		convs := rec.Conversations
		if rec.Type != "conversation.list" && convs == nil {
			convs = []json.RawMessage{data}
		}
		for i, raw := range convs {
			at := where
			if len(convs) > 1 || rec.Type == "conversation.list" {
				at = fmt.Sprintf("%s, conversation %d", where, i+1)
			}
			if err := in.intercomConversation(raw, at); err != nil {
				return err
			}
		}
		return nil
	})
}

func (in *input) intercomConversation(raw []byte, where string) error {
	var c icConversation
	if err := unmarshalRecord(raw, &c, where); err != nil {
		return in.reject(where, err)
	}
	if c.ID != "" {
		where = "conversation " + string(c.ID)
	}
	conv, err := buildIntercom(c, where, in.opts.DefaultChannel)
	if err != nil {
		return in.reject(where, err)
	}
	return in.accept(conv, where)
}

// buildIntercom turns a conversation and its parts into a conversation. The source is the
// first turn; comments are messages; notes are agent turns marked Internal; assignments and
// closes are system events (after the message, when they carry one). Other parts without a
// message (open, snoozed, rating changes, ...) have no canonical event and are left out.
func buildIntercom(c icConversation, where string, fallback transcript.Channel) (*transcript.Conversation, error) {
	fail := func(field string, err error, detail string) error {
		return &transcript.FieldError{Record: where, Field: field, Err: err, Detail: detail}
	}
	if c.ID == "" {
		return nil, fail("id", transcript.ErrMissing, "")
	}
	conv := &transcript.Conversation{ID: "ic-" + string(c.ID), Channel: intercomChannel(c.Source.Type, fallback)}
	b := icBuilder{conv: conv}
	start, err := unixTime(c.CreatedAt, "created_at", fail)
	if err != nil {
		return nil, err
	}
	conv.StartedAt = start
	src := c.Source
	if err := b.message(src.Author, messageText(src.Body, src.Attachments), start, false, "source", fail); err != nil {
		return nil, err
	}
	for i, p := range c.ConversationParts.Parts {
		field := fmt.Sprintf("conversation_parts[%d]", i)
		if err := b.part(p, field, fail); err != nil {
			return nil, err
		}
	}
	sortTurnsIfTimed(conv.Turns)
	if c.Rating != nil && c.Rating.Rating != nil {
		conv.Outcome = &transcript.Outcome{CSAT: c.Rating.Rating}
	}
	for _, t := range c.Tags.Tags {
		if conv.Outcome == nil {
			conv.Outcome = &transcript.Outcome{}
		}
		conv.Outcome.Tags = append(conv.Outcome.Tags, t.Name)
	}
	return conv, nil
}

// icBuilder appends turns to a conversation and collects its customer and agents.
type icBuilder struct {
	conv *transcript.Conversation
}

func (b *icBuilder) part(p icPart, field string, fail failFunc) error {
	at, err := unixTime(p.CreatedAt, field+".created_at", fail)
	if err != nil {
		return err
	}
	text := messageText(p.Body, p.Attachments)
	note := p.PartType == "note"
	if text != "" || note || p.PartType == "comment" {
		if err := b.message(p.Author, text, at, note, field, fail); err != nil {
			return err
		}
	}
	event, ok := intercomEvent(p.PartType)
	if !ok {
		return nil
	}
	turn := transcript.Turn{Speaker: transcript.SpeakerSystem, Event: event, At: at}
	if p.AssignedTo != nil && p.AssignedTo.Type == "admin" {
		turn.AgentID = string(p.AssignedTo.ID)
	}
	b.conv.Turns = append(b.conv.Turns, turn)
	return nil
}

// message appends the turn of one message written by author.
func (b *icBuilder) message(author icAuthor, text string, at *time.Time, note bool, field string, fail failFunc) error {
	speaker, ok := intercomSpeaker(author.Type)
	if !ok {
		return fail(field+".author.type", transcript.ErrInvalidValue, fmt.Sprintf("%q; user, lead, contact, admin, team or bot", author.Type))
	}
	if text == "" {
		return fail(field+".body", transcript.ErrMissing, "")
	}
	turn := transcript.Turn{Speaker: speaker, Text: text, At: at, Internal: note}
	switch speaker {
	case transcript.SpeakerCustomer:
		if b.conv.Customer == nil {
			b.conv.Customer = &transcript.Customer{ID: string(author.ID), Name: author.Name, Email: author.Email}
		}
	case transcript.SpeakerAgent:
		if author.ID == "" {
			return fail(field+".author.id", transcript.ErrMissing, "")
		}
		turn.AgentID = string(author.ID)
		if _, ok := b.conv.AgentByID(turn.AgentID); !ok {
			b.conv.Agents = append(b.conv.Agents, transcript.Agent{ID: turn.AgentID, Name: author.Name})
		}
	}
	b.conv.Turns = append(b.conv.Turns, turn)
	return nil
}

func intercomSpeaker(authorType string) (transcript.Speaker, bool) {
	switch authorType {
	case "user", "lead", "contact":
		return transcript.SpeakerCustomer, true
	case "admin", "team":
		return transcript.SpeakerAgent, true
	case "bot":
		return transcript.SpeakerBot, true
	}
	return "", false
}

func intercomEvent(partType string) (transcript.Event, bool) {
	switch partType {
	case "assignment", "default_assignment", "away_mode_assignment", "assign_and_reopen":
		return transcript.EventTransfer, true
	case "close":
		return transcript.EventClose, true
	}
	return "", false
}

// intercomChannel maps source.type: "conversation" is the Messenger chat widget; the social
// integrations are direct messages except Twitter.
func intercomChannel(sourceType string, fallback transcript.Channel) transcript.Channel {
	switch sourceType {
	case "facebook", "instagram", "whatsapp":
		return transcript.ChannelMessenger
	}
	if ch, ok := channelOf(sourceType); ok {
		return ch
	}
	if fallback != "" {
		return fallback
	}
	return transcript.ChannelChat
}

// maxUnixSeconds is the last second of year 9999, the last that RFC 3339 can write.
const maxUnixSeconds = 253402300799

// unixTime reads a time written as Unix seconds (a number, or a string of digits). Absent or
// null means unknown.
func unixTime(raw json.RawMessage, field string, fail failFunc) (*time.Time, error) {
	s := strings.Trim(string(raw), `"`)
	if s == "" || s == "null" {
		return nil, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 || n > maxUnixSeconds {
		return nil, fail(field, transcript.ErrInvalidTime, fmt.Sprintf("%s; Unix seconds", raw))
	}
	t := time.Unix(n, 0).UTC()
	return &t, nil
}

// messageText is the text of an HTML body, or its attachments when the body is empty.
func messageText(body string, files []icAttachment) string {
	if text := htmlText(body); text != "" {
		return text
	}
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.Name
	}
	return attachmentText(names)
}
