package check

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/qa-scorer/qa-scorer/internal/textproc"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// TestIndexedFindMatchesReference holds the numbered, indexed phrase matching (vocabulary.go,
// PhraseSet.find) to the plain definition of a match: every set of every shipped lexicon, on
// every message of the hand-written conversations, finds what referenceFind finds, the same
// phrase included, both through Input (the lexicon's vocabulary, read once per turn) and
// through a set compiled on its own (NewPhraseSet, its own vocabulary).
func TestIndexedFindMatchesReference(t *testing.T) {
	an, lexicons := loadTestLexicons(t)
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "labelled", "*.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	compared, matched := 0, 0
	for _, path := range paths {
		if strings.HasSuffix(path, ".gold.jsonl") {
			continue
		}
		for _, c := range readConversations(t, path) {
			text := an.AnalyzeConversation(c)
			lex := lexicons[text.Language]
			if lex == nil {
				continue
			}
			in := &Input{Conv: c, Text: text, Lexicon: lex, Settings: DefaultSettings()}
			for _, name := range sortedSetNames(lex) {
				s := lex.Sets[name]
				alone := NewPhraseSet(name, s.Phrases)
				for i, turn := range text.Turns {
					if turn == nil {
						continue
					}
					want := referenceFind(s, turn, lex)
					got := in.findAll(nil, s, i, lex)
					if !sameMatches(got, want) {
						t.Fatalf("%s %s turn %d set %s: indexed %v, reference %v", filepath.Base(path), c.ID, i, name, describe(got), describe(want))
					}
					if own := alone.Find(turn, lex); !sameMatches(own, want) {
						t.Fatalf("%s %s turn %d set %s on its own: %v, reference %v", filepath.Base(path), c.ID, i, name, describe(own), describe(want))
					}
					compared++
					matched += len(want)
				}
			}
		}
	}
	if compared == 0 || matched == 0 {
		t.Fatalf("compared %d set-turn pairs with %d matches: the corpus is missing", compared, matched)
	}
}

// referenceFind is phrase matching as docs/checklists.md defines it, by comparing strings at
// every word: one match per start position, the longest phrase winning and, on a tie, the first
// tried (phrases starting with the word's normalised form, then with its stem, then with a
// pattern, each in set order).
func referenceFind(s *PhraseSet, t *textproc.Text, lex *Lexicon) []Match {
	var out []Match
	for _, sent := range t.Sentences {
		var words []int
		for k := sent.First; k < sent.Last; k++ {
			if kind := t.Tokens[k].Kind; kind == textproc.Word || kind == textproc.Number {
				words = append(words, k)
			}
		}
		for w := 0; w < len(words); w++ {
			tok := &t.Tokens[words[w]]
			var byNorm, byStem, patterns []int
			for pi, p := range s.Phrases {
				switch first := p.parts[0]; {
				case (first.kind == partWord || first.kind == partExact) && first.norm == tok.Norm:
					byNorm = append(byNorm, pi)
				case first.kind == partWord && utf8.RuneCountInString(first.norm) >= minStemRunes && first.stem == tok.Stem:
					byStem = append(byStem, pi)
				case first.kind == partPrefix || first.kind == partAny:
					patterns = append(patterns, pi)
				}
			}
			best, bestEnd := -1, -1
			for _, pi := range slices.Concat(byNorm, byStem, patterns) {
				if end := referenceMatch(s.Phrases[pi].parts, t.Tokens, words, w); end > bestEnd {
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

// referenceMatch matches parts from word w (an index into words, which are token indexes) and
// returns the index in words of the last word matched, or -1.
func referenceMatch(parts []part, toks []textproc.Token, words []int, w int) int {
	if len(parts) == 0 {
		return w - 1
	}
	p := parts[0]
	if p.kind == partGap {
		for skip := 0; skip <= maxGap && w+skip <= len(words); skip++ {
			if end := referenceMatch(parts[1:], toks, words, w+skip); end >= 0 {
				return end
			}
		}
		return -1
	}
	if w >= len(words) {
		return -1
	}
	tok := &toks[words[w]]
	ok := false
	switch p.kind {
	case partExact:
		ok = tok.Norm == p.norm
	case partPrefix:
		ok = strings.HasPrefix(tok.Norm, p.norm)
	case partAny:
		ok = true
	default:
		ok = tok.Norm == p.norm || tok.Stem == p.stem && utf8.RuneCountInString(p.norm) >= minStemRunes
	}
	if !ok {
		return -1
	}
	return referenceMatch(parts[1:], toks, words, w+1)
}

// sameMatches compares matches by span, negation and phrase (the phrases of a set compiled on
// its own are copies, so they are compared by their place in the set's source order).
func sameMatches(a, b []Match) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.First != y.First || x.Last != y.Last || x.Start != y.Start || x.End != y.End || x.Negated != y.Negated ||
			x.Phrase.Source != y.Phrase.Source || len(x.Phrase.parts) != len(y.Phrase.parts) {
			return false
		}
	}
	return true
}

func describe(ms []Match) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Phrase.Source
	}
	return out
}

func sortedSetNames(l *Lexicon) []string {
	names := make([]string, 0, len(l.Sets))
	for name := range l.Sets {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// readConversations reads a canonical JSON Lines file of valid conversations.
func readConversations(t *testing.T, path string) []*transcript.Conversation {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []*transcript.Conversation
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		c, err := transcript.Decode([]byte(line), filepath.Base(path))
		if err != nil {
			t.Fatalf("%s line %d: %v", path, n, err)
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
