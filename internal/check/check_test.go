package check

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// TestChecklistsProvideCheckSets checks that every shipped language has phrases in every set
// a standard check reads.
func TestChecklistsProvideCheckSets(t *testing.T) {
	_, lexs := loadTestLexicons(t)
	for lang, lex := range lexs {
		for _, id := range StandardIDs() {
			d, _ := Lookup(id)
			for _, name := range d.Sets {
				if lex.Set(name) == nil || len(lex.Set(name).Phrases) == 0 {
					t.Errorf("%s: %s: no phrase set %q", lang, id, name)
				}
			}
		}
	}
}

// BenchmarkChecks runs the greeting_time, clarifying_question, empathy, apology, bad_news_first
// and expectations checks on the Russian MultiWOZ dev dialogs (analysis excluded): the whole
// rubric must score 2,000 Russian conversations a second per core.
func BenchmarkChecks(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "eval", "external", "multiwoz-ru-dev.dialogs.jsonl"))
	if err != nil {
		b.Skip("no evaluation data:", err)
	}
	var inputs []*Input
	for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		c, err := transcript.Decode([]byte(line), "line "+strconv.Itoa(i+1))
		if err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, newInput(b, c))
	}
	checks := []Func{GreetingTime, ClarifyingQuestion, Empathy, Apology, BadNewsFirst, Expectations}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		in := inputs[i%len(inputs)]
		for _, run := range checks {
			run(in)
		}
	}
}

// TestChecksOnOddConversations runs every standard check on conversations with empty,
// symbol-only and system turns: every check must answer, with evidence inside its turn's text.
func TestChecksOnOddConversations(t *testing.T) {
	odd := [][]transcript.Turn{
		{{Speaker: transcript.SpeakerSystem, Event: transcript.EventJoin}},
		{{Speaker: transcript.SpeakerCustomer, Text: ""}, {Speaker: transcript.SpeakerAgent, Text: ""}},
		{{Speaker: transcript.SpeakerCustomer, Text: "!!!???"}, {Speaker: transcript.SpeakerAgent, Text: "…"}},
		{{Speaker: transcript.SpeakerCustomer, Text: "😡😡😡 ?!"}, {Speaker: transcript.SpeakerSystem, Event: transcript.EventTransfer}, {Speaker: transcript.SpeakerAgent, Text: "🙏"}},
		{{Speaker: transcript.SpeakerAgent, Text: "Good morning!"}, {Speaker: transcript.SpeakerBot, Text: "Sorry, we can't. But we can call you."}},
		{{Speaker: transcript.SpeakerCustomer, Text: "НЕ РАБОТАЕТ ВООБЩЕ НИЧЕГО", Internal: true}, {Speaker: transcript.SpeakerAgent, Text: "Мы перезвоним 31.02."}},
	}
	for n, turns := range odd {
		for _, lang := range []string{"en", "ru"} {
			in := newInput(t, &transcript.Conversation{ID: "odd", Channel: transcript.ChannelChat, Language: lang, Turns: turns})
			for _, id := range StandardIDs() {
				d, _ := Lookup(id)
				res := d.Run(in)
				if res.Outcome == "" || res.Reason == "" {
					t.Errorf("conversation %d (%s): %s gave %+v", n, lang, id, res)
				}
				for _, ev := range res.Evidence {
					if ev.Turn < 0 || ev.Turn >= len(turns) || ev.Start < 0 || ev.End < ev.Start || ev.End > utf8.RuneCountInString(turns[ev.Turn].Text) {
						t.Errorf("conversation %d (%s): %s: evidence %+v outside its turn", n, lang, id, ev)
					}
				}
			}
		}
	}
}
