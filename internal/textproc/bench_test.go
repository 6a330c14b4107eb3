package textproc

import "testing"

// BenchmarkAnalyze analyses a realistic 11-13 turn support chat per language (testdata/) and
// reports tokens per second. The scorer's budget is 2,000 Russian conversations per second on
// one core including every check, so analysis should stay well under 150 µs a conversation.
//
//	go test -run '^$' -bench Analyze -benchmem ./internal/textproc/
func BenchmarkAnalyze(b *testing.B) {
	for _, lang := range []string{"en", "ru", "uk", "ro"} {
		c := loadConversation(b, lang)
		c.Language = lang
		for _, variant := range []struct {
			name string
			opts Options
		}{
			{"", Options{}},
			{"/nocache", Options{StemCacheSize: -1}},
		} {
			a, err := NewAnalyzer(variant.opts)
			if err != nil {
				b.Fatal(err)
			}
			tokens := 0
			for _, x := range a.AnalyzeConversation(c).Turns {
				if x != nil {
					tokens += len(x.Tokens)
				}
			}
			b.Run(lang+variant.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					a.AnalyzeConversation(c)
				}
				b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
				b.ReportMetric(float64(tokens), "tokens/conv")
			})
		}
	}
}

// BenchmarkAnalyzeEnglishTagging shows the cost of Options.EnglishTagging.
func BenchmarkAnalyzeEnglishTagging(b *testing.B) {
	c := loadConversation(b, "en")
	c.Language = "en"
	a, err := NewAnalyzer(Options{EnglishTagging: true})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		a.AnalyzeConversation(c)
	}
}

// BenchmarkDetectLanguage detects the language of a whole untagged conversation.
func BenchmarkDetectLanguage(b *testing.B) {
	a := testAnalyzer(b)
	for _, lang := range []string{"en", "ru", "uk", "ro"} {
		text := ""
		for _, t := range loadConversation(b, lang).Turns {
			text += t.Text + "\n"
		}
		b.Run(lang, func(b *testing.B) {
			for b.Loop() {
				a.DetectLanguage(text)
			}
		})
	}
}
