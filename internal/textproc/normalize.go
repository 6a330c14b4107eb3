package textproc

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Normalize folds a word (or a phrase) to the form tokens are matched on:
//
//   - lower case; stress marks, soft hyphens and zero-width characters removed;
//   - ё → е (Russian writers use both);
//   - apostrophes ’ ‘ ʼ ` ´ ′ → ' (Ukrainian м'який, м’який and мʼякий are one word; English don’t);
//   - typographic quotes « » „ “ ” → ", dashes ‐ ‑ ‒ – — ― − → -;
//   - Russian and Ukrainian: Latin look-alike letters inside a Cyrillic word become Cyrillic
//     ("зaкaз" typed with a Latin a is "заказ");
//   - Romanian: all diacritics are dropped (ă â → a, î → i, ș ş → s, ț ţ → t), because agents and
//     customers often type without them; "multumesc" and "mulțumesc" have the same Norm.
//
// Contractions are not expanded here: "n't" → "not" is done by the English tokenizer, so match
// phrases by analysing them (Analyzer.Analyze or Analyzer.Stems), not by normalising raw strings.
func Normalize(lang, s string) string {
	ro := lang == "ro"
	cyr := lang == "ru" || lang == "uk"
	if isNormal(s, ro) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	wordStart := true
	for i := 0; i < len(s); {
		if cyr && wordStart {
			if n := mixedScriptWord(s[i:], lang == "uk"); n > 0 {
				writeCyrillicWord(&b, s[i:i+n], lang == "uk")
				i += n
				wordStart = false
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		wordStart = !isLetter(r)
		if r >= utf8.RuneSelf && i < len(s) {
			// Decomposed й, ї, ё: a base letter followed by a combining mark.
			if m, msize := utf8.DecodeRuneInString(s[i:]); composes(r, m) != 0 && !ro {
				r = composes(r, m)
				i += msize
			}
		}
		if rr, keep := normalRune(r, ro); keep {
			b.WriteRune(rr)
		}
	}
	return b.String()
}

// isNormal reports whether Normalize would return s unchanged: the fast path for the lower-case
// words that make up most of a conversation.
func isNormal(s string, ro bool) bool {
	latin, cyrillic := false, false
	for _, r := range s {
		if r < utf8.RuneSelf {
			switch {
			case 'A' <= r && r <= 'Z', r == '`':
				return false
			case 'a' <= r && r <= 'z':
				latin = true
			}
			continue
		}
		if rr, keep := normalRune(r, ro); !keep || rr != r {
			return false
		}
		if isCyrillic(r) {
			cyrillic = true
		} else if isMark(r) {
			return false
		}
	}
	return !(latin && cyrillic)
}

// normalRune maps one rune to its normal form; keep is false for runes that are dropped.
func normalRune(r rune, ro bool) (rr rune, keep bool) {
	switch r {
	case '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u0301', '\u0300':
		return 0, false // soft hyphen, zero-width characters, stress marks
	case '’', '‘', 'ʼ', '`', '´', '′', '＇', '‛':
		return '\'', true
	case '«', '»', '„', '“', '”', '‟', '″', '＂':
		return '"', true
	case '‐', '‑', '‒', '–', '—', '―', '−':
		return '-', true
	case 'ё', 'Ё':
		return 'е', true
	}
	if ro {
		switch r {
		case 'ă', 'Ă', 'â', 'Â':
			return 'a', true
		case 'î', 'Î':
			return 'i', true
		case 'ș', 'Ș', 'ş', 'Ş':
			return 's', true
		case 'ț', 'Ț', 'ţ', 'Ţ':
			return 't', true
		}
		if unicode.Is(unicode.Mn, r) {
			return 0, false // decomposed diacritics (a + U+0306 breve, s + U+0326 comma)
		}
	}
	return toLower(r), true
}

// composes returns the precomposed Cyrillic letter for base+mark, or 0.
func composes(base, mark rune) rune {
	switch {
	case mark == '\u0306' && (base == 'и' || base == 'И'):
		return 'й'
	case mark == '\u0308' && (base == 'е' || base == 'Е'):
		return 'е'
	case mark == '\u0308' && (base == 'і' || base == 'І'):
		return 'ї'
	}
	return 0
}

// mixedScriptWord returns the byte length of the word at the start of s when it mixes Cyrillic
// letters with Latin look-alikes only (a typing artefact), or 0.
func mixedScriptWord(s string, ukrainian bool) int {
	cyrillic, latin := false, false
	n := 0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if !isLetter(r) {
			break
		}
		switch {
		case isCyrillic(r):
			cyrillic = true
		case latinLookalike(r, ukrainian) != 0:
			latin = true
		default:
			return 0
		}
		n += size
	}
	if cyrillic && latin {
		return n
	}
	return 0
}

// writeCyrillicWord writes a mixed-script word with its Latin look-alikes made Cyrillic.
func writeCyrillicWord(b *strings.Builder, w string, ukrainian bool) {
	for _, r := range w {
		if c := latinLookalike(r, ukrainian); c != 0 {
			r = c
		}
		if rr, keep := normalRune(r, false); keep {
			b.WriteRune(rr)
		}
	}
}

// latinLookalike returns the Cyrillic letter a Latin letter is mistaken for, or 0. The Latin i
// stands for Ukrainian і only.
func latinLookalike(r rune, ukrainian bool) rune {
	switch r {
	case 'a', 'A':
		return 'а'
	case 'B':
		return 'в'
	case 'c', 'C':
		return 'с'
	case 'e', 'E':
		return 'е'
	case 'H':
		return 'н'
	case 'K', 'k':
		return 'к'
	case 'M':
		return 'м'
	case 'o', 'O':
		return 'о'
	case 'p', 'P':
		return 'р'
	case 'T':
		return 'т'
	case 'x', 'X':
		return 'х'
	case 'y', 'Y':
		return 'у'
	case 'i', 'I':
		if ukrainian {
			return 'і'
		}
	}
	return 0
}

// punctNorm is the normal form of a punctuation token: one spelling for each quote, dash and
// ellipsis.
func punctNorm(s string) string {
	if s == "..." || strings.Trim(s, ".") == "" && len(s) > 1 {
		return "…"
	}
	return Normalize("", s)
}
