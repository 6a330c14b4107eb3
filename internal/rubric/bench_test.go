package rubric

import (
	"os"
	"strings"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// benchCorpus returns the hand-written dev conversations of one language (8-15 turns, the size
// of real support chats) with their raw JSON lines.
func benchCorpus(b *testing.B, lang string) corpusFile {
	files := readCorpus(b, "labelled/"+lang+".dev.jsonl")
	if len(files) == 0 || len(files[0].convs) == 0 {
		b.Skipf("no corpus for %s", lang)
	}
	return files[0]
}

// BenchmarkReadAndSegment is the ceiling the scorer is compared with: decode, validate and
// analyse (segment, normalise, stem, detect questions) each conversation, no checks.
func BenchmarkReadAndSegment(b *testing.B) {
	an, _ := mustKnowledge(b)
	for _, lang := range []string{"en", "ru", "uk", "ro"} {
		b.Run(lang, func(b *testing.B) {
			corpus := benchCorpus(b, lang)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				line := corpus.lines[i%len(corpus.lines)]
				c, err := transcript.Decode(line, "bench")
				if err != nil {
					b.Fatal(err)
				}
				if err := c.Validate("bench"); err != nil {
					b.Fatal(err)
				}
				an.AnalyzeConversation(c)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "conv/s")
		})
	}
}

// BenchmarkScore measures the whole path per conversation: decode, validate, analyse and run
// every item of the standard rubric.
func BenchmarkScore(b *testing.B) {
	an, k := mustKnowledge(b)
	s := NewScorer(an, k)
	r, err := Load(os.DirFS("../../rubrics"), "standard")
	if err != nil {
		b.Fatal(err)
	}
	for _, lang := range []string{"en", "ru", "uk", "ro"} {
		b.Run(lang, func(b *testing.B) {
			corpus := benchCorpus(b, lang)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				line := corpus.lines[i%len(corpus.lines)]
				c, err := transcript.Decode(line, "bench")
				if err != nil {
					b.Fatal(err)
				}
				if err := c.Validate("bench"); err != nil {
					b.Fatal(err)
				}
				card := s.Score(r, c)
				if strings.TrimSpace(card.ConversationID) == "" {
					b.Fatal("empty scorecard")
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "conv/s")
		})
	}
}
