package check

import (
	"github.com/qa-scorer/qa-scorer/internal/textproc"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// Phrase sets of closing (checklists/<lang>/closing.yaml).
const (
	// SetClosingOffer are offers of more help and checks that the issue is solved: "anything
	// else I can help with?", "did that solve the problem?", "чем ещё могу помочь?",
	// "vă mai pot ajuta cu ceva?". complete_answer reads it too: such a question is no answer.
	SetClosingOffer = "closing.offer"
	// SetClosingFarewell are goodbyes and thanks: "have a great day", "thank you for contacting
	// us", "you're welcome", "всего доброго", "гарного дня", "o zi bună".
	SetClosingFarewell = "closing.farewell"
	// SetClosingWelcome are thanks and leave-taking that count only as a whole sentence
	// ("No worries!", "Пожалуйста!", "Будь ласка!"): at the start of a longer sentence they
	// mean something else ("Пожалуйста, уточните дату").
	SetClosingWelcome = "closing.welcome"
)

var closingSets = []string{SetClosingOffer, SetClosingFarewell, SetClosingWelcome}

// Reasons of closing. The _question variants are for a closing that checks the customer's need
// with a question rather than a closing.offer phrase.
var (
	closingNoReply         = explanation{"closing.na_no_reply", NA, "the customer left before any agent reply"}
	closingLeftWaiting     = explanation{"closing.fail_left_waiting", Fail, `the agent's last reply asks the customer to wait ("{request}") and the agent never comes back to close`}
	closingPass            = explanation{"closing.pass", Pass, `the agent offers more help ("{offer}") and takes leave ("{farewell}")`}
	closingPassQuestion    = explanation{"closing.pass_question", Pass, `the agent asks about the customer's need ("{offer}") and takes leave ("{farewell}")`}
	closingNoFarewell      = explanation{"closing.fail_no_farewell", Fail, `the agent offers more help ("{offer}") but never says goodbye or thanks`}
	closingNoFarewellAsked = explanation{"closing.fail_no_farewell_question", Fail, `the agent asks about the customer's need ("{offer}") but never says goodbye or thanks`}
	closingNoOffer         = explanation{"closing.fail_no_offer", Fail, `the agent takes leave ("{farewell}") without offering more help or checking the issue is solved`}
	closingNeither         = explanation{"closing.fail_neither", Fail, "the agent's last replies neither offer more help nor say goodbye or thanks"}
)

var closingReasons = []explanation{closingNoReply, closingLeftWaiting, closingPass, closingPassQuestion, closingNoFarewell, closingNoFarewellAsked, closingNoOffer, closingNeither}

// closingWindow is how many of the agent's last replies make up the closing: the offer often
// comes in the reply before the customer's "no, that's all", and the goodbye in the last one.
const closingWindow = 2

// Closing passes when the agent's closing (their last closingWindow replies, in any order)
// both offers more help or checks the issue is solved (closing.offer) and says goodbye or
// thanks (closing.farewell, or a sentence of closing.welcome words such as "Пожалуйста!"; such a
// word opening the reply right after the customer's thanks counts too) (spec/checks.md
// §closing). A question to the customer in the closing also counts as checking their need:
// "Is that satisfactory?", "When do you want to leave?" before "Goodbye".
//
// A conversation whose last agent reply asks the customer to wait ("One moment, let me check")
// and the customer writes on without an answer was never closed: it fails on that request.
//
// With only one of the two it fails, naming the missing part, with the part found and the last
// reply as evidence; with neither it fails on the last reply. It is na when no agent replied.
func Closing(in *Input) Result {
	agents := agentTurns(in.Conv)
	if len(agents) == 0 {
		return closingNoReply.result(nil)
	}
	if in.Set(SetClosingOffer) == nil || in.Set(SetClosingFarewell) == nil {
		return in.NoLexicon()
	}
	window := agents[max(0, len(agents)-closingWindow):]
	last := window[len(window)-1]
	if m, ok := in.leftOnHold(); ok {
		ev := in.Evidence(last, m)
		return closingLeftWaiting.result(Args{"request": clip(ev.Text)}, ev)
	}
	pass, noFarewell := closingPass, closingNoFarewell
	offer, hasOffer := in.closingFind(SetClosingOffer, window)
	if !hasOffer {
		pass, noFarewell = closingPassQuestion, closingNoFarewellAsked
		offer, hasOffer = in.closingQuestion(window)
	}
	bye, hasBye := in.closingFarewell(window)
	switch {
	case hasOffer && hasBye:
		return pass.result(Args{"offer": clip(offer.Text), "farewell": clip(bye.Text)}, closingOrdered(offer, bye)...)
	case hasOffer:
		return noFarewell.result(Args{"offer": clip(offer.Text)}, closingMissing(in, offer, last)...)
	case hasBye:
		return closingNoOffer.result(Args{"farewell": clip(bye.Text)}, closingMissing(in, bye, last)...)
	}
	return closingNeither.result(nil, in.TurnEvidence(last))
}

// closingFind returns evidence on the last match of a set in the given turns (the closest to
// the end of the conversation is the one that closes it), widened to the other matches of its
// sentence: "anything else" and "I can help you with" quote as one.
func (in *Input) closingFind(set string, turns []int) (Evidence, bool) {
	for k := len(turns) - 1; k >= 0; k-- {
		ms := in.Find(set, turns[k])
		if len(ms) == 0 {
			continue
		}
		m := ms[len(ms)-1]
		for _, s := range in.Turn(turns[k]).Sentences {
			if m.First < s.First || m.First >= s.Last {
				continue
			}
			for _, o := range ms {
				if o.First >= s.First && o.Start < m.Start {
					m.Start, m.First = o.Start, o.First
					break
				}
			}
		}
		return in.Evidence(turns[k], m), true
	}
	return Evidence{}, false
}

// closingQuestion returns the last question the agent asks in the given turns: asking the
// customer about their need ("Is this satisfactory?", "Where will the taxi pick you up?") at
// the close checks whether anything is left to do, even without a stock offer phrase.
func (in *Input) closingQuestion(turns []int) (Evidence, bool) {
	for k := len(turns) - 1; k >= 0; k-- {
		t := in.Turn(turns[k])
		for si := len(t.Sentences) - 1; si >= 0; si-- {
			if t.Sentences[si].Question {
				return sentenceEvidence(turns[k], t, si), true
			}
		}
	}
	return Evidence{}, false
}

// closingFarewell returns evidence on the last goodbye or thanks in the given turns: a
// closing.farewell phrase, or a sentence made only of closing.welcome phrases.
func (in *Input) closingFarewell(turns []int) (Evidence, bool) {
	for k := len(turns) - 1; k >= 0; k-- {
		i := turns[k]
		ms := in.Find(SetClosingFarewell, i)
		var ev Evidence
		found := false
		if len(ms) > 0 {
			ev, found = in.Evidence(i, ms[len(ms)-1]), true
		}
		t := in.Turn(i)
		welcome := in.Find(SetClosingWelcome, i)
		for si, s := range t.Sentences {
			if !overlapsAny(welcome, s.First, s.Last) || !sentenceCovered(t, s.First, s.Last, welcome) {
				continue
			}
			if !found || s.Start > ev.Start {
				ev, found = sentenceEvidence(i, t, si), true
			}
		}
		if !found && len(welcome) > 0 && len(t.Sentences) > 0 && welcome[0].First == closingFirstWord(t) && in.closingThanked(i) {
			// "Пожалуйста, дайте знать ..." right after the customer's "Спасибо" answers the thanks.
			ev, found = in.Evidence(i, welcome[0]), true
		}
		if found {
			return ev, true
		}
	}
	return Evidence{}, false
}

// closingFirstWord returns the index of the first word token of a text, or -1.
func closingFirstWord(t *textproc.Text) int {
	for k, tok := range t.Tokens {
		if tok.Kind == textproc.Word {
			return k
		}
	}
	return -1
}

// closingThanked reports whether the customer's message just before turn i thanks or takes
// leave: a reply opening with "you're welcome" words then answers it.
func (in *Input) closingThanked(i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch t := in.Conv.Turns[j]; {
		case !t.IsMessage():
			continue
		case t.Speaker == transcript.SpeakerCustomer:
			return len(in.Find(SetClosingFarewell, j)) > 0
		default:
			return false
		}
	}
	return false
}

