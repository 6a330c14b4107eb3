package importer

import (
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

func TestReadIntercom(t *testing.T) {
	recs, err := readTestdata(t, "intercom/conversation_en.json", Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkRecords(t, recs, []want{{where: "conversation 215468891234567", id: "ic-215468891234567"}})
	c := recs[0].Conversation
	type turn struct {
		speaker  transcript.Speaker
		event    transcript.Event
		internal bool
	}
	wantTurns := []turn{
		{speaker: transcript.SpeakerCustomer}, // source
		{speaker: transcript.SpeakerBot},
		{speaker: transcript.SpeakerCustomer},
		{speaker: transcript.SpeakerSystem, event: transcript.EventTransfer}, // assignment
		{speaker: transcript.SpeakerAgent},
		{speaker: transcript.SpeakerAgent, internal: true}, // note
		{speaker: transcript.SpeakerCustomer},
		{speaker: transcript.SpeakerAgent}, // close with a message
		{speaker: transcript.SpeakerSystem, event: transcript.EventClose},
	} // conversation_rating_changed carries nothing and is left out
	if len(c.Turns) != len(wantTurns) {
		t.Fatalf("%d turns, want %d", len(c.Turns), len(wantTurns))
	}
	for i, w := range wantTurns {
		got := turn{c.Turns[i].Speaker, c.Turns[i].Event, c.Turns[i].Internal}
		if got != w {
			t.Errorf("turn %d = %+v, want %+v", i, got, w)
		}
	}
	if c.Turns[3].AgentID != "5017691" || c.Outcome == nil || c.Outcome.CSAT == nil || *c.Outcome.CSAT != 4 {
		t.Errorf("transfer to %q, outcome %+v; want 5017691 and csat 4", c.Turns[3].AgentID, c.Outcome)
	}
}

func TestReadIntercomBroken(t *testing.T) {
	recs, err := readTestdata(t, "intercom/broken.jsonl", Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkRecords(t, recs, []want{
		{where: "conversation 501", err: transcript.ErrInvalidValue, record: "conversation 501", field: "conversation_parts[0].author.type"},
		{where: "conversation 502", err: transcript.ErrMissing, record: "conversation 502", field: "conversation_parts[0].body"},
		{where: "conversation 503", err: transcript.ErrInvalidTime, record: "conversation 503", field: "created_at"},
		{where: "line 4", err: transcript.ErrMalformedJSON, record: "line 4"},
		{where: "conversation 505", id: "ic-505"},
	})
}

func TestHTMLText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{name: "paragraphs", in: "<p>Bună ziua!</p><p>Cu ce vă pot ajuta?</p>", want: "Bună ziua!\nCu ce vă pot ajuta?"},
		{name: "line breaks and entities", in: "Привіт,<br/>Олено &amp; Тарасе&nbsp;!", want: "Привіт,\nОлено & Тарасе !"},
		{name: "inline markup", in: `<p>Order <b>5531</b> is <a href="x">here</a>.</p>`, want: "Order 5531 is here."},
		{name: "script and style dropped", in: "<style>p{}</style><p>Hi</p><script>alert(1)</script>", want: "Hi"},
		{name: "white space collapsed", in: "<div>\n  Hello\n   there  </div>", want: "Hello there"},
		{name: "plain text", in: "no tags < here", want: "no tags < here"},
		{name: "empty", in: "<p> </p>", want: ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := htmlText(tc.in); got != tc.want {
				t.Errorf("htmlText(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
