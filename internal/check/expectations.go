package check

import (
	"strings"
	"unicode"

	"github.com/qa-scorer/qa-scorer/internal/textproc"
)

// Phrase sets of the expectations check.
const (
	// SetExpectationsPromise holds promises of a follow-up or a fix ("we will get back to you",
	// "мы свяжемся с вами", "ми повідомимо", "vă vom contacta", "will be refunded").
	SetExpectationsPromise = "expectations.promise"
	// SetExpectationsTimeframe holds time frames that need no number: days, dates, "tomorrow",
	// "end of day", "в течение часа", "până vineri".
	SetExpectationsTimeframe = "expectations.timeframe"
	// SetExpectationsUnit holds time units ("hours", "рабочих дней", "zile lucrătoare"): a unit
	// right after a number or a numeral word is a time frame ("2 hours", "двух часов").
	SetExpectationsUnit = "expectations.time_unit"
	// SetExpectationsNumeral holds numeral words that make a unit concrete ("two", "двух",
	// "an" in "an hour"); "few" and "several" are left out on purpose.
	SetExpectationsNumeral = "expectations.numeral"
	// SetExpectationsVague holds vague time words and event anchors with no date: "soon",
	// "shortly", "as soon as possible", "as soon as we receive it", "в ближайшее время", "как
	// только", "найближчим часом", "щойно", "în curând", "imediat ce". One of them in a promise's
	// sentence makes the promise vague unless a concrete time frame follows it ("as soon as the
	// line is back, by 8 PM at the latest").
	SetExpectationsVague = "expectations.vague"
)

var expectationsSets = []string{SetExpectationsPromise, SetExpectationsTimeframe, SetExpectationsUnit, SetExpectationsNumeral, SetExpectationsVague}

// Reasons of expectations.
var (
	expectationsFail     = explanation{"expectations.fail", Fail, "promise without a concrete time frame: {promises}"}
	expectationsNA       = explanation{"expectations.na", NA, "the agent promises no follow-up or fix"}
	expectationsPass     = explanation{"expectations.pass", Pass, `every promise carries a time frame: "{promise}"`}
	expectationsPassMore = explanation{"expectations.pass_more", Pass, `every promise carries a time frame: "{promise}" and {more} more`}
)

var expectationsReasons = []explanation{expectationsFail, expectationsNA, expectationsPass, expectationsPassMore}

// Expectations checks that every promise of a follow-up or a fix carries a concrete time frame
// (spec/checks.md §expectations).
//
// A promise is a phrase of expectations.promise in an agent reply, outside a question ("shall I
// call you back?" offers, it does not promise); one per sentence. Its time frame must be in the
// same sentence or the next one of the same reply: a phrase of expectations.timeframe, a time
// unit right after a number or numeral ("within 24 hours", "в течение двух часов", "în 3 zile
// lucrătoare"), a clock time ("16:30") or a date ("12.05", "12/05/2026"). "Soon", "shortly" and
// "в ближайшее время" are not concrete, and a vague word (expectations.vague) in the promise's
// own sentence outweighs a concrete one before it: in "we'll check your December bill and get
// back to you soon" the month dates the bill, not the answer. Only a concrete frame after the
// last vague word keeps such a promise ("as soon as the line is back, by 8 PM").
//
//   - pass: every promise has a time frame.
//   - fail: some do not; each vague promise is listed and cited.
//   - na: no promise.
func Expectations(in *Input) Result {
	if in.Set(SetExpectationsPromise) == nil {
		return in.NoLexicon()
	}
	var vague, kept []Evidence
	for _, a := range agentTurns(in.Conv) {
		t := in.Turn(a)
		promises := in.Find(SetExpectationsPromise, a)
		if t == nil || len(promises) == 0 {
			continue
		}
		frames := in.timeFrames(a, t)
		lastSentence := -1
		for _, m := range promises {
			s := sentenceOfToken(t, m.First)
			if s < 0 || s == lastSentence || t.Sentences[s].Question {
				continue
			}
			lastSentence = s
			ev := in.Evidence(a, m)
			if frames.keeps(s) {
				kept = append(kept, ev)
				continue
			}
			vague = append(vague, ev)
		}
	}
	switch {
	case len(vague) > 0:
		return expectationsFail.result(Args{"promises": quoteList(vague, ", ")}, vague...)
	case len(kept) == 0:
		return expectationsNA.result(nil)
	case len(kept) > 1:
		return expectationsPassMore.result(Args{"promise": clip(kept[0].Text), "more": len(kept) - 1}, kept...)
	}
	return expectationsPass.result(Args{"promise": clip(kept[0].Text)}, kept...)
}

