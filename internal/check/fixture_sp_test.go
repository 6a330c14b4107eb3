package check

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	_ "time/tzdata" // customer zones in tests do not depend on the machine's zoneinfo

	"github.com/qa-scorer/qa-scorer/internal/textproc"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
	"gopkg.in/yaml.v3"
)

// Test fixtures of the greeting_time, clarifying_question, empathy, apology, bad_news_first and
// expectations checks: the shipped checklists compiled the way rubric compiles them (check must
// not import rubric), and a small conversation builder.

type lexiconsSP struct {
	an   *textproc.Analyzer
	lexs map[string]*Lexicon
	err  error
}

var loadLexiconsOnceSP = sync.OnceValue(func() lexiconsSP {
	an, err := textproc.NewAnalyzer(textproc.Options{})
	if err != nil {
		return lexiconsSP{err: err}
	}
	out := lexiconsSP{an: an, lexs: map[string]*Lexicon{}}
	for _, lang := range []string{"en", "ru", "uk", "ro"} {
		lex, err := compileLanguageSP(an, lang)
		if err != nil {
			return lexiconsSP{err: err}
		}
		out.lexs[lang] = lex
	}
	return out
})

// loadTestLexiconsSP returns the analyzer and the lexicons of checklists/<lang>/*.yaml.
func loadTestLexiconsSP(t testing.TB) (*textproc.Analyzer, map[string]*Lexicon) {
	t.Helper()
	l := loadLexiconsOnceSP()
	if l.err != nil {
		t.Fatal(l.err)
	}
	return l.an, l.lexs
}

