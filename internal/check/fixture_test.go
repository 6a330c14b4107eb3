package check

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	_ "time/tzdata" // customer zones in tests do not depend on the machine's zoneinfo
	"unicode/utf8"

	"github.com/qa-scorer/qa-scorer/internal/textproc"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
	"gopkg.in/yaml.v3"
)

// The fixtures of every check test: the shipped checklists compiled the way rubric compiles
// them (check may not import rubric), conversation builders, and a runner for a table of cases.

// testKnowledge is the analyzer and the lexicons of checklists/<lang>/*.yaml.
type testKnowledge struct {
	analyzer *textproc.Analyzer
	lexicons map[string]*Lexicon
	err      error
}

// compileTestKnowledge compiles the shipped checklists once for all tests.
var compileTestKnowledge = sync.OnceValue(func() testKnowledge {
	an, err := textproc.NewAnalyzer(textproc.Options{})
	if err != nil {
		return testKnowledge{err: err}
	}
	k := testKnowledge{analyzer: an, lexicons: map[string]*Lexicon{}}
	for _, lang := range []string{"en", "ro", "ru", "uk"} {
		lex, err := compileTestLanguage(an, lang)
		if err != nil {
			return testKnowledge{err: err}
		}
		k.lexicons[lang] = lex
	}
	return k
})

// loadTestLexicons returns the analyzer and the lexicon of each language of the shipped
// checklists, so that the tests run on the real phrase knowledge.
func loadTestLexicons(t testing.TB) (*textproc.Analyzer, map[string]*Lexicon) {
	t.Helper()
	k := compileTestKnowledge()
	if k.err != nil {
		t.Fatal(k.err)
	}
	return k.analyzer, k.lexicons
}

// compileTestLanguage compiles every checklists/<lang>/*.yaml file into one lexicon; a set
// named in two files is merged, as the checklist loader does.
func compileTestLanguage(an *textproc.Analyzer, lang string) (*Lexicon, error) {
	files, err := filepath.Glob(filepath.Join("..", "..", "checklists", lang, "*.yaml"))
	if err != nil {
		return nil, err
	}
	phrases := map[string][]Phrase{}
	var negations []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var doc struct {
			Negations []string            `yaml:"negations"`
			Sets      map[string][]string `yaml:"sets"`
		}
		if err := yaml.Unmarshal(data, &doc); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		for _, n := range doc.Negations {
			negations = append(negations, textproc.Normalize(lang, n))
		}
		for name, srcs := range doc.Sets {
			for _, src := range srcs {
				p, err := CompilePhrase(an, lang, src)
				if err != nil {
					return nil, fmt.Errorf("%s: set %q: %w", f, name, err)
				}
				phrases[name] = append(phrases[name], p)
			}
		}
	}
	sets := map[string]*PhraseSet{}
	for name, ps := range phrases {
		s := NewPhraseSet(name, ps)
		sets[name] = &s
	}
	return NewLexicon(lang, sets, negations), nil
}

// turn is a turn of a test conversation: a message of a speaker, or a system event, sent at a
// time or with no timestamp (sent is nil).
type turn struct {
	speaker transcript.Speaker
	text    string
	event   transcript.Event
	sent    *time.Time
}

func customer(text string) turn { return turn{speaker: transcript.SpeakerCustomer, text: text} }
func agent(text string) turn    { return turn{speaker: transcript.SpeakerAgent, text: text} }
func bot(text string) turn      { return turn{speaker: transcript.SpeakerBot, text: text} }

// event is a system turn: a join, hold, unhold or transfer.
func event(e transcript.Event) turn { return turn{speaker: transcript.SpeakerSystem, event: e} }

// at returns the turn sent sec seconds after 2026-11-20 10:00 UTC, for checks that measure
// durations.
func (t turn) at(sec int) turn {
	sent := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC).Add(time.Duration(sec) * time.Second)
	t.sent = &sent
	return t
}

// clock returns the turn sent at a clock time ("15:04") of 2026-11-20 UTC, for checks that read
// the time of day.
func (t turn) clock(hhmm string) turn {
	c, err := time.Parse("15:04", hhmm)
	if err != nil {
		panic(fmt.Sprintf("test bug: bad clock %q", hhmm))
	}
	sent := time.Date(2026, 11, 20, c.Hour(), c.Minute(), 0, 0, time.UTC)
	t.sent = &sent
	return t
}

