package transcript

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestDecodeNamesTheField(t *testing.T) {
	cases := []struct {
		name      string
		json      string
		want      error
		record    string
		field     string
		detailHas string
	}{
		{"unknown field", `{"id":"c1","channel":"chat","priority":1,"turns":[]}`, ErrUnknownField, `conversation "c1"`, "priority", ""},
		{"unknown turn field", `{"id":"c1","channel":"chat","turns":[{"speeker":"agent","text":"hi"}]}`, ErrUnknownField, `conversation "c1"`, "turns[0].speeker", ""},
		{"bad time", `{"id":"c1","channel":"chat","turns":[{"speaker":"agent","text":"hi","at":"21.11.2026 09:00"}]}`, ErrInvalidTime, `conversation "c1"`, "turns[0].at", `"21.11.2026 09:00"`},
		{"time without offset", `{"id":"c1","channel":"chat","turns":[{"speaker":"agent","text":"hi","at":"2026-11-21T09:00:00"}]}`, ErrInvalidTime, `conversation "c1"`, "turns[0].at", ""},
		{"wrong type", `{"id":"c1","channel":"chat","turns":[{"speaker":"agent","text":42}]}`, ErrInvalidValue, `conversation "c1"`, "turns[0].text", "got a number"},
		{"csat not whole", `{"id":"c1","channel":"chat","outcome":{"csat":4.5},"turns":[]}`, ErrInvalidValue, `conversation "c1"`, "outcome.csat", "whole number"},
		{"broken json keeps the line name", `{"id":"c1","channel":`, ErrMalformedJSON, "line 7", "", ""},
		{"not an object", `[1,2]`, ErrInvalidValue, "line 7", "", "JSON object"},
		{"invalid utf-8", "{\"id\":\"c1\",\"text\":\"\xff\"}", ErrNotUTF8, "line 7", "", "0xff"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Decode([]byte(tc.json), "line 7")
			var fe *FieldError
			if !errors.Is(err, tc.want) || !errors.As(err, &fe) {
				t.Fatalf("err = %v, want %v as *FieldError", err, tc.want)
			}
			if fe.Record != tc.record || fe.Field != tc.field {
				t.Fatalf("record %q field %q, want %q %q (%v)", fe.Record, fe.Field, tc.record, tc.field, err)
			}
			if tc.detailHas != "" && !strings.Contains(fe.Detail, tc.detailHas) {
				t.Fatalf("detail %q lacks %q", fe.Detail, tc.detailHas)
			}
		})
	}
}

func TestDecodeValid(t *testing.T) {
	c, err := Decode([]byte(`{"id":"zd-1","channel":"chat","language":"ru","customer":{"name":"Иван","timezone":"Asia/Anadyr"},
		"agents":[{"id":"a-7","team":"l1"}],"turns":[{"speaker":"customer","text":"Где заказ?","at":"2026-11-20T06:12:00Z"},
		{"speaker":"agent","agent_id":"a-7","text":"Доброе утро!","at":"2026-11-20T06:12:31+00:00"},
		{"speaker":"system","event":"transfer","agent_id":"a-7"}],"meta":{"queue":"delivery"}}`), "line 1")
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Validate("line 1"); err != nil {
		t.Fatal(err)
	}
	if c.Customer.Name != "Иван" || len(c.Turns) != 3 || c.Turns[1].At.Second() != 31 || string(c.Meta) != `{"queue":"delivery"}` {
		t.Fatalf("decoded %+v", c)
	}
	if start, ok := c.Start(); !ok || start.Minute() != 12 {
		t.Fatalf("Start = %v %v", start, ok)
	}
	if c.AgentOf(c.Turns[1]) != "a-7" || c.AgentOf(c.Turns[0]) != "" {
		t.Fatal("AgentOf")
	}
}

