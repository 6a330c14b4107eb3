// Package textproc turns message text into what the checks read: language, sentences, tokens
// with rune offsets, normalised and stemmed word forms, and which sentences are questions.
// Each turn is analysed once per conversation and the result is shared by every check.
//
// docs/textproc.md describes the per-language choices (tokenisation, normalisation, stemmers,
// question and language detection) and their known limits.
package textproc

import "unicode/utf8"

// TokenKind says what a token is made of.
type TokenKind uint8

// Token kinds.
const (
	Word   TokenKind = iota // letters, possibly with inner apostrophes, hyphens or periods (e.g., т.е.)
	Number                  // digits, possibly with separators: 5531, 16:15, 3.5, 12.05.2024
	Punct                   // punctuation: . , ? ! … ( ) " -
	Symbol                  // anything else: emoji, emoticons such as :) or ))), currency and math signs
	URL                     // a web address: https://…, www.…
	Email                   // an e-mail address
)

// String names the kind, for test failures and debugging output.
func (k TokenKind) String() string {
	switch k {
	case Word:
		return "Word"
	case Number:
		return "Number"
	case Punct:
		return "Punct"
	case Symbol:
		return "Symbol"
	case URL:
		return "URL"
	case Email:
		return "Email"
	}
	return "TokenKind(?)"
}

// Token is one word, number or punctuation mark of a text.
//
// English contractions are split so that negation and the verb stay visible: "don't" is
// "do" + "n't" (Norm "not"), "I'm" is "i" + "'m" (Norm "am"), "can't" is "ca" (Norm "can") +
// "n't" (Norm "not"). Text always holds the characters as written (including a typographic
// apostrophe), Norm the form to match on.
type Token struct {
	Text  string    // as written, exactly the runes Start..End of the analysed text
	Norm  string    // normalised (see Normalize); for Romanian also free of diacritics
	Stem  string    // stem of Norm in the text's language (Norm itself where no stemmer applies)
	Start int       // rune offset of the first rune in the analysed text
	End   int       // rune offset just past the last rune
	Kind  TokenKind //
	Tag   string    // part-of-speech tag (Penn Treebank) for English when tagging is on; "" otherwise
}

// IsWord reports whether the token is a word (not a number, punctuation, symbol or address).
func (t Token) IsWord() bool { return t.Kind == Word }

// Sentence is a span of tokens ending at a sentence boundary: terminal punctuation
// (. ! ? … ?!), or a line break.
type Sentence struct {
	Start    int  // rune offset of the sentence's first rune
	End      int  // rune offset just past its last rune
	First    int  // index of its first token
	Last     int  // index just past its last token
	Question bool // a question by mark, interrogative word, inverted order or a polite request form
}

// Text is one analysed message.
type Text struct {
	Lang      string
	Raw       string
	Tokens    []Token
	Sentences []Sentence
}

// Snippet returns the raw text between two rune offsets (clamped to the text).
func (t *Text) Snippet(start, end int) string {
	if start < 0 {
		start = 0
	}
	if start >= end {
		return ""
	}
	from, to := len(t.Raw), len(t.Raw)
	n := 0
	for i := range t.Raw {
		if n == start {
			from = i
		}
		if n == end {
			to = i
			break
		}
		n++
	}
	if from >= to {
		return ""
	}
	return t.Raw[from:to]
}

// SentenceText returns the raw text of sentence i.
func (t *Text) SentenceText(i int) string {
	s := t.Sentences[i]
	return t.Snippet(s.Start, s.End)
}

// SentenceTokens returns the tokens of sentence i.
func (t *Text) SentenceTokens(i int) []Token {
	s := t.Sentences[i]
	return t.Tokens[s.First:s.Last]
}

// HasQuestion reports whether any sentence of the text is a question.
func (t *Text) HasQuestion() bool {
	for _, s := range t.Sentences {
		if s.Question {
			return true
		}
	}
	return false
}

// runeLen counts the runes of s.
func runeLen(s string) int { return utf8.RuneCountInString(s) }
