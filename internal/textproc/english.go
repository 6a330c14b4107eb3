package textproc

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
)

// englishToken is one token as an English tokenizer returns it: text only, no offsets.
type englishToken struct {
	text string
	tag  string // Penn Treebank tag, "" unless tagging was asked for
}

// englishTokenizer is what the analyser needs from an English NLP library. ok is false when
// it could not tokenise the text.
type englishTokenizer interface {
	tokenize(text string, tag bool) (tokens []englishToken, ok bool)
}

// proseTokenizer tokenises (and optionally tags) English with prose. Its model is loaded once:
// prose.NewDocument without a model reloads the tagger on every call.
type proseTokenizer struct {
	model *prose.Model
}

var _ englishTokenizer = (*proseTokenizer)(nil)

func newProseTokenizer() *proseTokenizer {
	return &proseTokenizer{model: prose.ModelFromData("en")}
}

// tokenize runs prose on text. prose slices strings by byte offsets computed on their lower-case
// form, which splits wrongly or panics when lower-casing changes a rune's length (invalid UTF-8,
// "Ⱥ", "İ"); such a text is reported as not tokenised, and the caller falls back to the Unicode
// scanner. A panic inside prose is recovered the same way.
func (p *proseTokenizer) tokenize(text string, tag bool) (tokens []englishToken, ok bool) {
	if !proseSafe(text) {
		return nil, false
	}
	defer func() {
		if recover() != nil {
			tokens, ok = nil, false
		}
	}()
	doc, err := prose.NewDocument(text,
		prose.UsingModel(p.model),
		prose.WithSegmentation(false), // sentences are ours: sentence.go
		prose.WithExtraction(false),
		prose.WithTagging(tag))
	if err != nil {
		return nil, false
	}
	toks := doc.Tokens()
	out := make([]englishToken, len(toks))
	for i, t := range toks {
		out[i] = englishToken{text: t.Text, tag: t.Tag}
	}
	return out, true
}

// proseSafe reports whether prose can split text correctly: valid UTF-8 whose lower case has
// the same byte length, rune by rune.
func proseSafe(text string) bool {
	for _, r := range text {
		if r >= utf8.RuneSelf && (r == utf8.RuneError || utf8.RuneLen(toLower(r)) != utf8.RuneLen(r)) {
			return false
		}
	}
	return true
}

// tokenizeEnglish tokenises English text: prose decides where tokens split (contractions,
// emoticons, abbreviations), each of its tokens is aligned to the text for offsets, and the
// Unicode scanner splits what prose leaves joined ("great!😊", "10%", "Hi.").
// When prose fails or the alignment does (prose rewrote the text, e.g. "&rsquo;"), the scanner
// tokenises the whole text instead.
func (a *Analyzer) tokenizeEnglish(text string, tokens []Token) ([]Token, []int) {
	s := newScanner(text, "en", tokens)
	fallback := func() ([]Token, []int) {
		s = newScanner(text, "en", tokens[:0])
		s.scan(len(text))
		return splitContractions(s.tokens, s.breaks)
	}
	pieces, ok := a.en.tokenize(text, a.opts.EnglishTagging)
	if !ok {
		return fallback()
	}
	from := 0 // where the next prose token is searched
	for _, et := range pieces {
		start, end, ok := alignToken(text, from, et.text)
		if !ok {
			return fallback()
		}
		from = end
		if end <= s.pos {
			continue // inside an emoticon, "..." or address already emitted
		}
		first := len(s.tokens)
		if start < s.pos {
			s.scan(end)
		} else {
			s.scan(start) // whitespace only: records line breaks
			first = len(s.tokens)
			if suffix := contractionNorm(text[start:end]); suffix != "" {
				s.emitBytes(end-start, Word)
				s.tokens[first].Norm = suffix
			} else {
				s.scan(max(end, start+unitLen(text[start:])))
			}
		}
		if a.opts.EnglishTagging {
			tagPieces(s.tokens[first:], et.tag)
		}
	}
	s.scan(len(text))
	return splitContractions(s.tokens, s.breaks)
}

// unitLen returns the byte length of what the scanner keeps whole but prose may split at the
// start of s: an emoticon (prose splits ":)"), a run of periods, an address; or 0.
func unitLen(s string) int {
	switch s[0] {
	case ':', ';', '=':
		return emoticonLen(s)
	case '.':
		n := 1
		for n < len(s) && s[n] == '.' {
			n++
		}
		return n
	}
	return max(urlLen(s), emailLen(s))
}

