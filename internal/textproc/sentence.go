package textproc

import (
	"strings"
	"unicode/utf8"
)

// segment splits tokens into sentences. A sentence ends:
//   - at a line break (chat messages put one thought per line, often without punctuation);
//   - after "?" or "!" (and "?!", "!!!");
//   - after "…" or "..." unless the next word starts in lower case ("я думал... а потом");
//   - after "." unless the period closes an abbreviation from the language's list and the next
//     word starts in lower case or is a number ("т. д. и", "nr. 5531"), or the abbreviation is
//     a title that never ends a sentence ("Dr. Smith", "ул. Ленина"), or it follows a single
//     capital letter before a capitalised word ("А. С. Пушкин");
//   - after a dotted abbreviation such as "т.д." or "U.S." when the next word is capitalised,
//     unless the abbreviation is marked as never ending a sentence ("e.g.", "т.е.").
//
// Decimals and times ("3.5", "16:15") never split: they are single Number tokens. Closing quotes
// and brackets, emoji and smileys after the end mark belong to the sentence they follow.
func segment(tokens []Token, breaks []int, lex *lexicon) []Sentence {
	sentences := make([]Sentence, 0, len(tokens)/8+1)
	start, b := 0, 0
	breakBefore := func(i int) bool {
		for b < len(breaks) && breaks[b] < i {
			b++
		}
		return b < len(breaks) && breaks[b] == i
	}
	add := func(first, last int) {
		if first < last {
			sentences = append(sentences, Sentence{
				Start: tokens[first].Start, End: tokens[last-1].End, First: first, Last: last,
			})
		}
	}
	for i := 0; i < len(tokens); i++ {
		if breakBefore(i) {
			add(start, i)
			start = i
		}
		if !endsSentence(tokens, i, lex, breakBefore) {
			continue
		}
		j := i + 1
		for j < len(tokens) && !breakBefore(j) && trailsSentence(tokens[j]) {
			j++
		}
		add(start, j)
		start, i = j, j-1
	}
	add(start, len(tokens))
	return sentences
}

// endsSentence reports whether token i is a sentence end mark in its context.
func endsSentence(tokens []Token, i int, lex *lexicon, breakBefore func(int) bool) bool {
	t := tokens[i]
	var next *Token
	if i+1 < len(tokens) && !breakBefore(i+1) {
		next = &tokens[i+1]
	}
	if t.Kind == Word {
		// A dotted abbreviation carries its own period.
		if !strings.HasSuffix(t.Text, ".") || next == nil {
			return false
		}
		return !lex.abbreviations[strings.TrimSuffix(t.Norm, ".")] && startsUpper(next.Text)
	}
	if t.Kind != Punct {
		return false
	}
	switch {
	case t.Text == "?" || t.Text == "!" || t.Text == "？" || t.Text == "！":
		return true
	case t.Norm == "…":
		return next == nil || !startsLower(next.Text)
	case t.Text != ".":
		return false
	}
	if next == nil || i == 0 || tokens[i-1].End != t.Start || tokens[i-1].Kind != Word {
		return true
	}
	prev := tokens[i-1]
	if title, ok := lex.abbreviations[prev.Norm]; ok {
		return !title && startsUpper(next.Text)
	}
	if runeLen(prev.Text) == 1 && startsUpper(prev.Text) && startsUpper(next.Text) {
		return false // an initial
	}
	return true
}

// trailsSentence reports whether a token after an end mark still belongs to the sentence:
// more end marks, closing quotes and brackets, emoji and smileys.
func trailsSentence(t Token) bool {
	switch t.Kind {
	case Symbol:
		return true
	case Punct:
		switch t.Norm {
		case "?", "!", ".", "…", "\"", "'", ")", "]", "}":
			return true
		}
	}
	return false
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isLower(r)
}
