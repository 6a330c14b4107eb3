package check

import (
	"sort"

	"github.com/qa-scorer/qa-scorer/internal/textproc"
)

// Lexicon is the compiled phrase knowledge of one language: named phrase sets and the words
// that negate a phrase standing after them. It is built once by the checklist loader and shared
// read-only by every check.
type Lexicon struct {
	Language  string
	Sets      map[string]*PhraseSet
	negations map[string]bool
	// vocab numbers the word forms of every set; nsets is the number of sets, each of which
	// knows its position (PhraseSet.index) for Input's memo.
	vocab *vocabulary
	nsets int
}

// NewLexicon builds a lexicon from compiled sets and negation words (normalised forms). The
// lexicon holds its own copies of the sets, indexed on one vocabulary of all their words, so
// that a turn's words are looked up once for every set.
func NewLexicon(lang string, sets map[string]*PhraseSet, negations []string) *Lexicon {
	names := make([]string, 0, len(sets))
	for name := range sets {
		names = append(names, name)
	}
	sort.Strings(names)
	phrases := make([][]Phrase, len(names))
	for i, name := range names {
		phrases[i] = sets[name].Phrases
	}
	l := &Lexicon{Language: lang, Sets: make(map[string]*PhraseSet, len(sets)), negations: map[string]bool{},
		vocab: newVocabulary(phrases...), nsets: len(names)}
	for i, name := range names {
		s := newPhraseSet(sets[name].Name, phrases[i], l.vocab, i)
		l.Sets[name] = &s
	}
	for _, n := range negations {
		l.negations[n] = true
	}
	return l
}

// Set returns the named phrase set, or nil when the lexicon has none.
func (l *Lexicon) Set(name string) *PhraseSet {
	if l == nil {
		return nil
	}
	return l.Sets[name]
}

// IsNegation reports whether a normalised word negates what follows it.
func (l *Lexicon) IsNegation(norm string) bool {
	return l != nil && l.negations[norm]
}

// Set returns the named phrase set of the conversation's language, or nil.
func (in *Input) Set(name string) *PhraseSet {
	return in.Lexicon.Set(name)
}

// Find returns the matches of a phrase set in turn i that are not negated. The result is
// shared: callers must not modify its elements.
func (in *Input) Find(set string, i int) []Match {
	s := in.Set(set)
	if s == nil || i < 0 || i >= len(in.Text.Turns) {
		return nil
	}
	if in.found == nil {
		in.found = make([]int32, len(in.Text.Turns)*in.Lexicon.nsets)
	}
	key := i*in.Lexicon.nsets + s.index
	if k := in.found[key]; k > 0 {
		sp := in.spans[k-1]
		return in.matches[sp.from:sp.to:sp.to] // callers that append get a copy, never the memo
	}
	// The matches are appended to in.matches, the non-negated ones kept in place.
	from := len(in.matches)
	in.matches = in.findAll(in.matches, s, i, in.Lexicon)
	to := from
	for _, m := range in.matches[from:] {
		if !m.Negated {
			in.matches[to] = m
			to++
		}
	}
	in.matches = in.matches[:to]
	in.spans = append(in.spans, matchSpan{from: from, to: to})
	in.found[key] = int32(len(in.spans))
	return in.matches[from:to:to]
}

// matchSpan is a range of Input.matches: the memoised result of one Find.
type matchSpan struct {
	from, to int
}

// findAll appends every match of a set of the lexicon in turn i to dst, negated or not
// (negation marked with the negation words of lex, none when lex is nil), reading the turn's
// words as the lexicon numbers them (looked up once per conversation).
func (in *Input) findAll(dst []Match, s *PhraseSet, i int, lex *Lexicon) []Match {
	t := in.Text.Turns[i]
	if t == nil || len(s.Phrases) == 0 {
		return dst
	}
	if in.forms == nil {
		in.forms = make([]textForms, len(in.Text.Turns))
	}
	f := &in.forms[i]
	if f.sentences == nil {
		*f = in.Lexicon.vocab.forms(t)
	}
	return s.find(dst, t, f, lex)
}

// FindFirst returns the first non-negated match of a set in turn i.
func (in *Input) FindFirst(set string, i int) (Match, bool) {
	ms := in.Find(set, i)
	if len(ms) == 0 {
		return Match{}, false
	}
	return ms[0], true
}

// Turn returns the analysed text of turn i (nil for system turns).
func (in *Input) Turn(i int) *textproc.Text {
	if i < 0 || i >= len(in.Text.Turns) {
		return nil
	}
	return in.Text.Turns[i]
}

// NoLexicon is the result of a phrase check in a language the checklists do not cover.
func (in *Input) NoLexicon() Result {
	return reasonNoChecklist.result(Args{"language": in.Text.Language})
}

// agentReplies returns the agents' messages for a check that judges them with a phrase set,
// or, when the check cannot judge, its result: na when no agent replied, review when the
// conversation's language has no such set.
func (in *Input) agentReplies(set string) ([]int, Result, bool) {
	agents := agentTurns(in.Conv)
	if len(agents) == 0 {
		return nil, reasonNoAgentReply.result(nil), false
	}
	if in.Set(set) == nil {
		return nil, in.NoLexicon(), false
	}
	return agents, Result{}, true
}
