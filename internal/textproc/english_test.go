package textproc

import (
	"strings"
	"testing"
)

func TestEnglishTokens(t *testing.T) {
	a := testAnalyzer(t)
	tests := []struct {
		name, text string
		tokens     string // tokenList
		norms      string
	}{
		{"negation contractions", "I don't know, can't you check? Won't work",
			"I/Word do/Word n't/Word know/Word ,/Punct ca/Word n't/Word you/Word check/Word ?/Punct Wo/Word n't/Word work/Word",
			"i do not know , can not you check ? will not work"},
		{"pronoun contractions", "I'm sure it's fine, they're here, we'll see, I've got it, you'd know",
			"I/Word 'm/Word sure/Word it/Word 's/Word fine/Word ,/Punct they/Word 're/Word here/Word ,/Punct we/Word 'll/Word see/Word ,/Punct I/Word 've/Word got/Word it/Word ,/Punct you/Word 'd/Word know/Word",
			"i am sure it 's fine , they are here , we will see , i have got it , you 'd know"},
		{"typographic apostrophe", "I don’t think so",
			"I/Word do/Word n’t/Word think/Word so/Word",
			"i do not think so"},
		{"cannot", "I cannot log in",
			"I/Word can/Word not/Word log/Word in/Word",
			"i can not log in"},
		{"o'clock stays whole", "at 5 o'clock",
			"at/Word 5/Number o'clock/Word",
			"at 5 o'clock"},
		{"short capitalised word before a period is split", "Hi. No. Ok.",
			"Hi/Word ./Punct No/Word ./Punct Ok/Word ./Punct",
			"hi . no . ok ."},
		{"dotted abbreviation stays whole", "e.g. the U.S. office",
			"e.g./Word the/Word U.S./Word office/Word",
			"e.g. the u.s. office"},
		{"emoticons", "Thanks :) ok:-) great!😊",
			"Thanks/Word :)/Symbol ok/Word :-)/Symbol great/Word !/Punct 😊/Symbol",
			"thanks :) ok :-) great ! 😊"},
		{"ellipsis is one token", "Hello.... I waited...",
			"Hello/Word ..../Punct I/Word waited/Word .../Punct",
			"hello … i waited …"},
		{"money and percent", "$100 is 10% off (approx.)",
			"$/Symbol 100/Number is/Word 10/Number %/Punct off/Word (/Punct approx/Word ./Punct )/Punct",
			"$ 100 is 10 % off ( approx . )"},
		{"time, order number and address", "At 16:15 order #5531 went to jane.doe@example.com.",
			"At/Word 16:15/Number order/Word #/Punct 5531/Number went/Word to/Word jane.doe@example.com/Email ./Punct",
			"at 16:15 order # 5531 went to jane.doe@example.com ."},
		{"curly quotes", "He said “fine” and left",
			"He/Word said/Word “/Punct fine/Word ”/Punct and/Word left/Word",
			"he said \" fine \" and left"},
		{"prose panics on a rune whose lower case is longer: fallback tokenizer", "Ⱥ's fine, isn't it",
			"Ⱥ/Word 's/Word fine/Word ,/Punct is/Word n't/Word it/Word",
			"ⱥ 's fine , is not it"},
		{"html entity prose rewrites: fallback tokenizer", "I don&rsquo;t know",
			"I/Word don/Word &/Punct rsquo/Word ;/Punct t/Word know/Word",
			"i don & rsquo ; t know"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := a.Analyze("en", tc.text)
			if got := tokenList(x.Tokens); got != tc.tokens {
				t.Errorf("tokens\n got %s\nwant %s", got, tc.tokens)
			}
			if got := norms(x.Tokens); got != tc.norms {
				t.Errorf("norms\n got %s\nwant %s", got, tc.norms)
			}
			checkInvariants(t, x)
		})
	}
}

func TestEnglishTagging(t *testing.T) {
	a, err := NewAnalyzer(Options{EnglishTagging: true})
	if err != nil {
		t.Fatal(err)
	}
	x := a.Analyze("en", "I don't like this phone.")
	var got []string
	for _, tok := range x.Tokens {
		got = append(got, tok.Text+"/"+tok.Tag)
	}
	want := "I/PRP do/VBP n't/RB like/VB this/DT phone/NN ./."
	if strings.Join(got, " ") != want {
		t.Errorf("tags\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	if untagged := testAnalyzer(t).Analyze("en", "I like it"); untagged.Tokens[0].Tag != "" {
		t.Errorf("tagging off: Tag = %q, want empty", untagged.Tokens[0].Tag)
	}
}

func TestEnglishLineBreaks(t *testing.T) {
	x := testAnalyzer(t).Analyze("en", "Hello\nhow are you\n\nI can't log in")
	if got, want := sentenceTexts(x), "Hello | how are you | I can't log in"; got != want {
		t.Errorf("sentences = %q, want %q", got, want)
	}
}
