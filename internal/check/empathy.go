package check

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/qa-scorer/qa-scorer/internal/textproc"
)

// Phrase sets of the empathy check.
const (
	// SetEmpathyEmotion holds what customers write when frustrated, worried, angry or
	// distressed ("this is ridiculous", "уже третий раз", "жахливо", "sunt supărat").
	SetEmpathyEmotion = "empathy.customer_emotion"
	// SetEmpathyPositive holds thanks and joy: a sentence with one of them is not read as
	// shouting, however many capitals or exclamation marks it has ("THANK YOU!!!").
	SetEmpathyPositive = "empathy.positive"
	// SetEmpathyAcknowledge holds an agent's acknowledgement of the customer's feeling ("I
	// understand how frustrating", "понимаю ваше беспокойство", "înțeleg cât de neplăcut").
	SetEmpathyAcknowledge = "empathy.acknowledge"
	// SetEmpathyExclude holds formal apologies that contain an acknowledgement's words and are
	// none ("sorry for the inconvenience", "ne cerem scuze pentru neplăcerea creată", "жаль, что
	// заказ не оправдал ваших ожиданий"): an apology is not an acknowledgement of the feeling.
	SetEmpathyExclude = "empathy.exclude"
)

var empathySets = []string{SetEmpathyEmotion, SetEmpathyPositive, SetEmpathyAcknowledge, SetEmpathyExclude}

// Reasons of empathy: {emotion} is the customer's words that show the feeling. A fail names
// what showed it: an emotion phrase, a negative emoji, capitals or emphatic punctuation.
var (
	empathyFail            = explanation{"empathy.fail", Fail, `the customer shows "{emotion}" and neither of the next two agent replies acknowledges the feeling`}
	empathyFailEmoji       = explanation{"empathy.fail_emoji", Fail, `the customer shows the emoji "{emotion}" and neither of the next two agent replies acknowledges the feeling`}
	empathyFailCaps        = explanation{"empathy.fail_caps", Fail, `the customer shows shouting in capitals "{emotion}" and neither of the next two agent replies acknowledges the feeling`}
	empathyFailPunctuation = explanation{"empathy.fail_punctuation", Fail, `the customer shows emphatic punctuation "{emotion}" and neither of the next two agent replies acknowledges the feeling`}
	empathyNoEmotion       = explanation{"empathy.na_no_emotion", NA, "the customer shows no negative emotion"}
	empathyNoReply         = explanation{"empathy.na_no_reply", NA, `the customer shows emotion ("{emotion}") but no agent reply follows`}
	empathyPass            = explanation{"empathy.pass", Pass, `the agent acknowledges the customer's feeling ("{acknowledgement}") after "{emotion}"`}
)

var empathyReasons = []explanation{empathyFail, empathyFailEmoji, empathyFailCaps, empathyFailPunctuation, empathyNoEmotion, empathyNoReply, empathyPass}

// empathyWindow is how many agent replies after an emotional message may carry the
// acknowledgement: "the next reply or the one after" (spec/checks.md §empathy).
const empathyWindow = 2

// Empathy checks that the agent acknowledges the customer's negative feeling
// (spec/checks.md §empathy).
//
// A trigger is a customer message with an emotion phrase that is not negated ("I'm not angry"
// is none) or a negative emoji from the same set (😡, 😭), or that shouts: three or more words in
// capitals making up at least half of a sentence, or a run of "!!" or "?!", in a sentence with no
// thanks or joy in it.
//
//   - pass: each trigger is acknowledged in one of the next two agent replies, or the agent had
//     already acknowledged the customer's feeling after an earlier trigger (one acknowledgement
//     covers the rest of the outburst). An acknowledgement's words inside a formal apology
//     (empathy.exclude: "sorry for the inconvenience", "ne cerem scuze pentru neplăcerea
//     creată") acknowledge nothing.
//   - fail: a trigger with neither; the evidence is the trigger and the agent reply where the
//     acknowledgement was expected.
//   - na: no trigger, or no agent reply after any trigger (the agent had no chance).
func Empathy(in *Input) Result {
	if in.Set(SetEmpathyEmotion) == nil {
		return in.NoLexicon()
	}
	var first, answered, ack Evidence
	triggers, acknowledged := 0, false
	for _, c := range customerTurns(in.Conv) {
		trig, unacknowledged, ok := in.emotionIn(c)
		if !ok {
			continue
		}
		if triggers++; triggers == 1 {
			first = trig
		}
		window := agentTurnsAfter(in.Conv, c, empathyWindow)
		if len(window) == 0 {
			continue // no reply to judge
		}
		for _, a := range window {
			if m, ok := in.firstUnless(SetEmpathyAcknowledge, a, SetEmpathyExclude); ok {
				answered, ack, acknowledged = trig, in.Evidence(a, m), true
				break
			}
		}
		if !acknowledged {
			return unacknowledged.result(Args{"emotion": clip(trig.Text)}, trig, in.TurnEvidence(window[0]))
		}
		break // one acknowledgement covers the rest of the outburst
	}
	switch {
	case triggers == 0:
		return empathyNoEmotion.result(nil)
	case !acknowledged:
		return empathyNoReply.result(Args{"emotion": clip(first.Text)}, first)
	}
	return empathyPass.result(Args{"acknowledgement": clip(ack.Text), "emotion": clip(answered.Text)}, answered, ack)
}

// firstUnless returns the first non-negated match of set in turn i that overlaps no match of
// the except set. Unlike findUnless it leaves the memoised matches as they are.
func (in *Input) firstUnless(set string, i int, except string) (Match, bool) {
	var drop []Match
	for k, m := range in.Find(set, i) {
		if k == 0 {
			drop = in.Find(except, i)
		}
		if !overlapsAny(drop, m.First, m.Last+1) {
			return m, true
		}
	}
	return Match{}, false
}

