package textproc

import (
	"unicode"
	"unicode/utf8"
)

// Fast paths for the letters of our four languages. unicode.IsLetter and friends binary-search
// range tables, which is most of the tokenizer's time on Cyrillic text; ASCII and the basic
// Cyrillic block (U+0400–U+04FF) are answered directly, everything else falls back to unicode.

func isLetter(r rune) bool {
	switch {
	case r < 0x80:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	case 0x0400 <= r && r <= 0x04ff:
		return r <= 0x0481 || r >= 0x048a
	}
	return unicode.IsLetter(r)
}

func isDigit(r rune) bool {
	if r < 0x0660 { // the first non-ASCII decimal digit is U+0660
		return '0' <= r && r <= '9'
	}
	return unicode.IsDigit(r)
}

func isMark(r rune) bool {
	switch {
	case r < 0x0300:
		return false
	case 0x0400 <= r && r <= 0x04ff:
		return 0x0483 <= r && r <= 0x0489
	}
	return unicode.IsMark(r)
}

func isCyrillic(r rune) bool {
	if 0x0400 <= r && r <= 0x04ff {
		return true
	}
	return r > 0x04ff && unicode.Is(unicode.Cyrillic, r)
}

func isUpper(r rune) bool {
	switch {
	case r < 0x80:
		return 'A' <= r && r <= 'Z'
	case 0x0400 <= r && r <= 0x042f:
		return true
	case 0x0430 <= r && r <= 0x045f:
		return false
	}
	return unicode.IsUpper(r)
}

func isLower(r rune) bool {
	switch {
	case r < 0x80:
		return 'a' <= r && r <= 'z'
	case 0x0400 <= r && r <= 0x042f:
		return false
	case 0x0430 <= r && r <= 0x045f:
		return true
	}
	return unicode.IsLower(r)
}

func toLower(r rune) rune {
	switch {
	case r < 0x80:
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	case 0x0410 <= r && r <= 0x042f:
		return r + 0x20
	case 0x0400 <= r && r <= 0x040f:
		return r + 0x50
	case 0x0430 <= r && r <= 0x045f:
		return r
	}
	return unicode.ToLower(r)
}

// decodeRune is utf8.DecodeRuneInString with ASCII and two-byte sequences (Cyrillic, Romanian
// letters) decoded inline; the tokenizer calls it for every rune.
func decodeRune(s string) (rune, int) {
	if len(s) > 0 && s[0] < utf8.RuneSelf {
		return rune(s[0]), 1
	}
	if len(s) >= 2 && s[0] >= 0xc2 && s[0] < 0xe0 && s[1]&0xc0 == 0x80 {
		return rune(s[0]&0x1f)<<6 | rune(s[1]&0x3f), 2
	}
	return utf8.DecodeRuneInString(s)
}
