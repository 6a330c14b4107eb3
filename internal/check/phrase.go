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
	// byStem says the word may match by its stem (partWord of minStemRunes or more).
	byStem bool
	// normID and stemID number norm and stem in the vocabulary of the set.
	normID, stemID formID
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
	// vocab numbers the word forms of the phrases: the set's own vocabulary, or its
	// lexicon's, where the set is number index.
	vocab *vocabulary
	index int
	// The phrases that start with a word of form id are starts[slot[id-base]-1] (none when
	// the id is outside slot or its slot is 0); others start with a pattern ("извин*", "*")
	// and are tried at every word.
	base   formID
	slot   []int32
	starts []phraseStarts
	others []patternStart
}

// patternStart is a phrase that starts with a pattern: a word prefix ("извин*"), or any word
// ("*", prefix "").
type patternStart struct {
	phrase int
	prefix string
}

// phraseStarts are the phrases of a set that may start at a word: those whose first word is
// its normalised form (byNorm) and those whose first word has its stem (byStem), in set order.
type phraseStarts struct {
	byNorm, byStem []int
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
			byStem := kind == partWord && utf8.RuneCountInString(tok.Norm) >= minStemRunes
			p.parts = append(p.parts, part{kind: kind, norm: tok.Norm, stem: tok.Stem, byStem: byStem})
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
	return newPhraseSet(name, phrases, newVocabulary(phrases), 0)
}

// newPhraseSet makes set number index of a vocabulary, which must have been built with the
// phrases. The phrases are copied: their parts take the vocabulary's numbers.
func newPhraseSet(name string, phrases []Phrase, vocab *vocabulary, index int) PhraseSet {
	s := PhraseSet{Name: name, Phrases: make([]Phrase, len(phrases)), vocab: vocab, index: index}
	var firsts []formID // the forms of the first words
	for i, p := range phrases {
		parts := make([]part, len(p.parts))
		for k, pt := range p.parts {
			pt.normID, pt.stemID = vocab.ids[pt.norm], 0
			if pt.byStem {
				pt.stemID = vocab.ids[pt.stem]
			}
			parts[k] = pt
		}
		s.Phrases[i] = Phrase{Source: p.Source, parts: parts}
		switch first := parts[0]; first.kind {
		case partWord, partExact:
			firsts = append(firsts, first.normID)
			if first.byStem {
				firsts = append(firsts, first.stemID)
			}
		case partPrefix:
			s.others = append(s.others, patternStart{phrase: i, prefix: first.norm})
		default: // partAny: a phrase never starts with a gap
			s.others = append(s.others, patternStart{phrase: i})
		}
	}
	if len(firsts) == 0 {
		return s
	}
	lo, hi := slices.Min(firsts), slices.Max(firsts)
	s.base, s.slot = lo, make([]int32, hi-lo+1)
	for i, p := range s.Phrases {
		first := p.parts[0]
		if first.kind != partWord && first.kind != partExact {
			continue
		}
		st := s.startsOf(first.normID)
		st.byNorm = append(st.byNorm, i)
		if first.byStem {
			st = s.startsOf(first.stemID)
			st.byStem = append(st.byStem, i)
		}
	}
	return s
}

// startsOf returns the starts of a form in the set's index, adding them when new.
func (s *PhraseSet) startsOf(id formID) *phraseStarts {
	k := id - s.base
	if s.slot[k] == 0 {
		s.starts = append(s.starts, phraseStarts{})
		s.slot[k] = int32(len(s.starts))
	}
	return &s.starts[s.slot[k]-1]
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

// matches reports whether word w (token tok) is what the part asks for.
func (p *part) matches(w wordForms, tok *textproc.Token) bool {
	switch p.kind {
	case partExact:
		return w.norm == p.normID
	case partPrefix:
		return strings.HasPrefix(tok.Norm, p.norm)
	case partAny:
		return true
	}
	return w.norm == p.normID || p.byStem && w.stem == p.stemID
}

// matchParts tries parts at word position w of a sentence's words, returning the index in
// words of the last matched word, or -1.
func matchParts(parts []part, toks []textproc.Token, words []wordForms, w int) int {
	for k := range parts {
		p := &parts[k]
		if p.kind == partGap {
			for skip := 0; skip <= maxGap && w+skip <= len(words); skip++ {
				if end := matchParts(parts[k+1:], toks, words, w+skip); end >= 0 {
					return end
				}
			}
			return -1
		}
		if w >= len(words) || !p.matches(words[w], &toks[words[w].tok]) {
			return -1
		}
		w++
	}
	return w - 1
}

// startsAt returns the phrases of the set that may start with a word of form id, or nil.
func (s *PhraseSet) startsAt(id formID) *phraseStarts {
	k := int(id - s.base)
	if k < 0 || k >= len(s.slot) || s.slot[k] == 0 {
		return nil
	}
	return &s.starts[s.slot[k]-1]
}

// longestAt returns the phrase that matches most words from word position w (the first one
// tried, on a tie) and the index in words of its last word, or -1, -1. The phrases are tried
// in this order: by the word's normalised form, by its stem, then those that start with a
// pattern. indexed says the first two may match (textForms.mayStartAt).
func (s *PhraseSet) longestAt(toks []textproc.Token, words []wordForms, w int, indexed bool) (best, bestEnd int) {
	best, bestEnd = -1, -1
	// try matches phrase pi from its part from, the parts before having matched.
	try := func(pi, from int) {
		if end := matchParts(s.Phrases[pi].parts[from:], toks, words, w+from); end > bestEnd {
			best, bestEnd = pi, end
		}
	}
	if indexed {
		// The index found these phrases by their first word, which thus matches.
		var byNorm []int
		if st := s.startsAt(words[w].norm); st != nil {
			byNorm = st.byNorm
			for _, pi := range byNorm {
				try(pi, 1)
			}
		}
		if st := s.startsAt(words[w].stem); st != nil {
			for _, pi := range st.byStem {
				if !slices.Contains(byNorm, pi) {
					try(pi, 1)
				}
			}
		}
	}
	norm := toks[words[w].tok].Norm
	for _, o := range s.others {
		if strings.HasPrefix(norm, o.prefix) {
			try(o.phrase, 0)
		}
	}
	return best, bestEnd
}

// Find returns every match of the set in the text, in text order, one per start position
// (the longest phrase wins), with negation marked using the lexicon's negation words.
func (s *PhraseSet) Find(t *textproc.Text, lex *Lexicon) []Match {
	if t == nil || len(s.Phrases) == 0 {
		return nil
	}
	f := s.vocab.forms(t)
	return s.find(nil, t, &f, lex)
}

// find appends the matches of Find to out, reading the text's words as numbered by the set's
// vocabulary. Words where no phrase of the set starts are skipped, and so is a text with none.
func (s *PhraseSet) find(out []Match, t *textproc.Text, f *textForms, lex *Lexicon) []Match {
	if !f.mayStartIn(s.index) && len(s.others) == 0 {
		return out
	}
	for si, sent := range t.Sentences {
		from := f.sentences[si]
		words := f.words[from:f.sentences[si+1]]
		for w := 0; w < len(words); w++ {
			indexed := f.mayStartAt(from+w, s.index)
			if !indexed && len(s.others) == 0 {
				continue
			}
			best, bestEnd := s.longestAt(t.Tokens, words, w, indexed)
			if best < 0 {
				continue
			}
			first, last := words[w].tok, words[bestEnd].tok
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
