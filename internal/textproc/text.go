// Package textproc turns message text into what the checks read: language, sentences, tokens
// with rune offsets, normalised and stemmed word forms, and which sentences are questions.
// Each turn is analysed once per conversation and the result is shared by every check.
package textproc

// TokenKind says what a token is made of.
type TokenKind uint8

// Token kinds.
const (
	Word   TokenKind = iota // letters, possibly with inner apostrophes or hyphens
	Number                  // digits, possibly with separators: 5531, 16:15, 3.5
	Punct                   // punctuation: . , ? ! …
	Symbol                  // anything else: emoji, currency signs
)

// Token is one word, number or punctuation mark of a text.
type Token struct {
	Text  string    // as written
	Norm  string    // normalised: lower case, ё→е, Ukrainian apostrophes unified, Romanian comma-below letters
	Stem  string    // stem of Norm in the text's language (Norm itself where no stemmer applies)
	Start int       // rune offset of the first rune in the analysed text
	End   int       // rune offset just past the last rune
	Kind  TokenKind //
	Tag   string    // part-of-speech tag (Penn Treebank) for English when tagging is on; "" otherwise
}

// Sentence is a span of tokens ending at a sentence boundary.
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

// Snippet returns the raw text between two rune offsets.
func (t *Text) Snippet(start, end int) string {
	runes := []rune(t.Raw)
	if start < 0 {
		start = 0
	}
	if end > len(runes) {
		end = len(runes)
	}
	if start >= end {
		return ""
	}
	return string(runes[start:end])
}

// SentenceText returns the raw text of sentence i.
func (t *Text) SentenceText(i int) string {
	s := t.Sentences[i]
	return t.Snippet(s.Start, s.End)
}
