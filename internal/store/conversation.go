package store

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// conversationRow is a stored conversation: the canonical JSON plus the columns filters read.
type conversationRow struct {
	ID         int64 `gorm:"primaryKey"`
	Source     string
	ExtID      string
	Channel    string
	Language   string
	Queue      string
	Team       string
	StartedAt  time.Time
	Revision   int64
	Body       string
	ReceivedAt time.Time
	UpdatedAt  time.Time
}

func (conversationRow) TableName() string { return "conversations" }

// conversationAgentRow links a conversation to an agent who took part, with the agent's team,
// so that conversations can be filtered by agent and team.
type conversationAgentRow struct {
	ConversationID int64  `gorm:"primaryKey;autoIncrement:false"`
	AgentID        string `gorm:"primaryKey"`
	Team           string
}

func (conversationAgentRow) TableName() string { return "conversation_agents" }

// maxKeyLength bounds the id and source of a conversation, which form its unique key.
const maxKeyLength = 500

// CheckConversation reports whether the store can keep a conversation: an id, a channel, and an
// id, source and agent ids that are valid UTF-8 without NUL bytes and at most 500 bytes. Callers
// run transcript's Validate first and then this; UpsertConversations refuses a batch in which a
// record fails it.
func CheckConversation(c *transcript.Conversation) error {
	if c == nil {
		return qa.Errorf(qa.ErrInvalid, "conversation: missing")
	}
	name := transcript.RecordName(c.ID, "conversation")
	if strings.TrimSpace(c.ID) == "" {
		return qa.Errorf(qa.ErrInvalid, "%s: id: is required", name)
	}
	if c.Channel == "" {
		return qa.Errorf(qa.ErrInvalid, "%s: channel: is required", name)
	}
	fields := map[string]string{"id": c.ID, "source": c.Source}
	for i, a := range c.Agents {
		fields[fmt.Sprintf("agents[%d].id", i)] = a.ID
		fields[fmt.Sprintf("agents[%d].team", i)] = a.Team
	}
	for _, f := range slices.Sorted(maps.Keys(fields)) {
		v := fields[f]
		if !utf8.ValidString(v) || strings.ContainsRune(v, 0) || len(v) > maxKeyLength {
			return qa.Errorf(qa.ErrInvalid, "%s: %s: must be UTF-8 text without NUL of at most %d bytes", name, f, maxKeyLength)
		}
	}
	return nil
}

// toConversationRow converts a conversation for storage; received is the ingestion time and
// stands in for the start of a conversation without timestamps.
func toConversationRow(c *transcript.Conversation, received time.Time) (conversationRow, error) {
	body, err := json.Marshal(c)
	if err != nil {
		return conversationRow{}, fmt.Errorf("conversation %q: encode: %w", c.ID, err)
	}
	start, ok := c.Start()
	if !ok {
		start = received
	}
	team := ""
	if len(c.Agents) > 0 {
		team = c.Agents[0].Team
	}
	return conversationRow{
		Source:     c.Source,
		ExtID:      c.ID,
		Channel:    string(c.Channel),
		Language:   transcript.PrimaryLanguage(c.Language),
		Queue:      c.Queue(),
		Team:       team,
		StartedAt:  start.UTC().Truncate(time.Microsecond),
		Revision:   1,
		Body:       string(body),
		ReceivedAt: received,
		UpdatedAt:  received,
	}, nil
}

// conversationAgents lists the agents of a conversation with their teams: the declared agents,
// then any agent id that only appears on turns.
func conversationAgents(key int64, c *transcript.Conversation) []conversationAgentRow {
	var out []conversationAgentRow
	seen := map[string]bool{}
	add := func(id, team string) {
		if id != "" && !seen[id] {
			seen[id] = true
			out = append(out, conversationAgentRow{ConversationID: key, AgentID: id, Team: team})
		}
	}
	for _, a := range c.Agents {
		add(a.ID, a.Team)
	}
	for _, t := range c.Turns {
		add(c.AgentOf(t), "")
	}
	return out
}