// conv builds a chat conversation in a language.
func conv(lang string, turns ...turn) *transcript.Conversation {
	return convOn(lang, transcript.ChannelChat, turns...)
}

// convOn builds a conversation in a language on a channel.
func convOn(lang string, ch transcript.Channel, turns ...turn) *transcript.Conversation {
	c := &transcript.Conversation{ID: "t", Channel: ch, Language: lang}
	for _, t := range turns {
		tt := transcript.Turn{Speaker: t.speaker, Text: t.text, Event: t.event}
		if t.sent != nil {
			sent := *t.sent
			tt.At = &sent
		}
		c.Turns = append(c.Turns, tt)
	}
	return c
}

// withCustomer sets what the transcript knows of the customer.
func withCustomer(cu *transcript.Customer, c *transcript.Conversation) *transcript.Conversation {
	c.Customer = cu
	return c
}

// withAgent names the conversation's agent.
func withAgent(name string, c *transcript.Conversation) *transcript.Conversation {
	c.Agents = []transcript.Agent{{ID: "a1", Name: name}}
	return c
}

// newInput analyses a conversation and returns what a check reads of it, with the shipped
// checklists and the default settings.
func newInput(t testing.TB, c *transcript.Conversation) *Input {
	t.Helper()
	an, lexicons := loadTestLexicons(t)
	text := an.AnalyzeConversation(c)
	return &Input{Conv: c, Text: text, Lexicon: lexicons[text.Language], Settings: DefaultSettings()}
}

// checkCase is one case of a check's table: a conversation and what the check must find in it.
type checkCase struct {
	name     string
	id       string // the rubric item's check id (Input.ID), for script.<name> items
	conv     *transcript.Conversation
	want     Outcome
	reason   string // words the reason must contain; any reason will do when empty
	evidence []span // every piece of evidence, in order; none when empty
}

// span is an expected piece of evidence: a turn and the words quoted, which must be where
// those words first stand in the turn's text ("" for a system turn).
type span struct {
	turn int
	text string
}

// runCases runs a check on each case, as a subtest named after the case.
func runCases(t *testing.T, run Func, cases []checkCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := newInput(t, tc.conv)
			in.ID = tc.id
			assertResult(t, tc.conv, run(in), tc.want, tc.reason, tc.evidence)
		})
	}
}

// assertResult asserts the outcome, a reason that contains reason, and the evidence: the same
// count and, piece by piece, the turn, the quoted text and the rune span of that text's first
// occurrence in the turn.
func assertResult(t *testing.T, c *transcript.Conversation, got Result, want Outcome, reason string, evidence []span) {
	t.Helper()
	if got.Outcome != want {
		t.Fatalf("outcome = %s (reason: %s), want %s", got.Outcome, got.Reason, want)
	}
	if got.Reason == "" {
		t.Errorf("empty reason")
	} else if !strings.Contains(got.Reason, reason) {
		t.Errorf("reason = %q, want it to contain %q", got.Reason, reason)
	}
	assertReasonCode(t, got)
	if len(got.Evidence) != len(evidence) {
		t.Fatalf("evidence = %+v, want %d pieces %+v (reason %q)", got.Evidence, len(evidence), evidence, got.Reason)
	}
	for k, w := range evidence {
		start := runeIndex(c.Turns[w.turn].Text, w.text)
		if start < 0 {
			t.Fatalf("test bug: %q is not in turn %d", w.text, w.turn)
		}
		wantEv := Evidence{Turn: w.turn, Start: start, End: start + utf8.RuneCountInString(w.text), Text: w.text}
		if got.Evidence[k] != wantEv {
			t.Errorf("evidence[%d] = %+v, want %+v", k, got.Evidence[k], wantEv)
		}
	}
}

// runeIndex returns the rune offset of the first occurrence of needle in s, or -1.
func runeIndex(s, needle string) int {
	i := strings.Index(s, needle)
	if i < 0 {
		return -1
	}
	return utf8.RuneCountInString(s[:i])
}
