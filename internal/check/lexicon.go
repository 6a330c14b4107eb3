package check

import "github.com/qa-scorer/qa-scorer/internal/textproc"

// Lexicon is the compiled phrase knowledge of one language: named phrase sets and the words
// that negate a phrase standing after them. It is built once by the checklist loader and shared
// read-only by every check.
type Lexicon struct {
	Language  string
	Sets      map[string]*PhraseSet
	negations map[string]bool
}

// NewLexicon builds a lexicon from compiled sets and negation words (normalised forms).
func NewLexicon(lang string, sets map[string]*PhraseSet, negations []string) *Lexicon {
	l := &Lexicon{Language: lang, Sets: sets, negations: map[string]bool{}}
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
	key := findKey{set: s, turn: i}
	if ms, ok := in.found[key]; ok {
		return ms
	}
	all := s.Find(in.Text.Turns[i], in.Lexicon)
	out := all[:0]
	for _, m := range all {
		if !m.Negated {
			out = append(out, m)
		}
	}
	out = out[:len(out):len(out)] // callers that append get a copy, never the memoised array
	if in.found == nil {
		in.found = map[findKey][]Match{}
	}
	in.found[key] = out
	return out
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
	return Result{Outcome: Review, Reason: "no checklist for language \"" + in.Text.Language + "\": a reviewer must decide"}
}

// agentReplies returns the agents' messages for a check that judges them with a phrase set,
// or, when the check cannot judge, its result: na when no agent replied, review when the
// conversation's language has no such set.
func (in *Input) agentReplies(set string) ([]int, Result, bool) {
	agents := agentTurns(in.Conv)
	if len(agents) == 0 {
		return nil, Result{Outcome: NA, Reason: "no agent reply"}, false
	}
	if in.Set(set) == nil {
		return nil, in.NoLexicon(), false
	}
	return agents, Result{}, true
}