func compileLanguageSP(an *textproc.Analyzer, lang string) (*Lexicon, error) {
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
			return nil, &os.PathError{Op: "parse", Path: f, Err: err}
		}
		for _, n := range doc.Negations {
			negations = append(negations, textproc.Normalize(lang, n))
		}
		for name, srcs := range doc.Sets {
			for _, src := range srcs {
				p, err := CompilePhrase(an, lang, src)
				if err != nil {
					return nil, &os.PathError{Op: "compile " + name, Path: f, Err: err}
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

// turnSP builds a turn: "c: text" for the customer, "a: text" for the agent, optionally
// followed by "@15:04" (a time on the fixture day, UTC).
func turnSP(t testing.TB, spec string) transcript.Turn {
	t.Helper()
	who, text, ok := strings.Cut(spec, ": ")
	if !ok {
		t.Fatalf("bad turn spec %q", spec)
	}
	var at *time.Time
	if clock, rest, ok := strings.Cut(who, "@"); ok {
		who = clock
		ts, err := time.Parse(time.RFC3339, "2026-11-20T"+rest+":00Z")
		if err != nil {
			t.Fatalf("bad time in %q: %v", spec, err)
		}
		at = &ts
	}
	switch who {
	case "c":
		return transcript.Turn{Speaker: transcript.SpeakerCustomer, Text: text, At: at}
	case "a":
		return transcript.Turn{Speaker: transcript.SpeakerAgent, Text: text, At: at}
	case "b":
		return transcript.Turn{Speaker: transcript.SpeakerBot, Text: text, At: at}
	}
	t.Fatalf("bad speaker in %q", spec)
	return transcript.Turn{}
}

// inputSP analyses a conversation in a language and returns the check input.
func inputSP(t testing.TB, conv *transcript.Conversation) *Input {
	t.Helper()
	an, lexs := loadTestLexiconsSP(t)
	if conv.Channel == "" {
		conv.Channel = transcript.ChannelChat
	}
	text := an.AnalyzeConversation(conv)
	return &Input{Conv: conv, Text: text, Lexicon: lexs[text.Language], Settings: DefaultSettings()}
}

// convSP builds a chat conversation in a language from turn specs (see turnSP).
func convSP(t testing.TB, lang string, turns ...string) *transcript.Conversation {
	t.Helper()
	c := &transcript.Conversation{ID: "t", Channel: transcript.ChannelChat, Language: lang}
	for _, s := range turns {
		c.Turns = append(c.Turns, turnSP(t, s))
	}
	return c
}

// evSP is expected evidence: a turn and the exact words quoted; the span must be where those
// words stand in the turn's text.
type evSP struct {
	turn int
	text string
}

// checkResultSP asserts the outcome, that the reason contains want (if set), and the evidence:
// same count, same turns, quoted text and rune span of that text's first occurrence.
func checkResultSP(t *testing.T, in *Input, got Result, outcome Outcome, reason string, evs ...evSP) {
	t.Helper()
	if got.Outcome != outcome {
		t.Fatalf("outcome = %s, want %s (reason: %s)", got.Outcome, outcome, got.Reason)
	}
	if reason != "" && !strings.Contains(got.Reason, reason) {
		t.Errorf("reason = %q, want it to contain %q", got.Reason, reason)
	}
	if len(got.Evidence) != len(evs) {
		t.Fatalf("evidence = %+v, want %d items %+v", got.Evidence, len(evs), evs)
	}
	for i, want := range evs {
		ev := got.Evidence[i]
		raw := []rune(in.Conv.Turns[want.turn].Text)
		start := runeIndexSP(raw, []rune(want.text))
		if start < 0 {
			t.Fatalf("test bug: %q is not in turn %d", want.text, want.turn)
		}
		wantEv := Evidence{Turn: want.turn, Start: start, End: start + len([]rune(want.text)), Text: want.text}
		if ev != wantEv {
			t.Errorf("evidence[%d] = %+v, want %+v", i, ev, wantEv)
		}
	}
}

func runeIndexSP(hay, needle []rune) int {
	for i := 0; i+len(needle) <= len(hay); i++ {
		if string(hay[i:i+len(needle)]) == string(needle) {
			return i
		}
	}
	return -1
}

func TestChecklistsOfSPChecksCompile(t *testing.T) {
	_, lexs := loadTestLexiconsSP(t)
	for lang, lex := range lexs {
		for _, sets := range [][]string{greetingTimeSets, clarifyingSets, empathySets, apologySets, badNewsSets, expectationsSets} {
			for _, name := range sets {
				if lex.Set(name) == nil || len(lex.Set(name).Phrases) == 0 {
					t.Errorf("%s: no phrase set %q", lang, name)
				}
			}
		}
	}
}

// BenchmarkSPChecks runs the six checks of this file set on the Russian MultiWOZ dev dialogs
// (analysis excluded): the whole rubric must score 2,000 Russian conversations a second per core.
func BenchmarkSPChecks(b *testing.B) {
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
		inputs = append(inputs, inputSP(b, c))
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

// TestSPChecksOnOddConversations runs the six checks on conversations with empty, symbol-only
// and system turns: every check must answer, with evidence inside its turn's text.
func TestSPChecksOnOddConversations(t *testing.T) {
	odd := [][]transcript.Turn{
		{{Speaker: transcript.SpeakerSystem, Event: transcript.EventJoin}},
		{{Speaker: transcript.SpeakerCustomer, Text: ""}, {Speaker: transcript.SpeakerAgent, Text: ""}},
		{{Speaker: transcript.SpeakerCustomer, Text: "!!!???"}, {Speaker: transcript.SpeakerAgent, Text: "…"}},
		{{Speaker: transcript.SpeakerCustomer, Text: "😡😡😡 ?!"}, {Speaker: transcript.SpeakerSystem, Event: transcript.EventTransfer}, {Speaker: transcript.SpeakerAgent, Text: "🙏"}},
		{{Speaker: transcript.SpeakerAgent, Text: "Good morning!"}, {Speaker: transcript.SpeakerBot, Text: "Sorry, we can't. But we can call you."}},
		{{Speaker: transcript.SpeakerCustomer, Text: "НЕ РАБОТАЕТ ВООБЩЕ НИЧЕГО", Internal: true}, {Speaker: transcript.SpeakerAgent, Text: "Мы перезвоним 31.02."}},
	}
	checks := map[string]Func{"greeting_time": GreetingTime, "clarifying_question": ClarifyingQuestion, "empathy": Empathy, "apology": Apology, "bad_news_first": BadNewsFirst, "expectations": Expectations}
	for n, turns := range odd {
		for _, lang := range []string{"en", "ru"} {
			conv := &transcript.Conversation{ID: "odd", Channel: transcript.ChannelChat, Language: lang, Turns: turns}
			in := inputSP(t, conv)
			for id, run := range checks {
				res := run(in)
				if res.Outcome == "" || res.Reason == "" {
					t.Errorf("conversation %d (%s): %s gave %+v", n, lang, id, res)
				}
				for _, ev := range res.Evidence {
					if ev.Turn < 0 || ev.Turn >= len(turns) || ev.Start < 0 || ev.End < ev.Start || ev.End > len([]rune(turns[ev.Turn].Text)) {
						t.Errorf("conversation %d (%s): %s: evidence %+v outside its turn", n, lang, id, ev)
					}
				}
			}
		}
	}
}