// sentenceFrames is what the sentences of one agent reply say about time: per sentence, the
// token of its last concrete time frame and of its last vague time word (-1 for none).
type sentenceFrames struct {
	concrete, vague []int
}

// keeps reports whether a promise in sentence s has a concrete time frame: one in its sentence
// after any vague word there, or, when the sentence has no time word at all, one in the next
// sentence.
func (f sentenceFrames) keeps(s int) bool {
	if f.vague[s] >= 0 {
		return f.concrete[s] > f.vague[s]
	}
	return f.concrete[s] >= 0 || s+1 < len(f.concrete) && f.concrete[s+1] >= 0 && f.vague[s+1] < 0
}

// timeFrames finds the concrete time frames and the vague time words of agent turn i.
func (in *Input) timeFrames(i int, t *textproc.Text) sentenceFrames {
	f := sentenceFrames{concrete: make([]int, len(t.Sentences)), vague: make([]int, len(t.Sentences))}
	for s := range f.concrete {
		f.concrete[s], f.vague[s] = -1, -1
	}
	vague := in.Find(SetExpectationsVague, i)
	for _, m := range vague {
		if s := sentenceOfToken(t, m.First); s >= 0 {
			f.vague[s] = max(f.vague[s], m.First)
		}
	}
	mark := func(tok int) {
		if s := sentenceOfToken(t, tok); s >= 0 && !tokenInMatches(tok, vague) {
			f.concrete[s] = max(f.concrete[s], tok)
		}
	}
	for _, m := range in.Find(SetExpectationsTimeframe, i) {
		if !overlapsAny(vague, m.First, m.Last+1) { // "imediat" is concrete, "imediat ce" is not
			mark(m.First)
		}
	}
	numerals := in.Find(SetExpectationsNumeral, i)
	for _, m := range in.Find(SetExpectationsUnit, i) {
		if k := prevWordToken(t, m.First); k >= 0 && (isNumberToken(&t.Tokens[k]) || tokenInMatches(k, numerals)) {
			mark(m.First)
		}
	}
	for k := 0; k < len(t.Tokens); k++ {
		if !isNumberToken(&t.Tokens[k]) {
			continue
		}
		// A tokenizer may keep "16:30" whole or split it into "16" ":" "30": read the run of
		// adjacent digits and separators either way.
		run, end := t.Tokens[k].Text, k
		for j := k + 1; j < len(t.Tokens) && t.Tokens[j].Start == t.Tokens[j-1].End; j++ {
			tok := &t.Tokens[j]
			if !isNumberToken(tok) && tok.Text != ":" && tok.Text != "." && tok.Text != "/" {
				break
			}
			run, end = run+tok.Text, j
		}
		if looksLikeClockOrDate(run) {
			mark(k)
		}
		k = end
	}
	return f
}

// prevWordToken returns the index of the word or number right before token k in its sentence,
// or -1 when punctuation or the sentence start comes first ("24-48 hours" reads "48").
func prevWordToken(t *textproc.Text, k int) int {
	for j := k - 1; j >= 0; j-- {
		switch t.Tokens[j].Kind {
		case textproc.Word, textproc.Number:
			return j
		case textproc.Punct:
			if n := t.Tokens[j].Text; n == "-" || n == "–" || n == "—" {
				continue // a range: "2–3 дня"
			}
			return -1
		default:
			return -1
		}
	}
	return -1
}

func isNumberToken(tok *textproc.Token) bool {
	if tok.Kind == textproc.Number {
		return true
	}
	for _, r := range tok.Text {
		return unicode.IsDigit(r)
	}
	return false
}

// looksLikeClockOrDate reports whether a number is a clock time ("16:30", "5pm") or a day and
// month ("12.05", "12/05/2026"): digit groups joined by ":", or by "." or "/" with a plausible
// day and month.
func looksLikeClockOrDate(s string) bool {
	s = strings.TrimRight(s, ".:/") // the full stop after "до 18:00."
	if low := strings.ToLower(s); len(low) > 2 && (strings.HasSuffix(low, "am") || strings.HasSuffix(low, "pm")) {
		s = low[:len(low)-2] // "5pm", "10:30am"
		if !strings.ContainsRune(s, ':') {
			return s != "" && strings.Trim(s, "0123456789") == ""
		}
	}
	if i := strings.IndexByte(s, ':'); i > 0 {
		return i+1 < len(s) && strings.Trim(s, "0123456789:") == ""
	}
	var groups [3]int
	n, digits := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			groups[n] = groups[n]*10 + int(c-'0')
			digits++
		case (c == '.' || c == '/') && digits > 0 && n < 2:
			n, digits = n+1, 0
		default:
			return false
		}
	}
	return n >= 1 && digits > 0 && groups[0] >= 1 && groups[0] <= 31 && groups[1] >= 1 && groups[1] <= 12
}
