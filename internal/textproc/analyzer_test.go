package textproc

import (
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

func TestAnalyzeConversation(t *testing.T) {
	a := testAnalyzer(t)
	tests := []struct {
		name, file, tag, want string
	}{
		{"language from the tag's primary subtag", "ru", "ru-RU", "ru"},
		{"tag wins over the text", "ro", "en", "en"},
		{"detected: Russian", "ru", "", "ru"},
		{"detected: Ukrainian", "uk", "", "uk"},
		{"detected: Romanian", "ro", "", "ro"},
		{"detected: English", "en", "", "en"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := loadConversation(t, tc.file)
			c.Language = tc.tag
			got := a.AnalyzeConversation(c)
			if got.Language != tc.want {
				t.Errorf("Language = %q, want %q", got.Language, tc.want)
			}
			if len(got.Turns) != len(c.Turns) {
				t.Fatalf("%d analysed turns for %d turns", len(got.Turns), len(c.Turns))
			}
			for i, turn := range c.Turns {
				x := got.Turns[i]
				if !turn.IsMessage() {
					if x != nil {
						t.Errorf("turn %d (%s) analysed, want nil", i, turn.Speaker)
					}
					continue
				}
				if x == nil || x.Raw != turn.Text || x.Lang != tc.want {
					t.Fatalf("turn %d: analysis missing or of the wrong text/language", i)
				}
				checkInvariants(t, x)
			}
		})
	}
}

// TestAnalyzeConcurrently runs analyses in parallel (meaningful under -race) and requires the
// same result as a sequential run: one Analyzer serves a whole scoring process.
func TestAnalyzeConcurrently(t *testing.T) {
	a, err := NewAnalyzer(Options{EnglishTagging: true, StemCacheSize: 64})
	if err != nil {
		t.Fatal(err)
	}
	var convs []*transcript.Conversation
	var want []*Conversation
	for _, lang := range []string{"en", "ru", "uk", "ro"} {
		c := loadConversation(t, lang)
		convs = append(convs, c)
		want = append(want, a.AnalyzeConversation(c))
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, c := range convs {
				if got := a.AnalyzeConversation(c); !reflect.DeepEqual(got, want[i]) {
					t.Errorf("conversation %s: concurrent analysis differs from the sequential one", c.ID)
				}
			}
		}()
	}
	wg.Wait()
}

func TestAnalyzeConversationSkipsInternalNotes(t *testing.T) {
	c := &transcript.Conversation{ID: "n-1", Channel: transcript.ChannelEmail, Language: "en", Turns: []transcript.Turn{
		{Speaker: transcript.SpeakerCustomer, Text: "Where is my refund?"},
		{Speaker: transcript.SpeakerAgent, Text: "customer is rude, escalate", Internal: true},
		{Speaker: transcript.SpeakerSystem, Event: transcript.EventTransfer},
		{Speaker: transcript.SpeakerBot, Text: "An agent will reply soon."},
	}}
	got := testAnalyzer(t).AnalyzeConversation(c)
	if got.Turns[0] == nil || !got.Turns[0].HasQuestion() {
		t.Error("customer turn: want an analysed question")
	}
	if got.Turns[1] != nil || got.Turns[2] != nil {
		t.Error("internal note and system turn must not be analysed")
	}
	if got.Turns[3] == nil {
		t.Error("bot turn must be analysed")
	}
}

func TestAnalyzeQuestionsInConversation(t *testing.T) {
	a := testAnalyzer(t)
	c := loadConversation(t, "ru")
	conv := a.AnalyzeConversation(c)
	var questions []string
	for i, x := range conv.Turns {
		if x == nil || c.Turns[i].Speaker != transcript.SpeakerCustomer {
			continue
		}
		for j, s := range x.Sentences {
			if s.Question {
				questions = append(questions, x.SentenceText(j))
			}
		}
	}
	want := []string{
		"Подскажите, где мой заказ №5531?",
		"А можно ли перенести доставку на вечер?",
		"И сколько будет стоить доставка, если я откажусь от части товаров?",
	}
	if strings.Join(questions, "\n") != strings.Join(want, "\n") {
		t.Errorf("customer questions\n got %q\nwant %q", questions, want)
	}
}

func TestAnalyzeAcceptsFullTags(t *testing.T) {
	x := testAnalyzer(t).Analyze("ro-MD", "Mulțumesc")
	if x.Lang != "ro" || x.Tokens[0].Norm != "multumesc" {
		t.Errorf("Analyze(ro-MD): Lang %q, Norm %q; want ro, multumesc", x.Lang, x.Tokens[0].Norm)
	}
}

func TestSnippet(t *testing.T) {
	x := &Text{Raw: "Привет, мир"}
	tests := []struct {
		start, end int
		want       string
	}{
		{0, 6, "Привет"},
		{8, 11, "мир"},
		{8, 100, "мир"},
		{-3, 3, "При"},
		{5, 5, ""},
		{7, 2, ""},
		{20, 30, ""},
	}
	for _, tc := range tests {
		if got := x.Snippet(tc.start, tc.end); got != tc.want {
			t.Errorf("Snippet(%d, %d) = %q, want %q", tc.start, tc.end, got, tc.want)
		}
	}
}

func TestStems(t *testing.T) {
	a := testAnalyzer(t)
	tests := []struct {
		lang, phrase, want string
	}{
		{"ru", "Приносим извинения!", "принос извинен"},
		{"en", "I don't understand", "i do not understand"},
		{"ro", "Vă mulțumim", "va multum"},
		{"uk", "Вибачте, будь ласка", "вибат буд ласк"},
	}
	for _, tc := range tests {
		if got := strings.Join(a.Stems(tc.lang, tc.phrase), " "); got != tc.want {
			t.Errorf("Stems(%q, %q) = %q, want %q", tc.lang, tc.phrase, got, tc.want)
		}
	}
}

// FuzzAnalyze checks that any text, in any of the languages, gives tokens whose offsets quote
// the text exactly and sentences that cover every token once.
func FuzzAnalyze(f *testing.F) {
	for _, name := range []string{"en", "ru", "uk", "ro"} {
		for _, turn := range loadConversation(f, name).Turns {
			f.Add(name, turn.Text)
		}
	}
	f.Add("en", "I don&rsquo;t know :-) ... e.g. U.S. $5 ))")
	f.Add("ro", "s-a-ntâmplat într-o")
	f.Add("uk", "м'який\n\nобʼєкт?!")
	a := testAnalyzer(f)
	f.Fuzz(func(t *testing.T, lang, text string) {
		checkInvariants(t, a.Analyze(lang, text))
	})
}