// emotionIn returns the first sign of negative emotion in customer turn i, with the reason a
// fail gives when no agent acknowledges it, which names the kind of sign: an emotion phrase,
// else an emoji or shouting.
func (in *Input) emotionIn(i int) (Evidence, explanation, bool) {
	if m, ok := in.FindFirst(SetEmpathyEmotion, i); ok {
		return in.Evidence(i, m), empathyFail, true
	}
	t := in.Turn(i)
	if t == nil {
		return Evidence{}, explanation{}, false
	}
	var positive []Match
	looked := false // the positive phrases are looked up only once a cue shows up
	cheerful := func(s textproc.Sentence) bool {
		if !looked {
			positive, looked = in.Find(SetEmpathyPositive, i), true
		}
		return anyMatchIn(positive, s.First, s.Last)
	}
	if k, ok := symbolPhrase(in.Set(SetEmpathyEmotion), t); ok {
		if si := sentenceOfToken(t, k); si < 0 || !cheerful(t.Sentences[si]) {
			ev := tokenSpanEvidence(i, t, k, k)
			return ev, empathyFailEmoji, true
		}
	}
	for _, s := range t.Sentences {
		if from, to, ok := capsRun(t, s); ok && !cheerful(s) {
			ev := tokenSpanEvidence(i, t, from, to)
			return ev, empathyFailCaps, true
		}
		// "Thanks so much!!!" and "Hello!!" are joy: the marks count unless a positive phrase
		// ends at most three words before them.
		if from, to, ok := exclamationRun(t, s); ok && !(cheerful(s) && positiveBefore(t, positive, s.First, from)) {
			ev := tokenSpanEvidence(i, t, from, to)
			return ev, empathyFailPunctuation, true
		}
	}
	return Evidence{}, explanation{}, false
}

// symbolPhrase returns the first symbol token of t (an emoji such as 😡) that is written as a
// phrase of the set: phrases match words, so symbols are compared with the phrases' source.
func symbolPhrase(set *PhraseSet, t *textproc.Text) (int, bool) {
	if set == nil {
		return -1, false
	}
	for k := range t.Tokens {
		tok := &t.Tokens[k]
		if tok.Kind != textproc.Symbol {
			continue
		}
		sym := strings.TrimRight(tok.Text, "\ufe0f")
		for p := range set.Phrases {
			if src := strings.TrimSpace(set.Phrases[p].Source); src != "" && strings.TrimRight(src, "\ufe0f") == sym {
				return k, true
			}
		}
	}
	return -1, false
}

// positiveBefore reports whether one of the positive matches ends at most three words before
// token k, within the sentence starting at token first.
func positiveBefore(t *textproc.Text, positive []Match, first, k int) bool {
	words := 0
	for j := k - 1; j >= first && words <= 3; j-- {
		if t.Tokens[j].Kind != textproc.Word && t.Tokens[j].Kind != textproc.Number {
			continue
		}
		if tokenInMatches(j, positive) {
			return true
		}
		words++
	}
	return false
}

// capsRun finds shouting in a sentence: at least three words of three or more letters written
// in capitals, making up at least half of its words of that length. It returns the span from
// the first to the last such word.
func capsRun(t *textproc.Text, s textproc.Sentence) (from, to int, ok bool) {
	caps, words := 0, 0
	from, to = -1, -1
	for k := s.First; k < s.Last; k++ {
		tok := &t.Tokens[k]
		if tok.Kind != textproc.Word || utf8.RuneCountInString(tok.Text) < 3 {
			continue
		}
		words++
		if isAllCaps(tok.Text) {
			caps++
			if from < 0 {
				from = k
			}
			to = k
		}
	}
	return from, to, caps >= 3 && caps*2 >= words
}

// isAllCaps reports whether every letter of a word is upper case.
func isAllCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}

// exclamationRun finds a run of adjacent "!" and "?" marks starting in sentence s that shows
// emotion: two or more "!" ("!!", "!!!"), a "!" with a "?" ("?!", "??!"), or two or more "?"
// ("that's it??": exasperation, not a second question). A run may
// run past the sentence (a tokenizer may end a sentence at each mark) but is only found from
// its first mark.
func exclamationRun(t *textproc.Text, s textproc.Sentence) (from, to int, ok bool) {
	for k := s.First; k < s.Last; k++ {
		if b, q := countMarks(t.Tokens[k]); b+q == 0 || (k > 0 && adjacentMark(t, k)) {
			continue
		}
		bangs, marks, end := 0, 0, k
		for j := k; j < len(t.Tokens); j++ {
			b, q := countMarks(t.Tokens[j])
			if b+q == 0 || (j > k && !adjacentMark(t, j)) {
				break
			}
			bangs, marks, end = bangs+b, marks+b+q, j
		}
		if bangs >= 2 || (bangs > 0 && marks > bangs) || marks-bangs >= 2 {
			return k, end, true
		}
		k = end
	}
	return -1, -1, false
}

// adjacentMark reports whether token k follows a "!" or "?" mark with no space between.
func adjacentMark(t *textproc.Text, k int) bool {
	b, q := countMarks(t.Tokens[k-1])
	return b+q > 0 && t.Tokens[k-1].End == t.Tokens[k].Start
}

// countMarks counts "!" and "?" in a punctuation token; any other rune makes it (0, 0).
func countMarks(tok textproc.Token) (bangs, questions int) {
	if tok.Kind != textproc.Punct {
		return 0, 0
	}
	for _, r := range tok.Text {
		switch r {
		case '!', '！':
			bangs++
		case '?', '？':
			questions++
		default:
			return 0, 0
		}
	}
	return bangs, questions
}
