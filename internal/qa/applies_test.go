package qa_test

import (
	"slices"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// chat is an English chat conversation of agent a-1 of team l1-en.
func chat(id string) *transcript.Conversation {
	return &transcript.Conversation{
		ID: id, Channel: transcript.ChannelChat, Language: "en",
		Agents: []transcript.Agent{{ID: "a-1", Team: "l1-en"}},
		Turns: []transcript.Turn{
			{Speaker: transcript.SpeakerCustomer, Text: "Hi, where is my order?"},
			{Speaker: transcript.SpeakerAgent, AgentID: "a-1", Text: "Hello! It ships tomorrow."},
		},
	}
}

func TestApplies(t *testing.T) {
	c := chat("x")
	c.Meta = []byte(`{"queue":"delivery"}`)
	tests := []struct {
		name     string
		a        rubric.AppliesTo
		language string
		want     bool
	}{
		{"empty matches everything", rubric.AppliesTo{}, "", true},
		{"channel", rubric.AppliesTo{Channels: []string{"email"}}, "", false},
		{"one of the channels", rubric.AppliesTo{Channels: []string{"chat", "messenger"}}, "", true},
		{"language tag", rubric.AppliesTo{Languages: []string{"ru"}}, "", false},
		{"detected language wins", rubric.AppliesTo{Languages: []string{"ru"}}, "ru", true},
		{"queue from meta", rubric.AppliesTo{Queues: []string{"delivery"}}, "", true},
		{"other queue", rubric.AppliesTo{Queues: []string{"billing"}}, "", false},
		{"any agent's team", rubric.AppliesTo{Teams: []string{"l1-en", "l2-en"}}, "", true},
		{"other team", rubric.AppliesTo{Teams: []string{"l2-en"}}, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := qa.Applies(tc.a, c, tc.language); got != tc.want {
				t.Errorf("Applies = %v, want %v", got, tc.want)
			}
		})
	}
	noTag := chat("y")
	noTag.Language = ""
	if !qa.Applies(rubric.AppliesTo{Languages: []string{"ru"}}, noTag, "") {
		t.Error("a conversation without a language tag must wait for detection")
	}
}

func TestApplicableKeys(t *testing.T) {
	voice, email := chat("v"), chat("e")
	voice.Channel, email.Channel = transcript.ChannelVoice, transcript.ChannelEmail
	convs := []*transcript.Conversation{chat("c"), voice, email, chat("c2")}
	keys := []int64{11, 12, 13, 14}
	tests := []struct {
		name string
		a    rubric.AppliesTo
		want []int64
	}{
		{"every conversation", rubric.AppliesTo{}, keys},
		{"the chats, in order", rubric.AppliesTo{Channels: []string{"chat", "messenger"}}, []int64{11, 14}},
		{"the call", rubric.AppliesTo{Channels: []string{"voice"}}, []int64{12}},
		{"none", rubric.AppliesTo{Channels: []string{"social"}}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := qa.ApplicableKeys(tc.a, keys, convs)
			if err != nil || !slices.Equal(got, tc.want) {
				t.Errorf("ApplicableKeys = %v, %v; want %v", got, err, tc.want)
			}
		})
	}
	t.Run("keys and conversations differ in number", func(t *testing.T) {
		if _, err := qa.ApplicableKeys(rubric.AppliesTo{}, keys[:3], convs); err == nil {
			t.Error("no error for 3 keys of 4 conversations")
		}
	})
}
