package importer

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// csvConversation collects the rows of one conversation. Rows of a conversation need not be
// adjacent, so the whole file is read before the first conversation is emitted.
type csvConversation struct {
	where string // the row it was first seen on
	conv  transcript.Conversation
	err   error // the first problem with any of its rows
}

// readCSV reads a CSV file with one row per message, grouping rows by conversation id in the
// order conversations first appear. It holds the whole file in memory.
func readCSV(in *input) error {
	m := in.opts.CSV
	loc := time.UTC
	if m.TimeZone != "" {
		var err error
		if loc, err = time.LoadLocation(m.TimeZone); err != nil || m.TimeZone == "Local" {
			return fmt.Errorf("CSV time zone %q: %w; an IANA zone such as Europe/Kyiv", m.TimeZone, transcript.ErrInvalidValue)
		}
	}
	cr := newCSVReader(in, m.Comma)
	header, err := readCSVHeader(cr)
	if err != nil {
		return err
	}
	cols, err := resolveHeader(header, m)
	if err != nil {
		return err
	}
	b := csvBuilder{mapping: m, loc: loc, byID: map[string]*csvConversation{}}
	if err := eachCSVRow(cr, &cols, b.add); err != nil {
		return err
	}
	for _, c := range b.order {
		if c.err != nil {
			if err := in.reject(c.where, c.err); err != nil {
				return err
			}
			continue
		}
		sortTurnsIfTimed(c.conv.Turns)
		if c.conv.Channel == "" && in.opts.DefaultChannel == "" {
			c.conv.Channel = transcript.ChannelChat // most one-row-per-message exports are chat logs
		}
		if err := in.accept(&c.conv, c.where); err != nil {
			return err
		}
	}
	return nil
}

// csvBuilder turns rows into conversations.
type csvBuilder struct {
	mapping CSVMapping
	loc     *time.Location
	byID    map[string]*csvConversation
	order   []*csvConversation
}

// add files one row under its conversation. A bad row rejects its whole conversation: scoring
// a conversation with a message missing would give wrong results.
func (b *csvBuilder) add(row csvRow) error {
	where := fmt.Sprintf("row %d", row.n)
	if err := checkCells(row.n, row.cells, row.cols.header); err != nil {
		b.conversation(row.get(colConversation), where).fail(err)
		return nil
	}
	id := row.get(colConversation)
	if id == "" {
		b.conversation("", where).fail(row.fieldError(colConversation, transcript.ErrMissing, ""))
		return nil
	}
	c := b.conversation(id, where)
	if c.err != nil {
		return nil
	}
	turn, err := b.turn(row)
	if err != nil {
		c.fail(err)
		return nil
	}
	if err := c.fill(row); err != nil {
		c.fail(err)
		return nil
	}
	if turn.Speaker == transcript.SpeakerAgent {
		turn.AgentID = c.addAgent(row.get(colAgentID), row.get(colAgentName))
	}
	c.conv.Turns = append(c.conv.Turns, turn)
	return nil
}

// conversation returns the conversation with the given id, starting it if new. Rows without an
// id, or whose id cannot be read, each get a conversation of their own to carry the error.
func (b *csvBuilder) conversation(id, where string) *csvConversation {
	if c, ok := b.byID[id]; ok && id != "" {
		return c
	}
	c := &csvConversation{where: where, conv: transcript.Conversation{ID: id}}
	if id != "" {
		b.byID[id] = c
	}
	b.order = append(b.order, c)
	return c
}

func (c *csvConversation) fail(err error) {
	if c.err == nil {
		c.err = err
	}
}

// turn builds the turn a row describes.
func (b *csvBuilder) turn(row csvRow) (transcript.Turn, error) {
	role := row.get(colSpeaker)
	speaker, ok := b.mapping.Speakers[strings.ToLower(role)]
	if !ok {
		speaker, ok = speakerOf(role)
	}
	switch {
	case role == "":
		return transcript.Turn{}, row.fieldError(colSpeaker, transcript.ErrMissing, "")
	case !ok:
		return transcript.Turn{}, row.fieldError(colSpeaker, transcript.ErrInvalidValue, fmt.Sprintf("%q; one of %s", role, knownSpeakers))
	}
	t := transcript.Turn{Speaker: speaker, Text: row.get(colText)}
	if s := row.get(colTime); s != "" {
		at, err := parseTime(s, b.mapping.TimeLayout, b.loc)
		if err != nil {
			return t, row.fieldError(colTime, transcript.ErrInvalidTime, fmt.Sprintf("%q", s))
		}
		t.At = &at
	}
	if speaker != transcript.SpeakerSystem {
		if t.Text == "" {
			return t, row.fieldError(colText, transcript.ErrMissing, "")
		}
		return t, nil
	}
	// A system row names its event in the event column, or else in its text.
	field, name := colEvent, row.get(colEvent)
	if name == "" {
		field, name = colText, t.Text
	}
	event, ok := eventOf(name)
	if !ok {
		return t, row.fieldError(field, transcript.ErrInvalidValue, fmt.Sprintf("%q; a system row needs an event: transfer, hold, unhold, join, leave, close", name))
	}
	t.Event, t.Text = event, ""
	return t, nil
}

// fill takes the conversation-level fields from the first row that has them.
func (c *csvConversation) fill(row csvRow) error {
	conv := &c.conv
	if s := row.get(colChannel); s != "" && conv.Channel == "" {
		ch, ok := channelOf(s)
		if !ok {
			return row.fieldError(colChannel, transcript.ErrInvalidValue, fmt.Sprintf("%q; one of chat, messenger, email, social, sms, voice", s))
		}
		conv.Channel = ch
	}
	if s := row.get(colLanguage); s != "" && conv.Language == "" {
		conv.Language = strings.ToLower(s)
	}
	name, tz, phone := row.get(colCustomerName), row.get(colCustomerTimezone), row.get(colCustomerPhone)
	if name+tz+phone == "" {
		return nil
	}
	if conv.Customer == nil {
		conv.Customer = &transcript.Customer{}
	}
	cu := conv.Customer
	cu.Name, cu.Timezone, cu.Phone = firstOf(cu.Name, name), firstOf(cu.Timezone, tz), firstOf(cu.Phone, phone)
	return nil
}

// addAgent records the agent of a row (by id, or by name when the export has no id column) and
// returns the id the turn is attributed to.
func (c *csvConversation) addAgent(id, name string) string {
	if id == "" {
		id = name
	}
	if id == "" {
		return ""
	}
	if _, ok := c.conv.AgentByID(id); !ok {
		c.conv.Agents = append(c.conv.Agents, transcript.Agent{ID: id, Name: name})
	}
	return id
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// timeLayouts are the layouts parseTime tries, after RFC 3339. Those without an offset are read
// in the CSV mapping's time zone.
var timeLayouts = [...]string{
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"02.01.2006 15:04:05",
	"02.01.2006 15:04",
}

// parseTime reads a timestamp as exports write it: the mapping's layout, RFC 3339, the layouts
// above, or Unix seconds or milliseconds.
func parseTime(s, layout string, loc *time.Location) (time.Time, error) {
	if layout != "" {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, nil
	}
	for _, l := range timeLayouts {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return t, nil
		}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && n > 0 {
		switch {
		case len(s) == 9 || len(s) == 10:
			return time.Unix(n, 0).UTC(), nil
		case len(s) == 13:
			return time.UnixMilli(n).UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q: %w", s, transcript.ErrInvalidTime)
}
