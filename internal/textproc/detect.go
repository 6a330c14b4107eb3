package textproc

import (
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// detectLimit is how much of a text language detection reads: a few messages decide it.
const detectLimit = 4096

// detectConfidence is the whatlanggo confidence below which its guess is not trusted.
const detectConfidence = 0.5

// strongEvidence is the score (letters 1 each, words 2 each) that decides without whatlanggo.
const strongEvidence = 4

// trigramLetters is the text length, in letters, from which whatlanggo may overrule weak
// evidence.
const trigramLetters = 30

// languageDetector tells en, ru, uk and ro apart. The script (Cyrillic or Latin) picks the pair;
// within a pair, letters only one language has, then frequent words (data/<lang>/markers.txt),
// then whatlanggo's trigram model restricted to the pair decide. Short support lines are where
// trigram models fail ("Добрий день", "multumesc frumos"), and where letters and words settle it.
type languageDetector struct {
	lexicons map[string]*lexicon
	options  whatlanggo.Options
	fallback string
}

func newLanguageDetector(lexicons map[string]*lexicon, fallback string) *languageDetector {
	return &languageDetector{
		lexicons: lexicons,
		options: whatlanggo.Options{Whitelist: map[whatlanggo.Lang]bool{
			whatlanggo.Eng: true, whatlanggo.Rus: true, whatlanggo.Ukr: true, whatlanggo.Ron: true,
		}},
		fallback: fallback,
	}
}

// evidence counts what points to each language.
type evidence struct {
	cyrillic, latin int // letters of each script
	score           map[string]int
}

// detect returns the text's language, or the fallback when the text gives no clear signal.
func (d *languageDetector) detect(text string) string {
	if len(text) > detectLimit {
		cut := detectLimit
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	ev := d.collect(text)
	var pair [2]string
	switch {
	case ev.cyrillic == 0 && ev.latin == 0:
		return d.fallback
	case ev.cyrillic*3 >= ev.latin || ev.cyrillic > 0 && ev.score["ru"]+ev.score["uk"] >= 2:
		// Russian and Ukrainian messages quote Latin names ("Pizza Hut", "iPhone 15 Pro"); the
		// reverse is rare.
		pair = [2]string{"ru", "uk"}
	default:
		pair = [2]string{"en", "ro"}
	}
	a, b := ev.score[pair[0]], ev.score[pair[1]]
	lead := ""
	switch {
	case a > 0 && a >= 2*b:
		lead = pair[0]
	case b > 0 && b >= 2*a:
		lead = pair[1]
	}
	if max(a, b) >= strongEvidence && lead != "" {
		return lead
	}
	// Weak or no evidence: one marker word, or one distinctive letter. whatlanggo may overrule
	// it when it is confident on a text long enough for trigrams.
	info := whatlanggo.DetectWithOptions(text, d.options)
	guess := whatlanggo.LangToString(info.Lang)
	if info.Lang == -1 || guess != pair[0] && guess != pair[1] {
		guess = ""
	}
	if guess != "" && info.Confidence >= detectConfidence && (lead == "" || ev.cyrillic+ev.latin >= trigramLetters) {
		return guess
	}
	if lead != "" {
		return lead
	}
	if d.fallback == pair[0] || d.fallback == pair[1] {
		return d.fallback
	}
	switch {
	case a > b:
		return pair[0]
	case b > a:
		return pair[1]
	case guess != "":
		return guess
	}
	return pair[0]
}

// collect scores the text: a letter only one language uses counts 1 (Romanian ă â î ș ț count
// 2: they rarely appear in English text by chance), a frequent word of a language counts 2.
func (d *languageDetector) collect(text string) evidence {
	ev := evidence{score: make(map[string]int, 4)}
	var prev rune
	wordStart := -1
	for i, r := range text {
		if isLetter(r) || isApostrophe(r) && isLetter(prev) {
			if wordStart < 0 {
				wordStart = i
			}
			d.letter(&ev, r, prev, text[i:])
		} else if wordStart >= 0 {
			d.word(&ev, text[wordStart:i])
			wordStart = -1
			if ev.settled() {
				return ev
			}
		}
		prev = r
	}
	if wordStart >= 0 {
		d.word(&ev, text[wordStart:])
	}
	return ev
}

// settled reports whether the evidence is overwhelming, so that reading on cannot change the
// answer: a whole conversation usually settles within its first two messages.
func (ev *evidence) settled() bool {
	const enough = 40
	ru, uk, en, ro := ev.score["ru"], ev.score["uk"], ev.score["en"], ev.score["ro"]
	cyr := ev.cyrillic*3 >= ev.latin
	return cyr && (ru >= enough && uk*4 <= ru || uk >= enough && ru*4 <= uk) ||
		!cyr && ev.cyrillic == 0 && (en >= enough && ro*4 <= en || ro >= enough && en*4 <= ro)
}

// letter counts one letter (or an apostrophe inside a word) towards a script and a language.
func (d *languageDetector) letter(ev *evidence, r, prev rune, rest string) {
	switch {
	case isApostrophe(r):
		// м'який, об’єкт: Russian writes ъ here, Ukrainian an apostrophe.
		if next, _ := utf8.DecodeRuneInString(rest[utf8.RuneLen(r):]); isCyrillic(prev) && isCyrillic(next) {
			ev.score["uk"]++
		}
	case isCyrillic(r):
		ev.cyrillic++
		switch toLower(r) {
		case 'і', 'ї', 'є', 'ґ':
			ev.score["uk"]++
		case 'ы', 'э', 'ъ', 'ё':
			ev.score["ru"]++
		}
	case r < 0x80 || unicode.Is(unicode.Latin, r):
		ev.latin++
		switch toLower(r) {
		case 'ă', 'â', 'î', 'ș', 'ş', 'ț', 'ţ':
			ev.score["ro"] += 2
		}
	}
}

// word counts a word found in a language's frequent-word list.
func (d *languageDetector) word(ev *evidence, w string) {
	r, _ := utf8.DecodeRuneInString(w)
	pair := [2]string{"en", "ro"}
	if isCyrillic(r) {
		pair = [2]string{"ru", "uk"}
	}
	for _, lang := range pair {
		if d.lexicons[lang].markers[Normalize(lang, w)] {
			ev.score[lang] += 2
		}
	}
}
