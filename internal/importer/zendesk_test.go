package importer

import (
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

func TestReadZendesk(t *testing.T) {
	recs, err := readTestdata(t, "zendesk/tickets_page.json", Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkRecords(t, recs, []want{{where: "ticket 48213", id: "zd-48213"}, {where: "ticket 48290", id: "zd-48290"}})
	chat := recs[0].Conversation
	tests := []struct {
		name     string
		turn     int
		speaker  transcript.Speaker
		agent    string
		internal bool
	}{
		{name: "requester is the customer", turn: 0, speaker: transcript.SpeakerCustomer},
		{name: "agent reply", turn: 1, speaker: transcript.SpeakerAgent, agent: "361"},
		{name: "internal note kept and marked", turn: 2, speaker: transcript.SpeakerAgent, agent: "361", internal: true},
		{name: "admin counts as agent", turn: 3, speaker: transcript.SpeakerAgent, agent: "362"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := chat.Turns[tc.turn]
			if got.Speaker != tc.speaker || got.AgentID != tc.agent || got.Internal != tc.internal {
				t.Errorf("turn %d = %s/%q internal=%v, want %s/%q internal=%v", tc.turn, got.Speaker, got.AgentID, got.Internal, tc.speaker, tc.agent, tc.internal)
			}
		})
	}
	if chat.Customer.Timezone != "Asia/Anadyr" || chat.Outcome == nil || chat.Outcome.Resolved == nil || !*chat.Outcome.Resolved {
		t.Errorf("customer %+v outcome %+v: want the IANA zone and resolved", chat.Customer, chat.Outcome)
	}
	email := recs[1].Conversation
	if email.Channel != transcript.ChannelEmail || email.Turns[1].Text != "[attachment: receipt.pdf]" {
		t.Errorf("channel %q, attachment-only turn %q", email.Channel, email.Turns[1].Text)
	}
}

func TestReadZendeskExportWithoutUsers(t *testing.T) {
	recs, err := readTestdata(t, "zendesk/export.jsonl", Options{DefaultChannel: transcript.ChannelChat})
	if err != nil {
		t.Fatal(err)
	}
	checkRecords(t, recs, []want{{where: "ticket 51002", id: "zd-51002"}, {where: "ticket 51003", id: "zd-51003"}})
	web := recs[1].Conversation
	if web.Channel != transcript.ChannelChat {
		t.Errorf("web form ticket channel %q, want the default chat", web.Channel)
	}
	// The comments come newest first; the requester is the customer without a users list.
	if web.Turns[0].Speaker != transcript.SpeakerCustomer || web.Turns[1].Speaker != transcript.SpeakerAgent {
		t.Errorf("speakers %s, %s; want customer then agent", web.Turns[0].Speaker, web.Turns[1].Speaker)
	}
}

func TestReadZendeskBroken(t *testing.T) {
	recs, err := readTestdata(t, "zendesk/broken.json", Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkRecords(t, recs, []want{
		{where: "ticket 60001", err: transcript.ErrInvalidTime, record: "ticket 60001", field: "comments[1].created_at"},
		{where: "ticket 60002", err: transcript.ErrMissing, record: "ticket 60002", field: "comments[1].body"},
		{where: "ticket 60003", err: transcript.ErrInvalidValue, record: "ticket 60003", field: "comments[1].author_id"},
		{where: "ticket 60004", id: "zd-60004"},
		{where: "ticket 60005", err: transcript.ErrNoTurns, record: "ticket 60005", field: "comments"},
		{where: "record 1, ticket 6", err: transcript.ErrInvalidValue, record: "record 1, ticket 6", field: "comments.body"},
	})
}