func TestValidate(t *testing.T) {
	base := func() *Conversation {
		return &Conversation{ID: "c1", Channel: ChannelChat, Turns: []Turn{{Speaker: SpeakerCustomer, Text: "hi"}}}
	}
	csat := 7
	cases := []struct {
		name   string
		mutate func(c *Conversation)
		want   error
		field  string
	}{
		{"valid", func(c *Conversation) {}, nil, ""},
		{"no id", func(c *Conversation) { c.ID = " " }, ErrMissing, "id"},
		{"no channel", func(c *Conversation) { c.Channel = "" }, ErrMissing, "channel"},
		{"bad channel", func(c *Conversation) { c.Channel = "fax" }, ErrInvalidValue, "channel"},
		{"bad language", func(c *Conversation) { c.Language = "Russian" }, ErrInvalidValue, "language"},
		{"language with region", func(c *Conversation) { c.Language = "ro-MD" }, nil, ""},
		{"unknown timezone", func(c *Conversation) { c.Customer = &Customer{Timezone: "Mars/Olympus"} }, ErrInvalidValue, "customer.timezone"},
		{"Local is not a customer zone", func(c *Conversation) { c.Customer = &Customer{Timezone: "Local"} }, ErrInvalidValue, "customer.timezone"},
		{"bad country", func(c *Conversation) { c.Customer = &Customer{Country: "Russia"} }, ErrInvalidValue, "customer.country"},
		{"csat out of range", func(c *Conversation) { c.Outcome = &Outcome{CSAT: &csat} }, ErrInvalidValue, "outcome.csat"},
		{"no turns", func(c *Conversation) { c.Turns = nil }, ErrNoTurns, "turns"},
		{"empty text", func(c *Conversation) { c.Turns[0].Text = "  " }, ErrMissing, "turns[0].text"},
		{"unknown speaker", func(c *Conversation) { c.Turns[0].Speaker = "supervisor" }, ErrInvalidValue, "turns[0].speaker"},
		{"system without event", func(c *Conversation) { c.Turns = append(c.Turns, Turn{Speaker: SpeakerSystem}) }, ErrMissing, "turns[1].event"},
		{"bad event", func(c *Conversation) { c.Turns = append(c.Turns, Turn{Speaker: SpeakerSystem, Event: "nap"}) }, ErrInvalidValue, "turns[1].event"},
		{"agent id needed with several agents", func(c *Conversation) {
			c.Agents = []Agent{{ID: "a"}, {ID: "b"}}
			c.Turns = append(c.Turns, Turn{Speaker: SpeakerAgent, Text: "hello"})
		}, ErrMissing, "turns[1].agent_id"},
		{"agent id not listed", func(c *Conversation) {
			c.Agents = []Agent{{ID: "a"}}
			c.Turns = append(c.Turns, Turn{Speaker: SpeakerAgent, AgentID: "z", Text: "hello"})
		}, ErrInvalidValue, "turns[1].agent_id"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := base()
			tc.mutate(c)
			err := c.Validate("line 3")
			if tc.want == nil {
				if err != nil {
					t.Fatalf("unexpected %v", err)
				}
				return
			}
			var fe *FieldError
			if !errors.Is(err, tc.want) || !errors.As(err, &fe) || fe.Field != tc.field || fe.Record != `conversation "c1"` && tc.field != "id" {
				t.Fatalf("err = %v, want %v on %s", err, tc.want, tc.field)
			}
		})
	}
}

func TestValidateOutOfOrderTimes(t *testing.T) {
	c, err := Decode([]byte(`{"id":"c1","channel":"chat","turns":[{"speaker":"customer","text":"a","at":"2026-11-20T06:12:00Z"},{"speaker":"agent","text":"b","at":"2026-11-20T06:11:00Z"}]}`), "line 1")
	if err != nil {
		t.Fatal(err)
	}
	err = c.Validate("line 1")
	if !errors.Is(err, ErrOutOfOrder) || err.Error() != `conversation "c1": turns[1].at: is earlier than the turn before it (2026-11-20T06:11:00Z)` {
		t.Fatalf("err = %v", err)
	}
}

func TestQueue(t *testing.T) {
	cases := map[string]string{
		``:                                "",
		`{"queue":"delivery"}`:            "delivery",
		`{"queue":7}`:                     "",
		`["queue"]`:                       "",
		`{"team":"l1","queue":"billing"}`: "billing",
	}
	for meta, want := range cases {
		c := Conversation{Meta: json.RawMessage(meta)}
		if got := c.Queue(); got != want {
			t.Errorf("meta %s: Queue() = %q, want %q", meta, got, want)
		}
	}
}
