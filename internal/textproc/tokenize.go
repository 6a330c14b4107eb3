package textproc

import (
	"unicode"
	"unicode/utf8"
)

// scanner is the Unicode-aware tokenizer used for Russian, Ukrainian and Romanian, and for the
// parts of English text that prose leaves unsplit. It walks the text once, byte by byte, keeping
// the rune offset alongside, so tokens get rune offsets without a []rune copy.
//
// Words are runs of letters, digits and combining marks, held together by
//   - apostrophes between letters (м'який, об’єкт; обʼєкт needs nothing: ʼ is a letter);
//   - hyphens between letters or digits (что-то, будь-який, COVID-19, 4-й), except in Romanian,
//     where "s-a", "într-o", "v-am" are two words each and are split (the hyphen is dropped);
//   - periods in short dotted abbreviations (e.g., т.е., і.т.д.).
//
// Numbers are digit runs with inner . , : between digits (3.5, 16:15, 1,000, 12.05.2024).
type scanner struct {
	text         string
	pos          int // byte offset of the next rune
	rn           int // rune offset of the next rune
	splitHyphens bool
	parens       int // open "(" not yet closed: a ")" with none open is a smiley
	newline      bool
	tokens       []Token
	breaks       []int // indices of tokens preceded by a line break
}

func newScanner(text, lang string, tokens []Token) *scanner {
	return &scanner{text: text, splitHyphens: lang == "ro", tokens: tokens}
}

// scan tokenises text[s.pos:end].
func (s *scanner) scan(end int) {
	for s.pos < end {
		r, size := decodeRune(s.text[s.pos:])
		switch {
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			s.newline = true
			s.advance(size)
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u2060' || unicode.IsControl(r):
			s.advance(size)
		case isWordRune(r):
			s.word(end)
		case r == ':' || r == ';' || r == '=':
			if n := emoticonLen(s.text[s.pos:]); n > 0 {
				s.emitBytes(n, Symbol)
			} else if r == '=' {
				s.emitBytes(size, Symbol)
			} else {
				s.emitBytes(size, Punct)
			}
		case r == '(' || r == ')':
			s.paren()
		case r == '.':
			n := 1
			for s.pos+n < len(s.text) && s.text[s.pos+n] == '.' {
				n++
			}
			s.emitBytes(n, Punct)
		case unicode.IsPunct(r):
			s.emitBytes(size, Punct)
		default:
			s.emitBytes(graphemeLen(s.text[s.pos:]), Symbol)
		}
	}
}

// advance moves past size bytes holding one rune.
func (s *scanner) advance(size int) {
	s.pos += size
	s.rn++
}

// emitBytes emits the next n bytes as one token of the given kind.
func (s *scanner) emitBytes(n int, kind TokenKind) {
	start, startRune := s.pos, s.rn
	s.rn += utf8.RuneCountInString(s.text[start : start+n])
	s.pos += n
	s.emit(start, startRune, kind)
}

// emit appends the token spanning from byte start (rune startRune) to the scanner's position.
func (s *scanner) emit(start, startRune int, kind TokenKind) {
	if s.newline {
		if len(s.tokens) > 0 {
			s.breaks = append(s.breaks, len(s.tokens))
		}
		s.newline = false
	}
	s.tokens = append(s.tokens, Token{Text: s.text[start:s.pos], Start: startRune, End: s.rn, Kind: kind})
}

// paren emits "(" or ")" as punctuation, but runs of two or more, and a ")" that closes
// nothing, as a Symbol: a smiley ("спасибо)))", "ok :)" without the colon).
func (s *scanner) paren() {
	c := s.text[s.pos]
	n := 1
	for s.pos+n < len(s.text) && s.text[s.pos+n] == c {
		n++
	}
	switch {
	case n > 1:
		s.emitBytes(n, Symbol)
	case c == '(':
		s.parens++
		s.emitBytes(1, Punct)
	case s.parens > 0:
		s.parens--
		s.emitBytes(1, Punct)
	default:
		s.emitBytes(1, Symbol)
	}
}

