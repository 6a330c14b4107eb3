package textproc

import (
	"fmt"
	"strings"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// DefaultStemCacheSize is the number of stems an Analyzer remembers per language when
// Options.StemCacheSize is 0.
const DefaultStemCacheSize = 1 << 16

// Options configure an Analyzer.
type Options struct {
	// DefaultLanguage is used when a conversation has no language and detection is unsure.
	// Empty means "en".
	DefaultLanguage string
	// EnglishTagging fills Token.Tag with Penn Treebank part-of-speech tags for English. It
	// makes English analysis about seven times slower, so it is off unless a check needs it.
	EnglishTagging bool
	// StemCacheSize bounds the stem cache per language: 0 means DefaultStemCacheSize, a
	// negative number turns the cache off.
	StemCacheSize int
}

// Analyzer analyses texts. It is safe for concurrent use; create one per process and share it.
type Analyzer struct {
	opts     Options
	en       englishTokenizer
	lexicons map[string]*lexicon
	stemmers map[string]stemFunc
	caches   map[string]*stemCache // nil when caching is off
	detector *languageDetector
}

// NewAnalyzer loads what analysis needs (the English model, word lists, stemmers) once.
func NewAnalyzer(opts Options) (*Analyzer, error) {
	if opts.DefaultLanguage == "" {
		opts.DefaultLanguage = "en"
	}
	lexicons, err := loadLexicons()
	if err != nil {
		return nil, fmt.Errorf("textproc: %w", err)
	}
	a := &Analyzer{
		opts:     opts,
		en:       newProseTokenizer(),
		lexicons: lexicons,
		stemmers: newStemmers(),
		detector: newLanguageDetector(lexicons, opts.DefaultLanguage),
	}
	if opts.StemCacheSize >= 0 {
		size := opts.StemCacheSize
		if size == 0 {
			size = DefaultStemCacheSize
		}
		a.caches = make(map[string]*stemCache, len(a.stemmers))
		for lang := range a.stemmers {
			a.caches[lang] = newStemCache(size)
		}
	}
	return a, nil
}

// Conversation is a conversation's analysed turns: Turns[i] is the analysis of
// transcript turn i, nil for system turns and internal notes.
type Conversation struct {
	Language string
	Turns    []*Text
}

// AnalyzeConversation resolves the conversation's language (the primary subtag of its own tag,
// else detected from all its message text) and analyses every message turn once.
func (a *Analyzer) AnalyzeConversation(c *transcript.Conversation) *Conversation {
	lang := transcript.PrimaryLanguage(c.Language)
	if lang == "" {
		var sb strings.Builder
		for _, t := range c.Turns {
			if t.IsMessage() && sb.Len() < detectLimit {
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
// the text gives no clear signal (see languageDetector).
func (a *Analyzer) DetectLanguage(text string) string {
	return a.detector.detect(text)
}

// Analyze tokenises, normalises, stems, segments one text in the given language and marks its
// questions. lang is a language tag ("ru", "ro-MD"); a language other than en, ru, uk and ro
// gets the Unicode tokenizer, lower-casing, no stemming and question marks only.
func (a *Analyzer) Analyze(lang, text string) *Text {
	lang = transcript.PrimaryLanguage(lang) // "ru-RU" → "ru"
	t := &Text{Lang: lang, Raw: text}
	tokens := make([]Token, 0, runeLen(text)/4+8) // about four runes a token in all four languages
	var breaks []int
	if lang == "en" {
		tokens, breaks = a.tokenizeEnglish(text, tokens)
	} else {
		s := newScanner(text, lang, tokens)
		s.scan(len(text))
		tokens, breaks = s.tokens, s.breaks
	}
	stem, cache := a.stemmers[lang], a.caches[lang]
	for i := range tokens {
		tok := &tokens[i]
		if tok.Norm == "" {
			tok.Norm = tokenNorm(lang, tok)
		}
		tok.Stem = tok.Norm
		if tok.Kind == Word && stem != nil {
			tok.Stem = cachedStem(stem, cache, tok.Norm)
		}
	}
	t.Tokens = tokens
	lex := a.lexicons[lang]
	if lex == nil {
		lex = &lexicon{}
	}
	t.Sentences = segment(tokens, breaks, lex)
	for i := range t.Sentences {
		s := &t.Sentences[i]
		s.Question = lex.isQuestion(tokens[s.First:s.Last])
	}
	return t
}

// tokenNorm returns a token's normal form by kind: words and addresses are normalised, numbers
// and symbols kept, punctuation reduced to one spelling per mark.
func tokenNorm(lang string, t *Token) string {
	switch t.Kind {
	case Word, URL, Email:
		return Normalize(lang, t.Text)
	case Punct:
		return punctNorm(t.Text)
	}
	return t.Text
}

// Stem returns the stem of a normalised word in the given language: Snowball for en, ru and ro,
// the light stemmer of stem_uk.go for uk, the word itself for other languages and for words
// with digits.
func (a *Analyzer) Stem(lang, norm string) string {
	stem := a.stemmers[lang]
	if stem == nil {
		return norm
	}
	return cachedStem(stem, a.caches[lang], norm)
}

// cachedStem stems a word through the cache (nil when caching is off).
func cachedStem(stem stemFunc, cache *stemCache, norm string) string {
	if !stemmable(norm) {
		return norm
	}
	if cache == nil {
		return stem(norm)
	}
	if s, ok := cache.get(norm); ok {
		return s
	}
	s := stem(norm)
	cache.put(norm, s)
	return s
}

// Stems returns the stems of the words and numbers of a phrase, in order: the form a checklist
// phrase is matched in ("приносим извинения" → [принос извинен]).
func (a *Analyzer) Stems(lang, phrase string) []string {
	t := a.Analyze(lang, phrase)
	out := make([]string, 0, len(t.Tokens))
	for _, tok := range t.Tokens {
		if tok.Kind == Word || tok.Kind == Number {
			out = append(out, tok.Stem)
		}
	}
	return out
}
