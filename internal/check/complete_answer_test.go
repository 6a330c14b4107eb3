package check

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/textproc"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
	"gopkg.in/yaml.v3"
)

// testKnowledgeCA is the shipped checklists compiled once for the tests of this file's checks
// (closing, complete_answer, hold_etiquette, personalization, response_time, transfer_repeat).
var testKnowledgeCA struct {
	once     sync.Once
	analyzer *textproc.Analyzer
	lexicons map[string]*Lexicon
	err      error
}

// loadTestLexiconsCA compiles every checklists/<lang>/*.yaml file the way the checklist loader
// does (check may not import rubric), so that the tests run on the real phrase knowledge.
func loadTestLexiconsCA(t testing.TB) (*textproc.Analyzer, map[string]*Lexicon) {
	t.Helper()
	k := &testKnowledgeCA
	k.once.Do(func() {
		k.analyzer, k.err = textproc.NewAnalyzer(textproc.Options{})
		if k.err != nil {
			return
		}
		k.lexicons = map[string]*Lexicon{}
		for _, lang := range []string{"en", "ro", "ru", "uk"} {
			var lex *Lexicon
			lex, k.err = compileTestLanguageCA(k.analyzer, lang)
			if k.err != nil {
				return
			}
			k.lexicons[lang] = lex
		}
	})
	if k.err != nil {
		t.Fatal(k.err)
	}
	return k.analyzer, k.lexicons
}

