package textproc

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// sharedAnalyzer is built once per test binary: loading the English model takes ~0.2 s.
var sharedAnalyzer = sync.OnceValues(func() (*Analyzer, error) {
	return NewAnalyzer(Options{})
})

func testAnalyzer(tb testing.TB) *Analyzer {
	tb.Helper()
	a, err := sharedAnalyzer()
	if err != nil {
		tb.Fatalf("NewAnalyzer: %v", err)
	}
	return a
}

// tokenList renders tokens as "text/Kind" separated by spaces, for compact expectations.
func tokenList(toks []Token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Text + "/" + t.Kind.String()
	}
	return strings.Join(parts, " ")
}

// field renders one field of every token, separated by spaces.
func field(toks []Token, f func(Token) string) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = f(t)
	}
	return strings.Join(parts, " ")
}

func norms(toks []Token) string { return field(toks, func(t Token) string { return t.Norm }) }
func stems(toks []Token) string { return field(toks, func(t Token) string { return t.Stem }) }
func spans(toks []Token) string {
	return field(toks, func(t Token) string { return fmt.Sprintf("%d:%d", t.Start, t.End) })
}

// sentenceTexts renders a text's sentences, separated by " | ".
func sentenceTexts(t *Text) string {
	parts := make([]string, len(t.Sentences))
	for i := range t.Sentences {
		parts[i] = t.SentenceText(i)
	}
	return strings.Join(parts, " | ")
}

// checkInvariants fails when tokens or sentences do not describe the text faithfully.
func checkInvariants(tb testing.TB, x *Text) {
	tb.Helper()
	prevEnd := 0
	for i, tok := range x.Tokens {
		if tok.Start < prevEnd || tok.End <= tok.Start {
			tb.Fatalf("token %d %q has span %d:%d after %d", i, tok.Text, tok.Start, tok.End, prevEnd)
		}
		if got := x.Snippet(tok.Start, tok.End); got != tok.Text {
			tb.Fatalf("token %d: Snippet(%d,%d) = %q, Text = %q", i, tok.Start, tok.End, got, tok.Text)
		}
		prevEnd = tok.End
	}
	next := 0
	for i, s := range x.Sentences {
		if s.First != next || s.Last <= s.First || s.Last > len(x.Tokens) {
			tb.Fatalf("sentence %d covers tokens %d:%d, want to start at %d", i, s.First, s.Last, next)
		}
		if s.Start != x.Tokens[s.First].Start || s.End != x.Tokens[s.Last-1].End {
			tb.Fatalf("sentence %d span %d:%d does not match its tokens", i, s.Start, s.End)
		}
		next = s.Last
	}
	if next != len(x.Tokens) {
		tb.Fatalf("sentences cover %d of %d tokens", next, len(x.Tokens))
	}
}

// loadConversation reads testdata/<name>.json.
func loadConversation(tb testing.TB, name string) *transcript.Conversation {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name+".json"))
	if err != nil {
		tb.Fatal(err)
	}
	c, err := transcript.Decode(data, name)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}
