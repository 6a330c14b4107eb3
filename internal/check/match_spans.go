package check

import (
	"unicode/utf8"

	"github.com/qa-scorer/qa-scorer/internal/textproc"
)

// Where matches stand among the tokens of one turn, for checks that weigh matches of several
// phrase sets against each other: a wish that contains a greeting, an apology that is only
// sympathy, a "but we can" that is followed by "not". A match covers tokens [m.First, m.Last];
// a range of tokens is [first, last), like a sentence's.

// overlapsAny reports whether one of the matches shares a token with tokens [first, last).
func overlapsAny(ms []Match, first, last int) bool {
	for _, m := range ms {
		if m.First < last && m.Last >= first {
			return true
		}
	}
	return false
}

// anyMatchIn reports whether one of ms lies within tokens [first, last) (a sentence).
func anyMatchIn(ms []Match, first, last int) bool {
	for _, m := range ms {
		if m.First >= first && m.Last < last {
			return true
		}
	}
	return false
}

// tokenInMatches reports whether token k lies inside one of the matches.
func tokenInMatches(k int, ms []Match) bool {
	for _, m := range ms {
		if k >= m.First && k <= m.Last {
			return true
		}
	}
	return false
}

// withoutOverlaps returns the matches of ms that share no token with any of drop, in a new
// slice: ms may be Input.Find's memoised result, which must not change.
func withoutOverlaps(ms, drop []Match) []Match {
	if len(drop) == 0 {
		return ms
	}
	out := make([]Match, 0, len(ms))
	for _, m := range ms {
		if !overlapsAny(drop, m.First, m.Last+1) {
			out = append(out, m)
		}
	}
	return out
}

// findUnless returns the non-negated matches of set in turn i that do not overlap a match of
// any of the except sets ("sorry to hear" is not an apology; "have a good evening" is not a
// greeting).
func (in *Input) findUnless(set string, i int, except ...string) []Match {
	ms := in.Find(set, i)
	if len(ms) == 0 {
		return nil
	}
	for _, e := range except {
		ms = withoutOverlaps(ms, in.Find(e, i))
	}
	return ms
}

// negatedAfter reports whether the word right after a match negates it: "but we can" in "but we
// can't" (English "can't" is "ca" + "n't") or "dar putem" in "dar putem nu…" do not promise
// anything.
func (in *Input) negatedAfter(i int, m Match) bool {
	t := in.Turn(i)
	if t == nil {
		return false
	}
	for k := m.Last + 1; k < len(t.Tokens); k++ {
		tok := &t.Tokens[k]
		if tok.Kind == textproc.Punct {
			return false
		}
		if tok.Kind == textproc.Word || tok.Kind == textproc.Number {
			return in.Lexicon.IsNegation(tok.Norm)
		}
	}
	return false
}

// negationInside reports whether a word inside a match, after its first, negates: a phrase
// with a gap ("but ... can") must not swallow a "not".
func (in *Input) negationInside(i int, m Match) bool {
	t := in.Turn(i)
	if t == nil {
		return false
	}
	for k := m.First + 1; k <= m.Last && k < len(t.Tokens); k++ {
		if t.Tokens[k].Kind == textproc.Word && in.Lexicon.IsNegation(t.Tokens[k].Norm) {
			return true
		}
	}
	return false
}

// sentenceOfToken returns the index of the sentence of t holding token k, or -1.
func sentenceOfToken(t *textproc.Text, k int) int {
	for s, sent := range t.Sentences {
		if k >= sent.First && k < sent.Last {
			return s
		}
	}
	return -1
}

// sentenceCovered reports whether the words of tokens [first, last) are all inside matches,
// apart from filler words of at most two letters ("ok", "и").
func sentenceCovered(t *textproc.Text, first, last int, matches []Match) bool {
	return sentenceCoveredExcept(t, first, last, matches, nil)
}

// sentenceCoveredExcept is sentenceCovered that also accepts the words skip accepts.
func sentenceCoveredExcept(t *textproc.Text, first, last int, matches []Match, skip func(i int) bool) bool {
	for i := first; i < last; i++ {
		tok := &t.Tokens[i]
		if tok.Kind != textproc.Word {
			continue
		}
		if !tokenInMatches(i, matches) && utf8.RuneCountInString(tok.Norm) > 2 && (skip == nil || !skip(i)) {
			return false
		}
	}
	return true
}
