package importer

import (
	"testing"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

func TestReadCSVBrokenRows(t *testing.T) {
	recs, err := readTestdata(t, "csv/broken.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkRecords(t, recs, []want{
		{where: "row 2", id: "C-1"},
		{where: "row 4", err: transcript.ErrInvalidValue, record: "row 5", field: "role"},
		{where: "row 6", err: transcript.ErrMissing, record: "row 6", field: "message"},
		{where: "row 7", err: transcript.ErrInvalidTime, record: "row 7", field: "created_at"},
		{where: "row 8", err: transcript.ErrMissing, record: "row 8", field: "conversation_id"},
		{where: "row 9", err: transcript.ErrInvalidValue, record: "row 9"},
		{where: "row 10", err: transcript.ErrInvalidValue, record: "row 10", field: "message"},
	})
}

func TestReadCSVMapping(t *testing.T) {
	const input = "id\twho\tsaid\tsent\tevent\n" +
		"t-1\tcustomer\tMy card was declined\t1764061200\t\n" +
		"t-1\tsupervisor\tI'll take it from here\t1764061260\t\n" +
		"t-1\tsystem\t\t1764061230\tjoin\n"
	opts := Options{CSV: CSVMapping{ConversationID: "ID", Speaker: "Who", Text: "Said", Time: "Sent",
		Speakers: map[string]transcript.Speaker{"supervisor": transcript.SpeakerAgent}}, DefaultChannel: transcript.ChannelEmail}
	recs, err := readAll(t, []byte(input), "export.tsv", opts)
	if err != nil {
		t.Fatal(err)
	}
	checkRecords(t, recs, []want{{where: "row 2", id: "t-1"}})
	c := recs[0].Conversation
	if c.Channel != transcript.ChannelEmail {
		t.Errorf("channel %q, want the default email", c.Channel)
	}
	wantSpeakers := []transcript.Speaker{transcript.SpeakerCustomer, transcript.SpeakerSystem, transcript.SpeakerAgent}
	for i, s := range wantSpeakers {
		if c.Turns[i].Speaker != s {
			t.Errorf("turn %d speaker %q, want %q (turns are sorted by time)", i, c.Turns[i].Speaker, s)
		}
	}
	if c.Turns[1].Event != transcript.EventJoin {
		t.Errorf("turn 1 event %q, want join", c.Turns[1].Event)
	}
}

func TestReadCSVKeepsFileOrderWithoutTimes(t *testing.T) {
	const input = "conversation_id,role,text,time\nx,customer,first,\nx,agent,second,2026-11-26T10:00:00Z\nx,customer,third,\n"
	recs, err := readAll(t, []byte(input), "x.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkRecords(t, recs, []want{{where: "row 2", id: "x"}})
	for i, text := range []string{"first", "second", "third"} {
		if got := recs[0].Conversation.Turns[i].Text; got != text {
			t.Errorf("turn %d = %q, want %q", i, got, text)
		}
	}
}

func TestParseTime(t *testing.T) {
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		in     string
		layout string
		want   time.Time
		bad    bool
	}{
		{name: "RFC 3339", in: "2026-11-24T18:45:10+02:00", want: time.Date(2026, 11, 24, 16, 45, 10, 0, time.UTC)},
		{name: "space and offset", in: "2026-11-24 18:45:10+02:00", want: time.Date(2026, 11, 24, 16, 45, 10, 0, time.UTC)},
		{name: "local, in the mapping's zone", in: "2026-11-24 18:45:10", want: time.Date(2026, 11, 24, 16, 45, 10, 0, time.UTC)},
		{name: "dotted day first", in: "24.11.2026 18:45", want: time.Date(2026, 11, 24, 16, 45, 0, 0, time.UTC)},
		{name: "Unix seconds", in: "1764002710", want: time.Unix(1764002710, 0)},
		{name: "Unix milliseconds", in: "1764002710500", want: time.UnixMilli(1764002710500)},
		{name: "custom layout", in: "11/24/2026 6:45 PM", layout: "01/02/2006 3:04 PM", want: time.Date(2026, 11, 24, 16, 45, 0, 0, time.UTC)},
		{name: "a year is not a Unix time", in: "2026", bad: true},
		{name: "words", in: "yesterday", bad: true},
		{name: "month 13", in: "2026-13-01 10:00", bad: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseTime(tc.in, tc.layout, kyiv)
			if tc.bad {
				if err == nil {
					t.Fatalf("parseTime(%q) = %v, want an error", tc.in, got)
				}
				return
			}
			if err != nil || !got.Equal(tc.want) {
				t.Errorf("parseTime(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
			}
		})
	}
}