// alignToken finds tok in text at or after byte from, past whitespace only. prose turns curly
// quotes and apostrophes into straight ones, so those match their straight forms.
func alignToken(text string, from int, tok string) (start, end int, ok bool) {
	for from < len(text) {
		r, size := utf8.DecodeRuneInString(text[from:])
		if !unicode.IsSpace(r) {
			break
		}
		from += size
	}
	i := from
	for _, want := range tok {
		if i >= len(text) {
			return 0, 0, false
		}
		got, size := utf8.DecodeRuneInString(text[i:])
		if got != want && !(want == '\'' && (got == '’' || got == '‘')) && !(want == '"' && (got == '“' || got == '”')) {
			return 0, 0, false
		}
		i += size
	}
	return from, i, true
}

// tagPieces gives the tokens made from one prose token its tag: all of it when it stayed whole,
// else to its words, while punctuation is tagged with itself as in the Penn Treebank.
func tagPieces(pieces []Token, tag string) {
	for i := range pieces {
		switch {
		case len(pieces) == 1 || pieces[i].Kind == Word || pieces[i].Kind == Number:
			pieces[i].Tag = tag
		default:
			pieces[i].Tag = pieces[i].Text
		}
	}
}

// contractionNorm returns the normal form of an English contraction suffix ("n't" → "not",
// "'m" → "am"), or "" when s is not one. "'s" and "'d" stay as they are: is/has/possessive and
// had/would cannot be told apart without parsing.
func contractionNorm(s string) string {
	if len(s) < 2 || len(s) > 5 {
		return ""
	}
	switch strings.ToLower(Normalize("en", s)) {
	case "n't":
		return "not"
	case "'m":
		return "am"
	case "'re":
		return "are"
	case "'ll":
		return "will"
	case "'ve":
		return "have"
	case "'s":
		return "'s"
	case "'d":
		return "'d"
	}
	return ""
}

// contractionHost is the normal form of the word left of "n't" when it differs from its
// spelling: "ca|n't" → can, "wo|n't" → will, "sha|n't" → shall.
var contractionHost = map[string]string{"ca": "can", "wo": "will", "sha": "shall"}

// splitContractions splits English words prose leaves whole ("I've", "you'd", and every
// contraction when the scanner tokenised alone) and "cannot" → "can" + "not", and gives the
// part before "n't" its full form.
func splitContractions(tokens []Token, breaks []int) ([]Token, []int) {
	for i := 0; i < len(tokens); i++ {
		t := tokens[i]
		if t.Kind != Word {
			continue
		}
		if i+1 < len(tokens) && tokens[i+1].Norm == "not" && tokens[i+1].Start == t.End {
			if full, ok := contractionHost[strings.ToLower(t.Text)]; ok {
				tokens[i].Norm = full
			}
			continue
		}
		cut := contractionCut(t.Text)
		if cut <= 0 {
			continue
		}
		host, suffix := t, t
		host.Text, suffix.Text = t.Text[:cut], t.Text[cut:]
		host.End = t.Start + runeLen(host.Text)
		suffix.Start = host.End
		suffix.Norm = contractionNorm(suffix.Text)
		if suffix.Norm == "" {
			suffix.Norm = "not" // "cannot"
		}
		if full, ok := contractionHost[strings.ToLower(host.Text)]; ok && suffix.Norm == "not" {
			host.Norm = full
		}
		tokens = append(tokens, Token{})
		copy(tokens[i+2:], tokens[i+1:])
		tokens[i], tokens[i+1] = host, suffix
		for j := range breaks {
			if breaks[j] > i {
				breaks[j]++
			}
		}
		i++
	}
	return tokens, breaks
}

// contractionCut returns the byte index where a contraction suffix starts in an English word
// ("don't" → 2, "I've" → 1, "cannot" → 3), or -1.
func contractionCut(w string) int {
	if strings.EqualFold(w, "cannot") {
		return 3
	}
	for i := len(w) - 1; i > 0; i-- {
		r, _ := utf8.DecodeRuneInString(w[i:])
		if !isApostrophe(r) {
			continue
		}
		if contractionNorm(w[i:]) != "" {
			if i > 1 && (w[i-1] == 'n' || w[i-1] == 'N') && contractionNorm(w[i-1:]) == "not" {
				return i - 1
			}
			return i
		}
		if i > 1 && (w[i-1] == 'n' || w[i-1] == 'N') && contractionNorm(w[i-1:]) == "not" {
			return i - 1
		}
		return -1
	}
	return -1
}