func toStoredConversation(r conversationRow) (*qa.StoredConversation, error) {
	var c transcript.Conversation
	if err := json.Unmarshal([]byte(r.Body), &c); err != nil {
		return nil, fmt.Errorf("conversation %d: decode stored body: %w", r.ID, err)
	}
	return &qa.StoredConversation{
		Key:        r.ID,
		Source:     r.Source,
		Conv:       &c,
		Team:       r.Team,
		Queue:      r.Queue,
		ReceivedAt: utc(r.ReceivedAt),
		UpdatedAt:  utc(r.UpdatedAt),
	}, nil
}

// UpsertConversations stores a batch of conversations, idempotent by (source, id): a new pair is
// inserted (accepted), a known one is replaced (updated), never duplicated, also when several
// requests re-send the same ids at once. keys[i] is the key of convs[i]. When one id appears
// twice in a batch the last copy is kept and the earlier one counts as updated.
//
// Batch semantics: the caller validates (transcript's Validate, then CheckConversation) and
// passes only the valid records; the store writes the whole batch in one transaction, so when it
// returns nil every record is durable, and when it returns an error none is stored. A record that
// fails CheckConversation makes it return an error wrapping qa.ErrInvalid naming the record.
func (s *Store) UpsertConversations(ctx context.Context, convs []*transcript.Conversation) (accepted, updated int, keys []int64, err error) {
	for i, c := range convs {
		if err := CheckConversation(c); err != nil {
			return 0, 0, nil, fmt.Errorf("upsert conversations: record %d: %w", i, err)
		}
	}
	// The last copy of each (source, id) wins; rows are written in key order so that concurrent
	// batches lock the same rows in the same order and never deadlock.
	type pair struct{ source, id string }
	last := map[pair]int{}
	for i, c := range convs {
		last[pair{c.Source, c.ID}] = i
	}
	order := make([]int, 0, len(last))
	for _, i := range last {
		order = append(order, i)
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(convs[a].Source, convs[b].Source), cmp.Compare(convs[a].ID, convs[b].ID))
	})
	now := s.now()
	keyOf := map[pair]int64{}
	inserted := map[pair]bool{}
	err = s.conn(ctx).Transaction(func(tx *gorm.DB) error {
		for _, i := range order {
			row, err := toConversationRow(convs[i], now)
			if err != nil {
				return err
			}
			if err := upsertConversation(tx, &row); err != nil {
				return dbError(err, "conversation %q", convs[i].ID)
			}
			if err := replaceConversationAgents(tx, row.ID, convs[i]); err != nil {
				return dbError(err, "conversation %q: agents", convs[i].ID)
			}
			p := pair{convs[i].Source, convs[i].ID}
			keyOf[p] = row.ID
			inserted[p] = row.Revision == 1
		}
		return nil
	})
	if err != nil {
		return 0, 0, nil, fmt.Errorf("upsert conversations: %w", err)
	}
	keys = make([]int64, len(convs))
	for i, c := range convs {
		p := pair{c.Source, c.ID}
		keys[i] = keyOf[p]
		if last[p] == i && inserted[p] {
			accepted++
		} else {
			updated++
		}
	}
	return accepted, updated, keys, nil
}

// upsertConversation inserts a row or replaces the one with the same (source, ext_id), and
// reads back its key and revision: revision 1 means the row is new. Counting by revision stays
// right when two transactions race on the same id: the loser waits, then updates.
func upsertConversation(tx *gorm.DB, row *conversationRow) error {
	return tx.Clauses(
		clause.OnConflict{
			Columns: []clause.Column{{Name: "source"}, {Name: "ext_id"}},
			DoUpdates: append(clause.AssignmentColumns([]string{"channel", "language", "queue", "team", "started_at", "body", "updated_at"}),
				clause.Assignment{Column: clause.Column{Name: "revision"}, Value: gorm.Expr("conversations.revision + 1")}),
		},
		clause.Returning{Columns: []clause.Column{{Name: "id"}, {Name: "revision"}}},
	).Create(row).Error
}

