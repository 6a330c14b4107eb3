package textproc

import (
	"errors"
	"strings"
	"unicode/utf8"
)

// A rule is a sequence of word slots matched against consecutive tokens' Norm. In the list files
// a rule is written as words separated by spaces; "a|b" in a slot accepts either word, "*" any
// one word. A line starting with "!" is an exclusion: where it matches, no rule of the list
// applies (English "!what a" keeps "What a mess." from being a question).
type rule []slot

// slot is the set of words accepted at one position; nil accepts any word.
type slot map[string]bool

// ruleSet holds a list's rules indexed by the words of their first slot.
type ruleSet struct {
	byFirst    map[string][]rule
	anyFirst   []rule // rules whose first slot is "*"
	exclusions []rule
}

var errEmptyRule = errors.New("empty rule")

// compileRules parses list entries into a ruleSet, normalising each word for lang.
func compileRules(lang string, entries []string) (ruleSet, error) {
	rs := ruleSet{byFirst: make(map[string][]rule)}
	for _, e := range entries {
		exclusion := strings.HasPrefix(e, "!")
		fields := strings.Fields(strings.TrimPrefix(e, "!"))
		if len(fields) == 0 {
			return rs, errEmptyRule
		}
		r := make(rule, len(fields))
		for i, f := range fields {
			if f == "*" {
				continue
			}
			r[i] = slot{}
			for _, w := range strings.Split(f, "|") {
				r[i][Normalize(lang, w)] = true
			}
		}
		switch {
		case exclusion:
			rs.exclusions = append(rs.exclusions, r)
		case r[0] == nil:
			rs.anyFirst = append(rs.anyFirst, r)
		default:
			for w := range r[0] {
				rs.byFirst[w] = append(rs.byFirst[w], r)
			}
		}
	}
	return rs, nil
}

// matches reports whether a rule of the set (and none of its exclusions) matches the tokens
// starting at i.
func (rs *ruleSet) matches(tokens []Token, i int) bool {
	if i >= len(tokens) || !isWordLike(tokens[i]) {
		return false
	}
	for _, r := range rs.exclusions {
		if r.matches(tokens, i) {
			return false
		}
	}
	for _, r := range rs.byFirst[tokens[i].Norm] {
		if r.matches(tokens, i) {
			return true
		}
	}
	for _, r := range rs.anyFirst {
		if r.matches(tokens, i) {
			return true
		}
	}
	return false
}

func (r rule) matches(tokens []Token, i int) bool {
	if i+len(r) > len(tokens) {
		return false
	}
	for k, s := range r {
		t := tokens[i+k]
		if !isWordLike(t) || (s != nil && !s[t.Norm]) {
			return false
		}
	}
	return true
}

func isWordLike(t Token) bool { return t.Kind == Word || t.Kind == Number }

// isQuestion decides whether a sentence (its tokens) is a question:
//   - it contains a question mark; or
//   - a question form (lexicon.questions: inverted order, "ли", "чи", "oare", a polite request
//     such as "подскажите" or "could you") starts one of its clauses; or
//   - a question word (lexicon.interrogatives) starts the sentence, possibly after openers
//     ("а", "and", "și") or a leading greeting clause ("Здравствуйте, где мой заказ"), unless the
//     sentence ends with "!" (an exclamation: "Как здорово!") or ends with "." and goes on past
//     a comma (a subordinate clause: "Когда заказ придёт, мы сообщим.") or follows a word of
//     thanks (a conjunction: "Спасибо, что написали.").
func (lex *lexicon) isQuestion(tokens []Token) bool {
	for _, t := range tokens {
		if t.Kind == Punct && strings.ContainsAny(t.Text, "?？¿") {
			return true
		}
	}
	end := endMark(tokens)
	interrogativeOK := true // question words still count at this clause start
	greeted := false        // an opener or greeting came before: capitalised words are names
	for p := 0; p < len(tokens); {
		// A question form may begin with an opener ("please tell me"), so try it both before
		// and after skipping openers.
		if lex.questions.matches(tokens, p) {
			return true
		}
		var opened bool
		p, opened = lex.skipOpeners(tokens, p)
		greeted = greeted || opened
		if lex.questions.matches(tokens, p) {
			return true
		}
		if interrogativeOK && lex.interrogatives.matches(tokens, p) && !subordinate(tokens[p:], end) && !lex.afterThanks(tokens, p) {
			return true
		}
		next, greeting := lex.nextClause(tokens, p, greeted)
		interrogativeOK = interrogativeOK && greeting
		greeted = greeted || greeting
		p = next
	}
	return false
}

// afterThanks reports whether the word before token i, past punctuation, is a word of thanks
// (lexicon.thanks): "что" in "Спасибо, что подождали" gives the reason, it asks nothing.
func (lex *lexicon) afterThanks(tokens []Token, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch t := tokens[j]; t.Kind {
		case Punct:
			continue
		case Word:
			return lex.thanks[t.Norm]
		default:
			return false
		}
	}
	return false
}

// endMark returns the mark that ends a sentence (".", "!", "…"), looking past trailing closing
// quotes, brackets, emoji and smileys; an emoji or smiley with no mark before it closes a
// statement like ".". It returns "" for a sentence that just stops.
func endMark(tokens []Token) string {
	symbol := false
	for i := len(tokens) - 1; i >= 0; i-- {
		t := tokens[i]
		switch {
		case t.Kind == Symbol:
			symbol = true
		case t.Kind == Punct && strings.Contains("\"')]}", t.Norm):
		case t.Kind == Punct:
			return t.Norm
		default:
			if symbol {
				return "."
			}
			return ""
		}
	}
	return ""
}

// subordinate reports whether a sentence starting with a question word reads as a statement.
func subordinate(tokens []Token, end string) bool {
	if end == "!" {
		return true
	}
	if end != "." && end != "…" {
		return false
	}
	for _, t := range tokens[1:] {
		if t.Kind == Punct && (t.Text == "," || t.Norm == "-") {
			return true
		}
	}
	return false
}

// skipOpeners returns the index of the first token at or after i that is neither an opener word
// nor punctuation, and whether it skipped an opener word.
func (lex *lexicon) skipOpeners(tokens []Token, i int) (int, bool) {
	opened := false
	for ; i < len(tokens); i++ {
		t := tokens[i]
		switch {
		case t.Kind == Punct || t.Kind == Symbol:
		case t.Kind == Word && lex.openers[t.Norm]:
			opened = true
		default:
			return i, opened
		}
	}
	return i, opened
}

// nextClause returns the start of the clause after the one starting at i (past the next
// comma, colon, semicolon or dash), and whether the clause at i is only a greeting: opener
// words, and capitalised names after them ("Добрый день, Анна, где мой заказ").
func (lex *lexicon) nextClause(tokens []Token, i int, greeted bool) (next int, greeting bool) {
	greeting = true
	for ; i < len(tokens); i++ {
		t := tokens[i]
		if t.Kind == Punct && isClauseMark(t.Norm) {
			return i + 1, greeting
		}
		if t.Kind != Word {
			continue
		}
		switch {
		case lex.openers[t.Norm]:
			greeted = true
		case greeted && startsUpper(t.Text):
		default:
			greeting = false
		}
	}
	return len(tokens), false
}

func isClauseMark(norm string) bool {
	switch norm {
	case ",", ":", ";", "-":
		return true
	}
	return false
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isUpper(r)
}
