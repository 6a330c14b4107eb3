package check

import "github.com/qa-scorer/qa-scorer/internal/textproc"

// Evidence builders: every piece of evidence is a rune span of one turn and the words it
// covers, built here so that a check only says which span.

// spanEvidence points at runes [start, end) of turn i, whose analysed text is t.
func spanEvidence(i int, t *textproc.Text, start, end int) Evidence {
	return Evidence{Turn: i, Start: start, End: end, Text: t.Snippet(start, end)}
}

// Evidence builds evidence from a match in turn i.
func (in *Input) Evidence(i int, m Match) Evidence {
	return spanEvidence(i, in.Text.Turns[i], m.Start, m.End)
}

// TurnEvidence builds evidence covering the first sentence of turn i (or nothing, for a system
// turn): used for a fail on absence, pointing where the behaviour was expected.
func (in *Input) TurnEvidence(i int) Evidence {
	t := in.Turn(i)
	if t == nil || len(t.Sentences) == 0 {
		return Evidence{Turn: i}
	}
	return sentenceEvidence(i, t, 0)
}

// sentenceEvidence points at sentence s of turn i as segmented.
func sentenceEvidence(i int, t *textproc.Text, s int) Evidence {
	sent := t.Sentences[s]
	return spanEvidence(i, t, sent.Start, sent.End)
}

// sentenceWordsEvidence points at sentence s of turn i, from its first to its last token
// (without the spaces around it).
func sentenceWordsEvidence(i int, t *textproc.Text, s int) Evidence {
	sent := t.Sentences[s]
	if sent.Last <= sent.First {
		return sentenceEvidence(i, t, s)
	}
	return tokenSpanEvidence(i, t, sent.First, sent.Last-1)
}

// tokenSpanEvidence points at tokens [from, to] of turn i.
func tokenSpanEvidence(i int, t *textproc.Text, from, to int) Evidence {
	return spanEvidence(i, t, t.Tokens[from].Start, t.Tokens[to].End)
}

// tokenEvidence points at one token of turn i, quoted as the token's text.
func tokenEvidence(i int, tok textproc.Token) Evidence {
	return Evidence{Turn: i, Start: tok.Start, End: tok.End, Text: tok.Text}
}

// quote shortens a text for a reason line.
func quote(s string) string {
	return "\"" + clip(s) + "\""
}