func replaceConversationAgents(tx *gorm.DB, key int64, c *transcript.Conversation) error {
	if err := tx.Where("conversation_id = ?", key).Delete(&conversationAgentRow{}).Error; err != nil {
		return err
	}
	agents := conversationAgents(key, c)
	if len(agents) == 0 {
		return nil
	}
	return tx.Create(&agents).Error
}

// Conversation returns a stored conversation by key.
func (s *Store) Conversation(ctx context.Context, key int64) (*qa.StoredConversation, error) {
	sc, _, err := s.ConversationForScoring(ctx, key)
	return sc, err
}

// ConversationForScoring returns a stored conversation with its revision, which a scoring job
// hands back to SaveScorecardFor so that a scorecard of an outdated copy is never saved.
func (s *Store) ConversationForScoring(ctx context.Context, key int64) (*qa.StoredConversation, int64, error) {
	var row conversationRow
	if err := s.conn(ctx).Take(&row, "id = ?", key).Error; err != nil {
		return nil, 0, dbError(err, "conversation %d", key)
	}
	sc, err := toStoredConversation(row)
	if err != nil {
		return nil, 0, err
	}
	return sc, row.Revision, nil
}

// ConversationByID returns a stored conversation by its source and id.
func (s *Store) ConversationByID(ctx context.Context, source, id string) (*qa.StoredConversation, error) {
	var row conversationRow
	if err := s.conn(ctx).Take(&row, "source = ? AND ext_id = ?", source, id).Error; err != nil {
		return nil, dbError(err, "conversation %q in source %q", id, source)
	}
	return toStoredConversation(row)
}

// Conversations lists stored conversations matching a filter, latest start first, with the
// total number that match. Team and agent filters match any agent of the conversation.
func (s *Store) Conversations(ctx context.Context, f qa.Filter) ([]qa.StoredConversation, int, error) {
	q := s.conn(ctx).Model(&conversationRow{}).Table("conversations c")
	// A Session makes the filtered query reusable for both the count and the page.
	q = applyConversationFilter(q, f).Session(&gorm.Session{})
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, dbError(err, "count conversations")
	}
	var rows []conversationRow
	limit, offset := page(f)
	if err := q.Order("c.started_at DESC, c.id DESC").Limit(limit).Offset(offset).Find(&rows).Error; err != nil {
		return nil, 0, dbError(err, "list conversations")
	}
	out := make([]qa.StoredConversation, 0, len(rows))
	for _, r := range rows {
		sc, err := toStoredConversation(r)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, *sc)
	}
	return out, int(total), nil
}

// ConversationKeys pages through the keys of the conversations a rubric applies to (its
// channels, languages, queues and teams, any agent's team counting; an empty list matches
// everything), in key order after the given key. Re-scoring walks it to enqueue every
// conversation once.
func (s *Store) ConversationKeys(ctx context.Context, a rubric.AppliesTo, after int64, limit int) ([]int64, error) {
	q := s.conn(ctx).Model(&conversationRow{}).Table("conversations c").Where("c.id > ?", after)
	if len(a.Channels) > 0 {
		q = q.Where("c.channel IN ?", a.Channels)
	}
	if len(a.Languages) > 0 {
		// A conversation without a language tag is detected when scored; the job decides then.
		q = q.Where("(c.language IN ? OR c.language = '')", a.Languages)
	}
	if len(a.Queues) > 0 {
		q = q.Where("c.queue IN ?", a.Queues)
	}
	if len(a.Teams) > 0 {
		q = q.Where("EXISTS (SELECT 1 FROM conversation_agents ca WHERE ca.conversation_id = c.id AND ca.team IN ?)", a.Teams)
	}
	var keys []int64
	if err := q.Order("c.id").Limit(limit).Pluck("c.id", &keys).Error; err != nil {
		return nil, dbError(err, "conversation keys after %d", after)
	}
	return keys, nil
}
