package check

import (
	"slices"
	"testing"
)

func TestPhraseMatching(t *testing.T) {
	an, lexicons := loadTestLexicons(t)
	compile := func(lang string, srcs ...string) *PhraseSet {
		var ps []Phrase
		for _, src := range srcs {
			p, err := CompilePhrase(an, lang, src)
			if err != nil {
				t.Fatal(err)
			}
			ps = append(ps, p)
		}
		s := NewPhraseSet("t", ps)
		return &s
	}
	cases := []struct {
		name, lang, phrase, text string
		want                     []string // matched texts, "!" prefix when negated
	}{
		{"stem match", "en", "sorry", "I'm so sorry about this.", []string{"sorry"}},
		{"sorrow is not sorry", "en", "sorry", "To my sorrow.", nil},
		{"negated", "en", "sorry", "I'm not sorry.", []string{"!sorry"}},
		{"punctuation ends negation", "en", "sorry", "No, sorry.", []string{"sorry"}},
		{"exact", "en", "=hi", "Hi, his order.", []string{"Hi"}},
		{"prefix", "ru", "извин*", "Извиняемся за задержку.", []string{"Извиняемся"}},
		{"gap", "en", "understand ... frustrating", "I understand how frustrating this is.", []string{"understand how frustrating"}},
		{"gap too long", "en", "understand ... frustrating", "I understand that this whole thing is frustrating.", nil},
		{"no match across sentences", "en", "thank you", "Thank. You.", nil},
		{"ru negation", "ru", "извин*", "Не извиняйтесь, всё хорошо.", []string{"!извиняйтесь"}},
		{"ro negation", "ro", "ne pare rău", "Nu ne pare rău.", []string{"!ne pare rău"}},
		{"ro without diacritics", "ro", "ne pare rău", "Ne pare rau pentru intarziere.", []string{"Ne pare rau"}},
		{"uk apostrophes", "uk", "обов'язково", "Ми обовʼязково перевіримо.", []string{"обовʼязково"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			set := compile(tc.lang, tc.phrase)
			text := an.Analyze(tc.lang, tc.text)
			var got []string
			for _, m := range set.Find(text, lexicons[tc.lang]) {
				s := text.Snippet(m.Start, m.End)
				if m.Negated {
					s = "!" + s
				}
				got = append(got, s)
			}
			if !slices.Equal(got, tc.want) {
				t.Fatalf("matches %q, want %q", got, tc.want)
			}
		})
	}
}