// word scans a word, number, address or dotted abbreviation starting at the scanner's position.
// Addresses and abbreviations may run past end (English: prose splits them); words stop there.
func (s *scanner) word(end int) {
	rest := s.text[s.pos:]
	if rest[0] < utf8.RuneSelf {
		if n := urlLen(rest); n > 0 {
			s.emitBytes(n, URL)
			return
		}
		if n := emailLen(rest); n > 0 {
			s.emitBytes(n, Email)
			return
		}
	}
	if n := dottedAbbrevLen(rest); n > 0 {
		s.emitBytes(n, Word)
		return
	}
	start, startRune := s.pos, s.rn
	first, _ := utf8.DecodeRuneInString(rest)
	digits := isDigit(first) // only digits and numeric separators so far
	var prev rune
	for s.pos < end {
		r, size := decodeRune(s.text[s.pos:])
		switch {
		case isWordRune(r) || r == '\u00ad' || r == '\u200c' || r == '\u200d':
			if !isDigit(r) && !isMark(r) {
				digits = false
			}
		case isApostrophe(r) && isLetter(prev) && isLetter(s.peek(size, end)):
			digits = false
		case isHyphen(r) && isAlnum(prev) && isAlnum(s.peek(size, end)) && !(digits && isDigit(s.peek(size, end))):
			if s.splitHyphens && isLetter(prev) {
				s.emit(start, startRune, Word)
				s.advance(size)
				return
			}
			digits = false
		case (r == '.' || r == ',' || r == ':') && digits && isDigit(prev) && isDigit(s.peek(size, end)):
		default:
			s.finishWord(start, startRune, digits)
			return
		}
		prev = r
		s.advance(size)
	}
	s.finishWord(start, startRune, digits)
}

func (s *scanner) finishWord(start, startRune int, digits bool) {
	kind := Word
	if digits {
		kind = Number
	}
	s.emit(start, startRune, kind)
}

// peek returns the rune after the current one (size bytes long), or 0 at the end.
func (s *scanner) peek(size, end int) rune {
	if s.pos+size >= end {
		return 0
	}
	r, _ := decodeRune(s.text[s.pos+size : end])
	return r
}

func isWordRune(r rune) bool {
	return isLetter(r) || isDigit(r) || isMark(r)
}

func isAlnum(r rune) bool { return isLetter(r) || isDigit(r) }

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', '`', '´', '′', '‛':
		return true
	}
	return false
}

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// dottedAbbrevLen returns the byte length of a dotted abbreviation at the start of s: two or more
// groups of one or two letters, each followed by a period (e.g., i.e., т.е., т.д., U.S.).
func dottedAbbrevLen(s string) int {
	// Quick rejection: a period must follow the first one or two letters.
	r, n1 := utf8.DecodeRuneInString(s)
	if !isLetter(r) || n1 >= len(s) {
		return 0
	}
	if s[n1] != '.' {
		r, n2 := utf8.DecodeRuneInString(s[n1:])
		if !isLetter(r) || n1+n2 >= len(s) || s[n1+n2] != '.' {
			return 0
		}
	}
	n, groups := 0, 0
	for {
		letters := 0
		for letters < 3 && n < len(s) {
			r, size := utf8.DecodeRuneInString(s[n:])
			if !isLetter(r) {
				break
			}
			letters++
			n += size
		}
		if letters == 0 || letters > 2 || n >= len(s) || s[n] != '.' {
			break
		}
		n++
		groups++
		if n >= len(s) {
			break
		}
		if r, _ := utf8.DecodeRuneInString(s[n:]); !isLetter(r) {
			break
		}
	}
	if groups < 2 {
		return 0
	}
	// n may have run into the letters of a following word; cut back to the last period.
	for n > 0 && s[n-1] != '.' {
		n--
	}
	return n
}

// emoticonLen returns the byte length of an emoticon such as :) :-( ;) :D =) at the start of s,
// when it stands alone (not followed by a letter or digit), or 0.
func emoticonLen(s string) int {
	n := 1
	if n < len(s) && s[n] == '-' {
		n++
	}
	mouth := n
	for n < len(s) && isEmoticonMouth(s[n]) && (n == mouth || s[n] == s[mouth]) {
		n++
	}
	if n == mouth {
		return 0
	}
	if n < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[n:]); isAlnum(r) {
			return 0
		}
	}
	return n
}

func isEmoticonMouth(c byte) bool {
	switch c {
	case ')', '(', 'D', 'P', 'p', 'O', 'o', '*', '|', '/', ']', '[':
		return true
	}
	return false
}

// graphemeLen returns the byte length of the symbol at the start of s with everything that
// belongs to it: variation selectors, skin tones, keycaps, zero-width-joined emoji, flag pairs.
func graphemeLen(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	if isRegionalIndicator(r) {
		if r2, size := utf8.DecodeRuneInString(s[n:]); isRegionalIndicator(r2) {
			n += size
		}
		return n
	}
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		switch {
		case r == '\u200d':
			n += size
			if n < len(s) {
				_, next := utf8.DecodeRuneInString(s[n:])
				n += next
			}
		case isMark(r), r >= 0x1f3fb && r <= 0x1f3ff, r >= 0xe0020 && r <= 0xe007f:
			n += size
		default:
			return n
		}
	}
	return n
}

func isRegionalIndicator(r rune) bool { return r >= 0x1f1e6 && r <= 0x1f1ff }
