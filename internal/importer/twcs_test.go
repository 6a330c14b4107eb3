package importer

import (
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

func TestReadTWCSThreads(t *testing.T) {
	recs, err := readTestdata(t, "twcs/twcs_sample.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkRecords(t, recs, []want{
		{where: "row 2", id: "tw-8"},
		{where: "row 12", id: "tw-12"},
		{where: "row 14", id: "tw-700100"},
		{where: "row 17", id: "tw-800200"},
		{where: "row 19", id: "tw-900300"},
	})
	// Tweets 1-10 form one tree through both reply columns, even where a reply comes first.
	c := recs[0].Conversation
	if len(c.Turns) != 10 {
		t.Fatalf("thread tw-8 has %d turns, want 10", len(c.Turns))
	}
	for i := 1; i < len(c.Turns); i++ {
		if c.Turns[i].At.Before(*c.Turns[i-1].At) {
			t.Errorf("turn %d is earlier than turn %d", i, i-1)
		}
	}
	if c.Channel != transcript.ChannelSocial || c.Customer == nil || c.Customer.ID != "115712" {
		t.Errorf("channel %q customer %+v, want social and 115712", c.Channel, c.Customer)
	}
	if len(c.Agents) != 1 || c.Agents[0].ID != "sprintcare" || c.Turns[1].AgentID != "sprintcare" {
		t.Errorf("agents %+v, want sprintcare", c.Agents)
	}
}

func TestReadTWCSBrokenRows(t *testing.T) {
	recs, err := readTestdata(t, "twcs/twcs_broken.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkRecords(t, recs, []want{
		{where: "row 2", err: transcript.ErrInvalidTime, record: "row 3", field: "created_at"},
		{where: "row 4", err: transcript.ErrMissing, record: "row 4", field: "text"},
		{where: "row 6", err: transcript.ErrInvalidValue, record: "row 6", field: "inbound"},
		{where: "row 7", id: "tw-50"},
	})
}
