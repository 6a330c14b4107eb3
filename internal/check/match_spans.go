package check

import "github.com/qa-scorer/qa-scorer/internal/textproc"

// Helpers for checks that weigh matches of several phrase sets against each other in one turn:
// a wish that contains a greeting, an apology that is only sympathy, a "but we can" that is
// followed by "not".

// matchesOverlap reports whether two matches in the same text share a token.
func matchesOverlap(a, b Match) bool {
	return a.First <= b.Last && b.First <= a.Last
}

// overlapsAnyMatch reports whether m shares a token with any of ms.
func overlapsAnyMatch(m Match, ms []Match) bool {
	for _, o := range ms {
		if matchesOverlap(m, o) {
			return true
		}
	}
	return false
}

// withoutOverlaps returns the matches of ms that share no token with any of drop. It filters
// in place.
func withoutOverlaps(ms, drop []Match) []Match {
	if len(drop) == 0 {
		return ms
	}
	out := ms[:0]
	for _, m := range ms {
		if !overlapsAnyMatch(m, drop) {
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

// agentTurnsAfter returns up to n agent message turns after turn i, in order.
func agentTurnsAfter(in *Input, i, n int) []int {
	var out []int
	for j := nextAgentTurn(in.Conv, i); j >= 0 && len(out) < n; j = nextAgentTurn(in.Conv, j) {
		out = append(out, j)
	}
	return out
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

// sentenceEvidence points at sentence s of turn i, from its first to its last token (without
// the spaces around it).
func sentenceEvidence(i int, t *textproc.Text, s int) Evidence {
	sent := t.Sentences[s]
	if sent.Last <= sent.First {
		return Evidence{Turn: i, Start: sent.Start, End: sent.End, Text: t.Snippet(sent.Start, sent.End)}
	}
	start, end := t.Tokens[sent.First].Start, t.Tokens[sent.Last-1].End
	return Evidence{Turn: i, Start: start, End: end, Text: t.Snippet(start, end)}
}
