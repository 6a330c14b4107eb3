package textproc

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// urlLen returns the byte length of a web address at the start of s ("https://…", "www.…"), up
// to the next space, without trailing punctuation that ends the sentence around it; or 0.
func urlLen(s string) int {
	if !hasPrefixFold(s, "http://") && !hasPrefixFold(s, "https://") && !hasPrefixFold(s, "www.") {
		return 0
	}
	n := 0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if unicode.IsSpace(r) || r == '<' || r == '>' || r == '"' || r == '«' || r == '»' {
			break
		}
		n += size
	}
	for n > 0 && strings.IndexByte(".,;:!?)]}'", s[n-1]) >= 0 {
		if s[n-1] == ')' && strings.Contains(s[:n-1], "(") {
			break // a Wikipedia-style address ends with its own bracket
		}
		n--
	}
	return n
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// emailLen returns the byte length of an e-mail address at the start of s, or 0: a local part
// of letters, digits and . _ % + -, an "@", and a domain with at least one dot and a final label
// of two or more letters.
func emailLen(s string) int {
	at := 0
	for at < len(s) && isEmailLocal(s[at]) {
		at++
	}
	if at == 0 || at >= len(s) || s[at] != '@' {
		return 0
	}
	n, lastDot := at+1, -1
	for n < len(s) && (isASCIIAlnum(s[n]) || s[n] == '-' || s[n] == '.') {
		if s[n] == '.' {
			lastDot = n
		}
		n++
	}
	for n > at+1 && s[n-1] == '.' { // the period of the sentence, not of the domain
		n--
		lastDot = strings.LastIndexByte(s[at+1:n], '.')
		if lastDot >= 0 {
			lastDot += at + 1
		}
	}
	if lastDot < 0 || n-lastDot-1 < 2 {
		return 0
	}
	for i := lastDot + 1; i < n; i++ {
		if !('a' <= s[i]|0x20 && s[i]|0x20 <= 'z') {
			return 0
		}
	}
	return n
}

func isEmailLocal(c byte) bool {
	return isASCIIAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

func isASCIIAlnum(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