func compileTestLanguageCA(an *textproc.Analyzer, lang string) (*Lexicon, error) {
	files, err := filepath.Glob(filepath.Join("..", "..", "checklists", lang, "*.yaml"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
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
			return nil, err
		}
		for _, n := range doc.Negations {
			negations = append(negations, textproc.Normalize(lang, n))
		}
		for name, srcs := range doc.Sets {
			for _, src := range srcs {
				p, err := CompilePhrase(an, lang, src)
				if err != nil {
					return nil, err
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

// turnCA is a test turn: speaker, text, seconds after the start (-1: no timestamp), event.
type turnCA struct {
	speaker transcript.Speaker
	text    string
	sec     int
	event   transcript.Event
}

func cuCA(text string) turnCA {
	return turnCA{speaker: transcript.SpeakerCustomer, text: text, sec: -1}
}
func agCA(text string) turnCA { return turnCA{speaker: transcript.SpeakerAgent, text: text, sec: -1} }
func evCA(e transcript.Event) turnCA {
	return turnCA{speaker: transcript.SpeakerSystem, event: e, sec: -1}
}

// at returns the turn with a timestamp sec seconds after 2026-11-20 10:00 UTC.
func (t turnCA) at(sec int) turnCA { t.sec = sec; return t }

// convCA builds a conversation in a language and channel.
func convCA(lang string, ch transcript.Channel, turns ...turnCA) *transcript.Conversation {
	c := &transcript.Conversation{ID: "t", Channel: ch, Language: lang}
	base := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	for _, t := range turns {
		tt := transcript.Turn{Speaker: t.speaker, Text: t.text, Event: t.event}
		if t.sec >= 0 {
			at := base.Add(time.Duration(t.sec) * time.Second)
			tt.At = &at
		}
		c.Turns = append(c.Turns, tt)
	}
	return c
}

// runCA analyses a conversation and runs a check on it with the shipped checklists and the
// default settings.
func runCA(t *testing.T, fn Func, c *transcript.Conversation) Result {
	t.Helper()
	an, lexicons := loadTestLexiconsCA(t)
	text := an.AnalyzeConversation(c)
	in := &Input{Conv: c, Text: text, Lexicon: lexicons[text.Language], Settings: DefaultSettings()}
	return fn(in)
}

// evCAWant is an expected piece of evidence: the turn and the quoted text.
type evCAWant struct {
	turn int
	text string
}

// checkResultCA asserts the outcome and the evidence (turn, text, and that the rune span quotes
// exactly that text of the turn).
func checkResultCA(t *testing.T, c *transcript.Conversation, got Result, want Outcome, evidence []evCAWant) {
	t.Helper()
	if got.Outcome != want {
		t.Fatalf("outcome = %s (%s), want %s", got.Outcome, got.Reason, want)
	}
	if got.Reason == "" {
		t.Errorf("empty reason")
	}
	if evidence == nil {
		return
	}
	if len(got.Evidence) != len(evidence) {
		t.Fatalf("evidence = %+v, want %d pieces %+v (reason %q)", got.Evidence, len(evidence), evidence, got.Reason)
	}
	for k, w := range evidence {
		ev := got.Evidence[k]
		if ev.Turn != w.turn || ev.Text != w.text {
			t.Errorf("evidence[%d] = turn %d %q, want turn %d %q", k, ev.Turn, ev.Text, w.turn, w.text)
		}
		runes := []rune(c.Turns[ev.Turn].Text)
		if ev.Start < 0 || ev.End > len(runes) || ev.Start > ev.End || string(runes[ev.Start:ev.End]) != ev.Text {
			t.Errorf("evidence[%d] span %d..%d does not quote %q in %q", k, ev.Start, ev.End, ev.Text, c.Turns[ev.Turn].Text)
		}
	}
}

func TestCompleteAnswer(t *testing.T) {
	chat := transcript.ChannelChat
	cases := []struct {
		name     string
		conv     *transcript.Conversation
		want     Outcome
		evidence []evCAWant
	}{
		{"pass: shared content word", convCA("en", chat,
			cuCA("Hi. What is the price of the delivery?"),
			agCA("Delivery costs 5 euros.")),
			Pass, []evCAWant{{1, "Delivery"}}},
		{"pass: answer in a later reply", convCA("en", chat,
			cuCA("Can you send me the tracking number?"),
			agCA("Let me check."),
			cuCA("Thanks."),
			agCA("Hm, one more minute."),
			cuCA("ok"),
			agCA("Here is the tracking number: 12345.")),
			Pass, []evCAWant{{5, "tracking"}}},
		{"pass: yes/no answer", convCA("en", chat,
			cuCA("Do you ship to Canada?"),
			agCA("Yes, we do.")),
			Pass, []evCAWant{{1, "Yes"}}},
		{"pass: refusal addresses it", convCA("en", chat,
			cuCA("Can I pay with PayPal?"),
			agCA("Unfortunately we only accept cards.")),
			Pass, []evCAWant{{1, "Unfortunately"}}},
		{"pass: asks back", convCA("en", chat,
			cuCA("Can you change my booking?"),
			agCA("For which date?")),
			Pass, []evCAWant{{1, "For which date?"}}},
		{"fail: second question of a message ignored", convCA("en", chat,
			cuCA("When will my parcel arrive? And can I change the delivery address?"),
			agCA("Your parcel arrives on Friday. Anything else?")),
			Fail, []evCAWant{{0, "And can I change the delivery address?"}}},
		{"fail: no reply after the question", convCA("en", chat,
			cuCA("Hello"),
			agCA("Hello! How can I help?"),
			cuCA("Is the shop open on Sunday?")),
			Fail, []evCAWant{{2, "Is the shop open on Sunday?"}}},
		{"fail: only an offer of more help", convCA("en", chat,
			cuCA("Why was my card charged twice?"),
			agCA("Is there anything else I can help you with?")),
			Fail, []evCAWant{{0, "Why was my card charged twice?"}}},
		{"fail: a second question inside one sentence", convCA("en", chat,
			cuCA("How much is the premium plan, and does it include phone support?"),
			agCA("The premium plan is $20 a month.")),
			Fail, []evCAWant{{0, "and does it include phone support?"}}},
		{"pass: a reason answers why", convCA("en", chat,
			cuCA("Why was my card blocked? And when can I use it again?"),
			agCA("The bank flagged a payment, that is why. You can use it again now.")),
			Pass, []evCAWant{{1, "that is why"}, {1, "use"}}},
		{"pass: the rest of the reply answers the other question", convCA("en", chat,
			cuCA("Can I keep my modem? And is there a fee for the move?"),
			agCA("Yes, you can keep your modem. The relocation is free of charge.")),
			Pass, []evCAWant{{1, "keep"}, {1, "The relocation is free of charge."}}},
		{"fail: a reply answering one question leaves the other", convCA("en", chat,
			cuCA("Can I keep my modem? And is there a fee for the move?"),
			agCA("Yes, you can keep your modem.")),
			Fail, []evCAWant{{0, "And is there a fee for the move?"}}},
		{"na: no question", convCA("en", chat,
			cuCA("My parcel arrived, thanks."),
			agCA("Great, have a nice day!")),
			NA, nil},
		{"na: a pleasantry is no question", convCA("en", chat,
			cuCA("How are you?"),
			agCA("Fine, thanks!")),
			NA, nil},
		{"review: no checklist for the language", convCA("de", chat,
			cuCA("Wo ist meine Bestellung?"),
			agCA("Sie kommt morgen.")),
			Review, nil},
		{"ru: pass on shared stem", convCA("ru", chat,
			cuCA("Здравствуйте! Сколько стоит доставка в Казань?"),
			agCA("Доставка в Казань стоит 300 рублей.")),
			Pass, []evCAWant{{1, "Доставка"}}},
		{"ru: fail on the ignored question", convCA("ru", chat,
			cuCA("Где мой заказ? И можно ли оплатить картой?"),
			agCA("Ваш заказ уже в пути. Чем ещё могу помочь?")),
			Fail, []evCAWant{{0, "И можно ли оплатить картой?"}}},
		{"ru: fail on the second question of a sentence", convCA("ru", chat,
			cuCA("Сколько стоит тариф «Смарт» и есть ли там роуминг?"),
			agCA("Тариф «Смарт» стоит 500 рублей в месяц.")),
			Fail, []evCAWant{{0, "и есть ли там роуминг?"}}},
		{"uk: pass on yes", convCA("uk", chat,
			cuCA("Чи можна повернути товар?"),
			agCA("Так, протягом 14 днів.")),
			Pass, []evCAWant{{1, "Так"}}},
		{"ro: pass without diacritics", convCA("ro", chat,
			cuCA("Cand ajunge comanda mea?"),
			agCA("Comanda ajunge mâine.")),
			Pass, []evCAWant{{1, "Comanda"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := runCA(t, CompleteAnswer, tc.conv)
			checkResultCA(t, tc.conv, got, tc.want, tc.evidence)
		})
	}
}

func TestCompleteAnswerSameWord(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"book", "booking", true},
		{"поезд", "поездка", true},
		{"restaurant", "restaurants", true},
		{"phone", "photo", false},
		{"12", "120", false},
	}
	for _, tc := range cases {
		t.Run(tc.a+"~"+tc.b, func(t *testing.T) {
			a := caWord{norm: tc.a, stem: tc.a, number: strings.Trim(tc.a, "0123456789") == ""}
			b := caWord{norm: tc.b, stem: tc.b, number: strings.Trim(tc.b, "0123456789") == ""}
			if got := caSameWord(a, b); got != tc.want {
				t.Errorf("caSameWord(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
		})
	}
}
