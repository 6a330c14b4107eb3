package check

import (
	"sort"
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

// contentWords finds the content words of turns. Each turn's are found once per conversation
// (Input.content) and shared by the checks that read them.
type contentWords struct {
	in *Input
}

func newContentWords(in *Input) *contentWords {
	return &contentWords{in: in}
}

// turnWords returns the content words of all of turn i, in order. The caller must not modify
// them.
func (c *contentWords) turnWords(i int) []contentWord {
	in := c.in
	t := in.Turn(i)
	if t == nil {
		return nil
	}
	if in.content == nil {
		in.content = make([][]contentWord, len(in.Text.Turns))
	}
	if ws := in.content[i]; ws != nil {
		return ws
	}
	stop := in.stopWords(i, t)
	content := func(k int) bool {
		tok := &t.Tokens[k]
		return tok.Kind == textproc.Number || tok.Kind == textproc.Word && !stop[k] && utf8.RuneCountInString(tok.Norm) >= 2
	}
	n := 0
	for k := range t.Tokens {
		if content(k) {
			n++
		}
	}
	ws := make([]contentWord, 0, n) // not nil: the mark of a turn already read
	for k := range t.Tokens {
		if !content(k) {
			continue
		}
		tok := &t.Tokens[k]
		w := contentWord{norm: tok.Norm, stem: tok.Stem, tok: k}
		if tok.Kind == textproc.Number {
			w.stem, w.number = tok.Norm, true
		}
		ws = append(ws, w)
	}
	in.content[i] = ws
	return ws
}

// stopWords marks the tokens of turn i that stand inside a stop-word phrase. Negation does not
// matter here, so the set is matched without the lexicon's negation words.
func (in *Input) stopWords(i int, t *textproc.Text) []bool {
	stop := make([]bool, len(t.Tokens))
	s := in.Set(SetCAStopwords)
	if s == nil {
		return stop
	}
	// The matches are appended to the conversation's and dropped once read.
	from := len(in.matches)
	in.matches = in.findAll(in.matches, s, i, nil)
	for _, m := range in.matches[from:] {
		for k := m.First; k <= m.Last; k++ {
			stop[k] = true
		}
	}
	in.matches = in.matches[:from]
	return stop
}

// words returns the content words of tokens [first, last) of turn i. The caller must not
// modify them.
func (c *contentWords) words(i, first, last int) []contentWord {
	all := c.turnWords(i)
	lo := sort.Search(len(all), func(k int) bool { return all[k].tok >= first })
	hi := lo
	for hi < len(all) && all[hi].tok < last {
		hi++
	}
	return all[lo:hi:hi]
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