// closingMissing is the evidence of a closing with one part missing: the part found, and the
// last reply where the other was expected (once, when the part found is in it).
func closingMissing(in *Input, found Evidence, last int) []Evidence {
	if found.Turn == last {
		return []Evidence{found}
	}
	return closingOrdered(found, in.TurnEvidence(last))
}

// closingOrdered returns two pieces of evidence in conversation order, once when they are equal.
func closingOrdered(a, b Evidence) []Evidence {
	if a == b {
		return []Evidence{a}
	}
	if b.Turn < a.Turn || b.Turn == a.Turn && b.Start < a.Start {
		a, b = b, a
	}
	return []Evidence{a, b}
}

// leftOnHold returns the request to wait in the agent's last reply when the customer writes on
// after it and no agent comes back: the conversation was abandoned, not closed or answered.
func (in *Input) leftOnHold() (Match, bool) {
	agents := agentTurns(in.Conv)
	if len(agents) == 0 {
		return Match{}, false
	}
	last := agents[len(agents)-1]
	if m, ok := in.holdRequest(last); ok && customerAfter(in.Conv, last) {
		return m, true
	}
	return Match{}, false
}

// customerAfter reports whether the customer writes after turn i.
func customerAfter(c *transcript.Conversation, i int) bool {
	for _, t := range c.Turns[i+1:] {
		if t.Speaker == transcript.SpeakerCustomer && t.IsMessage() {
			return true
		}
	}
	return false
}
