package check

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/qa-scorer/qa-scorer/internal/textproc"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// SetCustomerSignoff is the phrase set of customer thank-yous and farewells ("thanks, bye"):
// a last customer message made only of them needs no reply.
const SetCustomerSignoff = "responded.customer_signoff"

// Reasons of responded.
var (
	respondedNothing = explanation{"responded.pass_nothing_to_answer", Pass, "the customer wrote nothing that needed a reply"}
	respondedPass    = explanation{"responded.pass", Pass, "every customer message has an agent reply after it"}
	respondedSignoff = explanation{"responded.pass_signoff", Pass, "the customer's last message is a thank-you or farewell that needs no reply"}
	respondedFail    = explanation{"responded.fail", Fail, `the customer's message "{message}" got no agent reply`}
	respondedNoAgent = explanation{"responded.fail_no_agent", Fail, "no agent ever replied to the customer"}
)

var respondedReasons = []explanation{respondedNothing, respondedPass, respondedSignoff, respondedFail, respondedNoAgent}

// Responded passes when no customer message is left without an agent reply at the end of the
// conversation (spec/checks.md §responded). It is never na. A final customer message that is
// only a thank-you or farewell, with no question, after the agent has replied, needs no answer.
func Responded(in *Input) Result {
	customers := customerTurns(in.Conv)
	if len(customers) == 0 {
		return respondedNothing.result(nil)
	}
	lastAgent := -1
	for i, t := range in.Conv.Turns {
		if t.Speaker == transcript.SpeakerAgent && t.IsMessage() {
			lastAgent = i
		}
	}
	var unanswered []int
	for _, i := range customers {
		if i > lastAgent {
			unanswered = append(unanswered, i)
		}
	}
	if len(unanswered) == 0 {
		return respondedPass.result(nil)
	}
	if lastAgent >= 0 && in.onlySignoff(unanswered) {
		return respondedSignoff.result(nil)
	}
	last := unanswered[0]
	ev := in.TurnEvidence(last)
	if lastAgent < 0 {
		return respondedNoAgent.result(nil, ev)
	}
	return respondedFail.result(Args{"message": clip(in.Conv.Turns[last].Text)}, ev)
}

// onlySignoff reports whether every sentence of the given customer turns is a sign-off and
// none is a question.
func (in *Input) onlySignoff(turns []int) bool {
	if in.Set(SetCustomerSignoff) == nil {
		return false
	}
	for _, i := range turns {
		t := in.Turn(i)
		if t == nil {
			continue
		}
		matches := in.Find(SetCustomerSignoff, i)
		for _, s := range t.Sentences {
			if s.Question {
				return false
			}
			first := s.First
			isName := func(j int) bool { return in.isAddressedName(t, j, first) }
			if !sentenceCoveredExcept(t, s.First, s.Last, matches, isName) {
				return false
			}
		}
	}
	return true
}

// isAddressedName reports whether token j of a customer message is a name: a form of an agent's
// name ("thank you James", "пані Тетяно" for Тетяна), or a capitalised word inside the sentence.
func (in *Input) isAddressedName(t *textproc.Text, j, sentenceFirst int) bool {
	tok := &t.Tokens[j]
	r, _ := utf8.DecodeRuneInString(tok.Text)
	if !unicode.IsUpper(r) {
		return false
	}
	if j > sentenceFirst {
		return true
	}
	for _, a := range in.Conv.Agents {
		for _, part := range strings.Fields(a.Name) {
			if sameNameStem(textproc.Normalize(t.Lang, part), tok.Norm) {
				return true
			}
		}
	}
	return false
}

// sameNameStem compares two forms of a name by their first four letters (Тетяна, Тетяно).
func sameNameStem(a, b string) bool {
	const n = 4
	if utf8.RuneCountInString(a) < n || utf8.RuneCountInString(b) < n {
		return a == b
	}
	return commonPrefixRunes(a, b) >= n
}
