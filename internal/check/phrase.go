package check

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/qa-scorer/qa-scorer/internal/textproc"
)

// Errors of phrase compilation, reported by the checklist loader with the file and line.
var (
	ErrEmptyPhrase = errors.New("phrase has no words")
	ErrBadPattern  = errors.New("phrase pattern is malformed")
)

// Phrase syntax (docs/checklists.md):
//
//	word     matches the same word form: the same normalised word, or the same stem when the
//	         word is longer than three letters ("sorry" matches "Sorry", not "sorrow")
//	=word    matches only that normalised form ("=hi" does not match "his")
//	word*    matches any word starting with the normalised prefix ("извин*")
//	*        matches exactly one word
//	...      matches zero to three words
//
// Matching ignores punctuation and never crosses a sentence boundary.
type partKind uint8

const (
	partWord partKind = iota
	partExact
	partPrefix
	partAny
	partGap
)

// maxGap is how many words "..." may skip.
const maxGap = 3

// minStemRunes is the shortest phrase word that may match by stem alone; shorter words must
// match their normalised form, since short stems collide ("hi" and "his" stem alike).
const minStemRunes = 4

type part struct {
	kind partKind
	norm string
	stem string
}

// Phrase is one compiled pattern of a phrase set.
type Phrase struct {
	Source string // as written in the checklist
	parts  []part
}

// PhraseSet is a named list of phrases, e.g. "greeting" or "empathy.acknowledge".
type PhraseSet struct {
	Name    string
	Phrases []Phrase
	// byFirst indexes phrases whose first part is a word by its norm, byStem by its stem;
	// others are tried at every position.
	byFirst map[string][]int
	byStem  map[string][]int
	others  []int
}

// CompilePhrase parses one phrase of the given language.
func CompilePhrase(an *textproc.Analyzer, lang, src string) (Phrase, error) {
	p := Phrase{Source: src}
	words := 0
	for _, field := range strings.Fields(src) {
		switch {
		case field == "...":
			p.parts = append(p.parts, part{kind: partGap})
			continue
		case field == "*":
			p.parts = append(p.parts, part{kind: partAny})
			continue
		}
		kind := partWord
		text := field
		if strings.HasPrefix(text, "=") {
			kind, text = partExact, text[1:]
		} else if strings.HasSuffix(text, "*") && utf8.RuneCountInString(text) > 1 {
			kind, text = partPrefix, strings.TrimSuffix(text, "*")
		}
		analysed := an.Analyze(lang, text)
		for _, tok := range analysed.Tokens {
			if tok.Kind == textproc.Punct {
				continue
			}
			p.parts = append(p.parts, part{kind: kind, norm: tok.Norm, stem: tok.Stem})
			words++
		}
	}
	if words == 0 {
		return p, fmt.Errorf("%q: %w", src, ErrEmptyPhrase)
	}
	if p.parts[0].kind == partGap || p.parts[len(p.parts)-1].kind == partGap {
		return p, fmt.Errorf("%q: %w: \"...\" must stand between words", src, ErrBadPattern)
	}
	return p, nil
}

// NewPhraseSet indexes compiled phrases for matching.
func NewPhraseSet(name string, phrases []Phrase) PhraseSet {
	s := PhraseSet{Name: name, Phrases: phrases, byFirst: map[string][]int{}, byStem: map[string][]int{}}
	for i, p := range phrases {
		first := p.parts[0]
		switch first.kind {
		case partWord:
			s.byFirst[first.norm] = append(s.byFirst[first.norm], i)
			if utf8.RuneCountInString(first.norm) >= minStemRunes {
				s.byStem[first.stem] = append(s.byStem[first.stem], i)
			}
		case partExact:
			s.byFirst[first.norm] = append(s.byFirst[first.norm], i)
		default:
			s.others = append(s.others, i)
		}
	}
	return s
}

// Match is one occurrence of a phrase in a text.
type Match struct {
	Phrase  *Phrase
	First   int // index of the first matched token
	Last    int // index of the last matched token
	Start   int // rune offset of the match in the text
	End     int // rune offset just past it
	Negated bool
}

func (p part) matches(tok *textproc.Token) bool {
	switch p.kind {
	case partExact:
		return tok.Norm == p.norm
	case partPrefix:
		return strings.HasPrefix(tok.Norm, p.norm)
	case partAny:
		return true
	}
	if tok.Norm == p.norm {
		return true
	}
	return tok.Stem == p.stem && utf8.RuneCountInString(p.norm) >= minStemRunes
}

// matchAt tries the phrase at word position w of sentence words, returning the index in words
// of its last matched word, or -1.
func (p *Phrase) matchAt(toks []textproc.Token, words []int, w int) int {
	return matchParts(p.parts, toks, words, w)
}

func matchParts(parts []part, toks []textproc.Token, words []int, w int) int {
	if len(parts) == 0 {
		return w - 1
	}
	if parts[0].kind == partGap {
		for skip := 0; skip <= maxGap && w+skip <= len(words); skip++ {
			if end := matchParts(parts[1:], toks, words, w+skip); end >= 0 {
				return end
			}
		}
		return -1
	}
	if w >= len(words) || !parts[0].matches(&toks[words[w]]) {
		return -1
	}
	return matchParts(parts[1:], toks, words, w+1)
}

func (s *PhraseSet) candidates(tok *textproc.Token, buf []int) []int {
	buf = append(buf[:0], s.byFirst[tok.Norm]...)
	for _, i := range s.byStem[tok.Stem] {
		if !slices.Contains(buf, i) {
			buf = append(buf, i)
		}
	}
	return append(buf, s.others...)
}

// Find returns every match of the set in the text, in text order, one per start position
// (the longest phrase wins), with negation marked using the lexicon's negation words.
func (s *PhraseSet) Find(t *textproc.Text, lex *Lexicon) []Match {
	if t == nil || len(s.Phrases) == 0 {
		return nil
	}
	var out []Match
	var words []int
	var cand []int
	for _, sent := range t.Sentences {
		words = words[:0]
		for i := sent.First; i < sent.Last; i++ {
			if k := t.Tokens[i].Kind; k == textproc.Word || k == textproc.Number {
				words = append(words, i)
			}
		}
		for w := 0; w < len(words); w++ {
			cand = s.candidates(&t.Tokens[words[w]], cand)
			best, bestEnd := -1, -1
			for _, pi := range cand {
				if end := s.Phrases[pi].matchAt(t.Tokens, words, w); end > bestEnd {
					best, bestEnd = pi, end
				}
			}
			if best < 0 {
				continue
			}
			first, last := words[w], words[bestEnd]
			out = append(out, Match{
				Phrase: &s.Phrases[best], First: first, Last: last,
				Start: t.Tokens[first].Start, End: t.Tokens[last].End,
				Negated: lex.negatedBefore(t, sent.First, first),
			})
			w = bestEnd
		}
	}
	return out
}

// negationWindow is how many words before a match a negation word may stand and still negate
// it ("I am not really sorry"); punctuation ends the window ("No, sorry").
const negationWindow = 3

func (l *Lexicon) negatedBefore(t *textproc.Text, sentFirst, first int) bool {
	if l == nil || len(l.negations) == 0 {
		return false
	}
	seen := 0
	for i := first - 1; i >= sentFirst && seen < negationWindow; i-- {
		tok := &t.Tokens[i]
		if tok.Kind == textproc.Punct {
			return false
		}
		if l.negations[tok.Norm] {
			return true
		}
		seen++
	}
	return false
}
