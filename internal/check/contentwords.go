package check

import (
	"unicode/utf8"

	"github.com/qa-scorer/qa-scorer/internal/textproc"
)

// Content words, shared by complete_answer and transfer_repeat: what a message is about once
// the stop words (complete_answer.stopwords) are dropped, and whether two words are one word in
// two forms.

// contentWord is a content word of a message: a word that is not a stop word, or a number.
type contentWord struct {
	norm, stem string
	number     bool
	tok        int // index of the token in its text
}

// contentWords finds the content words of turns, computing each turn's stop-word mask once.
type contentWords struct {
	in   *Input
	stop map[int][]bool
}

func newContentWords(in *Input) *contentWords {
	return &contentWords{in: in, stop: map[int][]bool{}}
}

// mask marks the tokens of turn i that stand inside a stop-word phrase. Negation does not
// matter here, so the set is matched without the lexicon's negation words.
func (c *contentWords) mask(i int) []bool {
	if m, ok := c.stop[i]; ok {
		return m
	}
	t := c.in.Turn(i)
	m := make([]bool, len(t.Tokens))
	if s := c.in.Set(SetCAStopwords); s != nil {
		for _, match := range s.Find(t, nil) {
			for k := match.First; k <= match.Last; k++ {
				m[k] = true
			}
		}
	}
	c.stop[i] = m
	return m
}

// words returns the content words of tokens [first, last) of turn i.
func (c *contentWords) words(i, first, last int) []contentWord {
	t := c.in.Turn(i)
	if t == nil {
		return nil
	}
	stop := c.mask(i)
	var out []contentWord
	for k := first; k < last; k++ {
		tok := &t.Tokens[k]
		switch {
		case tok.Kind == textproc.Number:
			out = append(out, contentWord{norm: tok.Norm, stem: tok.Norm, number: true, tok: k})
		case tok.Kind == textproc.Word && !stop[k] && utf8.RuneCountInString(tok.Norm) >= 2:
			out = append(out, contentWord{norm: tok.Norm, stem: tok.Stem, tok: k})
		}
	}
	return out
}

// turnWords returns the content words of all of turn i.
func (c *contentWords) turnWords(i int) []contentWord {
	t := c.in.Turn(i)
	if t == nil {
		return nil
	}
	return c.words(i, 0, len(t.Tokens))
}

// overlap returns evidence on the first content word of turn r that one of q's words shares.
func (c *contentWords) overlap(q []contentWord, r int) (Evidence, bool) {
	if len(q) == 0 {
		return Evidence{}, false
	}
	t := c.in.Turn(r)
	for _, w := range c.turnWords(r) {
		for _, qw := range q {
			if sameWord(qw, w) {
				return tokenEvidence(r, t.Tokens[w.tok]), true
			}
		}
	}
	return Evidence{}, false
}

// sharedWords counts the words of a that b has too.
func sharedWords(a, b []contentWord) int {
	n := 0
	for _, w := range a {
		for _, v := range b {
			if sameWord(w, v) {
				n++
				break
			}
		}
	}
	return n
}

// sameWord reports whether two content words are one word in different forms: the same
// normalised word or stem, or (since stemmers miss irregular and derived forms: "book" and
// "booking", "поезд" and "поездка") a long shared beginning with short, different endings.
func sameWord(a, b contentWord) bool {
	if a.norm == b.norm {
		return true
	}
	if a.number || b.number {
		return false
	}
	if a.stem == b.stem && utf8.RuneCountInString(a.stem) >= 3 {
		return true
	}
	p := commonPrefixRunes(a.norm, b.norm)
	return p >= 6 || p >= 4 && p >= min(utf8.RuneCountInString(a.norm), utf8.RuneCountInString(b.norm))-2
}

// commonPrefixRunes counts the runes two words begin with alike.
func commonPrefixRunes(a, b string) int {
	n := 0
	for a != "" && b != "" {
		ra, sa := utf8.DecodeRuneInString(a)
		rb, sb := utf8.DecodeRuneInString(b)
		if ra != rb {
			break
		}
		a, b, n = a[sa:], b[sb:], n+1
	}
	return n
}
